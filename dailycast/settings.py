"""Settings every service shares; each service's own settings extend these."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from pydantic import AliasChoices, Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from dailycast.aws import aws_configured
from dailycast.speech_length import Speech


class CommonSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="DAILYCAST_", extra="ignore")

    runtime: Literal["embedded", "kafka"] = Field(
        "embedded", description="embedded: one process, SQLite and an in-process log; kafka: one process per service"
    )
    data_dir: Path = Field(Path(".dailycast"), description="where the embedded runtime keeps its files")
    partitions: int = Field(3, ge=1, description="partitions of each topic created by the system")
    worker_concurrency: int = Field(
        32, ge=1, le=1024, description="messages each consumer handles at once (a podcast's own events in order)"
    )
    log_format: Literal["text", "json"] = Field(
        "text", description="text: a readable line a record; json: one JSON object a line, with trace and podcast ids"
    )
    host: str = Field("127.0.0.1", description="address the API (and a worker's ops port) listens on")
    ops_port: int | None = Field(
        None, ge=0, le=65535,
        description="a worker's HTTP port for /livez, /readyz and /metrics; default 8101 scriptgen, 8102 tts, "
                    "8103 notifier; 0: any free port",
    )
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
    # Audio on Amazon S3: tts writes there and the API hands out presigned links to the same bucket.
    s3_bucket: str | None = Field(None, description="S3 bucket of the audio (private); unset: the local audio folder")
    s3_prefix: str = Field("", description="prefix of every audio object's key in the bucket")
    s3_endpoint_url: str | None = Field(None, description="S3 endpoint; default AWS's own (tests: moto's server)")
    aws_region: str | None = Field(
        None,
        validation_alias=AliasChoices("DAILYCAST_AWS_REGION", "AWS_REGION", "AWS_DEFAULT_REGION"),
        description="AWS region of S3 and Polly; default boto3's own configuration",
    )
    audio_url_ttl_seconds: int = Field(
        300, ge=1, le=7 * 24 * 3600, description="lifetime of the presigned audio links in API responses"
    )

    @field_validator("s3_bucket", "s3_endpoint_url", "aws_region", mode="before")
    @classmethod
    def _blank_aws_is_unset(cls, value):
        # `export DAILYCAST_S3_BUCKET=` must mean "no S3", not a bucket named "".
        return None if isinstance(value, str) and not value.strip() else value

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


def default_speech() -> str:
    """Amazon Polly when the environment configures AWS (see `aws_configured`), else local."""
    return "polly" if aws_configured(os.environ) else "local"


class SpeechSettings(CommonSettings):
    """How scripts are spoken, chosen here once: tts speaks with it, scriptgen sizes scripts for it."""

    pause_seconds: float = Field(5.0, ge=0, le=10, description="the student's thinking pause after each question")
    speech: Literal["local", "polly"] = Field(
        default_factory=default_speech,
        description="local: eSpeak NG in process; polly: Amazon Polly. Default: polly when AWS is configured",
    )

    @field_validator("speech", mode="before")
    @classmethod
    def _blank_speech_is_default(cls, value):
        return default_speech() if isinstance(value, str) and not value.strip() else value

    def spoken_by(self) -> Speech:
        """The provider and pause a script's length is measured against."""
        return Speech(self.speech, self.pause_seconds)
