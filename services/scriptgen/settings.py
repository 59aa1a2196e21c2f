"""scriptgen's settings. Without an LLM key the chain is just the built-in template writer."""

from pydantic import AliasChoices, Field, SecretStr, field_validator
from pydantic_settings import SettingsConfigDict

from dailycast.settings import SpeechSettings


class ScriptgenSettings(SpeechSettings):
    """The speech provider and pause (SpeechSettings, as tts reads them) size the scripts."""

    # Tests and tools may pass fields by name as well as by their env var aliases.
    model_config = SettingsConfigDict(populate_by_name=True)

    writer_timeout_seconds: float = Field(
        30.0, gt=0, description="longest a writer without its own bound (the template) may take"
    )

    openai_api_key: SecretStr | None = Field(
        None,
        validation_alias=AliasChoices("OPENAI_API_KEY", "DAILYCAST_OPENAI_API_KEY"),
        description="OpenAI API key; when set, OpenAI is the chain's first writer",
    )
    openai_base_url: str | None = Field(
        None,
        validation_alias=AliasChoices("OPENAI_BASE_URL", "DAILYCAST_OPENAI_BASE_URL"),
        description="OpenAI-compatible endpoint, e.g. http://127.0.0.1:8080/v1; default OpenAI's own",
    )
    openai_model: str = Field("gpt-4o-mini", description="OpenAI chat model")
    openai_timeout_seconds: float = Field(25.0, gt=0, description="longest one OpenAI request may take")

    gemini_api_key: SecretStr | None = Field(
        None,
        validation_alias=AliasChoices("GEMINI_API_KEY", "GOOGLE_API_KEY", "DAILYCAST_GEMINI_API_KEY"),
        description="Gemini API key; when set, Gemini follows OpenAI in the chain",
    )
    gemini_base_url: str | None = Field(
        None,
        validation_alias=AliasChoices("GOOGLE_GEMINI_BASE_URL", "DAILYCAST_GEMINI_BASE_URL"),
        description="Gemini API endpoint; default Google's own",
    )
    gemini_model: str = Field("gemini-2.5-flash-lite", description="Gemini model")
    gemini_timeout_seconds: float = Field(25.0, gt=0, description="longest one Gemini request may take")

    llm_max_retries: int = Field(
        2, ge=0, le=10, description="retries of an LLM request after a transient error (429, 5xx, connection)"
    )
    llm_retry_delay_seconds: float = Field(
        1.0, ge=0, description="Gemini's first pause before a retry, doubling after; OpenAI's SDK keeps its own"
    )

    # The account's quotas, shared by every scriptgen replica (a bucket each in the database).
    openai_requests_per_minute: float = Field(10_000, gt=0, description="OpenAI requests a minute for the account and model")
    openai_tokens_per_minute: float = Field(10_000_000, gt=0, description="OpenAI tokens a minute for the account and model")
    gemini_requests_per_minute: float = Field(4_000, gt=0, description="Gemini requests a minute for the project and model")
    gemini_tokens_per_minute: float = Field(4_000_000, gt=0, description="Gemini tokens a minute for the project and model")
    llm_throttled_patience_seconds: float = Field(
        600.0, ge=0, description="how long a throttled (429) LLM is asked again before the chain moves on"
    )

    @field_validator("openai_api_key", "gemini_api_key", "openai_base_url", "gemini_base_url", mode="before")
    @classmethod
    def _blank_is_unset(cls, value):
        # `export OPENAI_API_KEY=` must mean "no OpenAI", not a provider that fails on every call.
        return None if isinstance(value, str) and not value.strip() else value
