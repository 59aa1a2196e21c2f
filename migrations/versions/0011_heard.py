"""daily_podcast.heard: the fingerprints of the primary script's sentences, for the next week's requests

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-02 13:30:00

Podcasts projected before it have none: they count as not heard, which fades out within a week.
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0011'
down_revision: Union[str, Sequence[str], None] = '0010'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    if 'heard' not in {c['name'] for c in sa.inspect(op.get_bind()).get_columns('daily_podcast')}:
        op.add_column('daily_podcast', sa.Column('heard', sa.Text(), nullable=True))


def downgrade() -> None:
    """Downgrade schema."""
    # SQLite copies the table: keep its AUTOINCREMENT (0002).
    with op.batch_alter_table('daily_podcast', table_kwargs={'sqlite_autoincrement': True}) as batch_op:
        batch_op.drop_column('heard')
