"""Routing rules: unique names (so a rule file can be loaded again), keywords and a description.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25 08:58:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

import storage.types

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("routing_rule", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "description",
                sqlmodel.sql.sqltypes.AutoString(length=500),
                nullable=False,
                server_default="",
            )
        )
        batch_op.add_column(
            sa.Column("keywords", storage.types.JSONType, nullable=False, server_default="[]")
        )
        batch_op.create_unique_constraint(batch_op.f("uq_routing_rule_name"), ["name"])


def downgrade() -> None:
    with op.batch_alter_table("routing_rule", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("uq_routing_rule_name"), type_="unique")
        batch_op.drop_column("keywords")
        batch_op.drop_column("description")
