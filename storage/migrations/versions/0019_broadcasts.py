"""Broadcasts: the outbox rows of one consultation share a broadcast key (LINE sends them in
multicasts), and a row remembers when a call to the platform began (an interrupted call is
told from one never made).

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-06 06:21:20.961858
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

import storage.types

revision: str = "0019"
down_revision: str | None = "0018"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("outbound_message", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("broadcast_key", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=True)
        )
        batch_op.add_column(
            sa.Column("sending_since", storage.types.UTCDateTime(timezone=True), nullable=True)
        )
        batch_op.create_index(
            batch_op.f("ix_outbound_message_broadcast_key"), ["broadcast_key"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("outbound_message", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_outbound_message_broadcast_key"))
        batch_op.drop_column("sending_since")
        batch_op.drop_column("broadcast_key")
