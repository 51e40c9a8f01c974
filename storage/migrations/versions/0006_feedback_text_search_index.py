"""A trigram index for the work queue's Thai text search (PostgreSQL; empty on SQLite).

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-25 09:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

INDEX = "ix_feedback_item_redacted_text_trgm"


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        # pg_trgm ships with PostgreSQL's contrib modules and is a trusted extension (PG 13+).
        # Where it is missing, search still works (by a sequential scan) and no index is made.
        available = bind.execute(
            sa.text("SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm'")
        ).first()
        if available is None:
            return
        op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        op.create_index(
            INDEX,
            "feedback_item",
            ["redacted_text"],
            unique=False,
            postgresql_using="gin",
            postgresql_ops={"redacted_text": "gin_trgm_ops"},
        )
        return
    with op.batch_alter_table("feedback_item", schema=None) as batch_op:
        batch_op.create_index(INDEX, ["redacted_text"], unique=False, sqlite_where=sa.text("0"))


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"DROP INDEX IF EXISTS {INDEX}")
        return
    with op.batch_alter_table("feedback_item", schema=None) as batch_op:
        batch_op.drop_index(INDEX)
