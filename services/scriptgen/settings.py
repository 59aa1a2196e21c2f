"""scriptgen's settings."""

from pydantic import Field

from dailycast.settings import CommonSettings


class ScriptgenSettings(CommonSettings):
    writer_timeout_seconds: float = Field(30.0, gt=0, description="longest a writer may take before the next is tried")
