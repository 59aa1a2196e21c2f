"""The Mailer port over SMTP (aiosmtplib): STARTTLS, implicit TLS or plain, with an optional login.

Failures raise `MailDeliveryError`, so the consumer's retries and then its dead-letter topic apply:
a refused connection, a timeout or a 4xx reply (`transient`) usually passes on a retry; a 5xx
reply (a refused login or recipient) will not, and ends in the dead-letter topic with the reason.

Unlike the outbox, an SMTP server cannot tell a resend from a new mail: if the process dies after
the server accepted the message but before the sent log recorded it, the learner gets it twice.
Both copies carry the same deterministic Message-ID, which mail clients use to drop the repeat.
"""

from __future__ import annotations

import ssl
from email.message import Message
from pathlib import Path
from typing import Literal

import aiosmtplib

from services.notifier.mailer import MailDeliveryError

TlsMode = Literal["starttls", "tls", "none"]

DEFAULT_PORTS: dict[str, int] = {"starttls": 587, "tls": 465, "none": 25}


class SmtpMailer:
    """Sends each message on its own connection: one email per podcast needs no pool."""

    def __init__(
        self,
        host: str,
        port: int | None = None,
        *,
        username: str | None = None,
        password: str | None = None,
        tls_mode: TlsMode = "starttls",
        timeout_seconds: float = 30.0,
        validate_certs: bool = True,
        cert_bundle: str | Path | None = None,
        tls_context: ssl.SSLContext | None = None,
    ) -> None:
        if tls_mode not in DEFAULT_PORTS:
            raise ValueError(f"tls_mode must be one of {', '.join(DEFAULT_PORTS)}, not {tls_mode!r}")
        if password is not None and username is None:
            raise ValueError("an SMTP password needs a username")
        if cert_bundle is not None and tls_context is not None:
            raise ValueError("give cert_bundle or tls_context, not both")
        self.host = host
        self.port = port or DEFAULT_PORTS[tls_mode]
        self.username = username
        self._password = password
        self.tls_mode = tls_mode
        self.timeout_seconds = timeout_seconds
        self.validate_certs = validate_certs
        self.cert_bundle = str(cert_bundle) if cert_bundle is not None else None
        self.tls_context = tls_context

    def describe(self) -> str:
        """Where mail goes, without the password: `user@host:port (starttls)`."""
        user = f"{self.username}@" if self.username else ""
        return f"{user}{self.host}:{self.port} ({self.tls_mode})"

    async def send(self, message: Message) -> None:
        """Hand the message to the server (sender and recipients from its headers), or raise."""
        try:
            await aiosmtplib.send(message, **self._options())
        except (aiosmtplib.SMTPException, OSError) as exc:
            raise self._error("sending", exc) from exc

    async def check(self) -> None:
        """Connect, greet, upgrade to TLS and log in as a send would, then quit; sends nothing."""
        client = aiosmtplib.SMTP(**self._options())
        try:
            await client.connect()
            await client.ehlo()
            await client.quit()
        except (aiosmtplib.SMTPException, OSError) as exc:
            raise self._error("checking", exc) from exc
        finally:
            client.close()

    def _options(self) -> dict:
        return {
            "hostname": self.host,
            "port": self.port,
            "username": self.username,
            "password": self._password,
            "use_tls": self.tls_mode == "tls",
            # Demanded, not opportunistic: a server that stops offering STARTTLS must not get
            # the login and the mail in clear text.
            "start_tls": self.tls_mode == "starttls",
            "timeout": self.timeout_seconds,
            "validate_certs": self.validate_certs,
            "cert_bundle": self.cert_bundle,
            "tls_context": self.tls_context,
        }

    def _error(self, doing: str, exc: Exception) -> MailDeliveryError:
        code = getattr(exc, "code", None)
        transient = not (isinstance(code, int) and 500 <= code < 600)
        reason = getattr(exc, "message", None) or str(exc) or type(exc).__name__
        detail = f"{code} {reason}" if isinstance(code, int) else f"{type(exc).__name__}: {reason}"
        return MailDeliveryError(f"SMTP {doing} via {self.describe()} failed: {detail}", transient=transient)
