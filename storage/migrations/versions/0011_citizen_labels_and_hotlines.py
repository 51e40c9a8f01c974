"""Citizens' picks kept as labelled examples, and each agency type's public hotline.

`labelled_example` holds a category or kind a citizen picked or corrected for their own message,
with the redacted text only (retraining data; PDPA erasure deletes a citizen's rows).
`agency_type.hotline` is the call-centre number the chat gives a citizen who asks where to ask;
`siang db seed` fills it from storage/reference/agency_types.yaml.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-06 09:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

import storage.types

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("agency_type", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("hotline", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=True)
        )
    op.create_table(
        "labelled_example",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("redacted_text", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("field", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("chosen", sqlmodel.sql.sqltypes.AutoString(length=60), nullable=False),
        sa.Column("proposed", sqlmodel.sql.sqltypes.AutoString(length=60), nullable=True),
        sa.Column("offered", storage.types.JSONType, nullable=False),
        sa.Column("source", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("citizen_id", sa.Integer(), nullable=True),
        sa.Column("feedback_id", sa.Integer(), nullable=True),
        sa.Column("created_at", storage.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["citizen_id"], ["citizen.id"], name=op.f("fk_labelled_example_citizen_id_citizen")
        ),
        sa.ForeignKeyConstraint(
            ["feedback_id"],
            ["feedback_item.id"],
            name=op.f("fk_labelled_example_feedback_id_feedback_item"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_labelled_example")),
    )
    with op.batch_alter_table("labelled_example", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_labelled_example_citizen_id"), ["citizen_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_labelled_example_feedback_id"), ["feedback_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("labelled_example", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_labelled_example_feedback_id"))
        batch_op.drop_index(batch_op.f("ix_labelled_example_citizen_id"))
    op.drop_table("labelled_example")
    if op.get_bind().dialect.name == "sqlite":
        # A batch copy would drop the table every agency points at (foreign keys are on);
        # SQLite 3.35+ drops a plain column in place.
        op.execute("ALTER TABLE agency_type DROP COLUMN hotline")
    else:
        op.drop_column("agency_type", "hotline")
