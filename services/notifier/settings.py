"""notifier's settings: the outbox folder by default, an SMTP server when DAILYCAST_SMTP_HOST is set."""

from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, model_validator

from dailycast.settings import CommonSettings


class NotifierSettings(CommonSettings):
    outbox_dir: Path | None = Field(None, description="folder of .eml files; default: <data dir>/outbox")
    sender: str = Field("Dailycast <podcasts@dailycast.local>", description="From: of every email")
    smtp_host: str | None = Field(None, description="SMTP server; when set, mail goes there instead of the outbox")
    smtp_port: int | None = Field(
        None, ge=1, le=65535, description="SMTP port; default by smtp_tls: 587 (starttls), 465 (tls), 25 (none)"
    )
    smtp_username: str | None = Field(None, description="SMTP login; none: send without logging in")
    smtp_password: SecretStr | None = Field(None, description="SMTP password (needs smtp_username)")
    smtp_tls: Literal["starttls", "tls", "none"] = Field(
        "starttls", description="starttls: upgrade a plain connection (required); tls: TLS from the start; none"
    )
    smtp_timeout_seconds: float = Field(30.0, gt=0, description="longest one SMTP connection or command may take")
    smtp_ca_file: Path | None = Field(
        None, description="PEM file of extra CA certificates to trust for the SMTP server (a private CA)"
    )

    @model_validator(mode="after")
    def _password_needs_username(self) -> "NotifierSettings":
        if self.smtp_password is not None and not self.smtp_username:
            raise ValueError("DAILYCAST_SMTP_PASSWORD is set but DAILYCAST_SMTP_USERNAME is not")
        return self

    def resolved_outbox_dir(self) -> Path:
        return self.outbox_dir or self.data_dir / "outbox"
