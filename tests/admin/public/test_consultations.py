"""/public shows closed consultations' and surveys' results (counts that match the database,
no personal data) and the consultations held and results published per agency."""

from __future__ import annotations

import re
from datetime import timedelta

import httpx
from sqlalchemy import text

from storage.database import Database
from storage.repositories.agencies import AgencyRepository
from storage.types import utcnow
from tests.fixtures.consultations import PLANTED_ANSWER, PLANTED_NAME, PLANTED_PHONE, Answer, held
from tests.fixtures.surveys import held_survey

CLOSED_TITLE = "ย้ายตลาดนัดวันอาทิตย์"
OPEN_TITLE = "สวนสาธารณะริมน้ำ"


async def _seed(database: Database) -> int:
    now = utcnow()
    closed = await held(
        database,
        title=CLOSED_TITLE,
        published_at=now - timedelta(days=10),
        closed_at=now - timedelta(days=1),
        answers=[
            Answer(district="5001", option=0),
            Answer(district="5001", option=1),
            Answer(district="5002", option=1),
            Answer(option=1, typed=PLANTED_ANSWER, theme="ถนน", raw=True),
            Answer(option=None, typed=f"อยากให้ย้าย ติดต่อ {PLANTED_PHONE}", theme="ถนน"),
        ],
    )
    await held(  # still open: nothing of it is public yet
        database,
        title=OPEN_TITLE,
        published_at=now - timedelta(days=2),
        answers=[Answer(option=0, typed=PLANTED_ANSWER, theme="ถนน", raw=True)],
    )
    return closed


async def _agency_id(database: Database, code: str) -> int:
    async with database.unit_of_work() as session:
        agency = await AgencyRepository(session).by_code(code)
        assert agency is not None and agency.id is not None
        return agency.id


def _cell(page: str, figure: str) -> int:
    found = re.search(rf'data-figure="{figure}"><b>([\d,]+)</b>', page)
    assert found is not None, figure
    return int(found.group(1).replace(",", ""))


async def test_the_province_page_shows_the_results_as_the_database_has_them(
    client: httpx.AsyncClient, database: Database
) -> None:
    consultation_id = await _seed(database)
    page = (await client.get("/public/provinces/50")).text
    assert CLOSED_TITLE in page and OPEN_TITLE not in page
    async with database.unit_of_work() as session:
        rows = (
            await session.execute(
                text(
                    "SELECT option_index, count(*) FROM consultation_answer"
                    " WHERE consultation_id = :c AND option_index IS NOT NULL"
                    " GROUP BY option_index ORDER BY option_index"
                ),
                {"c": consultation_id},
            )
        ).all()
        (everyone,) = (
            await session.execute(
                text("SELECT count(*) FROM consultation_answer WHERE consultation_id = :c"),
                {"c": consultation_id},
            )
        ).one()
    counts = dict((int(option), int(count)) for option, count in rows)
    assert counts == {0: 1, 1: 3} and everyone == 5
    article = page[page.index(f'data-consultation="{consultation_id}"') :]
    for label, option in (("ย้าย", 0), ("ไม่ย้าย", 1)):
        share = round(counts[option] * 100 / everyone, 1)
        shown = rf">{label}<span.*?<td class=\"n\">{counts[option]} \({share}%\)"
        assert re.search(shown, article, re.S), label
    assert f"ผู้ตอบ {everyone} คน" in article
    assert "เมืองเชียงใหม่ 2" in article and "จอมทอง 1" in article
    assert "ถนนหน้าตลาดเป็นหลุมมาก" in article  # the theme's example, masked
    assert _cell(page, "consultations-held") == 2  # both published in the year
    assert _cell(page, "consultations-published") == 1
    async with database.unit_of_work() as session:
        pwa = await AgencyRepository(session).by_code("pwa-50")
        assert pwa is not None
    row = re.search(
        rf">{re.escape(pwa.name_th)}</a></th>\s*<td class=\"n\"[^>]*>2</td>\s*<td class=\"n\"[^>]*>1<",
        page,
    )
    assert row is not None  # the agency's row: 2 held, 1 with results published


async def test_no_personal_data_reaches_any_public_page(
    client: httpx.AsyncClient, database: Database
) -> None:
    await _seed(database)
    pwa = await _agency_id(database, "pwa-50")
    for path in ("/public", "/public/provinces/50", f"/public/agencies/{pwa}"):
        for language in ("th", "en"):
            page = (await client.get(path, params={"lang": language})).text
            assert CLOSED_TITLE in page, (path, language)
            assert PLANTED_PHONE not in page and "0812345678" not in page
            assert PLANTED_NAME not in page and "สมชาย" not in page
            assert "U" + "0" * 10 not in page  # no citizen's platform id


async def test_only_the_owner_and_the_provinces_asked_show_it(
    client: httpx.AsyncClient, database: Database
) -> None:
    await _seed(database)
    pwa, pea = await _agency_id(database, "pwa-50"), await _agency_id(database, "pea-50")
    assert CLOSED_TITLE in (await client.get(f"/public/agencies/{pwa}")).text
    for path in (f"/public/agencies/{pea}", "/public/provinces/10"):
        page = (await client.get(path)).text
        assert CLOSED_TITLE not in page
        assert "ยังไม่มีการรับฟังความคิดเห็นที่ปิดและเผยแพร่ผล" in page
    english = (await client.get("/public/provinces/50", params={"lang": "en"})).text
    assert "Consultation results" in english and "Mueang Chiang Mai 2" in english


async def test_closed_surveys_show_counts_per_question_and_masked_themes_only(
    client: httpx.AsyncClient, database: Database
) -> None:
    now = utcnow()
    closed = await held_survey(
        database,
        title="รถเมล์เชียงใหม่",
        published_at=now - timedelta(days=5),
        closed_at=now - timedelta(days=1),
        replies=[(0, f"รถน้อยไป ติดต่อ{PLANTED_NAME} โทร {PLANTED_PHONE}"), (0,), (2, "ป้ายไม่มีหลังคา")],
    )
    await held_survey(
        database, title="ยังเปิดอยู่", published_at=now - timedelta(days=2), replies=[(1,)]
    )
    page = (await client.get("/public/provinces/50")).text
    assert "ยังเปิดอยู่" not in page  # an open survey shows nothing
    article = page[page.index(f'data-survey="{closed}"') :]
    assert "ผู้ตอบ 3 คน (ครบทุกข้อ 2 คน)" in article
    assert re.search(r">ทุกวัน<span.*?<td class=\"n\">2 \(66.7%\)", article, re.S)
    assert re.search(r">แทบไม่ใช้<span.*?<td class=\"n\">1 \(33.3%\)", article, re.S)
    assert "ขนส่งสาธารณะ" in article and "ป้ายไม่มีหลังคา" in article  # a theme, an example
    assert PLANTED_PHONE not in page and "สมชาย" not in page
    pea = await _agency_id(database, "pea-50")
    assert f'data-survey="{closed}"' not in (await client.get(f"/public/agencies/{pea}")).text
    english = (await client.get("/public", params={"lang": "en"})).text
    assert "Latest survey results" in english and "3 people answered" in english
