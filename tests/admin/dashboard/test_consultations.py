"""/admin/consultations: an official asks, publishes and closes, and reads live results by option
and area; other agencies cannot see or act; a board reads its province's."""

from __future__ import annotations

import re
from datetime import timedelta

import httpx

from storage.database import Database
from storage.models import Consultation, ConsultationStatus, UserRole
from storage.types import utcnow
from tests.admin.conftest import Accounts
from tests.admin.dashboard.forms import csrf, sign_in
from tests.fixtures.consultations import PLANTED_ANSWER, PLANTED_NAME, PLANTED_PHONE, Answer, held


def _form(page: str, **changes: str) -> dict[str, str]:
    closes = (utcnow() + timedelta(days=5)).astimezone().strftime("%Y-%m-%dT%H:%M")
    data = {
        "csrf": csrf(page),
        "title": "ไฟถนนซอยวัดเกต",
        "question": "ควรติดไฟถนนเพิ่มที่ซอยไหนก่อน",
        "options": "ซอย 1\nซอย 2\nซอย 3",
        "free_answer": "true",
        "provinces": "เชียงใหม่",
        "closes_at": closes,
    }
    return data | changes


async def _status(database: Database, consultation_id: int) -> ConsultationStatus:
    async with database.unit_of_work() as session:
        found = await session.get(Consultation, consultation_id)
        assert found is not None
        return found.status


class TestAskingOnTheDashboard:
    async def test_an_official_creates_publishes_and_closes_with_results_by_area(
        self, client: httpx.AsyncClient, accounts: Accounts, database: Database
    ) -> None:
        official = await accounts.make(UserRole.OFFICIAL, agencies=["pwa-50"])
        await sign_in(client, official.email)
        listing = await client.get("/admin/consultations")
        assert listing.status_code == 200
        assert "การรับฟังความคิดเห็นและโพล" in listing.text
        created = await client.post("/admin/consultations", data=_form(listing.text))
        assert created.status_code == 303, created.text
        location = created.headers["location"]
        consultation_id = int(re.findall(r"/admin/consultations/(\d+)", location)[0])
        draft = await client.get(location)
        assert "บันทึกร่างแล้ว" in draft.text and "เผยแพร่ส่งถึงประชาชน" in draft.text
        assert await _status(database, consultation_id) is ConsultationStatus.DRAFT

        published = await client.post(
            f"/admin/consultations/{consultation_id}/publish", data={"csrf": csrf(draft.text)}
        )
        assert published.status_code == 303
        assert await _status(database, consultation_id) is ConsultationStatus.PUBLISHED
        page = await client.get(published.headers["location"])
        assert "เผยแพร่แล้ว ส่งถึงประชาชน 0 คน" in page.text
        assert "ปิดรับและเผยแพร่ผล" in page.text
        assert 'data-total="0"' in page.text

        closed = await client.post(
            f"/admin/consultations/{consultation_id}/close", data={"csrf": csrf(page.text)}
        )
        assert closed.status_code == 303
        assert await _status(database, consultation_id) is ConsultationStatus.CLOSED
        final = await client.get(closed.headers["location"])
        assert "ผลสุดท้าย" in final.text and "ปิดรับและเผยแพร่ผล" not in final.text

    async def test_the_topics_ticked_are_kept_so_topic_subscribers_hear_of_it(
        self, client: httpx.AsyncClient, accounts: Accounts, database: Database
    ) -> None:
        official = await accounts.make(UserRole.OFFICIAL, agencies=["pwa-50"])
        await sign_in(client, official.email)
        listing = await client.get("/admin/consultations")
        assert 'name="topics" value="water"' in listing.text and "น้ำและน้ำท่วม" in listing.text
        form: dict[str, str | list[str]] = {
            **_form(listing.text),
            "topics": ["water", "environment"],
        }
        created = await client.post("/admin/consultations", data=form)
        assert created.status_code == 303, created.text
        consultation_id = int(
            re.findall(r"/admin/consultations/(\d+)", created.headers["location"])[0]
        )
        async with database.unit_of_work() as session:
            found = await session.get(Consultation, consultation_id)
            assert found is not None and sorted(found.topics) == ["environment", "water"]

        again = await client.get("/admin/consultations")
        forged = {**_form(again.text), "topics": ["water", "no-such-topic"]}
        refused = await client.post("/admin/consultations", data=forged)
        assert refused.status_code in (400, 422)
        assert "checked" in refused.text  # the form comes back as ticked, to correct

    async def test_live_results_by_option_province_and_district_with_masked_themes(
        self, client: httpx.AsyncClient, accounts: Accounts, database: Database
    ) -> None:
        consultation_id = await held(
            database,
            published_at=utcnow() - timedelta(hours=2),
            answers=[
                Answer(district="5001", option=0),
                Answer(district="5001", option=1),
                Answer(district="5002", option=1),
                Answer(option=1, typed=PLANTED_ANSWER, theme="ถนน", raw=True),
            ],
        )
        official = await accounts.make(UserRole.OFFICIAL, agencies=["pwa-50"])
        await sign_in(client, official.email)
        page = await client.get(f"/admin/consultations/{consultation_id}")
        assert page.status_code == 200
        text = page.text
        assert 'data-total="4"' in text
        for chart in ("options", "provinces", "districts"):
            assert f'data-chart="{chart}"' in text
        # The tables under the charts: ย้าย 1, ไม่ย้าย 3; เมืองเชียงใหม่ split 1 and 1.
        assert re.search(r"<th scope=\"row\">ไม่ย้าย</th><td>3</td>", text)
        assert re.search(r"<th scope=\"row\">เมืองเชียงใหม่</th><td>1</td><td>1</td>", text)
        assert re.search(r"<th scope=\"row\">จอมทอง</th><td>0</td><td>1</td>", text)
        assert "ถนน" in text and "1 คำตอบ" in text
        assert PLANTED_PHONE not in text and PLANTED_NAME not in text
        english = await client.get(f"/admin/consultations/{consultation_id}?lang=en")
        assert "Answers by district" in english.text and "Mueang Chiang Mai" in english.text


class TestScope:
    async def test_another_agency_cannot_see_or_act_and_a_board_reads_its_province(
        self, client: httpx.AsyncClient, accounts: Accounts, database: Database
    ) -> None:
        consultation_id = await held(
            database, published_at=utcnow() - timedelta(hours=1), answers=[Answer()]
        )
        stranger = await accounts.make(UserRole.OFFICIAL, agencies=["pea-50"])
        await sign_in(client, stranger.email)
        listing = await client.get("/admin/consultations")
        assert "ตลาดนัดวันอาทิตย์" not in listing.text
        assert (await client.get(f"/admin/consultations/{consultation_id}")).status_code == 404
        refused = await client.post(
            f"/admin/consultations/{consultation_id}/close", data={"csrf": csrf(listing.text)}
        )
        assert refused.status_code == 404
        assert await _status(database, consultation_id) is ConsultationStatus.PUBLISHED

        board = await accounts.make(UserRole.BOARD, province="เชียงใหม่")
        await sign_in(client, board.email)
        listing = await client.get("/admin/consultations")
        assert "ตลาดนัดวันอาทิตย์" in listing.text
        page = await client.get(f"/admin/consultations/{consultation_id}")
        assert page.status_code == 200 and 'data-total="1"' in page.text
        assert "เฉพาะเจ้าของเรื่องเผยแพร่หรือปิดได้" in page.text
        assert "ปิดรับและเผยแพร่ผล</button>" not in page.text
        refused = await client.post(
            f"/admin/consultations/{consultation_id}/close", data={"csrf": csrf(page.text)}
        )
        assert refused.status_code == 404
        assert await _status(database, consultation_id) is ConsultationStatus.PUBLISHED

        other_board = await accounts.make(UserRole.BOARD, province="กรุงเทพมหานคร")
        await sign_in(client, other_board.email)
        assert (await client.get(f"/admin/consultations/{consultation_id}")).status_code == 404

    async def test_a_form_without_its_token_or_province_is_refused_in_words(
        self, client: httpx.AsyncClient, accounts: Accounts, database: Database
    ) -> None:
        official = await accounts.make(UserRole.OFFICIAL, agencies=["pwa-50"])
        await sign_in(client, official.email)
        listing = await client.get("/admin/consultations")
        forged = await client.post("/admin/consultations", data=_form(listing.text, csrf="0" * 32))
        assert forged.status_code == 403
        unknown = await client.post(
            "/admin/consultations", data=_form(listing.text, provinces="แอตแลนติส")
        )
        assert unknown.status_code == 422 and "แอตแลนติส" in unknown.text
        assert "ไฟถนนซอยวัดเกต" in unknown.text  # the form keeps what was typed
