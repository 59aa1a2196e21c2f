"""provider_quota: the providers' quotas every worker replica books from (dailycast/quotas.py)

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02 00:30:00

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0005'
down_revision: Union[str, Sequence[str], None] = '0004'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    if 'provider_quota' not in set(sa.inspect(op.get_bind()).get_table_names()):
        op.create_table(
            'provider_quota',
            sa.Column('name', sa.String(length=100), nullable=False),
            sa.Column('tat', sa.Float(), nullable=False),
            sa.PrimaryKeyConstraint('name'),
        )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_table('provider_quota')
