"""Status changes by agency and time: the participation indicator probes each agency once.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-03 03:30:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

INDEX = "ix_status_change_agency_created"


def upgrade() -> None:
    with op.batch_alter_table("status_change", schema=None) as batch_op:
        batch_op.create_index(
            INDEX,
            ["agency_id", "created_at"],
            unique=False,
            postgresql_include=["actor_type", "feedback_id"],
        )


def downgrade() -> None:
    with op.batch_alter_table("status_change", schema=None) as batch_op:
        batch_op.drop_index(INDEX)
