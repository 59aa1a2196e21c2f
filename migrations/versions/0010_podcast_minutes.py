"""daily_podcast.minutes: the audio's length asked for (3, 6 or 10), shown by the API and judged by the accuracy check

Older rows were all asked for 6 minutes (the only length there was), so that is their value.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-02 13:00:00

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0010'
down_revision: Union[str, Sequence[str], None] = '0009'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    if 'minutes' not in {c['name'] for c in sa.inspect(op.get_bind()).get_columns('daily_podcast')}:
        op.add_column('daily_podcast', sa.Column('minutes', sa.Integer(), nullable=False, server_default='6'))


def downgrade() -> None:
    """Downgrade schema."""
    # SQLite copies the table: keep its AUTOINCREMENT (0002).
    with op.batch_alter_table('daily_podcast', table_kwargs={'sqlite_autoincrement': True}) as batch_op:
        batch_op.drop_column('minutes')
