"""Weekly item counts per province, category and kind, kept exact by triggers.

The national aggregates (sentiment and volumes by province, category or week; complaint growth)
read these ~5 times fewer rows for whole weeks, and `feedback_item` only for the partial weeks
at a period's edges. Triggers on both backends add and remove items in the same transaction as
the change itself. Weeks are ISO weeks in Asia/Bangkok (UTC+7 all year).

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-25 12:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLE = "feedback_week_count"
KEY = "week_start, province_code, category, has_category, kind"
COUNTS = "items, positive, neutral, negative"
WATCHED = "created_at, province_code, category, kind, sentiment"
WEEK = {
    "postgresql": "(date_trunc('week', {row}.created_at AT TIME ZONE 'UTC' + interval '7 hours'))::date",
    "sqlite": "date({row}.created_at, '+420 minutes', '-6 days', 'weekday 1')",
}  # fmt: skip


def _key_values(dialect: str, row: str) -> list[str]:
    """The rollup key of an item (`row` is NEW or OLD), in the column order of KEY."""
    return [
        WEEK[dialect].format(row=row),
        f"coalesce({row}.province_code, '')",
        f"coalesce({row}.category, '')",
        f"({row}.category IS NOT NULL)",
        f"{row}.kind",
    ]


def _key_matches(dialect: str, row: str) -> str:
    names = KEY.split(", ")
    values = _key_values(dialect, row)
    return " AND ".join(f"{name} = {value}" for name, value in zip(names, values, strict=True))


def _sentiment(row: str, value: str) -> str:
    return f"CASE WHEN {row}.sentiment = '{value}' THEN 1 ELSE 0 END"


def _add(dialect: str) -> str:
    counts = ", ".join(["1", *(_sentiment("NEW", v) for v in ("positive", "neutral", "negative"))])
    updates = ", ".join(f"{c} = {TABLE}.{c} + excluded.{c}" for c in COUNTS.split(", "))
    return (
        f"INSERT INTO {TABLE} ({KEY}, {COUNTS}) VALUES ({', '.join(_key_values(dialect, 'NEW'))}, {counts}) "
        f"ON CONFLICT ({KEY}) DO UPDATE SET {updates};"
    )


def _remove(dialect: str) -> str:
    updates = ", ".join(
        ["items = items - 1"]
        + [f"{v} = {v} - {_sentiment('OLD', v)}" for v in ("positive", "neutral", "negative")]
    )
    where = _key_matches(dialect, "OLD")
    return (
        f"UPDATE {TABLE} SET {updates} WHERE {where}; "
        f"DELETE FROM {TABLE} WHERE {where} AND items = 0;"
    )


def _backfill(dialect: str) -> str:
    week = WEEK[dialect].format(row="feedback_item")
    sums = ", ".join(
        ["count(*)"]
        + [
            f"sum(CASE WHEN sentiment = '{v}' THEN 1 ELSE 0 END)"
            for v in ("positive", "neutral", "negative")
        ]
    )
    return (
        f"INSERT INTO {TABLE} ({KEY}, {COUNTS}) "
        f"SELECT {week}, coalesce(province_code, ''), coalesce(category, ''), "
        f"(category IS NOT NULL), kind, {sums} FROM feedback_item "
        f"GROUP BY {week}, coalesce(province_code, ''), coalesce(category, ''), "
        f"(category IS NOT NULL), kind"
    )


def upgrade() -> None:
    op.create_table(
        TABLE,
        sa.Column("week_start", sa.Date(), nullable=False),
        sa.Column("province_code", sa.String(length=20), nullable=False),
        sa.Column("category", sa.String(length=60), nullable=False),
        sa.Column("has_category", sa.Boolean(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("items", sa.Integer(), nullable=False),
        sa.Column("positive", sa.Integer(), nullable=False),
        sa.Column("neutral", sa.Integer(), nullable=False),
        sa.Column("negative", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint(
            "week_start",
            "province_code",
            "category",
            "has_category",
            "kind",
            name=op.f("pk_feedback_week_count"),
        ),
    )
    dialect = op.get_bind().dialect.name
    op.execute(_backfill(dialect))
    if dialect == "postgresql":
        old, new = (", ".join(_key_values(dialect, row)) for row in ("OLD", "NEW"))
        op.execute(
            f"""
            CREATE FUNCTION {TABLE}_apply() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              IF TG_OP = 'UPDATE' AND ({old}, OLD.sentiment)
                 IS NOT DISTINCT FROM ({new}, NEW.sentiment) THEN
                RETURN NULL;
              END IF;
              IF TG_OP IN ('UPDATE', 'DELETE') THEN {_remove(dialect)} END IF;
              IF TG_OP IN ('UPDATE', 'INSERT') THEN {_add(dialect)} END IF;
              RETURN NULL;
            END $$
            """
        )
        op.execute(
            f"CREATE TRIGGER {TABLE}_apply AFTER INSERT OR DELETE OR UPDATE OF {WATCHED} "
            f"ON feedback_item FOR EACH ROW EXECUTE FUNCTION {TABLE}_apply()"
        )
        return
    op.execute(
        f"CREATE TRIGGER {TABLE}_insert AFTER INSERT ON feedback_item BEGIN {_add(dialect)} END"
    )
    op.execute(
        f"CREATE TRIGGER {TABLE}_delete AFTER DELETE ON feedback_item BEGIN {_remove(dialect)} END"
    )
    op.execute(
        f"CREATE TRIGGER {TABLE}_update AFTER UPDATE OF {WATCHED} ON feedback_item "
        f"BEGIN {_remove(dialect)} {_add(dialect)} END"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"DROP TRIGGER IF EXISTS {TABLE}_apply ON feedback_item")
        op.execute(f"DROP FUNCTION IF EXISTS {TABLE}_apply()")
    else:
        for event in ("insert", "delete", "update"):
            op.execute(f"DROP TRIGGER IF EXISTS {TABLE}_{event}")
    op.drop_table(TABLE)
