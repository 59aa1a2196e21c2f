"""learner_feed: each learner's private feed generation (FeedRotated), from which its secret URL is made

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-10 10:00:00

No row is generation 0: every learner has a feed URL before any rotation.
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0013'
down_revision: Union[str, Sequence[str], None] = '0012'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    if 'learner_feed' in sa.inspect(op.get_bind()).get_table_names():  # made by a newer model's create_all
        return
    op.create_table(
        'learner_feed',
        sa.Column('user_id', sa.BigInteger(), sa.ForeignKey('learner.id', ondelete='CASCADE'), primary_key=True),
        sa.Column('generation', sa.Integer(), nullable=False),
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_table('learner_feed')
