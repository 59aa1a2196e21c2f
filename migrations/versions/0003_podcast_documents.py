"""daily_podcast.document: each podcast's response document, kept by the API beside its row

Existing rows get no document here (rendering one needs the API's response model, which no
migration imports): the API renders the missing ones at start (services/api/documents.py), and
until then reads render those rows themselves.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01 21:30:00

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0003'
down_revision: Union[str, Sequence[str], None] = '0002'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    if 'document' not in {c['name'] for c in sa.inspect(op.get_bind()).get_columns('daily_podcast')}:
        op.add_column('daily_podcast', sa.Column('document', sa.Text(), nullable=True))


def downgrade() -> None:
    """Downgrade schema."""
    # SQLite copies the table: keep its AUTOINCREMENT (0002).
    with op.batch_alter_table('daily_podcast', table_kwargs={'sqlite_autoincrement': True}) as batch_op:
        batch_op.drop_column('document')
