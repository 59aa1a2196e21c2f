"""ids never reused, answers per question, request slots, idempotency keys, deleted podcasts

- daily_podcast and outbox_message get SQLite's AUTOINCREMENT (batch mode copies the tables with
  `sqlite_autoincrement=True`; their rows and ids are kept). PostgreSQL's sequences never reuse
  an id; both databases' counters are moved past every podcast id the notifier has seen
  (`notification_sent`), so a podcast deleted before this migration does not hand its id,
  audio and sent log to a new one.
- The answers move from the JSON column daily_podcast.student_answers to podcast_answer, one row
  per (podcast, question), saved by an upsert: two saves at once no longer lose one.
- request_slot (the daily request limit), idempotency_key (POST's Idempotency-Key) and, the
  notifier's, notification_deleted (no email for a deleted podcast).

Each step looks before it acts: a database made by create_all from the models (which env.py
stamps as 0001, see `adopt_unversioned`) already has some of this.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-29 20:00:00

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0002'
down_revision: Union[str, Sequence[str], None] = '0001'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

AUTOINCREMENT_TABLES = ('daily_podcast', 'outbox_message')


def _columns(table: str) -> set[str]:
    return {c['name'] for c in sa.inspect(op.get_bind()).get_columns(table)}


def _tables() -> set[str]:
    return set(sa.inspect(op.get_bind()).get_table_names())


def _has_autoincrement(table: str) -> bool:
    sql = op.get_bind().execute(
        sa.text("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = :name"), {'name': table}
    ).scalar()
    return 'AUTOINCREMENT' in (sql or '').upper()


def upgrade() -> None:
    """Upgrade schema."""
    bind = op.get_bind()
    sqlite = bind.dialect.name == 'sqlite'

    # 1. Keep the answers while the column goes (a few per podcast: they fit in memory).
    podcast = sa.table(
        'daily_podcast', sa.column('id', sa.Integer), sa.column('student_answers', sa.JSON),
        sa.column('updated_at', sa.DateTime(timezone=True)),
    )
    answers = []
    has_answers_column = 'student_answers' in _columns('daily_podcast')
    if has_answers_column:
        rows = bind.execute(sa.select(podcast.c.id, podcast.c.student_answers, podcast.c.updated_at))
        for podcast_id, stored, updated_at in rows:
            for question_id, answer in (stored or {}).items():
                if isinstance(answer, str):
                    answers.append({'podcast_id': podcast_id, 'question_id': str(question_id)[:40],
                                    'answer': answer, 'answered_at': updated_at})

    # 2. daily_podcast: the column goes; on SQLite the table is copied with AUTOINCREMENT.
    needs_copy = sqlite and not _has_autoincrement('daily_podcast')
    if has_answers_column or needs_copy:
        with op.batch_alter_table(
            'daily_podcast', recreate='always' if needs_copy else 'auto', table_kwargs={'sqlite_autoincrement': True}
        ) as batch_op:
            if has_answers_column:
                batch_op.drop_column('student_answers')
    if sqlite and not _has_autoincrement('outbox_message'):
        with op.batch_alter_table('outbox_message', recreate='always', table_kwargs={'sqlite_autoincrement': True}):
            pass

    # 3. The new tables.
    tables = _tables()
    if 'podcast_answer' not in tables:
        op.create_table(
            'podcast_answer',
            sa.Column('podcast_id', sa.Integer(), nullable=False),
            sa.Column('question_id', sa.String(length=40), nullable=False),
            sa.Column('answer', sa.Text(), nullable=False),
            sa.Column('answered_at', sa.DateTime(timezone=True), nullable=False),
            sa.ForeignKeyConstraint(['podcast_id'], ['daily_podcast.id'], ondelete='CASCADE'),
            sa.PrimaryKeyConstraint('podcast_id', 'question_id')
        )
    if answers:
        answer_table = sa.table(
            'podcast_answer', sa.column('podcast_id', sa.Integer), sa.column('question_id', sa.String),
            sa.column('answer', sa.Text), sa.column('answered_at', sa.DateTime(timezone=True)),
        )
        op.bulk_insert(answer_table, answers)
    if 'request_slot' not in tables:
        op.create_table(
            'request_slot',
            sa.Column('user_id', sa.BigInteger(), autoincrement=False, nullable=False),
            sa.Column('day', sa.Date(), nullable=False),
            sa.Column('slot', sa.Integer(), autoincrement=False, nullable=False),
            sa.Column('podcast_id', sa.Integer(), nullable=False),
            sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
            sa.PrimaryKeyConstraint('user_id', 'day', 'slot')
        )
    if 'idempotency_key' not in tables:
        op.create_table(
            'idempotency_key',
            sa.Column('principal_id', sa.BigInteger(), autoincrement=False, nullable=False),
            sa.Column('key', sa.String(length=200), nullable=False),
            sa.Column('fingerprint', sa.String(length=64), nullable=False),
            sa.Column('podcast_id', sa.Integer(), nullable=False),
            sa.Column('status_code', sa.Integer(), nullable=False),
            sa.Column('response', sa.JSON(), nullable=False),
            sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
            sa.PrimaryKeyConstraint('principal_id', 'key')
        )
    if 'notification_deleted' not in tables:
        op.create_table(
            'notification_deleted',
            sa.Column('podcast_id', sa.Integer(), autoincrement=False, nullable=False),
            sa.Column('deleted_at', sa.TIMESTAMP(timezone=True), nullable=False),
            sa.PrimaryKeyConstraint('podcast_id')
        )

    # 4. The next podcast id comes after every id ever seen: rows, and the notifier's sent log
    #    (a podcast that was emailed about and deleted left its id there, and maybe its audio).
    seen = bind.execute(sa.text(
        "SELECT max(id) FROM (SELECT max(id) AS id FROM daily_podcast"
        " UNION ALL SELECT max(podcast_id) FROM notification_sent) AS ids"
    )).scalar() or 0
    if sqlite:
        bind.execute(sa.text("DELETE FROM sqlite_sequence WHERE name LIKE '_alembic_tmp_%'"))
        current = bind.execute(sa.text("SELECT seq FROM sqlite_sequence WHERE name = 'daily_podcast'")).scalar()
        if current is None:
            bind.execute(sa.text("INSERT INTO sqlite_sequence (name, seq) VALUES ('daily_podcast', :seq)"),
                         {'seq': seen})
        elif current < seen:
            bind.execute(sa.text("UPDATE sqlite_sequence SET seq = :seq WHERE name = 'daily_podcast'"), {'seq': seen})
    elif bind.dialect.name == 'postgresql' and seen:
        bind.execute(sa.text(
            "SELECT setval(pg_get_serial_sequence('daily_podcast', 'id'), :seen) "
            "WHERE :seen > coalesce(pg_sequence_last_value(CAST(pg_get_serial_sequence('daily_podcast', 'id') AS regclass)), 0)"
        ), {'seen': seen})


def downgrade() -> None:
    """Downgrade schema: the answers go back into the JSON column (ids keep AUTOINCREMENT)."""
    bind = op.get_bind()
    op.drop_table('notification_deleted')
    op.drop_table('idempotency_key')
    op.drop_table('request_slot')
    with op.batch_alter_table('daily_podcast') as batch_op:
        batch_op.add_column(sa.Column('student_answers', sa.JSON(), nullable=True))
    podcast = sa.table('daily_podcast', sa.column('id', sa.Integer), sa.column('student_answers', sa.JSON))
    by_podcast: dict[int, dict[str, str]] = {}
    for podcast_id, question_id, answer in bind.execute(
        sa.text("SELECT podcast_id, question_id, answer FROM podcast_answer")
    ):
        by_podcast.setdefault(podcast_id, {})[question_id] = answer
    bind.execute(sa.update(podcast).values(student_answers={}))
    for podcast_id, answers in by_podcast.items():
        bind.execute(sa.update(podcast).where(podcast.c.id == podcast_id).values(student_answers=answers))
    with op.batch_alter_table('daily_podcast') as batch_op:
        batch_op.alter_column('student_answers', existing_type=sa.JSON(), nullable=False)
    op.drop_table('podcast_answer')
