"""The API's request and response bodies."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timezone
from functools import cache
from typing import Annotated, Literal
from zoneinfo import available_timezones

from pydantic import (
    AfterValidator,
    AwareDatetime,
    StrictBool,
    BeforeValidator,
    BaseModel,
    ConfigDict,
    Field,
    ValidationInfo,
    field_validator,
    model_validator,
)

from dailycast.events import WHOLE_PODCAST, QuestionTime, Rating
from dailycast.preferences import DeliveryPreferences
from dailycast.progress import ProgressQuestion, ProgressSummary
from dailycast.scripts import Question
from services.api.safe_json import first_surrogate

Language = Literal["en", "ja", "es", "fr", "de", "it", "pt", "ru", "ko"]
OutputFormat = Literal["text", "audio", "both"]
MAX_ANSWER_CHARS = 5000

# The bounds of every number a client sends, defined once (the README's API section lists them).
MAX_ID = 2**63 - 1  # user ids: the platform's BIGINT (JWT `sub`, `user_id` in bodies and queries)
MAX_PODCAST_ID = 2**31 - 1  # podcast ids: the read model's INTEGER key; a larger id is unknown (404)
MAX_PAGE_SIZE = 200
MAX_PAGE = 1_000_000_000  # so that the offset, (page - 1) * page_size, stays far inside 64 bits


def _unicode(text: str) -> str:
    at = first_surrogate(text)
    if at is not None:
        raise ValueError(f"not valid Unicode text: a lone surrogate at character {at}")
    if "\x00" in text:  # valid Unicode, but no database's text type keeps it (PostgreSQL refuses it)
        raise ValueError(f"a NUL character at character {text.index(chr(0))}")
    return text


def _json_integer(value: object) -> object:
    # JSON Schema's integer is a value: 2 and 2.0 are one; true, "2" and 2.5 are not.
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValueError("must be a JSON integer")
    if isinstance(value, float):
        if not value.is_integer():  # also NaN and the infinities
            raise ValueError("must be a JSON integer")
        return int(value)
    return value


def _text_only(what: str, form: str) -> Callable[[object], object]:
    # JSON has no dates or times: they are text; a number is neither, whatever pydantic allows.
    def text(value: object) -> object:
        if not isinstance(value, str):
            raise ValueError(f"must be {what} as text, {form}")
        return value

    return text


IsoDate = Annotated[date, BeforeValidator(_text_only("a date", "YYYY-MM-DD"))]
# A point in time: RFC 3339 text with its offset (without one, text names no instant), kept in UTC.
Instant = Annotated[
    AwareDatetime, BeforeValidator(_text_only("an instant", "for example 2026-09-01T09:00:00Z")),
    AfterValidator(lambda moment: moment.astimezone(timezone.utc)),
]
# A JSON integer (not a boolean, a string or a fraction): `Annotated[int, Field(<bounds>), JSON_INTEGER]`,
# the bounds first, so that they stay the integer's own (its `minimum` and `maximum` in the schema).
JSON_INTEGER = BeforeValidator(_json_integer)
# A podcast's length: one of dailycast.speech_length.LENGTHS_MINUTES, a JSON integer.
Minutes = Annotated[Literal[3, 6, 10], JSON_INTEGER]
# A user id in a JSON body: a JSON integer within its bounds.
UserId = Annotated[int, Field(ge=1, le=MAX_ID), JSON_INTEGER]
# Text a client sends: valid Unicode without NUL, so that it can be stored and sent back as UTF-8.
Text = Annotated[str, AfterValidator(_unicode)]
NO_NUL = "^[^\\u0000]*$"  # the same rule in the OpenAPI schema (surrogates it cannot state)


LANGUAGES: tuple[str, ...] = Language.__args__


def _is_string(field: str) -> dict:
    return {"required": [field], "properties": {field: {"type": "string"}}}


# The rules between fields, stated in the OpenAPI schema too, so clients (and the fuzz test) know
# what is valid without calling: `languages` or the seed's pair, never both; a secondary language
# needs a primary one, and another one.
_LANGUAGE_RULES = {
    "not": {"allOf": [{"required": ["languages"], "properties": {"languages": {"type": "array"}}},
                      {"anyOf": [_is_string("primary_language"), _is_string("secondary_language")]}]},
    "allOf": [
        {"if": _is_string("secondary_language"), "then": _is_string("primary_language")},
        *({"if": {"required": ["primary_language"], "properties": {"primary_language": {"const": code}}},
           "then": {"properties": {"secondary_language": {"not": {"const": code}}}}} for code in LANGUAGES),
    ],
}


class PodcastCreate(BaseModel):
    """Either `primary_language` (+ optional `secondary_language`), as in the seed, or `languages`."""

    model_config = ConfigDict(extra="forbid", json_schema_extra=_LANGUAGE_RULES)

    user_id: UserId | None = Field(
        None, description="whose podcast (1 to 2^63-1); default: yourself (only staff may name another)"
    )
    primary_language: Language | None = Field(None, description="default: the learner's locale")
    secondary_language: Language | None = None
    languages: list[Language] | None = Field(
        None, min_length=1, max_length=2, description="primary first", json_schema_extra={"uniqueItems": True}
    )
    output_format: OutputFormat = "both"
    minutes: Minutes | None = Field(None, description="the audio's length: 3, 6 or 10 minutes; default: the learner's preferences' (6)")

    @field_validator("languages")
    @classmethod
    def _distinct(cls, value: list[str] | None) -> list[str] | None:
        if value and len(set(value)) != len(value):
            raise ValueError("the same language twice")
        return value

    @model_validator(mode="after")
    def _one_way_to_say_languages(self) -> "PodcastCreate":
        if self.languages and (self.primary_language or self.secondary_language):
            raise ValueError("languages: give either languages or primary_language/secondary_language")
        if self.secondary_language and not self.primary_language:
            raise ValueError("primary_language: required with secondary_language")
        if self.secondary_language and self.secondary_language == self.primary_language:
            raise ValueError("secondary_language: must differ from primary_language")
        return self

    def requested_languages(self) -> list[str] | None:
        if self.languages:
            return list(self.languages)
        if self.primary_language:
            return [self.primary_language] + ([self.secondary_language] if self.secondary_language else [])
        return None


Answer = Annotated[Text, Field(max_length=MAX_ANSWER_CHARS, json_schema_extra={"pattern": NO_NUL})]


class RegenerateIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    fresh_learner: StrictBool = Field(
        False, description="write for the learner as they are now (courses, level, weak subjects), "
                           "not as they were when the podcast was first requested",
    )


REPLAY_LIMIT = 1000  # podcasts one replay request may choose; `dailycast replay` has no limit


# Stated in the schema, checked by services/api/replay.py's Selection: something must be chosen.
_REPLAY_CHOICE = {"anyOf": [
    {"required": ["podcast_ids"], "properties": {"podcast_ids": {"minItems": 1}}},
    {"required": ["user_id"], "properties": {"user_id": {"type": "integer"}}},
    {"required": ["from_date"], "properties": {"from_date": {"type": "string"}}},
    {"required": ["to_date"], "properties": {"to_date": {"type": "string"}}},
    {"required": ["failed"], "properties": {"failed": {"const": True}}},
]}


class ReplayIn(BaseModel):
    """Which podcasts to request again: at least one criterion, and all those given must hold."""

    model_config = ConfigDict(extra="forbid", json_schema_extra=_REPLAY_CHOICE)

    podcast_ids: list[Annotated[int, Field(ge=1, le=MAX_PODCAST_ID), JSON_INTEGER]] = Field(
        [], max_length=REPLAY_LIMIT)
    user_id: UserId | None = None
    from_date: IsoDate | None = Field(None, description="podcasts for this date or later")
    to_date: IsoDate | None = Field(None, description="podcasts for this date or earlier")
    failed: StrictBool = Field(False, description="only failed podcasts")
    fresh_learner: StrictBool = Field(False, description="write for the learners as they are now")
    dry_run: StrictBool = Field(False, description="say which podcasts, request nothing")


class ReplayOut(BaseModel):
    dry_run: bool
    podcast_ids: list[int] = Field(description="requested again (or, dry, that would be)")
    skipped: dict[int, str] = Field(description="podcast id -> why it was not requested")


class AnswersIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    answers: dict[Text, Answer] = Field(
        ..., description="answers keyed by question id (q1..q3) or by the question's text", max_length=3,
        json_schema_extra={"propertyNames": {"pattern": NO_NUL}},
    )
    written_at: Instant | None = Field(
        None, description="when the learner wrote them, for answers sent later (written offline): an answer "
        "older than the one stored is not saved; a time after now counts as now; default now",
    )


Thumb = Literal["up", "down", "none"]  # none takes a thumb back
Topic = Annotated[Text, Field(min_length=1, max_length=300, json_schema_extra={"pattern": NO_NUL})]


class RatingIn(BaseModel):
    # The schema says what the validator checks: a thumb for the podcast, or at least one topic's.
    model_config = ConfigDict(extra="forbid", json_schema_extra={"anyOf": [
        {"required": ["podcast"], "properties": {"podcast": {"not": {"type": "null"}}}},
        {"required": ["topics"], "properties": {"topics": {"minProperties": 1}}},
    ]})

    podcast: Thumb | None = Field(None, description="a thumb for the podcast as a whole (omitted: unchanged)")
    topics: dict[Topic, Thumb] = Field(
        default_factory=dict, max_length=20,
        description="thumbs by topic: a course or subject of the podcast (its `topics` in RatingOut)",
    )

    @model_validator(mode="after")
    def _something_rated(self) -> RatingIn:
        if self.podcast is None and not self.topics:
            raise ValueError("rate the podcast or at least one topic")
        return self

    def ratings(self) -> list[Rating]:
        whole = [Rating(WHOLE_PODCAST, self.podcast)] if self.podcast else []
        return whole + [Rating(topic, thumb) for topic, thumb in self.topics.items()]


class RatingOut(BaseModel):
    podcast_id: int
    podcast: Literal["up", "down"] | None = Field(description="the thumb for the podcast as a whole")
    topics: dict[str, Literal["up", "down"]] = Field(description="the thumbs given to its topics")
    rateable_topics: list[str] = Field(description="what the podcast is about: the topics one may rate")


# PodcastOut's validation context: (audio key, language) -> the url clients fetch that audio at.
AudioLink = Callable[[str, str], str]


# An AudioTrack as clients see it: a url instead of the store's key, no synthesizer.
# (Comments, not docstrings: those would become descriptions in the OpenAPI schema.)
class AudioOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    language: str
    url: str = Field(validation_alias="audio_key")  # read from the track's key, made a link below
    duration_seconds: float
    voice: str
    question_times: list[QuestionTime]

    @field_validator("url")
    @classmethod
    def _link(cls, key: str, info: ValidationInfo) -> str:
        return info.context(key, info.data["language"])


class QuestionOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: str
    text: dict[str, str]
    times: dict[str, QuestionTime] = Field(default_factory=dict, description="language -> time in its audio")


# A DailyPodcast row as the API shows it; validate it with an AudioLink as context.
class PodcastOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    user_id: int
    status: Literal["pending", "generating", "completed", "failed"]
    error_message: str | None
    for_date: date
    attempt: int
    language: str
    primary_language: str
    secondary_language: str | None
    output_format: OutputFormat
    minutes: int = Field(description="the audio's length asked for: 3, 6 or 10 minutes")
    script_text: str | None = Field(description="the primary language's script; null for audio-only")
    scripts: dict[str, str] = Field(description="every language's script; empty for audio-only")
    # The seed's four columns, which the projector fills from the tracks (their keys become links).
    audio_file: str | None
    audio_file_secondary: str | None
    duration_seconds: int | None
    duration_seconds_secondary: int | None
    audio: list[AudioOut] = Field(validation_alias="audio_tracks")
    llm_provider: str | None
    llm_model: str | None
    tts_provider: str | None
    included_courses: list[str]
    questions_asked: list[str]
    questions: list[QuestionOut] = Field(validation_alias="questions_asked")
    created_at: datetime
    updated_at: datetime
    # Last: a stored document (services/api/documents.py) ends with it, and reads put the answers there.
    student_answers: dict[str, str]

    @field_validator("audio_file", "audio_file_secondary")
    @classmethod
    def _link(cls, key: str | None, info: ValidationInfo) -> str | None:
        language = info.data["primary_language" if info.field_name == "audio_file" else "secondary_language"]
        return info.context(key, language) if key else None

    @field_validator("questions_asked", mode="before")
    @classmethod
    def _primary_texts(cls, questions: list[Question], info: ValidationInfo) -> list[str]:
        # The seed's questions_asked: just the texts, in the primary language.
        return [q.text.get(info.data["primary_language"], "") for q in questions]

    @model_validator(mode="after")
    def _shaped_for_clients(self) -> PodcastOut:
        if self.output_format == "audio":  # audio-only podcasts keep their script to themselves
            self.script_text, self.scripts = None, {}
        times: dict[str, dict[str, QuestionTime]] = {}  # each track holds its questions' times; show them by question too
        for track in self.audio:
            for at in track.question_times:
                times.setdefault(at.question_id, {})[track.language] = at
        for q in self.questions:
            q.times = times.get(q.id, {})
        return self


class PodcastPage(BaseModel):
    count: int
    next: str | None
    previous: str | None
    results: list[PodcastOut]


class ProgressOut(BaseModel):
    podcast_id: int
    progress: ProgressSummary
    questions: list[ProgressQuestion]


class TranscriptOut(BaseModel):
    podcast_id: int
    scripts: dict[str, str] = Field(description="every language's script, also of an audio-only podcast")


class AnswersOut(BaseModel):
    podcast_id: int
    answers: dict[str, str]
    progress: ProgressSummary


@cache
def _time_zones() -> frozenset[str]:
    return frozenset(available_timezones())


def _time_zone(name: str) -> str:
    if name not in _time_zones():
        raise ValueError(f"not an IANA time zone: {name!r} (for example Europe/Paris, Asia/Tokyo, UTC)")
    return name


def _local_time(text: str) -> time:
    return time.fromisoformat(text)  # the pattern has made sure it is HH:MM


LocalTime = Annotated[
    str, Field(pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9]$", description="local time, HH:MM from 00:00 to 23:59",
               examples=["07:00"]),
]


class PreferencesIn(BaseModel):
    """A learner's delivery preferences, all of them (PUT replaces what was saved)."""

    model_config = ConfigDict(extra="forbid")

    daily: StrictBool = Field(description="a podcast every day, ready at delivery_time")
    languages: list[Language] = Field(
        min_length=1, max_length=2, description="one or two, primary first", json_schema_extra={"uniqueItems": True}
    )
    output_format: OutputFormat
    minutes: Minutes = Field(description="the podcast's length in minutes: 3, 6 or 10")
    delivery_time: LocalTime
    # The schema lists every zone, so clients (and the fuzz test) know the valid ones without calling.
    time_zone: Annotated[str, AfterValidator(_time_zone)] = Field(
        description="IANA time zone of delivery_time", examples=["Asia/Tokyo"],
        json_schema_extra=lambda schema: schema.update(enum=sorted(_time_zones())),
    )

    @field_validator("languages")
    @classmethod
    def _distinct_languages(cls, value: list[str]) -> list[str]:
        if len(set(value)) != len(value):
            raise ValueError("the same language twice")
        return value

    def preferences(self) -> DeliveryPreferences:
        return DeliveryPreferences(
            daily=self.daily, languages=list(self.languages), output_format=self.output_format, minutes=self.minutes,
            delivery_time=_local_time(self.delivery_time), time_zone=self.time_zone,
        )


class PreferencesOut(PreferencesIn):
    user_id: int


# Estimates in USD from whole micro-dollars (dailycast/costs.py); null where unknown: an attempt of
# an older version's events, or a provider without a price.
class AttemptCostOut(BaseModel):
    attempt: int
    for_date: date
    llm_provider: str | None = Field(description="the writer: openai, gemini or template; null until it wrote")
    llm_model: str | None
    input_tokens: int | None = Field(description="the prompt's, as billed; null when no model was called")
    output_tokens: int | None = Field(description="the answer's (and a thinking model's thoughts)")
    script_cost_usd: float | None
    tts_provider: str | None = Field(description="polly or espeak; null without audio")
    speech_characters: int | None = Field(description="characters billed, the speech marks' requests too; local: 0")
    speech_cost_usd: float | None
    estimated_cost_usd: float = Field(description="the script's and the speech's, what is known of them")


class DayCostOut(BaseModel):
    for_date: date
    podcasts: int
    attempts: int = Field(description="the podcasts' attempts: regenerations count again, deletions still count")
    input_tokens: int
    output_tokens: int
    speech_characters: int
    script_cost_usd: float
    speech_cost_usd: float
    estimated_cost_usd: float
