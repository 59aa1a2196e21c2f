"""delivery_preference, daily_request and lease: the learners' preferences and the daily scheduler

Like 0002 it looks before it acts: a database that create_all made from the models (stamped as
0001 by env.py) already has these tables.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01 21:45:00

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0004'
down_revision: Union[str, Sequence[str], None] = '0003'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    tables = set(sa.inspect(op.get_bind()).get_table_names())
    if 'delivery_preference' not in tables:
        _preferences()
    if 'daily_request' not in tables:
        _daily_requests()
    if 'lease' not in tables:
        _leases()


def _preferences() -> None:
    op.create_table(
        'delivery_preference',
        sa.Column('user_id', sa.BigInteger(), nullable=False),
        sa.Column('daily', sa.Boolean(), nullable=False),
        sa.Column('languages', sa.JSON(), nullable=False),
        sa.Column('output_format', sa.String(length=10), nullable=False),
        sa.Column('minutes', sa.Integer(), nullable=False),
        sa.Column('delivery_time', sa.Time(), nullable=False),
        sa.Column('time_zone', sa.String(length=64), nullable=False),
        sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['user_id'], ['learner.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('user_id'),
    )


def _daily_requests() -> None:
    op.create_table(
        'daily_request',
        sa.Column('user_id', sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column('for_date', sa.Date(), nullable=False),
        sa.Column('podcast_id', sa.Integer(), nullable=False),
        sa.Column('requested_at', sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('user_id', 'for_date'),
    )


def _leases() -> None:
    op.create_table(
        'lease',
        sa.Column('name', sa.String(length=50), nullable=False),
        sa.Column('holder', sa.String(length=100), nullable=False),
        sa.Column('expires_at', sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('name'),
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_table('lease')
    op.drop_table('daily_request')
    op.drop_table('delivery_preference')
