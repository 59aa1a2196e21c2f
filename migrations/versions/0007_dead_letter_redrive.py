"""dead_letter_redrive: which dead letters an operator sent back (dailycast dlq redrive), so none goes twice

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02 04:00:00

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0007'
down_revision: Union[str, Sequence[str], None] = '0006'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    if 'dead_letter_redrive' not in set(sa.inspect(op.get_bind()).get_table_names()):
        op.create_table(
            'dead_letter_redrive',
            sa.Column('dead_letter', sa.String(length=300), nullable=False),
            sa.Column('redriven_at', sa.DateTime(timezone=True), nullable=False),
            sa.PrimaryKeyConstraint('dead_letter'),
        )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_table('dead_letter_redrive')
