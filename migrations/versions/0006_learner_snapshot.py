"""daily_podcast.learner_snapshot: the learner as the podcast was requested for, to regenerate it alike

Older rows have none: regenerating one takes the learner's profile as it is now.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02 04:00:00

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0006'
down_revision: Union[str, Sequence[str], None] = '0005'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    if 'learner_snapshot' not in {c['name'] for c in sa.inspect(op.get_bind()).get_columns('daily_podcast')}:
        op.add_column('daily_podcast', sa.Column('learner_snapshot', sa.JSON(), nullable=True))


def downgrade() -> None:
    """Downgrade schema."""
    # SQLite copies the table: keep its AUTOINCREMENT (0002).
    with op.batch_alter_table('daily_podcast', table_kwargs={'sqlite_autoincrement': True}) as batch_op:
        batch_op.drop_column('learner_snapshot')
