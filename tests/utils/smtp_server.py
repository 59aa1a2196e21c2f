"""A real SMTP server for tests: aiosmtpd on 127.0.0.1, on a free port, in its own thread.

    with smtp_server(starttls=True, login=("ada", "secret")) as server:
        mailer = SmtpMailer(server.host, server.port, username="ada", password="secret",
                            tls_context=server.client_tls_context())
        ...
        server.envelopes[0].message()   # what the server received, parsed

Variants: plain; STARTTLS (`starttls=True`) or TLS from the start (`implicit_tls=True`) with a
self-signed certificate made at test time (validation stays on: clients trust it through
`client_tls_context()` or `ca_file`); login required (`login=(user, password)`, AUTH PLAIN and
LOGIN, only after TLS); and `reply="451 try again"` to refuse every message's data.
"""

from __future__ import annotations

import datetime
import email
import email.policy
import ipaddress
import socket
import ssl
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email.message import EmailMessage
from pathlib import Path

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


@dataclass(frozen=True)
class Received:
    """One accepted message, as the server saw it."""

    mail_from: str
    rcpt_tos: list[str]
    content: bytes
    authenticated_as: str | None

    def message(self) -> EmailMessage:
        return email.message_from_bytes(self.content, policy=email.policy.default)


@dataclass
class RecordingHandler:
    """Keeps every message the server accepts; `reply` (e.g. "451 try again") refuses them all."""

    reply: str | None = None
    envelopes: list[Received] = field(default_factory=list)

    async def handle_DATA(self, server, session, envelope) -> str:
        if self.reply:
            return self.reply
        login = session.auth_data.login.decode() if isinstance(session.auth_data, LoginPassword) else None
        self.envelopes.append(Received(envelope.mail_from, list(envelope.rcpt_tos), envelope.content, login))
        return "250 OK"


@dataclass(frozen=True)
class SelfSignedCertificate:
    """A certificate for 127.0.0.1 and localhost, its key, both as PEM files."""

    cert_file: Path
    key_file: Path

    def server_context(self) -> ssl.SSLContext:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(self.cert_file, self.key_file)
        return context

    def client_context(self) -> ssl.SSLContext:
        """Verifies the server's certificate and name, trusting this one certificate."""
        return ssl.create_default_context(cafile=str(self.cert_file))


def make_certificate(folder: Path) -> SelfSignedCertificate:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "dailycast test SMTP")])
    now = datetime.datetime.now(datetime.timezone.utc)
    names = [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName(names), critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_file, key_file = folder / "smtp-cert.pem", folder / "smtp-key.pem"
    cert_file.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    return SelfSignedCertificate(cert_file, key_file)


class _BoundController(Controller):
    """Listens on a socket bound before start, so port 0 gives a free port without a race."""

    def __init__(self, handler, sock: socket.socket, **kwargs):
        host, port = sock.getsockname()[:2]
        super().__init__(handler, hostname=host, port=port, **kwargs)
        self._sock = sock

    def _create_server(self):
        return self.loop.create_server(self._factory_invoker, sock=self._sock, ssl=self.ssl_context)


@dataclass
class SmtpServer:
    host: str
    port: int
    handler: RecordingHandler
    certificate: SelfSignedCertificate | None

    @property
    def envelopes(self) -> list[Received]:
        return self.handler.envelopes

    @property
    def ca_file(self) -> Path | None:
        return self.certificate.cert_file if self.certificate else None

    def client_tls_context(self) -> ssl.SSLContext:
        assert self.certificate, "this server speaks no TLS"
        return self.certificate.client_context()


def _authenticator(user: str, password: str):
    def authenticate(server, session, envelope, mechanism, auth_data) -> AuthResult:
        ok = isinstance(auth_data, LoginPassword) and (auth_data.login, auth_data.password) == (
            user.encode(),
            password.encode(),
        )
        return AuthResult(success=ok, handled=False, auth_data=auth_data if ok else None)

    return authenticate


@contextmanager
def smtp_server(
    *,
    starttls: bool = False,
    implicit_tls: bool = False,
    login: tuple[str, str] | None = None,
    reply: str | None = None,
) -> Iterator[SmtpServer]:
    """Run an SMTP server for the duration of the block."""
    assert not (starttls and implicit_tls), "STARTTLS or TLS from the start, not both"
    with tempfile.TemporaryDirectory(prefix="dailycast-smtp-") as folder:
        certificate = make_certificate(Path(folder)) if starttls or implicit_tls else None
        handler = RecordingHandler(reply=reply)
        sock = socket.create_server(("127.0.0.1", 0))
        options: dict = {"ready_timeout": 10.0}
        if starttls:
            options.update(tls_context=certificate.server_context(), require_starttls=True)
        if implicit_tls:
            options.update(ssl_context=certificate.server_context())
        if login:
            # aiosmtpd counts only STARTTLS as TLS for AUTH; with TLS from the start it is TLS anyway
            # (aiosmtpd then warns "Requiring AUTH while not requiring TLS": filter it in the test).
            options.update(authenticator=_authenticator(*login), auth_required=True, auth_require_tls=not implicit_tls)
        controller = _BoundController(handler, sock, **options)
        controller.start()
        try:
            yield SmtpServer(controller.hostname, controller.port, handler, certificate)
        finally:
            controller.stop()
            sock.close()
