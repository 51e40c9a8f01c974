"""Volunteer programmes: what an agency asks citizens to come and do, and each citizen's one
sign-up to it (confirmed, on the waiting list, cancelled, attended or not).

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-06 06:19:55.620802
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

import storage.types

revision: str = "0018"
down_revision: str | None = "0017"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "volunteer_programme",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("owner_agency_id", sa.Integer(), nullable=False),
        sa.Column("title", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("description", sqlmodel.sql.sqltypes.AutoString(length=2000), nullable=False),
        sa.Column("place", sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
        sa.Column("province_code", sqlmodel.sql.sqltypes.AutoString(length=2), nullable=False),
        sa.Column("district_code", sqlmodel.sql.sqltypes.AutoString(length=4), nullable=True),
        sa.Column("starts_at", storage.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("ends_at", storage.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("capacity", sa.Integer(), nullable=False),
        sa.Column("requirements", sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "draft",
                "published",
                "cancelled",
                "finished",
                name="programmestatus",
                native_enum=False,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.Column("created_at", storage.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("published_at", storage.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("cancelled_at", storage.types.UTCDateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["created_by"],
            ["user_account.id"],
            name=op.f("fk_volunteer_programme_created_by_user_account"),
        ),
        sa.ForeignKeyConstraint(
            ["owner_agency_id"],
            ["agency.id"],
            name=op.f("fk_volunteer_programme_owner_agency_id_agency"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_volunteer_programme")),
    )
    with op.batch_alter_table("volunteer_programme", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_volunteer_programme_owner_agency_id"), ["owner_agency_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_volunteer_programme_province_code"), ["province_code"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_volunteer_programme_starts_at"), ["starts_at"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_volunteer_programme_status"), ["status"], unique=False)

    op.create_table(
        "volunteer_sign_up",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("programme_id", sa.Integer(), nullable=False),
        sa.Column("citizen_id", sa.Integer(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "confirmed",
                "waitlisted",
                "cancelled",
                "attended",
                "no_show",
                name="signupstatus",
                native_enum=False,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("contact", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=True),
        sa.Column("signed_up_at", storage.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("confirmed_at", storage.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("cancelled_at", storage.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("reminded_at", storage.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("attendance_at", storage.types.UTCDateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["citizen_id"], ["citizen.id"], name=op.f("fk_volunteer_sign_up_citizen_id_citizen")
        ),
        sa.ForeignKeyConstraint(
            ["programme_id"],
            ["volunteer_programme.id"],
            name=op.f("fk_volunteer_sign_up_programme_id_volunteer_programme"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_volunteer_sign_up")),
        sa.UniqueConstraint(
            "programme_id", "citizen_id", name=op.f("uq_volunteer_sign_up_programme_id_citizen_id")
        ),
    )
    with op.batch_alter_table("volunteer_sign_up", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_volunteer_sign_up_citizen_id"), ["citizen_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_volunteer_sign_up_programme_id"), ["programme_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_volunteer_sign_up_status"), ["status"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("volunteer_sign_up", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_volunteer_sign_up_status"))
        batch_op.drop_index(batch_op.f("ix_volunteer_sign_up_programme_id"))
        batch_op.drop_index(batch_op.f("ix_volunteer_sign_up_citizen_id"))

    op.drop_table("volunteer_sign_up")
    with op.batch_alter_table("volunteer_programme", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_volunteer_programme_status"))
        batch_op.drop_index(batch_op.f("ix_volunteer_programme_starts_at"))
        batch_op.drop_index(batch_op.f("ix_volunteer_programme_province_code"))
        batch_op.drop_index(batch_op.f("ix_volunteer_programme_owner_agency_id"))

    op.drop_table("volunteer_programme")
