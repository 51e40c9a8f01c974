"""The item page's content and forms: photo and map, assign, merge, resolve with an after-photo,
corrections kept for retraining, internal notes the citizen never sees, and scope refusals."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
from sqlmodel import col, select

from services.ticket_references import random_reference
from siang.settings import Settings
from storage.database import Database
from storage.models import (
    ActorType,
    AuditEntry,
    FeedbackItem,
    FeedbackKind,
    FeedbackMedia,
    FeedbackStatus,
    InternalNote,
    LabelledExample,
    OutboundMessage,
    UserRole,
)
from tests.admin.conftest import ORIGINAL, Accounts, Items
from tests.admin.dashboard.forms import add_citizens_photo, csrf, sign_in
from tests.fixtures.photos import phone_photo


@pytest.fixture
def media_dir(settings: Settings) -> Path:
    return settings.media_dir


async def _item(database: Database, feedback_id: int | None) -> FeedbackItem:
    async with database.unit_of_work() as session:
        item = await session.get(FeedbackItem, feedback_id)
    assert item is not None
    return item


async def _outbox_count(database: Database) -> int:
    async with database.unit_of_work() as session:
        return len((await session.exec(select(OutboundMessage))).all())


class TestItemPage:
    async def test_the_official_sees_the_photo_the_map_the_followers_and_the_rating(
        self, client: httpx.AsyncClient, accounts: Accounts, items: Items, database: Database,
        media_dir: Path,
    ) -> None:  # fmt: skip
        item = await items.add(
            agency="pwa-50", district="5001", latitude=18.79, longitude=98.98, rating=2,
            status=FeedbackStatus.RESOLVED,
        )  # fmt: skip
        follower = await items.add(agency="pwa-50", duplicate_of_id=item.id)
        photo = await add_citizens_photo(database, media_dir, item.id or 0)
        official = await accounts.make(UserRole.OFFICIAL, agencies=["pwa-50"])
        await sign_in(client, official.email)

        page = await client.get(f"/admin/items/{item.id}")

        assert page.status_code == 200 and ORIGINAL in page.text
        src = f"/admin/items/{item.id}/media/{photo}"
        assert f'<img src="{src}"' in page.text
        shown = await client.get(src)
        assert shown.status_code == 200 and shown.headers["content-type"] == "image/jpeg"
        assert '<path class="district" d="M' in page.text  # the district's outline …
        assert '<circle class="point"' in page.text  # … and the citizen's point in it
        assert "18.79000, 98.98000" in page.text
        assert follower.reference in page.text and "ผู้แจ้งให้คะแนน 2/5" in page.text

    async def test_a_note_to_the_citizen_says_so_before_it_is_sent(
        self, client: httpx.AsyncClient, accounts: Accounts, items: Items
    ) -> None:
        item = await items.add(agency="pwa-50")
        official = await accounts.make(UserRole.OFFICIAL, agencies=["pwa-50"])
        await sign_in(client, official.email)
        page = await client.get(f"/admin/items/{item.id}")
        assert "ผู้แจ้งจะได้รับข้อความนี้ทางแชททันทีที่บันทึก" in page.text
        assert "เห็นเฉพาะเจ้าหน้าที่ ผู้แจ้งจะไม่เห็นบันทึกนี้" in page.text


class TestAssign:
    async def test_an_official_gives_the_item_to_a_colleague_of_the_agency(
        self, client: httpx.AsyncClient, accounts: Accounts, items: Items, database: Database
    ) -> None:
        item = await items.add(agency="pwa-50")
        official = await accounts.make(UserRole.OFFICIAL, agencies=["pwa-50"])
        colleague = await accounts.make(UserRole.OFFICIAL, agencies=["pwa-50"])
        stranger = await accounts.make(UserRole.OFFICIAL, agencies=["pea-50"])
        await sign_in(client, official.email)
        page = await client.get(f"/admin/items/{item.id}")
        assert colleague.email in page.text and stranger.email not in page.text

        given = await client.post(
            f"/admin/items/{item.id}/assign",
            data={"user": colleague.user_id, "csrf": csrf(page.text)},
        )

        assert given.status_code == 303
        after = await client.get(given.headers["location"])
        assert f"ผู้รับผิดชอบ: {colleague.email}" in after.text
        refused = await client.post(
            f"/admin/items/{item.id}/assign",
            data={"user": stranger.user_id, "csrf": csrf(page.text)},
        )
        assert refused.status_code == 422
        assert (await _item(database, item.id)).assigned_user_id == colleague.user_id


class TestMerge:
    async def test_an_item_is_merged_into_the_ticket_named_by_its_reference(
        self, client: httpx.AsyncClient, accounts: Accounts, items: Items, database: Database
    ) -> None:
        lead = await items.add(agency="pwa-50", reference=random_reference())
        repeat = await items.add(agency="pwa-50")
        official = await accounts.make(UserRole.OFFICIAL, agencies=["pwa-50"])
        await sign_in(client, official.email)
        page = await client.get(f"/admin/items/{repeat.id}")

        merged = await client.post(
            f"/admin/items/{repeat.id}/merge",
            data={"into": lead.reference.lower(), "csrf": csrf(page.text)},
        )

        assert merged.status_code == 303
        closed = await _item(database, repeat.id)
        assert closed.status is FeedbackStatus.CLOSED and closed.duplicate_of_id == lead.id
        lead_page = await client.get(f"/admin/items/{lead.id}")
        assert repeat.reference in lead_page.text  # listed among its duplicates


class TestResolve:
    async def test_resolving_with_a_note_and_an_after_photo_tells_the_citizen(
        self, client: httpx.AsyncClient, accounts: Accounts, items: Items, database: Database
    ) -> None:
        item = await items.add(agency="pwa-50", status=FeedbackStatus.IN_PROGRESS)
        official = await accounts.make(UserRole.OFFICIAL, agencies=["pwa-50"])
        await sign_in(client, official.email)
        page = await client.get(f"/admin/items/{item.id}")

        resolved = await client.post(
            f"/admin/items/{item.id}/status",
            data={"status": "resolved", "note": "ซ่อมถนนเรียบร้อยแล้ว", "csrf": csrf(page.text)},
            files={"photos": ("after.jpg", phone_photo("jpeg", size=(80, 60)), "image/jpeg")},
        )

        assert resolved.status_code == 303
        assert (await _item(database, item.id)).status is FeedbackStatus.RESOLVED
        async with database.unit_of_work() as session:
            photos = (
                await session.exec(
                    select(FeedbackMedia).where(col(FeedbackMedia.feedback_id) == item.id)
                )
            ).all()
        assert [photo.added_by for photo in photos] == [ActorType.OFFICIAL]
        after = await client.get(resolved.headers["location"])
        assert "ซ่อมถนนเรียบร้อยแล้ว" in after.text and "รูปหลังแก้ไข" in after.text

    async def test_a_file_that_is_not_a_photo_is_refused_and_nothing_changes(
        self, client: httpx.AsyncClient, accounts: Accounts, items: Items, database: Database
    ) -> None:
        item = await items.add(agency="pwa-50", status=FeedbackStatus.IN_PROGRESS)
        official = await accounts.make(UserRole.OFFICIAL, agencies=["pwa-50"])
        await sign_in(client, official.email)
        page = await client.get(f"/admin/items/{item.id}")
        refused = await client.post(
            f"/admin/items/{item.id}/status",
            data={"status": "resolved", "note": "ซ่อมแล้ว", "csrf": csrf(page.text)},
            files={"photos": ("notes.txt", b"not a photo", "text/plain")},
        )
        assert refused.status_code == 422 and "the photo was not kept" in refused.text
        assert (await _item(database, item.id)).status is FeedbackStatus.IN_PROGRESS


class TestCorrect:
    async def test_a_corrected_category_is_audited_kept_for_retraining_and_not_told(
        self, client: httpx.AsyncClient, accounts: Accounts, items: Items, database: Database
    ) -> None:
        item = await items.add(agency="pwa-50", category="ถนน")
        official = await accounts.make(UserRole.OFFICIAL, agencies=["pwa-50"])
        await sign_in(client, official.email)
        page = await client.get(f"/admin/items/{item.id}")
        before = await _outbox_count(database)

        corrected = await client.post(
            f"/admin/items/{item.id}/correct",
            data={"category": "ไฟฟ้า", "kind": "suggestion", "district": "5002",
                  "csrf": csrf(page.text)},
        )  # fmt: skip

        assert corrected.status_code == 303
        now = await _item(database, item.id)
        assert (now.category, now.kind, now.district_code) == (
            "ไฟฟ้า", FeedbackKind.SUGGESTION, "5002",
        )  # fmt: skip
        async with database.unit_of_work() as session:
            examples = (await session.exec(select(LabelledExample))).all()
            audited = (await session.exec(select(AuditEntry))).all()
        kept = {(e.field, e.chosen, e.proposed, e.source) for e in examples}
        assert kept == {
            ("category", "ไฟฟ้า", "ถนน", "official"),
            ("kind", "suggestion", "complaint", "official"),
            ("district", "5002", "5001", "official"),
        }
        assert all(e.redacted_text != ORIGINAL for e in examples)
        assert "feedback.corrected" in {entry.action for entry in audited}
        assert await _outbox_count(database) == before  # the citizen is not told
        shown = (await client.get(f"/admin/items/{item.id}")).text
        assert "แก้หมวดจาก ถนน เป็น ไฟฟ้า" in shown
        assert "แก้ประเภทจาก ร้องเรียน เป็น ข้อเสนอแนะ" in shown
        english = (await client.get(f"/admin/items/{item.id}?lang=en")).text
        assert "Category corrected from roads to" in english

    async def test_a_category_that_does_not_exist_is_refused(
        self, client: httpx.AsyncClient, accounts: Accounts, items: Items, database: Database
    ) -> None:
        item = await items.add(agency="pwa-50", category="ถนน")
        official = await accounts.make(UserRole.OFFICIAL, agencies=["pwa-50"])
        await sign_in(client, official.email)
        page = await client.get(f"/admin/items/{item.id}")
        refused = await client.post(
            f"/admin/items/{item.id}/correct", data={"category": "ไม่มี", "csrf": csrf(page.text)}
        )
        assert refused.status_code == 422
        assert (await _item(database, item.id)).category == "ถนน"

    async def test_after_a_correction_the_page_offers_the_agency_the_rules_choose_now(
        self, client: httpx.AsyncClient, accounts: Accounts, items: Items, database: Database
    ) -> None:
        item = await items.add(agency="pwa-50", province="50", category="ประปา")
        official = await accounts.make(UserRole.OFFICIAL, agencies=["pwa-50"])
        await sign_in(client, official.email)
        page = await client.get(f"/admin/items/{item.id}")
        assert 'class="suggestion"' not in page.text  # the rules agree with its agency

        await client.post(
            f"/admin/items/{item.id}/correct", data={"category": "ไฟฟ้า", "csrf": csrf(page.text)}
        )

        shown = (await client.get(f"/admin/items/{item.id}")).text
        assert 'class="suggestion"' in shown and "(pea-50)" in shown
        assert 'value="pea-50"' in shown  # the forward form is filled in, not sent
        assert (await _item(database, item.id)).agency_id == item.agency_id


class TestInternalNotes:
    async def test_officials_read_the_note_and_the_citizen_and_the_board_never_do(
        self, client: httpx.AsyncClient, accounts: Accounts, items: Items, database: Database
    ) -> None:
        item = await items.add(agency="pwa-50", province="50")
        official = await accounts.make(UserRole.OFFICIAL, agencies=["pwa-50"])
        await sign_in(client, official.email)
        page = await client.get(f"/admin/items/{item.id}")
        before = await _outbox_count(database)

        noted = await client.post(
            f"/admin/items/{item.id}/notes",
            data={"text": "ประสานช่างเขต 2 แล้ว รออะไหล่", "csrf": csrf(page.text)},
        )

        assert noted.status_code == 303
        assert "ประสานช่างเขต 2 แล้ว" in (await client.get(f"/admin/items/{item.id}")).text
        assert await _outbox_count(database) == before
        api = await client.get(
            f"/api/v1/feedback/{item.id}", headers=(await accounts.make(UserRole.ADMIN)).headers
        )
        assert "ประสานช่างเขต" not in api.text  # not in the history anyone else reads
        member = await accounts.make(UserRole.BOARD, province="50")
        await sign_in(client, member.email)
        assert "ประสานช่างเขต" not in (await client.get(f"/admin/items/{item.id}")).text


class TestScope:
    @pytest.mark.parametrize(
        ("action", "form"),
        [
            ("assign", {"user": "1"}),
            ("correct", {"category": "ไฟฟ้า"}),
            ("notes", {"text": "ลองดู"}),
            ("merge", {"into": "SG-00000-0"}),
        ],
    )
    async def test_another_agencys_official_finds_nothing_and_changes_nothing(
        self, client: httpx.AsyncClient, accounts: Accounts, items: Items, database: Database,
        action: str, form: dict[str, str],
    ) -> None:  # fmt: skip
        item = await items.add(agency="pwa-50", category="ถนน")
        stranger = await accounts.make(UserRole.OFFICIAL, agencies=["pea-50"])
        await sign_in(client, stranger.email)
        queue = await client.get("/admin")

        refused = await client.post(
            f"/admin/items/{item.id}/{action}", data=form | {"csrf": csrf(queue.text)}
        )

        assert refused.status_code == 404 and "ไม่พบเรื่องนี้" in refused.text
        after = await _item(database, item.id)
        assert after.version == item.version and after.category == "ถนน"
        async with database.unit_of_work() as session:
            assert (await session.exec(select(InternalNote))).all() == []

    async def test_a_board_member_reads_but_may_not_correct(
        self, client: httpx.AsyncClient, accounts: Accounts, items: Items, database: Database
    ) -> None:
        item = await items.add(agency="pwa-50", province="50", category="ถนน")
        member = await accounts.make(UserRole.BOARD, province="50")
        await sign_in(client, member.email)
        page = await client.get(f"/admin/items/{item.id}")
        assert "แก้ไขหมวด" not in page.text
        refused = await client.post(
            f"/admin/items/{item.id}/correct",
            data={"category": "ไฟฟ้า", "csrf": csrf(page.text)},
        )
        assert refused.status_code == 403
        assert (await _item(database, item.id)).category == "ถนน"

    async def test_a_forged_correction_is_refused(
        self, client: httpx.AsyncClient, accounts: Accounts, items: Items, database: Database
    ) -> None:
        item = await items.add(agency="pwa-50", category="ถนน")
        official = await accounts.make(UserRole.OFFICIAL, agencies=["pwa-50"])
        await sign_in(client, official.email)
        forged = await client.post(
            f"/admin/items/{item.id}/correct", data={"category": "ไฟฟ้า", "csrf": "0" * 32}
        )
        assert forged.status_code == 403
        assert (await _item(database, item.id)).category == "ถนน"
