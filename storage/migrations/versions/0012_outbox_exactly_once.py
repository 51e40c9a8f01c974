"""Outbox rows remember their LINE retry key and when their reply token was spent.

`outbound_message.retry_key` is the X-Line-Retry-Key every push attempt of the row carries
(written before the first call; rows queued earlier get theirs at their next attempt). `outbound_message.reply_token_spent_at` is written before a reply call, so an attempt
interrupted by a crash is never replayed as a second message.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-05 22:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

import storage.types

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("outbound_message", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("retry_key", sqlmodel.sql.sqltypes.AutoString(length=36), nullable=True)
        )
        batch_op.add_column(
            sa.Column(
                "reply_token_spent_at", storage.types.UTCDateTime(timezone=True), nullable=True
            )
        )


def downgrade() -> None:
    with op.batch_alter_table("outbound_message", schema=None) as batch_op:
        batch_op.drop_column("reply_token_spent_at")
        batch_op.drop_column("retry_key")
