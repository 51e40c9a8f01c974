"""A partial covering index of open items by due date: overdue counts read only open items.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-25 11:50:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

INDEX = "ix_feedback_item_open_due_at"
OPEN = "status IN ('received', 'routed', 'accepted', 'in_progress', 'forwarded')"
INCLUDE = [
    "status", "province_code", "district_code", "agency_id", "category", "kind", "sentiment",
    "urgency",
]  # fmt: skip


def upgrade() -> None:
    with op.batch_alter_table("feedback_item", schema=None) as batch_op:
        batch_op.create_index(
            INDEX,
            ["due_at"],
            unique=False,
            postgresql_include=INCLUDE,
            postgresql_where=sa.text(OPEN),
            sqlite_where=sa.text(OPEN),
        )


def downgrade() -> None:
    with op.batch_alter_table("feedback_item", schema=None) as batch_op:
        batch_op.drop_index(INDEX)
