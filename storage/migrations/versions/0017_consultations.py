"""Consultations and polls: the question, each citizen's one answer, who asked to hear about
consultations in an area, and when a citizen was offered that once.

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-06 03:35:50.303278
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

import storage.types

revision: str = "0017"
down_revision: str | None = "0016"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("citizen", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("news_offered_at", storage.types.UTCDateTime(timezone=True), nullable=True)
        )
    op.create_table(
        "news_subscription",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("citizen_id", sa.Integer(), nullable=False),
        sa.Column("province_code", sqlmodel.sql.sqltypes.AutoString(length=2), nullable=False),
        sa.Column("district_code", sqlmodel.sql.sqltypes.AutoString(length=4), nullable=False),
        sa.Column("created_at", storage.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["citizen_id"], ["citizen.id"], name=op.f("fk_news_subscription_citizen_id_citizen")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_news_subscription")),
        sa.UniqueConstraint(
            "citizen_id",
            "province_code",
            "district_code",
            name=op.f("uq_news_subscription_citizen_id_province_code_district_code"),
        ),
    )
    with op.batch_alter_table("news_subscription", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_news_subscription_citizen_id"), ["citizen_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_news_subscription_province_code"), ["province_code"], unique=False
        )

    op.create_table(
        "consultation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("question", sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=False),
        sa.Column("context", sqlmodel.sql.sqltypes.AutoString(length=2000), nullable=False),
        sa.Column("options", storage.types.JSONType, nullable=False),
        sa.Column("free_answer", sa.Boolean(), nullable=False),
        sa.Column("province_codes", storage.types.JSONType, nullable=False),
        sa.Column("district_codes", storage.types.JSONType, nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "draft",
                "published",
                "closed",
                name="consultationstatus",
                native_enum=False,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("owner_agency_id", sa.Integer(), nullable=True),
        sa.Column("owner_board_id", sa.Integer(), nullable=True),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.Column("created_at", storage.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("opens_at", storage.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("closes_at", storage.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("published_at", storage.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("closed_at", storage.types.UTCDateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["created_by"],
            ["user_account.id"],
            name=op.f("fk_consultation_created_by_user_account"),
        ),
        sa.ForeignKeyConstraint(
            ["owner_agency_id"], ["agency.id"], name=op.f("fk_consultation_owner_agency_id_agency")
        ),
        sa.ForeignKeyConstraint(
            ["owner_board_id"], ["board.id"], name=op.f("fk_consultation_owner_board_id_board")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_consultation")),
    )
    with op.batch_alter_table("consultation", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_consultation_owner_agency_id"), ["owner_agency_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_consultation_owner_board_id"), ["owner_board_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_consultation_status"), ["status"], unique=False)

    op.create_table(
        "consultation_answer",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("consultation_id", sa.Integer(), nullable=False),
        sa.Column("citizen_id", sa.Integer(), nullable=False),
        sa.Column("option_index", sa.Integer(), nullable=True),
        sa.Column("free_text", sqlmodel.sql.sqltypes.AutoString(length=2000), nullable=True),
        sa.Column("theme", sqlmodel.sql.sqltypes.AutoString(length=60), nullable=True),
        sa.Column("province_code", sqlmodel.sql.sqltypes.AutoString(length=2), nullable=True),
        sa.Column("district_code", sqlmodel.sql.sqltypes.AutoString(length=4), nullable=True),
        sa.Column("answered_at", storage.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("changes", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["citizen_id"], ["citizen.id"], name=op.f("fk_consultation_answer_citizen_id_citizen")
        ),
        sa.ForeignKeyConstraint(
            ["consultation_id"],
            ["consultation.id"],
            name=op.f("fk_consultation_answer_consultation_id_consultation"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_consultation_answer")),
        sa.UniqueConstraint(
            "consultation_id",
            "citizen_id",
            name=op.f("uq_consultation_answer_consultation_id_citizen_id"),
        ),
    )
    with op.batch_alter_table("consultation_answer", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_consultation_answer_citizen_id"), ["citizen_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_consultation_answer_consultation_id"), ["consultation_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("consultation_answer", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_consultation_answer_consultation_id"))
        batch_op.drop_index(batch_op.f("ix_consultation_answer_citizen_id"))

    op.drop_table("consultation_answer")
    with op.batch_alter_table("consultation", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_consultation_status"))
        batch_op.drop_index(batch_op.f("ix_consultation_owner_board_id"))
        batch_op.drop_index(batch_op.f("ix_consultation_owner_agency_id"))

    op.drop_table("consultation")
    with op.batch_alter_table("news_subscription", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_news_subscription_province_code"))
        batch_op.drop_index(batch_op.f("ix_news_subscription_citizen_id"))

    op.drop_table("news_subscription")
    with op.batch_alter_table("citizen", schema=None) as batch_op:
        batch_op.drop_column("news_offered_at")
