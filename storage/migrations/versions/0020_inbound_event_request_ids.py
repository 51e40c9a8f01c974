"""Request ids on inbound events: the X-Request-ID of the webhook that carried each event, so
the job that processes it and the delivery of its answer log the same id.

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-06 06:48:44
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlmodel.sql.sqltypes import AutoString

revision: str = "0020"
down_revision: str | None = "0019"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("inbound_event", schema=None) as batch_op:
        batch_op.add_column(sa.Column("request_id", AutoString(length=64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("inbound_event", schema=None) as batch_op:
        batch_op.drop_column("request_id")
