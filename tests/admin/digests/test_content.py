"""Every figure in a digest's JSON, checked against the database with independent SQL."""

from __future__ import annotations

import json
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import bindparam, text
from sqlalchemy.ext.asyncio import AsyncSession

from admin.digests.render import chat_text
from admin.digests.service import (
    DigestSettings,
    agency_subject,
    board_subject,
    digest_for,
    write_digest_files,
)
from siang.settings import Settings
from storage.database import Database
from storage.types import UTCDateTime
from tests.admin.digests.conftest import PLANTED, SeededDigests
from tests.fixtures.feedback_factory import agency_in

NOW = datetime(2026, 11, 16, 1, 0, tzinfo=UTC)


def digest_settings(settings: Settings) -> DigestSettings:
    return DigestSettings(
        public_base_url=str(settings.public_base_url),
        secret_key=settings.secret_key,
        timezone=settings.timezone,
    )


async def sql(session: AsyncSession, query: str, **params: Any) -> list[tuple[Any, ...]]:
    statement = text(query)
    for name, value in params.items():
        if isinstance(value, datetime):
            statement = statement.bindparams(bindparam(name, value, type_=UTCDateTime()))
        else:
            statement = statement.bindparams(bindparam(name, value))
    return [tuple(row) for row in (await session.execute(statement)).all()]


def _moment(value: Any) -> datetime:
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _week_of(value: Any) -> str:
    year, week, _ = (_moment(value) + timedelta(hours=7)).date().isocalendar()
    return f"{year}-W{week:02d}"


def _percentile(values: list[float], fraction: float) -> float | None:
    if not values:
        return None
    values = sorted(values)
    position = (len(values) - 1) * fraction
    low = int(position)
    high = min(low + 1, len(values) - 1)
    return values[low] + (values[high] - values[low]) * (position - low)


@pytest.mark.parametrize("province", ["10", "เชียงใหม่", "83"])
async def test_every_figure_matches_the_database(
    database: Database,
    settings: Settings,
    seeded_digests: SeededDigests,
    tmp_path: Path,
    province: str,
) -> None:
    config = digest_settings(settings)
    async with database.unit_of_work() as session:
        subject = await board_subject(session, province)
        digest = await digest_for(
            session, config, subject=subject, week=seeded_digests.week, now=NOW
        )
    await write_digest_files(digest, tmp_path, zone=config.zone)
    data = json.loads((tmp_path / "digest.json").read_text(encoding="utf-8"))
    code = data["subject"]["province_code"]
    start, end = _moment(data["period_start"]), _moment(data["period_end"])
    assert data["week"] == "2026-W46"
    assert start == datetime(2026, 11, 8, 17, tzinfo=UTC) and end - start == timedelta(days=7)
    previous = start - timedelta(days=7)
    async with database.unit_of_work() as session:
        where = "province_code = :p AND created_at >= :s AND created_at < :e"
        [(count,)] = await sql(
            session, f"SELECT count(*) FROM feedback_item WHERE {where}", p=code, s=start, e=end
        )
        [(before,)] = await sql(
            session,
            f"SELECT count(*) FROM feedback_item WHERE {where}",
            p=code,
            s=previous,
            e=start,
        )
        assert data["totals"] == {
            "count": count,
            "previous_count": before,
            "change": count - before,
            "change_pct": round((count - before) * 100 / before, 1) if before else None,
        }
        kinds = await sql(
            session,
            f"SELECT kind, count(*) FROM feedback_item WHERE {where} GROUP BY kind",
            p=code,
            s=start,
            e=end,
        )
        assert data["by_kind"] == dict(kinds)

        for section, column in (("by_category", "category"), ("by_district", "district_code")):
            rows = await sql(
                session,
                f"SELECT {column},"
                " sum(CASE WHEN created_at >= :s THEN 1 ELSE 0 END),"
                " sum(CASE WHEN created_at < :s THEN 1 ELSE 0 END)"
                f" FROM feedback_item WHERE province_code = :p AND created_at >= :b"
                f" AND created_at < :e GROUP BY {column}",
                p=code,
                s=start,
                b=previous,
                e=end,
            )
            expected = {key: (int(now), int(then)) for key, now, then in rows if now}
            got = {r["key"]: (r["count"], r["previous_count"]) for r in data[section]}
            assert got == expected, section
        district_names = dict(
            await sql(
                session, "SELECT code, name_th FROM district WHERE province_code = :p", p=code
            )
        )
        assert all(r["label"] == district_names[r["key"]] for r in data["by_district"])

        created = await sql(
            session,
            "SELECT created_at, sentiment FROM feedback_item WHERE province_code = :p"
            " AND created_at >= :b AND created_at < :e",
            p=code,
            b=start - timedelta(weeks=7),
            e=end,
        )
        trend: dict[str, dict[str, int]] = {}
        for moment, sentiment in created:
            week = trend.setdefault(
                _week_of(moment), {"count": 0, "positive": 0, "neutral": 0, "negative": 0}
            )
            week["count"] += 1
            if sentiment:
                week[sentiment] += 1
        assert len(data["sentiment"]["trend"]) == 8
        for row in data["sentiment"]["trend"]:
            expected_week = trend.get(
                row["week"], {"count": 0, "positive": 0, "neutral": 0, "negative": 0}
            )
            assert {k: row[k] for k in expected_week} == expected_week, row["week"]
        assert data["sentiment"]["this_week"]["week"] == "2026-W46"

        threads = await sql(
            session,
            f"SELECT reference, coalesce(duplicate_of_id, id) FROM feedback_item WHERE {where}",
            p=code,
            s=start,
            e=end,
        )
        root_of = dict(threads)
        issues = data["top_issues"]
        listed = [set(issue["references"]) for issue in issues]
        assert issues and [i["count"] for i in issues] == sorted(
            (i["count"] for i in issues), reverse=True
        )
        for issue, references in zip(issues, listed, strict=True):
            assert issue["count"] == len(references) and references <= set(root_of)
            roots = {root_of[reference] for reference in references}
            # a thread of attached duplicates is never split between issues
            assert references == {r for r, root in root_of.items() if root in roots}
            [(representative_id,)] = await sql(
                session,
                "SELECT id FROM feedback_item WHERE reference = :r",
                r=issue["representative"],
            )
            assert representative_id in roots
        assert all(a.isdisjoint(b) for i, a in enumerate(listed) for b in listed[i + 1 :])
        biggest_thread = max(Counter(root_of.values()).values())
        assert issues[0]["count"] >= biggest_thread > 1

        [(urgent,)] = await sql(
            session,
            f"SELECT count(*) FROM feedback_item WHERE {where} AND urgency = 'high'",
            p=code,
            s=start,
            e=end,
        )
        assert data["urgent"]["count"] == urgent and len(data["urgent"]["items"]) == min(urgent, 10)
        [(overdue,)] = await sql(
            session,
            "SELECT count(*) FROM feedback_item WHERE province_code = :p AND due_at < :e"
            " AND status IN ('received', 'routed', 'accepted', 'in_progress', 'forwarded')",
            p=code,
            e=end,
        )
        assert data["overdue"]["count"] == overdue > 0

        fixed = await sql(
            session,
            "SELECT created_at, resolved_at, rating, citizen_confirmed_fix, reopen_count"
            " FROM feedback_item WHERE province_code = :p AND resolved_at >= :s"
            " AND resolved_at < :e AND status IN ('resolved', 'closed')",
            p=code,
            s=start,
            e=end,
        )
        hours = [(_moment(r) - _moment(c)).total_seconds() / 3600 for c, r, *_ in fixed]
        ratings = [rating for _, _, rating, _, _ in fixed if rating is not None]
        [(rejected,)] = await sql(
            session,
            "SELECT count(DISTINCT f.id) FROM feedback_item f JOIN status_change s"
            " ON s.feedback_id = f.id WHERE f.province_code = :p AND f.resolved_at IS NULL"
            " AND f.status IN ('rejected', 'closed') AND s.to_status IN ('rejected', 'closed')"
            " AND s.created_at >= :s AND s.created_at < :e",
            p=code,
            s=start,
            e=end,
        )
        [(reopens,)] = await sql(
            session,
            "SELECT count(*) FROM status_change s JOIN feedback_item f ON s.feedback_id = f.id"
            " WHERE f.province_code = :p AND s.actor_type = 'citizen'"
            " AND s.from_status IN ('resolved', 'closed') AND s.created_at >= :s"
            " AND s.created_at < :e",
            p=code,
            s=start,
            e=end,
        )
        resolved = data["resolved"]
        assert resolved["fixed"] == len(fixed) > 0
        assert resolved["closed_without_fix"] == rejected == 2
        assert resolved["citizen_confirmed"] == sum(1 for row in fixed if row[3])
        assert resolved["reopened_items"] == sum(1 for row in fixed if row[4])
        assert resolved["reopens"] == reopens == 1
        assert resolved["median_hours"] == pytest.approx(_percentile(hours, 0.5), abs=0.01)
        assert resolved["p90_hours"] == pytest.approx(_percentile(hours, 0.9), abs=0.01)
        assert resolved["ratings"] == len(ratings)
        assert resolved["average_rating"] == pytest.approx(sum(ratings) / len(ratings), abs=0.01)

        indicators = data["indicators"]
        year_start = end - timedelta(days=365)
        [(complaints,)] = await sql(
            session,
            "SELECT count(*) FROM feedback_item WHERE province_code = :p AND kind = 'complaint'"
            " AND created_at >= :s AND created_at < :e",
            p=code,
            s=year_start,
            e=end,
        )
        [(last_year,)] = await sql(
            session,
            "SELECT count(*) FROM feedback_item WHERE province_code = :p AND kind = 'complaint'"
            " AND created_at >= :s AND created_at < :e",
            p=code,
            s=year_start.replace(year=year_start.year - 1),
            e=end.replace(year=end.year - 1),
        )
        assert indicators["complaint_growth"]["complaints"] == complaints
        assert indicators["complaint_growth"]["previous_year"] == last_year
        [(agencies,)] = await sql(
            session, "SELECT count(*) FROM agency WHERE province_code = :p AND is_active", p=code
        )
        [(received,)] = await sql(
            session,
            "SELECT count(DISTINCT agency_id) FROM feedback_item WHERE province_code = :p"
            " AND created_at >= :s AND created_at < :e AND agency_id IN"
            " (SELECT id FROM agency WHERE province_code = :p AND is_active)",
            p=code,
            s=year_start,
            e=end,
        )
        assert indicators["participation"]["agencies"] == agencies
        assert indicators["participation"]["received"] == received
        assert data["consultations"]["results"] == []


async def test_no_personal_data_reaches_any_version(
    database: Database, settings: Settings, seeded_digests: SeededDigests, tmp_path: Path
) -> None:
    """IDs, phones, e-mails and names planted in redacted_text are masked again in every output."""
    config = digest_settings(settings)
    for province in seeded_digests.provinces:
        async with database.unit_of_work() as session:
            subject = await board_subject(session, province)
            digest = await digest_for(
                session, config, subject=subject, week=seeded_digests.week, now=NOW
            )
        out = tmp_path / province
        await write_digest_files(digest, out, zone=config.zone)
        texts = {
            "json": (out / "digest.json").read_text(encoding="utf-8"),
            "html": (out / "digest.html").read_text(encoding="utf-8"),
            "chat": chat_text(digest),
        }
        assert "[เบอร์โทร]" in texts["json"]  # the planted data was there, and masked
        for name, content in texts.items():
            for planted in PLANTED:
                assert planted not in content, (province, name, planted)


async def test_an_agency_digest_counts_only_that_agencys_items(
    database: Database, settings: Settings, seeded_digests: SeededDigests
) -> None:
    config = digest_settings(settings)
    async with database.unit_of_work() as session:
        agency = await agency_in(session, "50", 1)
        subject = await agency_subject(session, agency.code)
        digest = await digest_for(
            session, config, subject=subject, week=seeded_digests.week, now=NOW
        )
        start, end = digest.period_start, digest.period_end
        [(count,)] = await sql(
            session,
            "SELECT count(*) FROM feedback_item WHERE agency_id = :a"
            " AND created_at >= :s AND created_at < :e",
            a=agency.id,
            s=start,
            e=end,
        )
        [(fixed,)] = await sql(
            session,
            "SELECT count(*) FROM feedback_item WHERE agency_id = :a AND resolved_at >= :s"
            " AND resolved_at < :e AND status IN ('resolved', 'closed')",
            a=agency.id,
            s=start,
            e=end,
        )
    assert (digest.subject.kind, digest.subject.code) == ("agency", agency.code)
    assert digest.subject.province_code == "50"
    assert digest.totals.count == count > 0
    assert sum(row.count for row in digest.by_category) == count
    assert digest.resolved.fixed == fixed
    assert digest.indicators.participation.agencies == 1
