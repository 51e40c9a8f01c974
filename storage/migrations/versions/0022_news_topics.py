"""Topics: a consultation or survey names what it is about, and a citizen's news subscription
may be limited to some topics (an empty list: every topic).

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-07 09:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import storage.types

revision: str = "0022"
down_revision: str | None = "0021"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_TABLES = ("consultation", "survey", "news_subscription")


def upgrade() -> None:
    for table in _TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            # Existing rows: no topic named, and every subscription hears about all topics.
            batch_op.add_column(
                sa.Column("topics", storage.types.JSONType, nullable=False, server_default="[]")
            )


def downgrade() -> None:
    for table in _TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column("topics")
