"""/admin/charts as officials and board members read it: their own scope's figures, drawn."""

from __future__ import annotations

import re
from datetime import timedelta

import httpx

from storage.models import FeedbackStatus, Sentiment, UserRole
from storage.types import utcnow
from tests.admin.conftest import PASSWORD, Accounts, Items


async def _sign_in(client: httpx.AsyncClient, email: str) -> None:
    response = await client.post("/admin/login", data={"email": email, "password": PASSWORD})
    assert response.status_code == 303, response.text


def _svg(page: str, key: str) -> str:
    found = re.search(rf'<svg [^>]*data-chart="{key}".*?</svg>', page, re.S)
    assert found is not None, key
    return found.group(0)


def _figure(page: str, key: str) -> str:
    found = re.search(rf'<figure class="chart-card" id="{key}">.*?</figure>', page, re.S)
    assert found is not None, key
    return found.group(0)


async def _items(items: Items) -> None:
    """Chiang Mai's waterworks: two water items and a road; its electricity office: two items."""
    await items.add(agency="pwa-50", category="ประปา", sentiment=Sentiment.NEGATIVE)
    await items.add(agency="pwa-50", category="ประปา", sentiment=Sentiment.POSITIVE)
    resolved = utcnow() - timedelta(days=2)
    await items.add(
        agency="pwa-50",
        category="ถนน",
        sentiment=Sentiment.NEGATIVE,
        age=timedelta(days=4),
        status=FeedbackStatus.CLOSED,
        resolved_at=resolved,
        rating=4,
        citizen_confirmed_fix=True,
    )
    await items.add(agency="pea-50", category="ไฟฟ้า", sentiment=Sentiment.NEGATIVE)
    await items.add(
        agency="pea-50",
        category="ไฟฟ้า",
        age=timedelta(days=30),
        due_at=utcnow() - timedelta(days=1),
    )
    # A year ago, the same week: the volume chart's other line.
    await items.add(agency="pwa-50", category="ประปา", age=timedelta(weeks=52, hours=1))


class TestChartsPage:
    async def test_without_a_session_it_sends_you_to_sign_in(
        self, client: httpx.AsyncClient
    ) -> None:
        response = await client.get("/admin/charts")
        assert response.status_code == 303
        assert response.headers["location"] == "/admin/login"

    async def test_an_official_sees_only_their_agencys_items_drawn(
        self, client: httpx.AsyncClient, accounts: Accounts, items: Items
    ) -> None:
        await _items(items)
        official = await accounts.make(UserRole.OFFICIAL, agencies=["pwa-50"])
        await _sign_in(client, official.email)
        response = await client.get("/admin/charts")
        assert response.status_code == 200
        assert response.headers["cache-control"] == "no-store"
        page = response.text
        assert 'href="/admin/charts"' in page  # the dashboard's navigation links here

        volume = _svg(page, "volume")
        assert volume.count('class="point"') == 2 * 26  # this year and last, 26 weeks each
        assert "(ปีนี้ 3 เรื่อง)" in volume and "(1 เรื่อง)" in volume

        by_category = _svg(page, "sentiment-category")
        assert "ประปา" in by_category and "ถนน" in by_category
        assert "ไฟฟ้า" not in page  # the electricity office's items are not this official's
        # Water: one negative, one positive; roads: one negative (stacked, one bar per value).
        assert by_category.count('class="bar"') == 2 * 3
        assert "ประปา: ลบ 1" in by_category and "ประปา: บวก 1" in by_category

        satisfaction = _svg(page, "satisfaction")
        assert satisfaction.count('class="bar"') == 5
        assert "4: จำนวนผู้ให้คะแนน 1" in satisfaction

        outcomes = _figure(page, "outcomes")
        assert "แก้ไขแล้ว 1 เรื่อง ผู้แจ้งยืนยันว่าแก้ไขจริง 1 เรื่อง" in outcomes
        # Each chart carries its numbers as a table too.
        assert '<th scope="row">ถนน</th><td>1</td><td>1</td><td>0</td>' in outcomes
        # Overdue counts every open item past due, however old: last year's is still open.
        assert "ประปา: เรื่อง 1" in _svg(page, "overdue")

    async def test_a_board_member_sees_the_whole_province(
        self, client: httpx.AsyncClient, accounts: Accounts, items: Items
    ) -> None:
        await _items(items)
        await items.add(agency="bkk-district-office-1004", province="10", district="1004")
        board = await accounts.make(UserRole.BOARD, province="50")
        await _sign_in(client, board.email)
        page = (await client.get("/admin/charts")).text
        assert "จังหวัดของคุณ" in page
        assert "(ปีนี้ 5 เรื่อง)" in _svg(page, "volume")  # Bangkok's item is not counted
        assert "ไฟฟ้า" in _svg(page, "sentiment-category")
        overdue = _svg(page, "overdue")
        assert overdue.count('class="bar"') == 2
        assert "ไฟฟ้า: เรื่อง 1" in overdue and "ประปา: เรื่อง 1" in overdue

    async def test_in_english_on_request(
        self, client: httpx.AsyncClient, accounts: Accounts, items: Items
    ) -> None:
        await _items(items)
        analyst = await accounts.make(UserRole.ANALYST)
        await _sign_in(client, analyst.email)
        page = (await client.get("/admin/charts?lang=en")).text
        assert '<html lang="en">' in page
        assert "Items received per week, against last year" in page
        assert "the whole country" in page and "water supply" in page
