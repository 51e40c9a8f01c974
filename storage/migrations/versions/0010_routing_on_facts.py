"""Routing on facts: the hazards found in an item, and rules that match on them.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-05 20:30:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import storage.types

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("feedback_item", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("hazards", storage.types.JSONType, nullable=False, server_default="[]")
        )
    with op.batch_alter_table("routing_rule", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("hazards", storage.types.JSONType, nullable=False, server_default="[]")
        )


def downgrade() -> None:
    with op.batch_alter_table("routing_rule", schema=None) as batch_op:
        batch_op.drop_column("hazards")
    with op.batch_alter_table("feedback_item", schema=None) as batch_op:
        batch_op.drop_column("hazards")
