"""Covering indexes for the aggregates: index-only scans of a period's figures on PostgreSQL.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25 09:05:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

CREATED_INCLUDE = [
    "province_code", "district_code", "agency_id", "category", "kind", "status", "sentiment",
    "urgency", "due_at", "resolved_at", "rating", "citizen_confirmed_fix", "reopen_count",
]  # fmt: skip
RESOLVED_INCLUDE = [
    "created_at", "province_code", "district_code", "agency_id", "category", "kind", "status",
    "rating", "citizen_confirmed_fix", "reopen_count",
]  # fmt: skip


def upgrade() -> None:
    with op.batch_alter_table("feedback_item", schema=None) as batch_op:
        batch_op.create_index(
            "ix_feedback_item_created_at_stats",
            ["created_at"],
            unique=False,
            postgresql_include=CREATED_INCLUDE,
        )
        batch_op.create_index(
            "ix_feedback_item_resolved_at_stats",
            ["resolved_at"],
            unique=False,
            postgresql_include=RESOLVED_INCLUDE,
        )


def downgrade() -> None:
    with op.batch_alter_table("feedback_item", schema=None) as batch_op:
        batch_op.drop_index("ix_feedback_item_resolved_at_stats")
        batch_op.drop_index("ix_feedback_item_created_at_stats")
