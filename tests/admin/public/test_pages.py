"""/public as a journalist or a citizen reads it: counts that match the database, no personal data
or coordinates anywhere, cacheable by anyone, in Thai or English."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta
from statistics import median

import httpx
import pytest

from nlp.personal_data import redact
from storage.database import Database
from storage.models import FeedbackStatus
from storage.repositories.agencies import AgencyRepository
from storage.types import utcnow
from tests.admin.conftest import Items

S = FeedbackStatus
# What a citizen typed, with everything a public page must never show.
PLANTED_NAME = "นายสมชาย ใจดีมาก"
PLANTED_PHONE = "081-234-5678"
PLANTED_ID = "1-1017-00203-45-1"
PLANTED_POINT = "13.756331,100.501765"
PLANTED_BARE_NAME = "สมศรี"  # a neighbour named with no title: the officials' masker keeps it
TYPED = (
    f"ถนนหน้าบ้าน{PLANTED_NAME} เป็นหลุมใหญ่ {PLANTED_BARE_NAME}ข้างบ้านก็ตกหลุม "
    f"โทร {PLANTED_PHONE} บัตรประชาชน {PLANTED_ID} พิกัด {PLANTED_POINT} ช่วยมาซ่อมด่วน"
)
NEVER_SHOWN = (
    "สมชาย",
    PLANTED_BARE_NAME,
    "ใจดีมาก",
    PLANTED_PHONE,
    "0812345678",
    PLANTED_ID,
    "1101700203451",
    "13.756331",
    "100.501765",
    "13.7563",
    "100.5017",
)


@dataclass(frozen=True)
class Made:
    """What the test put in the database, to count from independently of the page."""

    province: str
    agency: str
    status: FeedbackStatus
    age: timedelta
    resolved_after: timedelta | None = None
    confirmed: bool = False
    reopens: int = 0
    rating: int | None = None


MADE = (
    Made("50", "pwa-50", S.RESOLVED, timedelta(days=10), timedelta(hours=24), confirmed=True),
    Made("50", "pwa-50", S.CLOSED, timedelta(days=40), timedelta(hours=48), rating=5),
    Made("50", "pwa-50", S.CLOSED, timedelta(days=90), timedelta(hours=96), reopens=2, rating=3),
    Made("50", "pea-50", S.ACCEPTED, timedelta(days=3)),
    Made("50", "pea-50", S.REJECTED, timedelta(days=5)),
    Made("10", "bkk-district-office-1004", S.RESOLVED, timedelta(days=20), timedelta(hours=10)),
    Made("10", "bkk-district-office-1004", S.ROUTED, timedelta(days=1)),
    # A year and more ago: outside the page's 52 weeks, in no count.
    Made("50", "pwa-50", S.CLOSED, timedelta(days=400), timedelta(hours=5), rating=1),
)
IN_PERIOD = [made for made in MADE if made.age < timedelta(weeks=51)]


async def _make(items: Items) -> None:
    redacted = redact(TYPED).text  # what filing stores: the masker's output, misses and all
    for made in MADE:
        created = utcnow() - made.age
        resolved = created + made.resolved_after if made.resolved_after else None
        await items.add(
            agency=made.agency,
            province=made.province,
            district="1004" if made.province == "10" else "5001",
            status=made.status,
            created_at=created,
            updated_at=created,
            resolved_at=resolved,
            original_text=TYPED,
            redacted_text=redacted,
            latitude=13.756331,
            longitude=100.501765,
            location_text=f"บ้าน{PLANTED_NAME} {PLANTED_POINT}",
            citizen_confirmed_fix=made.confirmed or None,
            reopen_count=made.reopens,
            rating=made.rating,
            rating_comment=f"โทรกลับ {PLANTED_PHONE}" if made.rating else None,
        )


def _tile(page: str, figure: str) -> str:
    found = re.search(rf'data-figure="{figure}"><b>([^<]*)</b>', page)
    assert found is not None, figure
    return found.group(1)


def _expected(rows: list[Made]) -> dict[str, str]:
    fixed = [r for r in rows if r.resolved_after is not None and r.status in (S.RESOLVED, S.CLOSED)]
    ratings = [r.rating for r in rows if r.rating is not None]
    hours = sorted(r.resolved_after.total_seconds() / 3600 for r in fixed if r.resolved_after)
    return {
        "received": str(len(rows)),
        "resolved": str(len(fixed)),
        "confirmed": str(sum(r.confirmed for r in rows)),
        "reopened": str(sum(r.reopens > 0 for r in rows)),
        "median": "-" if not hours else f"{median(hours) / 24:.1f}",
        "satisfaction": "-" if not ratings else f"{sum(ratings) / len(ratings):.1f} / 5",
    }


async def _pages(client: httpx.AsyncClient, database: Database) -> dict[str, str]:
    async with database.unit_of_work() as session:
        agencies = AgencyRepository(session)
        ids = {code: (await agencies.by_code(code)) for code in ("pwa-50", "pea-50")}
    paths = {
        "nation": "/public",
        "chiang_mai": "/public/provinces/50",
        "bangkok": "/public/provinces/10",
        "pwa": f"/public/agencies/{ids['pwa-50'].id}",  # type: ignore[union-attr]
        "pea": f"/public/agencies/{ids['pea-50'].id}",  # type: ignore[union-attr]
        "english": "/public?lang=en",
        "english_province": "/public/provinces/50?lang=en",
    }
    found = {}
    for name, path in paths.items():
        response = await client.get(path)
        assert response.status_code == 200, (path, response.text[:300])
        assert response.headers["cache-control"] == "public, max-age=300"
        assert "set-cookie" not in response.headers
        found[name] = response.text
    return found


class TestFigures:
    async def test_every_page_counts_what_the_database_holds(
        self, client: httpx.AsyncClient, items: Items, database: Database
    ) -> None:
        await _make(items)
        pages = await _pages(client, database)
        scopes = {
            "nation": IN_PERIOD,
            "chiang_mai": [m for m in IN_PERIOD if m.province == "50"],
            "bangkok": [m for m in IN_PERIOD if m.province == "10"],
            "pwa": [m for m in IN_PERIOD if m.agency == "pwa-50"],
            "pea": [m for m in IN_PERIOD if m.agency == "pea-50"],
        }
        for name, rows in scopes.items():
            expected = _expected(rows)
            for figure, value in expected.items():
                shown = _tile(pages[name], figure)
                assert shown.startswith(value), (name, figure, shown, value)
        agencies = re.findall(
            r'<a href="/public/agencies/(\d+)">[^<]+</a></th>\s*'
            r'<td class="n" data-label="ได้รับ">(\d+)</td>',
            pages["chiang_mai"],
        )
        async with database.unit_of_work() as session:
            pwa = await AgencyRepository(session).by_code("pwa-50")
            pea = await AgencyRepository(session).by_code("pea-50")
        assert pwa is not None and pea is not None
        assert agencies == [(str(pwa.id), "3"), (str(pea.id), "2")]

    async def test_the_country_page_lists_each_province_with_its_counts(
        self, client: httpx.AsyncClient, items: Items, database: Database
    ) -> None:
        await _make(items)
        page = (await client.get("/public")).text
        rows = re.findall(
            r'<a href="/public/provinces/(\d\d)">[^<]+</a></th>\s*<td class="n" data-label="ได้รับ">(\d+)</td>',
            page,
        )
        assert rows == [("50", "5"), ("10", "2")]  # biggest first
        assert "กรุงเทพมหานคร" in page and "เชียงใหม่" in page

    async def test_top_issues_show_a_masked_example_and_nothing_personal_appears(
        self, client: httpx.AsyncClient, items: Items, database: Database
    ) -> None:
        await _make(items)
        pages = await _pages(client, database)
        for name, page in pages.items():
            for planted in NEVER_SHOWN:
                assert planted not in page, (name, planted)
            assert "SG-T" not in page  # no ticket's reference either
        nation = pages["nation"]
        assert "ถนน</strong> · 7 เรื่อง" in nation  # every item in the period is about a road
        assert "เป็นหลุมใหญ่" in nation  # the masked example is there, its personal data is not
        assert "[เบอร์โทร]" in nation and "[พิกัด]" in nation


class TestLanguageAndErrors:
    async def test_thai_first_and_english_on_request(
        self, client: httpx.AsyncClient, items: Items, database: Database
    ) -> None:
        await _make(items)
        thai = (await client.get("/public")).text
        english = (await client.get("/public?lang=en")).text
        assert '<html lang="th">' in thai and "เรื่องที่ประชาชนแจ้ง" in thai
        assert 'href="/public?lang=en"' in thai
        assert '<html lang="en">' in english and "What citizens raised" in english
        assert "Chiang Mai" in english and 'href="/public/provinces/50?lang=en"' in english
        assert "roads" in english  # categories in English too

    async def test_an_unknown_province_or_agency_is_a_page_that_says_so(
        self, client: httpx.AsyncClient
    ) -> None:
        for path in ("/public/provinces/99", "/public/agencies/999999"):
            response = await client.get(path)
            assert response.status_code == 404
            assert "ไม่มีจังหวัดหรือหน่วยงานนี้ในระบบ" in response.text

    @pytest.mark.parametrize("path", ["/public/provinces/x1", "/public/agencies/abc"])
    async def test_a_malformed_address_is_refused(
        self, client: httpx.AsyncClient, path: str
    ) -> None:
        assert (await client.get(path)).status_code == 422
