"""The API service's settings (environment variables, see the README)."""

from __future__ import annotations

import secrets

from pydantic import Field, SecretStr, ValidationInfo, field_validator

from dailycast.costs import Prices, TokenPrice
from dailycast.settings import SpeechSettings
from services.api.schemas import MAX_PAGE_SIZE

MIN_SECRET_BYTES = 32  # HS256's key should be as long as its hash (RFC 7518 3.2)


def _long_enough(name: str, secret: SecretStr, runtime: str) -> SecretStr:
    size = len(secret.get_secret_value().encode())
    if size < MIN_SECRET_BYTES:
        raise ValueError(
            f"{name} must be at least {MIN_SECRET_BYTES} bytes when DAILYCAST_RUNTIME={runtime} "
            f"(it has {size}); for example: openssl rand -hex 32"
        )
    return secret


class ApiSettings(SpeechSettings):
    """SpeechSettings: the accuracy check judges a script at the rate of the voice that speaks it."""

    jwt_secret: SecretStr | None = Field(
        None,
        validate_default=True,
        description="HS256 secret of the platform's bearer tokens, at least 32 bytes outside the embedded runtime; "
        "embedded default: made once in the data dir",
    )
    jwt_audience: str | None = Field(
        None, description="when set, every token must carry it in `aud` (the tokens the API issues do)"
    )
    jwt_issuer: str | None = Field(
        None, description="when set, every token must carry it in `iss` (the tokens the API issues do)"
    )
    platform_events_token: SecretStr | None = Field(
        None,
        description="a service token with which the platform may POST /api/platform-events/ "
        "(`Authorization: Bearer <token>`), at least 32 bytes outside the embedded runtime; unset: staff only",
    )
    max_body_bytes: int = Field(64 * 1024, description="requests with a larger body are refused (422)")
    page_size: int = Field(20, ge=1, le=MAX_PAGE_SIZE, description="default page size of lists")
    document_cache_mb: int = Field(
        64, ge=0, description="megabytes of podcast documents each API process keeps in memory on PostgreSQL "
        "(0: none); a document is fetched again only when its row changed",
    )
    seed_demo: bool = Field(True, description="on first start, publish the demo platform's learners")
    stuck_after_seconds: int = Field(
        900, description="a podcast still pending or generating after this long is marked failed"
    )
    daily_request_limit: int = Field(
        5, ge=0, description="podcasts a learner may request for themself per UTC day (then 429); "
        "staff are not limited; 0: no limit",
    )
    scheduler: bool = Field(
        True, description="run the daily scheduler in this API process (one replica acts at a time, by a lease)"
    )
    daily_lead_minutes: int = Field(
        60, ge=0, le=24 * 60, description="request a learner's daily podcast this long before their delivery time"
    )
    scheduler_interval_seconds: float = Field(60.0, gt=0, description="how often the scheduler looks for due podcasts")
    retention_days: int = Field(
        30, ge=1, description="podcasts older than this are deleted, with their audio and sent-log rows, every night"
    )
    cleanup_hour: int = Field(3, ge=0, le=23, description="the hour (UTC) of the nightly cleanup")
    # The providers' list prices, for the cost estimate the projector records (dailycast/costs.py).
    openai_input_usd_per_million_tokens: float = Field(0.15, ge=0, description="OpenAI's price of prompt tokens")
    openai_output_usd_per_million_tokens: float = Field(0.60, ge=0, description="OpenAI's price of answer tokens")
    gemini_input_usd_per_million_tokens: float = Field(0.10, ge=0, description="Gemini's price of prompt tokens")
    gemini_output_usd_per_million_tokens: float = Field(
        0.40, ge=0, description="Gemini's price of answer (and thinking) tokens"
    )
    polly_standard_usd_per_million_characters: float = Field(4.00, ge=0, description="Polly's standard voices")
    polly_neural_usd_per_million_characters: float = Field(16.00, ge=0, description="Polly's neural voices")
    dev_signin: bool | None = Field(
        None,
        description="the web pages' development sign-in (pick a demo learner or staff, POST /dev/token); "
        "default: on in the embedded runtime, off in the kafka runtime",
    )

    @field_validator("jwt_secret", "jwt_audience", "jwt_issuer", "platform_events_token", mode="before")
    @classmethod
    def _blank_is_unset(cls, value):
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("jwt_secret")
    @classmethod
    def _secret_outside_development(cls, secret: SecretStr | None, info: ValidationInfo) -> SecretStr | None:
        runtime = info.data.get("runtime")  # validated before: CommonSettings' fields come first
        if runtime is None or runtime == "embedded":
            return secret
        if secret is None:
            raise ValueError(f"DAILYCAST_JWT_SECRET must be set when DAILYCAST_RUNTIME={runtime}")
        return _long_enough("DAILYCAST_JWT_SECRET", secret, runtime)

    @field_validator("platform_events_token")
    @classmethod
    def _token_outside_development(cls, token: SecretStr | None, info: ValidationInfo) -> SecretStr | None:
        runtime = info.data.get("runtime")
        if token is None or runtime is None or runtime == "embedded":
            return token
        return _long_enough("DAILYCAST_PLATFORM_EVENTS_TOKEN", token, runtime)

    def prices(self) -> Prices:
        return Prices(
            tokens={
                "openai": TokenPrice(self.openai_input_usd_per_million_tokens, self.openai_output_usd_per_million_tokens),
                "gemini": TokenPrice(self.gemini_input_usd_per_million_tokens, self.gemini_output_usd_per_million_tokens),
            },
            characters={
                "standard": self.polly_standard_usd_per_million_characters,
                "neural": self.polly_neural_usd_per_million_characters,
            },
        )

    def dev_signin_enabled(self) -> bool:
        return self.dev_signin if self.dev_signin is not None else self.runtime == "embedded"

    def resolved_jwt_secret(self) -> str:
        """The plain secret, for signing and verifying only: the configured one, or (embedded
        default) one made once and kept in the data dir."""
        if self.jwt_secret is not None:
            return self.jwt_secret.get_secret_value()
        path = self.data_dir / "jwt-secret"
        if not path.exists():
            self.data_dir.mkdir(parents=True, exist_ok=True)
            path.write_text(secrets.token_urlsafe(32))
            path.chmod(0o600)
        return path.read_text().strip()
