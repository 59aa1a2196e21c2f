"""podcast_cost: each podcast attempt's tokens, characters billed and estimated cost

Apart from daily_podcast, so that deleting or regenerating a podcast keeps what was spent.
Attempts requested before this revision have no row.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-03 09:00:00

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0009'
down_revision: Union[str, Sequence[str], None] = '0008'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    if 'podcast_cost' not in set(sa.inspect(op.get_bind()).get_table_names()):
        op.create_table(
            'podcast_cost',
            sa.Column('podcast_id', sa.Integer(), autoincrement=False, nullable=False),
            sa.Column('attempt', sa.Integer(), autoincrement=False, nullable=False),
            sa.Column('for_date', sa.Date(), nullable=False),
            sa.Column('llm_provider', sa.String(length=20), nullable=True),
            sa.Column('llm_model', sa.String(length=80), nullable=True),
            sa.Column('input_tokens', sa.Integer(), nullable=True),
            sa.Column('output_tokens', sa.Integer(), nullable=True),
            sa.Column('script_cost_micro_usd', sa.Integer(), nullable=True),
            sa.Column('tts_provider', sa.String(length=20), nullable=True),
            sa.Column('speech_characters', sa.Integer(), nullable=True),
            sa.Column('speech_cost_micro_usd', sa.Integer(), nullable=True),
            sa.PrimaryKeyConstraint('podcast_id', 'attempt'),
        )
        op.create_index('idx_cost_date', 'podcast_cost', ['for_date'], unique=False)


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_index('idx_cost_date', table_name='podcast_cost')
    op.drop_table('podcast_cost')
