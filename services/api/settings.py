"""The API service's settings (environment variables, see the README)."""

from __future__ import annotations

import secrets

from pydantic import Field, model_validator

from dailycast.settings import CommonSettings


class ApiSettings(CommonSettings):
    jwt_secret: str | None = Field(
        None, description="HS256 secret of the platform's bearer tokens; embedded default: made once in the data dir"
    )
    max_body_bytes: int = Field(64 * 1024, description="requests with a larger body are refused (422)")
    page_size: int = Field(20, ge=1, le=200, description="default page size of lists")
    seed_demo: bool = Field(True, description="on first start, publish the demo platform's learners")
    stuck_after_seconds: int = Field(
        900, description="a podcast still pending or generating after this long is marked failed"
    )
    dev_signin: bool | None = Field(
        None,
        description="the web pages' development sign-in (pick a demo learner or staff, POST /dev/token); "
        "default: on in the embedded runtime, off in the kafka runtime",
    )

    @model_validator(mode="after")
    def _secret_outside_development(self) -> "ApiSettings":
        if self.runtime == "kafka" and not self.jwt_secret:
            raise ValueError("DAILYCAST_JWT_SECRET must be set when DAILYCAST_RUNTIME=kafka")
        return self

    def dev_signin_enabled(self) -> bool:
        return self.dev_signin if self.dev_signin is not None else self.runtime == "embedded"

    def resolved_jwt_secret(self) -> str:
        """The configured secret, or (embedded default) one made once and kept in the data dir."""
        if self.jwt_secret:
            return self.jwt_secret
        path = self.data_dir / "jwt-secret"
        if not path.exists():
            self.data_dir.mkdir(parents=True, exist_ok=True)
            path.write_text(secrets.token_urlsafe(32))
            path.chmod(0o600)
        return path.read_text().strip()
