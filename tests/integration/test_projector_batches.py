"""The projector applies events handled at the same time in one transaction per batch, still once each."""

from __future__ import annotations

import asyncio
from datetime import time, timedelta

import pytest
import sqlalchemy as sa
from sqlalchemy.orm import sessionmaker

from dailycast import events as ev
from dailycast.database import make_engine
from services.api.db import (
    DailyPodcast, DeliveryPreference, Enrollment, Learner, PodcastAnswer, PodcastRating, ProcessedEvent,
)
from services.api.projector import Projector
from services.scriptgen.handlers import write_script
from tests.utils.factories import learner, podcast_requested
from tests.utils.fakes import FakeWriter
from tests.utils.system import running_on_database


@pytest.fixture(params=["sqlite", "postgresql"])
def projector(request, monkeypatch, tmp_path):
    """A projector of its own on the system's database, counting its commits."""
    with running_on_database(request.param, monkeypatch, tmp_path / "data") as api:
        engine = make_engine(str(api.container.session_factory.kw["bind"].url.render_as_string(hide_password=False)))
        commits = []
        sa.event.listen(engine, "commit", lambda connection: commits.append(1))
        projector = Projector(sessionmaker(engine, expire_on_commit=False), api.container.settings.prices())
        projector.commits = commits
        yield projector
        engine.dispose()


def learner_events(first: int, count: int) -> list:
    now = ev.utcnow()
    return [ev.UserUpserted(ev.new_event_id(), now, n, f"l{n}@example.com", f"Learner {n}", "en-US", True, False)
            for n in range(first, first + count)]


async def handle_all(projector: Projector, events: list) -> list:
    return await asyncio.gather(*(projector.handle(e) for e in events), return_exceptions=True)


async def test_events_handled_at_once_share_a_transaction(projector):
    events = learner_events(1000, 200)
    assert await handle_all(projector, events) == [[]] * 200
    assert len(projector.commits) <= 3  # one batch, or two if the first began before the rest queued
    with projector.session_factory() as session:
        assert session.scalar(sa.select(sa.func.count()).select_from(Learner).where(Learner.id >= 1000)) == 200

    before = len(projector.commits)
    assert await handle_all(projector, events) == [[]] * 200  # redelivered: nothing changes
    with projector.session_factory() as session:
        assert session.scalar(sa.select(sa.func.count()).select_from(Learner).where(Learner.id >= 1000)) == 200
        assert session.scalar(sa.select(sa.func.count()).select_from(ProcessedEvent).where(
            ProcessedEvent.event_id.in_([e.event_id for e in events]))) == 200
    assert len(projector.commits) - before <= 3


async def test_a_bad_event_fails_alone_and_the_rest_of_its_batch_is_applied(projector):
    now = ev.utcnow()
    good = learner_events(2000, 20)
    bad = ev.EnrollmentChanged(ev.new_event_id(), now, 999_999, 5, "Biology", True)  # an unknown learner
    enrolled = ev.EnrollmentChanged(ev.new_event_id(), now, 1, 5, "Biology", True)  # a demo learner
    outcomes = await handle_all(projector, [*good[:10], bad, enrolled, *good[10:]])
    assert isinstance(outcomes[10], LookupError)
    assert [o for i, o in enumerate(outcomes) if i != 10] == [[]] * 21
    with projector.session_factory() as session:
        assert session.scalar(sa.select(sa.func.count()).select_from(Learner).where(Learner.id >= 2000)) == 20
        assert session.get(Enrollment, (1, 5)) is not None
        assert session.get(ProcessedEvent, ("api-projector", bad.event_id)) is None  # it comes again


async def test_answers_and_preferences_saved_later_are_kept_over_an_older_event(projector):
    """The API writes answers and preferences at once and sends their events after; one of an
    older save, applied after a newer save, changes nothing."""
    earlier, later = ev.utcnow() - timedelta(seconds=5), ev.utcnow()
    projector.apply(podcast_requested(podcast_id=70, learner=learner(user_id=1)))
    projector.apply(ev.AnswersSaved(ev.new_event_id(), later, 70, 1, [ev.Answer("q1", "newer")]))
    projector.apply(ev.AnswersSaved(ev.new_event_id(), earlier, 70, 1, [ev.Answer("q1", "older"), ev.Answer("q2", "b")]))
    projector.apply(ev.AnswersSaved(ev.new_event_id(), later, 70, 2, [ev.Answer("q3", "another attempt's")]))
    chosen = dict(daily=True, languages=["fr"], output_format="text", minutes=3, time_zone="Europe/Paris")
    projector.apply(ev.DeliveryPreferencesChanged(ev.new_event_id(), later, 1, **chosen, delivery_time=time(8, 0)))
    projector.apply(ev.DeliveryPreferencesChanged(ev.new_event_id(), earlier, 1, **chosen, delivery_time=time(6, 0)))
    with projector.session_factory() as session:
        answers = session.scalars(sa.select(PodcastAnswer).where(PodcastAnswer.podcast_id == 70)).all()
        assert {a.question_id: a.answer for a in answers} == {"q1": "newer", "q2": "b"}
        assert session.get(DeliveryPreference, 1).delivery_time == time(8, 0)


@pytest.mark.parametrize("output_format", ["text", "audio"])
async def test_a_podcast_is_completed_by_its_last_result_and_its_completion_writes_nothing_more(projector,
                                                                                               output_format):
    """The script of a text podcast, the audio of the others, completes it: the PodcastCompleted
    right behind changes nothing, so the row and its document are not written again."""
    requested = podcast_requested(podcast_id=80, learner=learner(user_id=1), output_format=output_format)
    projector.apply(requested)
    (ready,) = [e for e in await write_script(requested, writer=FakeWriter()) if isinstance(e, ev.ScriptReady)]
    projector.apply(ready)
    if output_format == "audio":
        projector.apply(ev.AudioReady(ev.new_event_id(), ev.utcnow(), 80, 1, [ev.AudioTrack("en", "a.mp3", 300.0, "v", "s")]))

    def written() -> tuple:
        with projector.session_factory() as session:
            row = session.get(DailyPodcast, 80)
            return row.status, row.updated_at

    status, updated_at = written()
    assert status == "completed"
    projector.apply(ev.completed_after(ready))
    assert written() == (status, updated_at)


def _graded(at, answered_at, covered, score=0.5, podcast_id=71):
    return ev.AnswerGraded(ev.new_event_id(), at, podcast_id, 1, "q1", answered_at, covered, score, "feedback", "local")


async def test_a_grade_is_kept_for_the_answer_it_graded_and_only_a_newer_regrade_replaces_it(projector):
    t = [ev.utcnow() + timedelta(seconds=n) for n in range(6)]
    projector.apply(podcast_requested(podcast_id=71, learner=learner(user_id=1)))

    def submitted(at, text):
        return ev.AnswerSubmitted(ev.new_event_id(), at, 71, 1, "q1", text, "Why?", ["a", "b"], "en")

    def stored() -> PodcastAnswer:
        with projector.session_factory() as session:
            return session.get(PodcastAnswer, (71, "q1"))

    projector.apply(submitted(t[0], "first"))
    first_grade = _graded(t[1], t[0], ["a"])
    projector.apply(first_grade)
    assert stored().grade.key_points_covered == ["a"] and stored().graded_at == t[1]
    projector.apply(_graded(t[0], t[0], []))  # an older grade of it, late: ignored
    projector.apply(first_grade)  # redelivered: nothing changes
    assert stored().grade.key_points_covered == ["a"]
    projector.apply(_graded(t[2], t[0], ["a", "b"], 1.0))  # a regrade: newer, it wins
    assert (stored().grade.score, stored().graded_at) == (1.0, t[2])

    projector.apply(submitted(t[3], "second"))  # answered again: the old grade goes
    assert (stored().answer, stored().grade) == ("second", None)
    projector.apply(_graded(t[4], t[0], ["a", "b"], 1.0))  # the first answer's, regraded late: not this one's
    assert stored().grade is None
    projector.apply(submitted(t[3], "second"))  # redelivered, after its grade: the grade stays
    projector.apply(_graded(t[5], t[3], ["b"]))
    projector.apply(submitted(t[3], "second"))
    assert stored().grade.key_points_covered == ["b"]


async def test_thumbs_keep_the_newest_per_topic_and_one_taken_back_is_gone(projector):
    t = [ev.utcnow() + timedelta(seconds=n) for n in range(3)]
    projector.apply(podcast_requested(podcast_id=72, learner=learner(user_id=1)))

    def rated(at, *ratings):
        return ev.PodcastRated(ev.new_event_id(), at, 72, 1, [ev.Rating(topic, thumb) for topic, thumb in ratings])

    projector.apply(rated(t[1], (ev.WHOLE_PODCAST, "up"), ("Django Fundamentals", "down")))
    projector.apply(rated(t[0], (ev.WHOLE_PODCAST, "down")))  # older: the newer stands
    projector.apply(rated(t[2], ("Django Fundamentals", "none"), ("Python Advanced", "up")))
    projector.apply(ev.PodcastRated(ev.new_event_id(), t[2], 999_999, 1, [ev.Rating("", "up")]))  # no such podcast
    with projector.session_factory() as session:
        rows = session.scalars(sa.select(PodcastRating).where(PodcastRating.podcast_id == 72)).all()
        assert {(r.topic, r.thumb, r.user_id) for r in rows} == {("", "up", 1), ("Python Advanced", "up", 1)}
