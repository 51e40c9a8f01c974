"""Digest deliveries go through the outbox: `digest_delivery` keeps only what was queued for whom.

Its claim/attempt/status columns go; every row points at the outbox row that delivers it. Upgrade:
an e-mail sent before this revision (sent directly, with no outbox row) gets an outbox row marked
sent, so its history reads like any other; one that never went out (pending or failed) is
forgotten, so the next `siang digest send --week …` queues it through the outbox. Downgrade puts
the columns back from the outbox rows, and hands e-mails not yet sent back to the old direct
sender (their outbox rows are deleted, so nothing sends them twice).

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-06 10:00:00
"""

import hashlib
from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

import storage.types

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_STATUS = sa.Enum(
    "pending", "sent", "failed", "skipped", name="deliverystatus", native_enum=False, length=20
)
_delivery = sa.table(
    "digest_delivery",
    sa.column("id", sa.Integer()),
    sa.column("dedupe_key", sa.String()),
    sa.column("week", sa.String()),
    sa.column("board_id", sa.Integer()),
    sa.column("agency_id", sa.Integer()),
    sa.column("channel", sa.String()),
    sa.column("target", sa.String()),
    sa.column("status", sa.String()),
    sa.column("attempts", sa.Integer()),
    sa.column("last_error", sa.String()),
    sa.column("outbound_message_id", sa.Integer()),
    sa.column("created_at", storage.types.UTCDateTime()),
    sa.column("sent_at", storage.types.UTCDateTime()),
)
_outbox = sa.table(
    "outbound_message",
    sa.column("id", sa.Integer()),
    sa.column("dedupe_key", sa.String()),
    sa.column("recipient_type", sa.String()),
    sa.column("agency_id", sa.Integer()),
    sa.column("board_id", sa.Integer()),
    sa.column("channel", sa.String()),
    sa.column("target", sa.String()),
    sa.column("kind", sa.String()),
    sa.column("payload", storage.types.JSONType),
    sa.column("status", sa.String()),
    sa.column("attempts", sa.Integer()),
    sa.column("last_error", sa.String()),
    sa.column("created_at", storage.types.UTCDateTime()),
    sa.column("next_attempt_at", storage.types.UTCDateTime()),
    sa.column("sent_at", storage.types.UTCDateTime()),
)


def _outbox_key(key: str) -> str:
    """The key as the outbox holds it (at most 200 characters), as admin/digests/delivery.py
    writes it: a longer one's recipient becomes its hash."""
    if len(key) <= 200:
        return key
    prefix = key.rsplit(":", 1)[0]
    target = key[len(prefix) + 1 :]
    return f"{prefix}:sha256:{hashlib.sha256(target.encode()).hexdigest()[:32]}"


def upgrade() -> None:
    connection = op.get_bind()
    d = _delivery.c
    mailed = connection.execute(
        sa.select(_delivery).where(d.outbound_message_id.is_(None), d.status == "sent")
    ).all()
    for row in mailed:
        outbound_id = connection.execute(
            sa.insert(_outbox)
            .values(
                dedupe_key=_outbox_key(row.dedupe_key),
                recipient_type="board" if row.board_id is not None else "agency",
                agency_id=row.agency_id,
                board_id=row.board_id,
                channel=row.channel,
                target=row.target,
                kind="board_digest",
                payload={"week": row.week, "sent_before_the_outbox": True},
                status="sent",
                attempts=row.attempts,
                created_at=row.created_at,
                sent_at=row.sent_at or row.created_at,
            )
            .returning(_outbox.c.id)
        ).scalar_one()
        connection.execute(
            sa.update(_delivery).where(d.id == row.id).values(outbound_message_id=outbound_id)
        )
    connection.execute(sa.delete(_delivery).where(d.outbound_message_id.is_(None)))

    with op.batch_alter_table("digest_delivery", schema=None) as batch_op:
        batch_op.alter_column("outbound_message_id", existing_type=sa.Integer(), nullable=False)
        batch_op.drop_column("status")
        batch_op.drop_column("attempts")
        batch_op.drop_column("last_error")
        batch_op.drop_column("sent_at")


def downgrade() -> None:
    with op.batch_alter_table("digest_delivery", schema=None) as batch_op:
        batch_op.add_column(sa.Column("status", _STATUS, server_default="pending", nullable=False))
        batch_op.add_column(sa.Column("attempts", sa.Integer(), server_default="0", nullable=False))
        batch_op.add_column(sa.Column("last_error", sqlmodel.sql.sqltypes.AutoString()))
        batch_op.add_column(sa.Column("sent_at", storage.types.UTCDateTime(timezone=True)))
        batch_op.alter_column("outbound_message_id", existing_type=sa.Integer(), nullable=True)

    connection = op.get_bind()
    d, o = _delivery.c, _outbox.c
    rows = connection.execute(
        sa.select(
            d.id, d.channel, d.created_at, o.id.label("outbound_id"), o.status, o.attempts,
            o.last_error, o.sent_at,
        ).join(_outbox, o.id == d.outbound_message_id)
    ).all()  # fmt: skip
    for row in rows:
        handed_back = row.channel == "email" and row.status != "sent"
        if row.channel != "email":  # the old sender counted a chat message sent once queued
            values = {"status": "sent", "attempts": 1, "sent_at": row.created_at}
        elif not handed_back:
            values = {"status": "sent", "attempts": row.attempts, "sent_at": row.sent_at}
        else:  # the old sender retries it by SMTP; the outbox must not send it as well
            values = {
                "status": "failed" if row.attempts else "pending",
                "attempts": row.attempts,
                "last_error": row.last_error,
                "outbound_message_id": None,
            }
        connection.execute(sa.update(_delivery).where(d.id == row.id).values(**values))
        if handed_back:
            connection.execute(sa.delete(_outbox).where(o.id == row.outbound_id))

    with op.batch_alter_table("digest_delivery", schema=None) as batch_op:
        batch_op.alter_column("status", existing_type=_STATUS, server_default=None)
        batch_op.alter_column("attempts", existing_type=sa.Integer(), server_default=None)
