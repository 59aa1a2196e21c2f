"""Grades of answers (podcast_answer.grade, graded_at) and thumbs (podcast_rating)

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-03 10:00:00

Answers saved before it have no grade: only answers saved from now on are graded.
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0012'
down_revision: Union[str, Sequence[str], None] = '0011'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    inspector = sa.inspect(op.get_bind())
    answer_columns = {c['name'] for c in inspector.get_columns('podcast_answer')}
    if 'grade' not in answer_columns:
        op.add_column('podcast_answer', sa.Column('grade', sa.JSON(), nullable=True))
    if 'graded_at' not in answer_columns:
        op.add_column('podcast_answer', sa.Column('graded_at', sa.DateTime(timezone=True), nullable=True))
    if 'podcast_rating' not in set(inspector.get_table_names()):
        op.create_table(
            'podcast_rating',
            sa.Column('podcast_id', sa.Integer(), nullable=False),
            sa.Column('topic', sa.String(length=300), nullable=False),
            sa.Column('user_id', sa.BigInteger(), nullable=False),
            sa.Column('thumb', sa.String(length=4), nullable=False),
            sa.Column('rated_at', sa.DateTime(timezone=True), nullable=False),
            sa.ForeignKeyConstraint(['podcast_id'], ['daily_podcast.id'], ondelete='CASCADE'),
            sa.PrimaryKeyConstraint('podcast_id', 'topic'),
        )
        op.create_index('idx_rating_user', 'podcast_rating', ['user_id'], unique=False)


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_index('idx_rating_user', table_name='podcast_rating')
    op.drop_table('podcast_rating')
    with op.batch_alter_table('podcast_answer') as batch_op:
        batch_op.drop_column('graded_at')
        batch_op.drop_column('grade')
