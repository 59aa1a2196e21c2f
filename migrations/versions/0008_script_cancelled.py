"""script_cancelled: podcasts deleted before scriptgen wrote them, so it writes nothing for them

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02 06:10:00

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0008'
down_revision: Union[str, Sequence[str], None] = '0007'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    if 'script_cancelled' not in set(sa.inspect(op.get_bind()).get_table_names()):
        op.create_table(
            'script_cancelled',
            sa.Column('podcast_id', sa.Integer(), autoincrement=False, nullable=False),
            sa.Column('cancelled_at', sa.TIMESTAMP(timezone=True), nullable=False),
            sa.PrimaryKeyConstraint('podcast_id'),
        )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_table('script_cancelled')
