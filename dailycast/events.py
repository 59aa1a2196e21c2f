"""The events that flow between services, each declared once with its topic and key.

Their wire form is the Avro schema in schemas/ (a test ties every class to its schema). All of a
podcast's events share one topic, keyed by podcast id, so they stay in the order they were made:
the projector never sees PodcastCompleted before the ScriptReady or AudioReady that came first.
Platform events share another, keyed by user id, so an enrollment never overtakes its learner.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timezone

from dailycast.failure_reasons import failure_reason
from dailycast.languages import language_of_locale
from dailycast.learner import LearnerContext
from dailycast.scripts import Question

# Output events get ids derived from the event that caused them, so a redelivered input
# yields the very same output events and every consumer can drop the repeats by id.
_EVENT_NAMESPACE = uuid.UUID("6f1c1d9e-5a4e-4c57-9a53-3d7f0c0b2d11")


def derived_event_id(cause_event_id: str, event_type: str, part: str = "") -> str:
    return str(uuid.uuid5(_EVENT_NAMESPACE, f"{cause_event_id}:{event_type}:{part}"))


PODCAST_EVENTS = "dailycast.podcast-events"
LEARNER_EVENTS = "platform.learner-events"


@dataclass(frozen=True)
class EventType:
    """An event class, the topic it goes to and the field whose value is its key."""

    cls: type
    topic: str
    key_field: str

    def key(self, event: object) -> bytes:
        return str(getattr(event, self.key_field)).encode()


EVENT_TYPES: dict[str, EventType] = {}  # by class name, as in the Avro schema's name


def registered(topic: str, key: str) -> Callable[[type], type]:
    """Declare an event class's topic and key (the name of the field that holds it)."""

    def register(cls: type) -> type:
        EVENT_TYPES[cls.__name__] = EventType(cls, topic, key)
        return cls

    return register


def event_type(event: object) -> EventType:
    return EVENT_TYPES[type(event).__name__]


def new_event_id() -> str:
    return str(uuid.uuid4())


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


@dataclass(frozen=True)
class Recipient:
    """Who hears about the podcast, carried along so the notifier needs no lookups."""

    user_id: int
    name: str
    email: str
    locale: str


@dataclass(frozen=True)
class ScriptText:
    language: str
    text: str


@dataclass(frozen=True)
class QuestionTime:
    """Where a question sits in one language's audio."""

    question_id: str
    starts_at: float  # seconds: the question begins
    pause_at: float  # seconds: the question has been asked; the student's pause begins


@dataclass(frozen=True)
class SentenceTime:
    """Where one sentence of the script is spoken in one language's audio: the rolling transcript."""

    start_ms: int
    end_ms: int
    text: str  # as written in the script (Japanese with its kanji, whatever the engine was given)


@dataclass(frozen=True)
class Chapter:
    """A chapter of one language's audio: a segment (paragraph) of the script, or a question."""

    start_ms: int
    title: str


@dataclass(frozen=True)
class AudioTrack:
    language: str
    audio_key: str  # key in the audio store
    duration_seconds: float
    voice: str
    synthesizer: str
    question_times: list[QuestionTime] = field(default_factory=list)
    # Priced per engine (v2); None in a v1 event.
    engine: str | None = None  # neural | standard | local
    billed_characters: int | None = None  # what the speech provider billed (Polly: speech marks too); local: 0
    # The transcript and chapters (v3); empty in older events.
    sentences: list[SentenceTime] = field(default_factory=list)
    chapters: list[Chapter] = field(default_factory=list)
    size_bytes: int | None = None  # the stored MP3's, tags included: a feed's enclosure length


@registered(PODCAST_EVENTS, key="podcast_id")
@dataclass(frozen=True)
class PodcastRequested:
    event_id: str
    occurred_at: datetime
    podcast_id: int
    attempt: int
    for_date: date
    languages: list[str]
    output_format: str  # text | audio | both
    learner: LearnerContext
    requested_by: int
    minutes: int = 6  # the audio's length asked for: 3, 6 or 10 (v1 events: 6)

    @property
    def recipient(self) -> Recipient:
        l = self.learner
        return Recipient(user_id=l.user_id, name=l.name, email=l.email, locale=l.locale)


@registered(PODCAST_EVENTS, key="podcast_id")
@dataclass(frozen=True)
class ScriptReady:
    event_id: str
    occurred_at: datetime
    podcast_id: int
    attempt: int
    languages: list[str]
    output_format: str
    scripts: list[ScriptText]
    questions: list[Question]
    courses: list[str]
    writer: str
    recipient: Recipient
    model: str | None = None
    tokens_used: int | None = None
    # Priced apart (v2); None in a v1 event, and when no model was called (the template).
    input_tokens: int | None = None
    output_tokens: int | None = None

    def script(self, language: str) -> str:
        return next(s.text for s in self.scripts if s.language == language)


@registered(PODCAST_EVENTS, key="podcast_id")
@dataclass(frozen=True)
class AudioReady:
    event_id: str
    occurred_at: datetime
    podcast_id: int
    attempt: int
    tracks: list[AudioTrack]


@registered(PODCAST_EVENTS, key="podcast_id")
@dataclass(frozen=True)
class PodcastCompleted:
    event_id: str
    occurred_at: datetime
    podcast_id: int
    attempt: int
    languages: list[str]
    output_format: str
    recipient: Recipient


@registered(PODCAST_EVENTS, key="podcast_id")
@dataclass(frozen=True)
class PodcastFailed:
    event_id: str
    occurred_at: datetime
    podcast_id: int
    attempt: int
    step: str  # scriptgen | tts | timeout (the API's sweeper)
    reason: str  # for the student to read
    detail: str  # for operators
    recipient: Recipient


@registered(PODCAST_EVENTS, key="podcast_id")
@dataclass(frozen=True)
class PodcastDeleted:
    event_id: str
    occurred_at: datetime
    podcast_id: int


@dataclass(frozen=True)
class Answer:
    question_id: str
    answer: str


@registered(PODCAST_EVENTS, key="podcast_id")
@dataclass(frozen=True)
class AnswersSaved:
    """The learner saved answers (occurred_at is when): in the topics, the read model can be rebuilt with them."""

    event_id: str
    occurred_at: datetime
    podcast_id: int
    attempt: int
    answers: list[Answer]


@registered(PODCAST_EVENTS, key="podcast_id")
@dataclass(frozen=True)
class AnswerSubmitted:
    """The learner saved an answer (occurred_at is when: the answer's version); scriptgen grades it.

    It carries the question and its key points, so the grader needs no lookup; the read model can
    be rebuilt with it, as with AnswersSaved, which it follows."""

    event_id: str
    occurred_at: datetime
    podcast_id: int
    attempt: int
    question_id: str
    answer: str
    question: str  # in `language`
    key_points: list[str]  # in `language`
    language: str  # the podcast's primary language: of the key points and the feedback


@registered(PODCAST_EVENTS, key="podcast_id")
@dataclass(frozen=True)
class AnswerGraded:
    event_id: str
    occurred_at: datetime  # when it was graded: of two grades of one answer version, the newer is kept
    podcast_id: int
    attempt: int
    question_id: str
    answered_at: datetime  # the graded answer's version (its AnswerSubmitted's occurred_at)
    key_points_covered: list[str]
    score: float  # 0..1
    feedback: str  # for the learner, in the podcast's language
    grader: str  # openai | gemini | local
    model: str | None = None


WHOLE_PODCAST = ""  # a Rating's topic when the thumb is for the podcast as a whole


@dataclass(frozen=True)
class Rating:
    topic: str  # a course or subject of the podcast, or WHOLE_PODCAST
    thumb: str  # up | down | none (taken back)


@registered(PODCAST_EVENTS, key="podcast_id")
@dataclass(frozen=True)
class PodcastRated:
    """Thumbs up or down from the learner, for the podcast or its topics (occurred_at: a later one wins)."""

    event_id: str
    occurred_at: datetime
    podcast_id: int
    user_id: int
    ratings: list[Rating]


# Platform events: published by the learning platform, keyed by user id.
@registered(LEARNER_EVENTS, key="user_id")
@dataclass(frozen=True)
class UserUpserted:
    event_id: str
    occurred_at: datetime
    user_id: int
    email: str
    name: str
    locale: str
    active: bool = True
    is_staff: bool = False


@registered(LEARNER_EVENTS, key="user_id")
@dataclass(frozen=True)
class EnrollmentChanged:
    event_id: str
    occurred_at: datetime
    user_id: int
    course_id: int
    course_title: str
    enrolled: bool


@registered(LEARNER_EVENTS, key="user_id")
@dataclass(frozen=True)
class FeedRotated:
    """A learner asked for a new private feed URL: the old one stops working."""

    event_id: str
    occurred_at: datetime
    user_id: int
    generation: int  # 1, 2, ...: the feed's token is made from it (0 until the first rotation)


@registered(LEARNER_EVENTS, key="user_id")
@dataclass(frozen=True)
class DeliveryPreferencesChanged:
    """The platform sets a learner's delivery preferences (all of them, as the API's PUT does)."""

    event_id: str
    occurred_at: datetime
    user_id: int
    daily: bool
    languages: list[str]
    output_format: str
    minutes: int
    delivery_time: time  # local, in time_zone
    time_zone: str


@registered(LEARNER_EVENTS, key="user_id")
@dataclass(frozen=True)
class QuizScored:
    event_id: str
    occurred_at: datetime
    user_id: int
    quiz_id: int
    subject: str
    score: float  # 0..1
    scored_at: datetime


Event = (
    PodcastRequested
    | ScriptReady
    | AudioReady
    | PodcastCompleted
    | PodcastFailed
    | PodcastDeleted
    | AnswersSaved
    | AnswerSubmitted
    | AnswerGraded
    | PodcastRated
    | UserUpserted
    | EnrollmentChanged
    | DeliveryPreferencesChanged
    | QuizScored
)


def completed_after(cause: PodcastRequested | ScriptReady) -> PodcastCompleted:
    """The completion decided by the service that finishes last, derived from its input."""
    return PodcastCompleted(
        event_id=derived_event_id(cause.event_id, "PodcastCompleted"),
        occurred_at=utcnow(),
        podcast_id=cause.podcast_id,
        attempt=cause.attempt,
        languages=cause.languages,
        output_format=cause.output_format,
        recipient=cause.recipient,
    )


def failed_after(cause: PodcastRequested | ScriptReady, step: str, detail: str) -> PodcastFailed:
    """The podcast failed at `step`: the reason for the learner in their language, `detail` for operators."""
    return PodcastFailed(
        event_id=derived_event_id(cause.event_id, "PodcastFailed"),
        occurred_at=utcnow(),
        podcast_id=cause.podcast_id,
        attempt=cause.attempt,
        step=step,
        reason=failure_reason(step, language_of_locale(cause.recipient.locale)),
        detail=detail,
        recipient=cause.recipient,
    )
