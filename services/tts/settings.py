"""tts's settings."""

from typing import Literal

from pydantic import Field

from dailycast.settings import CommonSettings


class TtsSettings(CommonSettings):
    pause_seconds: float = Field(5.0, ge=0, le=10, description="the student's thinking pause after each question")
    speech: Literal["local"] = Field("local", description="local: eSpeak NG in process")
