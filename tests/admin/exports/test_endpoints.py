"""CSV and XLSX exports: the same filters and scope as the queue, originals only where allowed."""

from __future__ import annotations

import csv
import io

import httpx
from openpyxl import load_workbook

from storage.models import UserRole
from tests.admin.conftest import ORIGINAL, REDACTED, Account, Accounts, Items


def _csv(response: httpx.Response) -> list[dict[str, str]]:
    assert response.content.startswith("\ufeff".encode())
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))


class TestCsvExport:
    async def test_an_official_exports_only_their_agency_with_original_text(
        self, client: httpx.AsyncClient, accounts: Accounts, items: Items
    ) -> None:
        mine = await items.add(agency="pwa-50")
        await items.add(agency="pea-50")
        official = await accounts.make(UserRole.OFFICIAL, agencies=["pwa-50"])
        response = await client.get("/api/v1/exports/feedback.csv", headers=official.headers)
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/csv")
        assert "attachment" in response.headers["content-disposition"]
        rows = _csv(response)
        assert [r["reference"] for r in rows] == [mine.reference]
        assert rows[0]["text"] == ORIGINAL and rows[0]["text_is_redacted"] == "no"
        assert rows[0]["province"] == "เชียงใหม่" and rows[0]["agency_code"] == "pwa-50"
        assert rows[0]["created_at"].endswith("+07:00")
        other = await client.get(
            "/api/v1/exports/feedback.csv", params={"agency": "pea-50"}, headers=official.headers
        )
        assert other.status_code == 404

    async def test_board_and_analyst_exports_are_redacted(
        self, client: httpx.AsyncClient, accounts: Accounts, items: Items
    ) -> None:
        await items.add(province="50")
        await items.add(agency="bkk-district-office-1004", province="10", district="1004")
        member = await accounts.make(UserRole.BOARD, province="50")
        analyst = await accounts.make(UserRole.ANALYST)
        board_rows = _csv(await client.get("/api/v1/exports/feedback.csv", headers=member.headers))
        assert [r["province_code"] for r in board_rows] == ["50"]
        analyst_rows = _csv(
            await client.get("/api/v1/exports/feedback.csv", headers=analyst.headers)
        )
        assert len(analyst_rows) == 2
        for row in board_rows + analyst_rows:
            assert row["text"] == REDACTED and row["text_is_redacted"] == "yes"

    async def test_formula_looking_text_is_defused(
        self, client: httpx.AsyncClient, admin: Account, items: Items
    ) -> None:
        await items.add(original_text='=HYPERLINK("http://evil")', redacted_text="=1+1")
        rows = _csv(await client.get("/api/v1/exports/feedback.csv", headers=admin.headers))
        assert rows[0]["text"] == '\'=HYPERLINK("http://evil")'


class TestXlsxExport:
    async def test_filters_apply_and_thai_survives(
        self, client: httpx.AsyncClient, admin: Account, items: Items
    ) -> None:
        await items.add(category="ถนน")
        water = await items.add(category="น้ำประปา")
        response = await client.get(
            "/api/v1/exports/feedback.xlsx", params={"category": "น้ำประปา"}, headers=admin.headers
        )
        assert response.status_code == 200
        sheet = load_workbook(io.BytesIO(response.content)).active
        assert sheet is not None
        rows = list(sheet.iter_rows(values_only=True))
        header, *data = rows
        assert header[0] == "reference"
        assert [r[0] for r in data] == [water.reference]
        assert data[0][header.index("category")] == "น้ำประปา"
        assert data[0][header.index("text")] == ORIGINAL

    async def test_export_without_sign_in_is_401(self, client: httpx.AsyncClient) -> None:
        assert (await client.get("/api/v1/exports/feedback.xlsx")).status_code == 401

    async def test_control_characters_in_a_citizens_text_still_give_a_workbook(
        self, client: httpx.AsyncClient, admin: Account, items: Items
    ) -> None:
        # A citizen's app can send a vertical tab or a form feed; Excel files cannot hold them.
        await items.add(original_text="ท่อแตก\x0bหน้าบ้าน\x01\x1f", redacted_text="ท่อแตก\x0c")
        response = await client.get("/api/v1/exports/feedback.xlsx", headers=admin.headers)
        assert response.status_code == 200
        sheet = load_workbook(io.BytesIO(response.content)).active
        assert sheet is not None
        header, row = list(sheet.iter_rows(values_only=True))
        assert row[header.index("text")] == "ท่อแตกหน้าบ้าน"
