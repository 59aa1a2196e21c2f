"""Alembic migrations (migrations/, dailycast/migrations.py) on SQLite and on PostgreSQL.

The PostgreSQL cases run on the server DATABASE_URL names, each in a fresh database:

    bash deploy/infra.sh up && eval "$(bash deploy/infra.sh env)"
    .venv/bin/pytest -q tests/integration/test_migrations.py

Without a postgresql DATABASE_URL they are skipped (the reason says so).
"""

from __future__ import annotations

import subprocess
import sys
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from dailycast.migrations import MIGRATIONS_DIR, current_revision, head_revision, upgrade
from dailycast.database import make_engine
from dailycast.events import AudioTrack, QuestionTime
from dailycast.scripts import Question
from services.api.db import Base, DailyPodcast
from services.notifier.sent_log import metadata as notifier_metadata
from services.scriptgen.cancellations import metadata as scriptgen_metadata
from dailycast.messaging.dead_letters import metadata as dead_letter_metadata
from dailycast.quotas import metadata as quota_metadata
from tests.utils.postgres import each_database_url, fresh_database, postgres_base_url  # noqa: F401 (fixture)

REPO = Path(__file__).resolve().parents[2]
METADATAS = [Base.metadata, notifier_metadata, quota_metadata, dead_letter_metadata, scriptgen_metadata]
ALL_TABLES = {name for metadata in METADATAS for name in metadata.tables}


def table_names(url: str) -> set[str]:
    engine = sa.create_engine(url)
    try:
        with engine.connect() as connection:
            return set(sa.inspect(connection).get_table_names())
    finally:
        engine.dispose()


def differences(url: str, metadatas=METADATAS) -> list:
    """What autogenerate would put in a new migration: models vs the migrated schema."""
    engine = sa.create_engine(url)
    try:
        with engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            return compare_metadata(context, metadatas)
    finally:
        engine.dispose()


def test_one_linear_history_starting_at_0001():
    assert (MIGRATIONS_DIR / "env.py").is_file()
    assert (MIGRATIONS_DIR / "versions" / "0001_initial.py").is_file()
    assert head_revision() is not None
    # The migrations import nothing of ours: a later model change must not change an old migration.
    for path in (MIGRATIONS_DIR / "versions").glob("*.py"):
        source = path.read_text()
        assert "services." not in source and "dailycast." not in source, path.name


def test_upgrade_creates_every_table_and_is_a_no_op_at_head(database_url):
    assert current_revision(database_url) is None
    assert table_names(database_url) == set()

    upgrade(database_url)

    assert current_revision(database_url) == head_revision()
    assert table_names(database_url) == ALL_TABLES | {"alembic_version"}

    engine = sa.create_engine(database_url)
    try:
        with engine.begin() as connection:  # a row survives a second upgrade: nothing was recreated
            connection.execute(sa.text("INSERT INTO course (id, title) VALUES (1, 'Django Fundamentals')"))
    finally:
        engine.dispose()

    upgrade(database_url)

    assert current_revision(database_url) == head_revision()
    engine = sa.create_engine(database_url)
    try:
        with engine.connect() as connection:
            assert connection.execute(sa.text("SELECT title FROM course")).scalars().all() == ["Django Fundamentals"]
            assert connection.execute(sa.text("SELECT count(*) FROM alembic_version")).scalar() == 1
    finally:
        engine.dispose()


def test_migrations_match_the_models(database_url):
    """Fails when a model changes without a migration: write one with `alembic revision --autogenerate`."""
    upgrade(database_url)
    assert differences(database_url) == []


def test_the_model_check_catches_a_change_without_a_migration(database_url):
    """The comparison above is not vacuous: a new column, a wider type, a new table all show."""
    upgrade(database_url)
    changed = sa.MetaData()
    for metadata in METADATAS:
        for table in metadata.tables.values():
            table.to_metadata(changed)
    podcast = changed.tables["daily_podcast"]
    podcast.append_column(sa.Column("mood", sa.String(20), nullable=True))
    podcast.c.status.type = sa.String(40)
    sa.Table("playlist", changed, sa.Column("id", sa.Integer, primary_key=True))

    found = differences(database_url, [changed])

    flat = [d for diff in found for d in (diff if isinstance(diff, list) else [diff])]
    kinds = {(d[0], d[3]) if d[0] == "modify_type" else (d[0], getattr(d[-1], "name", None)) for d in flat}
    assert ("add_column", "mood") in kinds
    assert ("add_table", "playlist") in kinds
    assert ("modify_type", "status") in kinds


def test_upgrade_from_several_processes_at_once(database_url):
    """Services starting together all migrate: one does it, the others wait and find it done."""
    code = "import sys; from dailycast.migrations import upgrade; upgrade(sys.argv[1])"
    processes = [
        subprocess.Popen([sys.executable, "-c", code, database_url], cwd=REPO, stderr=subprocess.PIPE, text=True)
        for _ in range(4)
    ]
    for process in processes:
        _, stderr = process.communicate(timeout=120)
        assert process.returncode == 0, stderr
    assert current_revision(database_url) == head_revision()
    assert differences(database_url) == []


def test_a_database_made_by_create_all_is_adopted_and_keeps_its_rows(database_url):
    """Data dirs from before migrations: stamped as the baseline, then upgraded; nothing lost."""
    engine = sa.create_engine(database_url)
    try:
        for metadata in METADATAS:
            metadata.create_all(engine)
        with engine.begin() as connection:
            connection.execute(sa.text("INSERT INTO course (id, title) VALUES (7, 'Python Advanced')"))
    finally:
        engine.dispose()

    upgrade(database_url)
    upgrade(database_url)

    assert current_revision(database_url) == head_revision()
    assert differences(database_url) == []
    engine = sa.create_engine(database_url)
    try:
        with engine.connect() as connection:
            assert connection.execute(sa.text("SELECT title FROM course WHERE id = 7")).scalar() == "Python Advanced"
    finally:
        engine.dispose()


QUESTIONS = [Question("q1", {"en": "What is a join?", "ja": "結合とは？"}, ["rows"])]
TRACKS = [AudioTrack("ja", "podcasts/1/attempt-1/ja.mp3", 361.5, "Mizuki", "polly", [QuestionTime("q1", 12.25, 15.5)])]
# The same, as the projector stored them before the columns were typed (json of dataclasses.asdict).
QUESTIONS_JSON = [{"id": "q1", "text": {"en": "What is a join?", "ja": "結合とは？"}, "key_points": ["rows"]}]
TRACKS_JSON = [
    {
        "language": "ja",
        "audio_key": "podcasts/1/attempt-1/ja.mp3",
        "duration_seconds": 361.5,
        "voice": "Mizuki",
        "synthesizer": "polly",
        "question_times": [{"question_id": "q1", "starts_at": 12.25, "pause_at": 15.5}],
    }
]
# New rows: that JSON, with the fields tracks carry since AudioReady v2 and v3 (unknown or none for an old track).
TRACKS_JSON_V2 = [{**track, "engine": None, "billed_characters": None, "sentences": [], "chapters": [],
                   "size_bytes": None} for track in TRACKS_JSON]


def test_typed_tracks_and_questions_are_stored_as_the_json_they_always_were(database_url):
    """Rows written before the columns were typed read back typed; new rows store the same JSON
    (with the tracks' later fields)."""
    upgrade(database_url)
    engine = make_engine(database_url)
    try:
        table = sa.Table("daily_podcast", sa.MetaData(), autoload_with=engine)  # plain JSON columns
        plain = dict(user_id=1, requested_by=1, for_date=date(2026, 11, 24), attempt=1, status="completed",
                     language="ja", primary_language="ja", output_format="both", included_courses=[],
                     scripts={}, created_at=datetime.now(timezone.utc),
                     updated_at=datetime.now(timezone.utc))
        with engine.begin() as connection:
            old_id = connection.execute(
                sa.insert(table).values(**plain, questions_asked=QUESTIONS_JSON, audio_tracks=TRACKS_JSON)
            ).inserted_primary_key[0]
        sessions = sa.orm.sessionmaker(engine, expire_on_commit=False)
        with sessions.begin() as session:
            old = session.get(DailyPodcast, old_id)
            assert (old.questions_asked, old.audio_tracks) == (QUESTIONS, TRACKS)
            new = DailyPodcast(**plain, questions_asked=QUESTIONS, audio_tracks=TRACKS)
            session.add(new)
        with engine.connect() as connection:
            stored = connection.execute(
                sa.select(table.c.questions_asked, table.c.audio_tracks).where(table.c.id == new.id)
            ).one()
            assert tuple(stored) == (QUESTIONS_JSON, TRACKS_JSON_V2)
    finally:
        engine.dispose()


def test_upgrade_works_from_another_directory(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    url = f"sqlite:///{tmp_path / 'elsewhere.db'}"
    upgrade(url)
    assert current_revision(url) == head_revision()


def test_alembic_command_line_uses_database_url(tmp_path):
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    alembic = Path(sys.executable).with_name("alembic")
    if not alembic.exists():
        pytest.skip("the alembic command is not installed next to this Python")
    result = subprocess.run(
        [str(alembic), "-c", str(REPO / "alembic.ini"), "upgrade", "head"],
        cwd=tmp_path,
        env={"PATH": "/usr/bin:/bin", "DATABASE_URL": url},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert current_revision(url) == head_revision()


def test_a_podcast_round_trips_through_the_orm_on_postgresql():
    with fresh_database(postgres_base_url()) as url:
        upgrade(url)
        engine = make_engine(url)
        try:
            sessions = sa.orm.sessionmaker(engine, expire_on_commit=False)
            created = datetime(2026, 11, 24, 6, 30, 15, 123456, tzinfo=timezone(timedelta(hours=9)))
            with sessions.begin() as session:
                podcast = DailyPodcast(
                    user_id=2**40,
                    requested_by=1,
                    for_date=date(2026, 11, 24),
                    language="ja",
                    primary_language="ja",
                    secondary_language="en",
                    output_format="both",
                    included_courses=["Django Fundamentals", "Python Advanced"],
                    questions_asked=QUESTIONS,
                    student_answers={"q1": "結合は行を組み合わせる"},
                    scripts={"ja": "こんにちは", "en": "Hello"},
                    audio_tracks=TRACKS,
                    created_at=created,
                )
                session.add(podcast)
            podcast_id = podcast.id
            assert podcast_id is not None

            with sessions() as session:
                loaded = session.get(DailyPodcast, podcast_id)
                assert loaded.user_id == 2**40
                assert loaded.for_date == date(2026, 11, 24)
                assert loaded.included_courses == ["Django Fundamentals", "Python Advanced"]
                assert loaded.questions_asked == QUESTIONS
                assert loaded.student_answers == {"q1": "結合は行を組み合わせる"}
                assert loaded.scripts == {"ja": "こんにちは", "en": "Hello"}
                assert loaded.audio_tracks == TRACKS
                assert loaded.created_at == created  # the same instant, microseconds kept
                assert loaded.created_at.utcoffset() is not None
                assert loaded.updated_at.tzinfo is not None
                assert (loaded.status, loaded.attempt) == ("pending", 1)

            with engine.connect() as connection:  # stored as timestamptz and json, not text
                types = dict(
                    connection.execute(
                        sa.text(
                            "SELECT column_name, data_type FROM information_schema.columns "
                            "WHERE table_name = 'daily_podcast' AND column_name IN ('created_at', 'scripts')"
                        )
                    ).all()
                )
                assert types == {"created_at": "timestamp with time zone", "scripts": "json"}
        finally:
            engine.dispose()
