"""tts's settings. Without AWS settings, speech is eSpeak NG in process."""

from typing import Literal

from pydantic import Field, field_validator
from pydantic_settings import SettingsConfigDict

from dailycast.settings import SpeechSettings, default_speech

__all__ = ["TtsSettings", "default_speech"]


class TtsSettings(SpeechSettings):
    """The speech provider and the pause are SpeechSettings', which scriptgen reads too."""

    # Tests and tools may pass fields by name as well as by their env var aliases.
    model_config = SettingsConfigDict(populate_by_name=True)

    polly_endpoint_url: str | None = Field(
        None, description="Polly endpoint; default AWS's own (tests: moto or a local server)"
    )
    polly_neural_requests_per_second: float = Field(
        8.0, gt=0, description="Polly requests a second for neural voices, for the account (Polly's quota: 8)"
    )
    polly_standard_requests_per_second: float = Field(
        80.0, gt=0, description="Polly requests a second for standard voices, for the account (Polly's quota: 80)"
    )
    polly_throttled_patience_seconds: float = Field(
        600.0, ge=0, description="how long a throttled Polly request is made again before the podcast fails"
    )
    polly_max_concurrency: int = Field(8, ge=1, le=64, description="Polly requests in flight at once")
    polly_sample_rate: Literal["8000", "16000", "22050", "24000"] | None = Field(
        None, description="MP3 sample rate (Hz); default Polly's: 24000 for neural voices, 22050 for standard"
    )

    @field_validator("polly_endpoint_url", "polly_sample_rate", mode="before")
    @classmethod
    def _blank_polly_is_unset(cls, value):
        return None if isinstance(value, str) and not value.strip() else value
