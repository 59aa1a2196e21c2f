"""notifier's settings."""

from pathlib import Path

from pydantic import Field

from dailycast.settings import CommonSettings


class NotifierSettings(CommonSettings):
    outbox_dir: Path | None = Field(None, description="folder of .eml files; default: <data dir>/outbox")
    sender: str = Field("Dailycast <podcasts@dailycast.local>", description="From: of every email")

    def resolved_outbox_dir(self) -> Path:
        return self.outbox_dir or self.data_dir / "outbox"
