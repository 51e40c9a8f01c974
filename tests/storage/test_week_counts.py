"""The weekly pre-aggregate stays exact: every insert, edit and delete of an item is reflected,
and the statistics read through it equal counts taken from the items themselves."""

from __future__ import annotations

import random
from collections import Counter
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import delete, text, update
from sqlmodel import col

from storage.database import Database
from storage.models import FeedbackItem, FeedbackKind, Sentiment
from storage.repositories.feedback_queue import FeedbackFilter, FeedbackScope
from storage.repositories.stats import StatsRepository
from storage.repositories.stats_figures import GroupBy
from tests.fixtures.feedback_factory import add_item

BANGKOK = 7 * 3600
# A Monday 00:00 in Bangkok is Sunday 17:00 UTC: items sit on both sides of such edges.
WEEK_EDGE = datetime(2026, 6, 7, 17, 0, tzinfo=UTC)
PROVINCES = ("10", "50", None)
CATEGORIES = ("ถนน", "น้ำท่วม", "", None)
SENTIMENTS = (Sentiment.POSITIVE, Sentiment.NEUTRAL, Sentiment.NEGATIVE, None)
KINDS = (FeedbackKind.COMPLAINT, FeedbackKind.SUGGESTION)


def _moment(rng: random.Random) -> datetime:
    weeks = rng.randint(-6, 6)
    near_edge = rng.random() < 0.4
    seconds = rng.choice((-1, 0, 1, 3599)) if near_edge else rng.randint(0, 7 * 86400 - 1)
    return WEEK_EDGE + timedelta(weeks=weeks, seconds=seconds)


async def _fill(database: Database, count: int, seed: int) -> None:
    rng = random.Random(seed)
    async with database.unit_of_work() as session:
        for _ in range(count):
            await add_item(
                session,
                created_at=_moment(rng),
                province_code=rng.choice(PROVINCES),
                category=rng.choice(CATEGORIES),
                sentiment=rng.choice(SENTIMENTS),
                kind=rng.choice(KINDS),
            )


async def _edit(database: Database, seed: int) -> None:
    """Change every watched column of some items, move some across weeks, delete others."""
    rng = random.Random(seed)
    async with database.unit_of_work() as session:
        ids = sorted((await session.exec(text("SELECT id FROM feedback_item"))).scalars())  # type: ignore[call-overload]
        for item_id in rng.sample(ids, len(ids) // 3):
            changes: dict[str, Any] = rng.choice(
                [
                    {"category": rng.choice(CATEGORIES)},
                    {"sentiment": rng.choice(SENTIMENTS)},
                    {"province_code": rng.choice(PROVINCES)},
                    {"kind": rng.choice(KINDS)},
                    {"created_at": _moment(rng)},
                    {"status": "resolved"},  # not a watched column: nothing to recount
                ]
            )
            await session.execute(
                update(FeedbackItem).where(col(FeedbackItem.id) == item_id).values(**changes)
            )
        doomed = rng.sample(ids, len(ids) // 10)
        await session.execute(delete(FeedbackItem).where(col(FeedbackItem.id).in_(doomed)))


async def _items(database: Database) -> list[tuple[datetime, str | None, str | None, str, str]]:
    async with database.unit_of_work() as session:
        rows = (
            await session.execute(
                text(
                    "SELECT created_at, province_code, category, kind, sentiment FROM feedback_item"
                )
            )
        ).all()
    found = []
    for created, province, category, kind, sentiment in rows:
        if isinstance(created, str):  # SQLite hands raw text back from a text() query
            created = datetime.fromisoformat(created)
        if created.tzinfo is None:
            created = created.replace(tzinfo=UTC)
        found.append((created, province, category, kind, sentiment))
    return found


def _monday(moment: datetime) -> date:
    local = (moment + timedelta(seconds=BANGKOK)).date()
    return local - timedelta(days=local.weekday())


async def test_the_table_equals_a_recount_of_the_items_after_edits_and_deletes(
    database: Database,
) -> None:
    await _fill(database, 240, seed=1)
    await _edit(database, seed=2)
    expected: Counter[tuple[Any, ...]] = Counter()
    for created, province, category, kind, sentiment in await _items(database):
        key = (_monday(created), province or "", category or "", category is not None, kind)
        expected[(*key, "items")] += 1
        if sentiment is not None:
            expected[(*key, sentiment)] += 1
    async with database.unit_of_work() as session:
        rows = (
            await session.execute(
                text(
                    "SELECT week_start, province_code, category, has_category, kind,"
                    " items, positive, neutral, negative FROM feedback_week_count"
                )
            )
        ).all()
    found: Counter[tuple[Any, ...]] = Counter()
    for week, province, category, has_category, kind, *counts in rows:
        week = week if isinstance(week, date) else date.fromisoformat(week)
        key = (week, province, category, bool(has_category), kind)
        for name, value in zip(("items", "positive", "neutral", "negative"), counts, strict=True):
            if value:
                found[(*key, name)] = value
    assert found == expected
    assert all(row[5] > 0 for row in rows)  # no empty rows are left behind


@pytest.mark.parametrize(
    ("start", "end"),
    [
        (None, None),
        (WEEK_EDGE - timedelta(weeks=3), WEEK_EDGE + timedelta(weeks=2)),  # whole weeks
        (WEEK_EDGE - timedelta(weeks=4, hours=5), WEEK_EDGE + timedelta(weeks=3, seconds=1)),
        (None, WEEK_EDGE + timedelta(days=2)),
        (WEEK_EDGE - timedelta(days=10, seconds=1), None),
        (WEEK_EDGE + timedelta(hours=1), WEEK_EDGE + timedelta(days=3)),  # inside one week
    ],
)
@pytest.mark.parametrize(
    "group_by", [None, GroupBy.PROVINCE, GroupBy.CATEGORY, GroupBy.WEEK], ids=str
)
async def test_statistics_read_through_it_equal_counts_of_the_items(
    database: Database, start: datetime | None, end: datetime | None, group_by: GroupBy | None
) -> None:
    await _fill(database, 150, seed=3)
    await _edit(database, seed=4)
    filters = FeedbackFilter(created_from=start, created_to=end)
    expected: dict[Any, list[int]] = {}
    for created, province, category, _kind, sentiment in await _items(database):
        if (start is not None and created < start) or (end is not None and created >= end):
            continue
        key = {
            None: None,
            GroupBy.PROVINCE: province,
            GroupBy.CATEGORY: category,
            GroupBy.WEEK: _monday(created),
        }[group_by]
        counts = expected.setdefault(key, [0, 0, 0, 0])
        counts[0] += 1
        for index, value in enumerate(("positive", "neutral", "negative"), start=1):
            counts[index] += sentiment == value
    async with database.unit_of_work() as session:
        repository = StatsRepository(session)
        found = await repository.sentiment_counts(
            scope=FeedbackScope(everything=True), filters=filters, group_by=group_by
        )
        one_province = await repository.sentiment_counts(
            scope=FeedbackScope(province_codes=frozenset({"50"})),
            filters=FeedbackFilter(created_from=start, created_to=end, categories=("ถนน",)),
            group_by=None,
        )
    assert {key: list(counts) for key, counts in found.items()} == expected
    in_chiang_mai = [
        sentiment
        for created, province, category, _kind, sentiment in await _items(database)
        if province == "50"
        and category == "ถนน"
        and (start is None or created >= start)
        and (end is None or created < end)
    ]
    assert sum(counts[0] for counts in one_province.values()) == len(in_chiang_mai)
