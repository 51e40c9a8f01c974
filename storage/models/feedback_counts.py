"""Items filed per week, province, category and kind, with their sentiment: a pre-aggregate.

Triggers on `feedback_item` (migration 0008) keep it exact in the same transaction as every
insert, update and delete, so the national aggregates read ~5 times fewer rows. Weeks are ISO
weeks in Asia/Bangkok (UTC+7 all year): a week starts on Sunday 17:00 UTC.
"""

from datetime import date

from sqlmodel import Field, SQLModel


class FeedbackWeekCount(SQLModel, table=True):
    __tablename__ = "feedback_week_count"

    week_start: date = Field(primary_key=True)  # the Monday, Asia/Bangkok
    province_code: str = Field(primary_key=True, max_length=20)  # "" when the item has none
    # A missing category is ("", False), so an item whose category is "" stays apart from it.
    category: str = Field(primary_key=True, max_length=60)
    has_category: bool = Field(primary_key=True)
    kind: str = Field(primary_key=True, max_length=20)
    items: int
    positive: int
    neutral: int
    negative: int
