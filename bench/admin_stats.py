"""p95 latency of the admin aggregates (stats, indicators) over 1,000,000 feedback items.

Run:  .venv/bin/python bench/admin_stats.py [--items 1000000] [--repeat 20] [--keep]
      (PostgreSQL from SIANG_BENCH_POSTGRES_URL, default postgresql+asyncpg://postgres@127.0.0.1:5432/postgres)

It creates a throw-away database, migrates and seeds it, loads the items with COPY
(asyncpg `copy_records_to_table`) spread over provinces, districts, agencies, categories and
104 weeks the way Traffy Fondue's complaints spread (Bangkok-heavy, a long tail of provinces),
runs each aggregate through the same repository code the API uses, prints p50/p95 per query
as a Markdown table, and drops the database (unless --keep).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import time
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

import asyncpg
import numpy as np

from admin.indicators.service import strategy_indicators
from storage import migrate
from storage.database import Database
from storage.reference_data import seed_reference_data
from storage.repositories.feedback_queue import FeedbackFilter, FeedbackScope
from storage.repositories.stats import StatsRepository
from storage.repositories.stats_figures import GroupBy

DEFAULT_SERVER = "postgresql+asyncpg://postgres@127.0.0.1:5432/postgres"
NOW = datetime(2026, 11, 23, 1, 0, tzinfo=UTC)  # a Monday morning in Bangkok
WEEKS = 104
# Team-written complaint texts (not Traffy's), one per category, for realistic row widths.
CATEGORIES = {
    "ถนน": "ถนนหน้าซอยเป็นหลุมลึก รถจักรยานยนต์ล้มบ่อย ขอให้ซ่อมด่วน",
    "ทางเท้า": "ทางเท้าแตกเป็นหลุม คนเดินสะดุดล้ม ขอให้ปรับปรุง",
    "น้ำท่วม": "ฝนตกหนักน้ำท่วมขังหน้าบ้านทุกครั้ง ท่อระบายน้ำอุดตัน",
    "ความสะอาด": "ขยะกองริมถนนไม่มีคนมาเก็บหลายวัน ส่งกลิ่นเหม็น",
    "แสงสว่าง": "ไฟถนนดับทั้งซอยตอนกลางคืนมืดมาก ไม่ปลอดภัย",
    "ท่อระบายน้ำ": "ท่อระบายน้ำส่งกลิ่นเหม็นและมีน้ำเน่าขัง",
    "จราจร": "รถติดหนักช่วงเช้า สัญญาณไฟจราจรเสีย",
    "กีดขวาง": "มีรถจอดกีดขวางทางเข้าออกซอยตลอดวัน",
    "เสียงรบกวน": "ร้านค้าเปิดเพลงเสียงดังหลังเที่ยงคืนทุกคืน",
    "ความปลอดภัย": "มีกลุ่มวัยรุ่นมั่วสุมแถวป้ายรถเมล์ตอนดึก",
    "ต้นไม้": "กิ่งไม้ใหญ่ใกล้สายไฟ กลัวหักลงมาตอนพายุ",
    "สายไฟ": "สายไฟฟ้าห้อยต่ำระเกะระกะ อันตรายต่อคนเดินผ่าน",
    "คลอง": "คลองมีผักตบชวาและขยะเต็ม น้ำไม่ไหล",
    "สะพาน": "ราวสะพานลอยชำรุด เด็กอาจพลัดตกได้",
    "สัตว์จรจัด": "สุนัขจรจัดไล่กัดคนในชุมชน",
    "PM2.5": "ฝุ่นควันหนาแน่น มีการเผาขยะในที่โล่ง",
}
SENTIMENTS = (["negative", "neutral", "positive"], [0.62, 0.30, 0.08])
KINDS = (
    ["complaint", "suggestion", "question", "opinion", "praise"],
    [0.78, 0.1, 0.05, 0.05, 0.02],
)
URGENCIES = (["normal", "high", "low"], [0.85, 0.1, 0.05])
STATUSES = (
    ["resolved", "closed", "in_progress", "accepted", "routed", "rejected", "forwarded"],
    [0.45, 0.15, 0.12, 0.08, 0.12, 0.05, 0.03],
)
COLUMNS = [
    "reference", "channel", "kind", "original_text", "redacted_text", "language", "category",
    "categories", "province_code", "district_code", "sentiment", "sentiment_score", "urgency",
    "status", "agency_id", "board_id", "version", "due_at", "resolved_at", "closed_at", "rating",
    "citizen_confirmed_fix", "reopen_count", "escalation_level", "created_at", "updated_at",
]  # fmt: skip


# Each item's history as the lifecycle writes it: routed by the system when filed, then accepted,
# worked on and finished by the agency's officials (about 2.9 changes per item).
STATUS_HISTORY = """
INSERT INTO status_change (feedback_id, from_status, to_status, actor_type, agency_id, created_at)
SELECT id, NULL, 'routed', 'system', agency_id, created_at FROM feedback_item
UNION ALL
SELECT id, 'routed', 'accepted', 'official', agency_id,
       least(created_at + interval '2 hours', coalesce(resolved_at, closed_at, 'infinity'))
FROM feedback_item WHERE status IN ('accepted', 'in_progress', 'resolved', 'closed', 'forwarded')
UNION ALL
SELECT id, 'accepted', 'in_progress', 'official', agency_id,
       least(created_at + interval '1 day', coalesce(resolved_at, closed_at, 'infinity'))
FROM feedback_item WHERE status IN ('in_progress', 'resolved', 'closed')
UNION ALL
SELECT id, CASE WHEN status = 'rejected' THEN 'routed' ELSE 'in_progress' END, status, 'official',
       agency_id, coalesce(resolved_at, closed_at, created_at + interval '3 days')
FROM feedback_item WHERE status IN ('resolved', 'closed', 'rejected', 'forwarded')
"""


def _dsn(url: str, database: str | None = None) -> str:
    base = url.replace("postgresql+asyncpg://", "postgresql://", 1)
    return base if database is None else base.rsplit("/", 1)[0] + f"/{database}"


async def _reference(dsn: str) -> dict[str, Any]:
    connection = await asyncpg.connect(dsn)
    try:
        districts = await connection.fetch("SELECT code, province_code FROM district")
        agencies = await connection.fetch(
            "SELECT id, province_code FROM agency WHERE province_code IS NOT NULL"
        )
        boards = await connection.fetch(
            "SELECT id, province_code FROM board WHERE district_code IS NULL"
        )
    finally:
        await connection.close()
    by_province: dict[str, list[str]] = {}
    for row in districts:
        by_province.setdefault(row["province_code"], []).append(row["code"])
    agencies_of: dict[str, list[int]] = {}
    for row in agencies:
        agencies_of.setdefault(row["province_code"], []).append(row["id"])
    return {
        "districts": by_province,
        "agencies": agencies_of,
        "boards": {row["province_code"]: row["id"] for row in boards},
    }


def _records(count: int, reference: dict[str, Any], seed: int = 47) -> list[tuple[Any, ...]]:
    """`count` items: Bangkok about a third, the other provinces by a Zipf-like tail."""
    rng = np.random.default_rng(seed)
    provinces = sorted(reference["districts"])
    weights = np.array([1.0 / (rank + 1) ** 0.9 for rank in range(len(provinces))])
    rng.shuffle(weights)
    weights[provinces.index("10")] = weights.sum() / 2  # Bangkok: a third of everything
    weights /= weights.sum()
    province_pick = rng.choice(len(provinces), size=count, p=weights)
    categories = list(CATEGORIES)
    category_weights = np.array([1.0 / (rank + 1) for rank in range(len(categories))])
    category_pick = rng.choice(
        len(categories), size=count, p=category_weights / category_weights.sum()
    )
    ages = rng.uniform(0, WEEKS * 7 * 86400, size=count)
    growth = rng.random(size=count) < 0.15  # recent weeks busier than old ones
    ages[growth] = ages[growth] / 2
    pick = {
        name: rng.choice(values, size=count, p=probabilities)
        for name, (values, probabilities) in {
            "sentiment": SENTIMENTS, "kind": KINDS, "urgency": URGENCIES, "status": STATUSES,
        }.items()
    }  # fmt: skip
    hours_to_fix = rng.lognormal(mean=3.5, sigma=1.0, size=count)
    ratings = rng.choice([1, 2, 3, 4, 5], size=count, p=[0.08, 0.07, 0.15, 0.35, 0.35])
    rated = rng.random(size=count) < 0.4
    confirmed = rng.random(size=count) < 0.5
    reopened = rng.random(size=count) < 0.04
    district_index = rng.integers(0, 1 << 30, size=count)
    agency_index = rng.integers(0, 1 << 30, size=count)
    rows: list[tuple[Any, ...]] = []
    for i in range(count):
        province = provinces[province_pick[i]]
        districts = reference["districts"][province]
        agencies = reference["agencies"].get(province) or [None]
        category = categories[category_pick[i]]
        created = NOW - timedelta(seconds=float(ages[i]))
        status = str(pick["status"][i])
        fixed = status in ("resolved", "closed")
        resolved_at = created + timedelta(hours=float(hours_to_fix[i])) if fixed else None
        finished_at = resolved_at if fixed else (created if status == "rejected" else None)
        text = CATEGORIES[category]
        rows.append(
            (
                f"B{i:09d}", "line", str(pick["kind"][i]), text, text, "th", category, "[]",
                province, districts[district_index[i] % len(districts)],
                str(pick["sentiment"][i]), 0.8, str(pick["urgency"][i]), status,
                agencies[agency_index[i] % len(agencies)], reference["boards"].get(province), 1,
                created + timedelta(days=7), resolved_at, finished_at if status != "resolved" else None,
                int(ratings[i]) if fixed and rated[i] else None,
                bool(confirmed[i]) if fixed and rated[i] else None,
                1 if fixed and reopened[i] else 0, 0, created, created,
            )
        )  # fmt: skip
    return rows


async def load(server: str, name: str, count: int) -> str:
    """Create, migrate and seed database `name`, COPY `count` items in; returns its URL."""
    admin = await asyncpg.connect(_dsn(server))
    try:
        await admin.execute(f'CREATE DATABASE "{name}"')
    finally:
        await admin.close()
    url = server.rsplit("/", 1)[0] + f"/{name}"
    await asyncio.to_thread(migrate.upgrade, url)
    database = Database(url)
    async with database.unit_of_work() as session:
        await seed_reference_data(session)
    await database.dispose()
    reference = await _reference(_dsn(url))
    started = time.perf_counter()
    rows = _records(count, reference)
    generated = time.perf_counter()
    connection = await asyncpg.connect(_dsn(url))
    try:
        for offset in range(0, len(rows), 100_000):
            await connection.copy_records_to_table(
                "feedback_item", records=rows[offset : offset + 100_000], columns=COLUMNS
            )
        await connection.execute(STATUS_HISTORY)
        # The whole database: the reference tables too (autovacuum may be off or not yet run).
        await connection.execute("VACUUM ANALYZE")
    finally:
        await connection.close()
    print(
        f"generated {count:,} items in {generated - started:.1f} s, "
        f"copied and analysed in {time.perf_counter() - generated:.1f} s"
    )
    return url


def _queries(database: Database) -> dict[str, Callable[[], Awaitable[Any]]]:
    everything = FeedbackScope(everything=True)
    none = FeedbackFilter()
    month = FeedbackFilter(created_from=NOW - timedelta(days=30), created_to=NOW)
    bangkok = FeedbackScope(province_codes=frozenset({"10"}))
    chiang_mai = FeedbackScope(province_codes=frozenset({"50"}))

    def run(method: str, **kwargs: Any) -> Callable[[], Awaitable[Any]]:
        async def query() -> Any:
            async with database.unit_of_work() as session:
                return await getattr(StatsRepository(session), method)(**kwargs)

        return query

    async def indicators(scope: FeedbackScope, filters: FeedbackFilter) -> Any:
        async with database.unit_of_work() as session:
            return await strategy_indicators(
                session,
                scope=scope,
                agency_ids=None,
                filters=filters,
                start=NOW - timedelta(days=365),
                end=NOW,
            )

    quarter = FeedbackFilter(created_from=NOW - timedelta(days=90), created_to=NOW)
    queries: dict[str, Callable[[], Awaitable[Any]]] = {}
    for group_by in GroupBy:
        queries[f"sentiment by {group_by} (nation, last 90 days)"] = run(
            "sentiment", scope=everything, filters=quarter, group_by=group_by
        )
    for group_by in (GroupBy.PROVINCE, GroupBy.CATEGORY, GroupBy.WEEK):
        queries[f"sentiment by {group_by} (nation, all 2 years)"] = run(
            "sentiment", scope=everything, filters=none, group_by=group_by
        )
    queries["sentiment by category (nation, last 30 days)"] = run(
        "sentiment", scope=everything, filters=month, group_by=GroupBy.CATEGORY
    )
    queries["sentiment by district (Bangkok board, last 90 days)"] = run(
        "sentiment", scope=bangkok, filters=quarter, group_by=GroupBy.DISTRICT
    )
    queries["sentiment by week (Chiang Mai board, negative, all)"] = run(
        "sentiment",
        scope=chiang_mai,
        filters=replace(none, sentiments=("negative",)),  # type: ignore[arg-type]
        group_by=GroupBy.WEEK,
    )
    queries["volumes by province (this week vs last)"] = run(
        "volumes",
        scope=everything,
        filters=none,
        group_by=GroupBy.PROVINCE,
        start=NOW - timedelta(days=7),
        end=NOW,
    )
    queries["volumes by category (last 90 days vs the 90 before)"] = run(
        "volumes",
        scope=everything,
        filters=none,
        group_by=GroupBy.CATEGORY,
        start=NOW - timedelta(days=90),
        end=NOW,
    )
    queries["resolution by province (nation, last 90 days)"] = run(
        "resolution", scope=everything, filters=quarter, group_by=GroupBy.PROVINCE
    )
    queries["resolution (nation, last 30 days)"] = run(
        "resolution", scope=everything, filters=month, group_by=None
    )
    queries["resolution by province (nation, all 2 years)"] = run(
        "resolution", scope=everything, filters=none, group_by=GroupBy.PROVINCE
    )
    queries["overdue by agency (nation, now)"] = run(
        "overdue", scope=everything, filters=none, group_by=GroupBy.AGENCY, now=NOW
    )
    queries["satisfaction by province (nation, last 90 days)"] = run(
        "satisfaction", scope=everything, filters=quarter, group_by=GroupBy.PROVINCE
    )
    queries["indicators (nation, 365 days)"] = lambda: indicators(everything, none)
    queries["indicators (Bangkok, 365 days)"] = lambda: indicators(
        bangkok, replace(none, province_code="10")
    )
    return queries


async def measure(url: str, repeat: int) -> list[tuple[str, float, float]]:
    database = Database(url)
    results = []
    try:
        for name, query in _queries(database).items():
            await query()  # warm the cache and the connection
            timings = []
            for _ in range(repeat):
                started = time.perf_counter()
                await query()
                timings.append((time.perf_counter() - started) * 1000)
            timings.sort()
            p95 = timings[max(0, round(0.95 * len(timings)) - 1)]
            results.append((name, statistics.median(timings), p95))
            print(f"  {name}: p50 {statistics.median(timings):.0f} ms, p95 {p95:.0f} ms")
    finally:
        await database.dispose()
    return results


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--items", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    parser.add_argument("--database", help="measure an existing (kept) database instead")
    args = parser.parse_args()
    server = os.environ.get("SIANG_BENCH_POSTGRES_URL", DEFAULT_SERVER)
    name = args.database or f"siang_bench_{uuid.uuid4().hex[:8]}"
    url = server.rsplit("/", 1)[0] + f"/{name}"
    try:
        if not args.database:
            url = await load(server, name, args.items)
        results = await measure(url, args.repeat)
    finally:
        if not args.keep and not args.database:
            admin = await asyncpg.connect(_dsn(server))
            try:
                await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            finally:
                await admin.close()
    print(f"\n{args.items:,} items, {args.repeat} runs each (database {name})\n")
    print("| query | p50 ms | p95 ms |\n|---|---:|---:|")
    for query_name, p50, p95 in results:
        print(f"| {query_name} | {p50:.0f} | {p95:.0f} |")


if __name__ == "__main__":
    asyncio.run(main())
