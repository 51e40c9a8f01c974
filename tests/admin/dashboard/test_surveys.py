"""Surveys in the workspace: listed beside the consultations for those who may read them, and
one survey's results question by question, masked, on its own page."""

from __future__ import annotations

from datetime import timedelta

import httpx

from storage.database import Database
from storage.models import UserRole
from storage.types import utcnow
from tests.admin.conftest import Accounts
from tests.admin.dashboard.forms import sign_in
from tests.fixtures.consultations import PLANTED_NAME, PLANTED_PHONE
from tests.fixtures.surveys import held_survey


async def _survey(database: Database) -> int:
    now = utcnow()
    return await held_survey(
        database,
        title="รถเมล์เชียงใหม่",
        published_at=now - timedelta(days=5),
        closed_at=now - timedelta(days=1),
        replies=[(0, f"รถน้อยไป ติดต่อ{PLANTED_NAME} โทร {PLANTED_PHONE}"), (0,), (2,)],
    )


async def test_the_owner_reads_the_results_question_by_question(
    client: httpx.AsyncClient, accounts: Accounts, database: Database
) -> None:
    survey_id = await _survey(database)
    official = await accounts.make(UserRole.OFFICIAL, agencies=["pwa-50"])
    await sign_in(client, official.email)
    listing = (await client.get("/admin/consultations")).text
    assert f'href="/admin/surveys/{survey_id}">รถเมล์เชียงใหม่</a>' in listing
    page = await client.get(f"/admin/surveys/{survey_id}")
    assert page.status_code == 200
    assert "ผู้ตอบ 3 คน · ตอบครบทุกข้อ 1 คน" in page.text
    assert "ตอบ 3 คน · ข้าม 0 คน" in page.text
    assert '>ทุกวัน</th><td class="n" data-count="2">2 (66.7%)' in page.text
    assert "ขนส่งสาธารณะ" in page.text and "รถน้อยไป" in page.text  # the theme, an example
    assert PLANTED_PHONE not in page.text and "สมชาย" not in page.text
    english = await client.get(f"/admin/surveys/{survey_id}", params={"lang": "en"})
    assert "3 people answered · 1 answered every question" in english.text
    assert "Public transport" in english.text or "public transport" in english.text


async def test_another_agency_neither_lists_nor_reads_it(
    client: httpx.AsyncClient, accounts: Accounts, database: Database
) -> None:
    survey_id = await _survey(database)
    other = await accounts.make(UserRole.OFFICIAL, agencies=["pea-50"])
    await sign_in(client, other.email)
    assert "รถเมล์เชียงใหม่" not in (await client.get("/admin/consultations")).text
    assert (await client.get(f"/admin/surveys/{survey_id}")).status_code == 404
