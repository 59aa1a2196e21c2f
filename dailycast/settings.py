"""Settings every service shares; each service's own settings extend these."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import AliasChoices, Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class CommonSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="DAILYCAST_", extra="ignore")

    runtime: Literal["embedded", "kafka"] = Field(
        "embedded", description="embedded: one process, SQLite and an in-process log; kafka: one process per service"
    )
    data_dir: Path = Field(Path(".dailycast"), description="where the embedded runtime keeps its files")
    partitions: int = Field(3, ge=1, description="partitions of each topic created by the system")
    host: str = Field("127.0.0.1", description="address the API listens on")
    port: int = Field(8000, description="the API's HTTP port")
    public_url: str | None = Field(None, description="base URL students reach; default http://host:port")
    kafka_bootstrap_servers: str = Field(
        "127.0.0.1:9092",
        validation_alias=AliasChoices("KAFKA_BOOTSTRAP_SERVERS", "DAILYCAST_KAFKA_BOOTSTRAP_SERVERS"),
        description="Kafka brokers (kafka runtime)",
    )
    topic_prefix: str = Field("", description="prefix of every Kafka topic and consumer group (tests use one each)")
    database_url: str | None = Field(
        None,
        validation_alias=AliasChoices("DATABASE_URL", "DAILYCAST_DATABASE_URL"),
        description="SQLAlchemy URL; default: SQLite in the data dir",
    )

    def resolved_public_url(self) -> str:
        return (self.public_url or f"http://{self.host}:{self.port}").rstrip("/")

    def resolved_database_url(self) -> str:
        return self.database_url or f"sqlite:///{self.data_dir.resolve() / 'dailycast.db'}"

    @property
    def event_log_path(self) -> Path:
        return self.data_dir / "events.db"

    @property
    def audio_dir(self) -> Path:
        """Where the local audio store keeps files (tts writes, the API serves)."""
        return self.data_dir / "audio"
