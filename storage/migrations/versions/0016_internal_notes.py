"""Internal notes: what officials write or record about a ticket for each other.

A table of its own (not `status_change`), so the citizen's chat, Open311, digests and the
citizen's copy of their data, which all read the history, can never show one.

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-06 12:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlmodel.sql.sqltypes import AutoString

import storage.types

revision: str = "0016"
down_revision: str | None = "0015"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "internal_note",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("feedback_id", sa.Integer(), nullable=False),
        sa.Column("author_user_id", sa.Integer(), nullable=True),
        sa.Column("note_facts", storage.types.NullableJSONType, nullable=True),
        sa.Column("note", AutoString(), nullable=True),
        sa.Column("created_at", storage.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["author_user_id"],
            ["user_account.id"],
            name=op.f("fk_internal_note_author_user_id_user_account"),
        ),
        sa.ForeignKeyConstraint(
            ["feedback_id"],
            ["feedback_item.id"],
            name=op.f("fk_internal_note_feedback_id_feedback_item"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_internal_note")),
    )
    op.create_index(
        "ix_internal_note_feedback_created",
        "internal_note",
        ["feedback_id", "created_at"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index("ix_internal_note_feedback_created", table_name="internal_note")
    op.drop_table("internal_note")
