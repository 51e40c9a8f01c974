"""Status, forward, merge and assign through the API: who may, what changes, what is recorded."""

from __future__ import annotations

import httpx
from sqlmodel import col, select

from storage.database import Database
from storage.models import (
    AuditEntry,
    Channel,
    Citizen,
    FeedbackStatus,
    OutboundMessage,
    UserRole,
)
from storage.repositories.agencies import AgencyRepository
from tests.admin.conftest import Account, Accounts, Items


async def _audit(database: Database, feedback_id: int | None) -> list[str]:
    async with database.unit_of_work() as session:
        entries = (
            await session.exec(
                select(AuditEntry)
                .where(col(AuditEntry.entity_id) == str(feedback_id))
                .order_by(col(AuditEntry.id))
            )
        ).all()
    return [e.action for e in entries if e.action != "personal_data.viewed"]


class TestChangeStatus:
    async def test_an_official_works_an_item_to_resolved(
        self, client: httpx.AsyncClient, accounts: Accounts, items: Items, database: Database
    ) -> None:
        item = await items.add(citizen_id=None)
        official = await accounts.make(UserRole.OFFICIAL, agencies=["pwa-50"])
        url = f"/api/v1/feedback/{item.id}/status"
        for status, note in (("accepted", None), ("in_progress", "ส่งช่างไปแล้ว")):
            response = await client.post(
                url, json={"status": status, "note": note}, headers=official.headers
            )
            assert response.status_code == 200, response.text
            assert response.json()["status"] == status
        resolved = await client.post(
            url,
            json={"status": "resolved", "note": "ซ่อมท่อเรียบร้อย"},
            headers=official.headers,
        )
        body = resolved.json()
        assert body["status"] == "resolved"
        last = body["history"][-1]
        assert (last["from_status"], last["to_status"]) == ("in_progress", "resolved")
        assert last["actor"] == official.email and last["note"] == "ซ่อมท่อเรียบร้อย"
        assert await _audit(database, item.id) == ["feedback.status_changed"] * 3

    async def test_resolving_without_a_note_or_skipping_steps_is_refused(
        self, client: httpx.AsyncClient, admin: Account, items: Items
    ) -> None:
        item = await items.add(status=FeedbackStatus.IN_PROGRESS)
        url = f"/api/v1/feedback/{item.id}/status"
        silent = await client.post(url, json={"status": "resolved"}, headers=admin.headers)
        assert silent.status_code == 422
        assert "note" in silent.json()["error"]["message"]
        backwards = await client.post(url, json={"status": "received"}, headers=admin.headers)
        assert backwards.status_code == 409
        unknown = await client.post(url, json={"status": "vanished"}, headers=admin.headers)
        assert unknown.status_code == 422

    async def test_a_stale_version_is_a_409(
        self, client: httpx.AsyncClient, admin: Account, items: Items
    ) -> None:
        item = await items.add()
        url = f"/api/v1/feedback/{item.id}/status"
        first = await client.post(
            url, json={"status": "accepted", "expected_version": 1}, headers=admin.headers
        )
        assert first.status_code == 200 and first.json()["version"] == 2
        stale = await client.post(
            url, json={"status": "in_progress", "expected_version": 1}, headers=admin.headers
        )
        assert stale.status_code == 409

    async def test_a_status_change_tells_the_citizen_through_the_outbox(
        self, client: httpx.AsyncClient, admin: Account, items: Items, database: Database
    ) -> None:
        async with database.unit_of_work() as session:
            citizen = Citizen(channel=Channel.LINE, channel_user_id="U-outbox-test")
            session.add(citizen)
            await session.flush()
            citizen_id = citizen.id
        item = await items.add(citizen_id=citizen_id)
        await client.post(
            f"/api/v1/feedback/{item.id}/status", json={"status": "accepted"}, headers=admin.headers
        )
        async with database.unit_of_work() as session:
            sent = (await session.exec(select(OutboundMessage))).all()
        assert [(m.kind, m.target) for m in sent] == [("status_changed", "U-outbox-test")]
        assert sent[0].payload["to_status"] == "accepted"

    async def test_readers_and_other_agencies_cannot_act(
        self, client: httpx.AsyncClient, accounts: Accounts, items: Items
    ) -> None:
        item = await items.add(agency="pwa-50", province="50")
        member = await accounts.make(UserRole.BOARD, province="50")
        analyst = await accounts.make(UserRole.ANALYST)
        stranger = await accounts.make(UserRole.OFFICIAL, agencies=["pea-50"])
        url = f"/api/v1/feedback/{item.id}/status"
        for reader in (member, analyst):
            refused = await client.post(url, json={"status": "accepted"}, headers=reader.headers)
            assert refused.status_code == 403
        hidden = await client.post(url, json={"status": "accepted"}, headers=stranger.headers)
        assert hidden.status_code == 404


class TestForward:
    async def test_forwarding_hands_the_item_to_another_agency(
        self, client: httpx.AsyncClient, accounts: Accounts, items: Items, database: Database
    ) -> None:
        item = await items.add(agency="pwa-50")
        official = await accounts.make(UserRole.OFFICIAL, agencies=["pwa-50"])
        response = await client.post(
            f"/api/v1/feedback/{item.id}/forward",
            json={"agency": "pea-50", "reason": "เป็นเรื่องไฟฟ้า ไม่ใช่ประปา"},
            headers=official.headers,
        )
        assert response.status_code == 200, response.text
        assert response.json()["agency"]["code"] == "pea-50"
        assert response.json()["status"] == "routed"
        assert "original_text" not in response.json()
        gone = await client.get(f"/api/v1/feedback/{item.id}", headers=official.headers)
        assert gone.status_code == 404
        assert await _audit(database, item.id) == ["feedback.forwarded"]

    async def test_the_forward_reads_as_facts_in_thai_and_in_english_on_request(
        self, client: httpx.AsyncClient, accounts: Accounts, admin: Account, items: Items,
        database: Database,
    ) -> None:  # fmt: skip
        item = await items.add(agency="pwa-50")
        official = await accounts.make(UserRole.OFFICIAL, agencies=["pwa-50"])
        forwarded = await client.post(
            f"/api/v1/feedback/{item.id}/forward",
            json={"agency": "pea-50", "reason": "เป็นเรื่องไฟฟ้า"},
            headers=official.headers,
        )
        assert forwarded.status_code == 200, forwarded.text
        async with database.unit_of_work() as session:
            pea = await AgencyRepository(session).by_code("pea-50")
        assert pea is not None
        url = f"/api/v1/feedback/{item.id}"

        thai = (await client.get(url, headers=admin.headers)).json()
        step = thai["history"][-2]
        assert step["to_status"] == "forwarded"
        assert step["note"] == f"ส่งต่อถึง {pea.name_th}: เป็นเรื่องไฟฟ้า"
        assert step["note_facts"] == {
            "code": "forwarded",
            "agency": {"th": pea.name_th, "en": pea.name_en},
        }
        assert thai["routing_reason"] == "ส่งต่อโดยเจ้าหน้าที่: เป็นเรื่องไฟฟ้า"
        assert thai["routing_facts"] == {"code": "forwarded_by_official"}

        english = (
            await client.get(url, headers=admin.headers | {"Accept-Language": "en-GB,th;q=0.5"})
        ).json()
        assert english["history"][-2]["note"] == f"Forwarded to {pea.name_en}: เป็นเรื่องไฟฟ้า"
        assert english["routing_reason"] == "Forwarded by an official: เป็นเรื่องไฟฟ้า"

    async def test_forwarding_to_an_unknown_agency_or_without_reason_fails(
        self, client: httpx.AsyncClient, admin: Account, items: Items
    ) -> None:
        item = await items.add()
        url = f"/api/v1/feedback/{item.id}/forward"
        unknown = await client.post(
            url, json={"agency": "nope-1", "reason": "x"}, headers=admin.headers
        )
        assert unknown.status_code == 404
        assert "nope-1" in unknown.json()["error"]["message"]
        reasonless = await client.post(url, json={"agency": "pea-50"}, headers=admin.headers)
        assert reasonless.status_code == 422


class TestMerge:
    async def test_a_duplicate_is_closed_into_the_lead_item(
        self, client: httpx.AsyncClient, accounts: Accounts, items: Items
    ) -> None:
        lead = await items.add()
        duplicate = await items.add()
        official = await accounts.make(UserRole.OFFICIAL, agencies=["pwa-50"])
        response = await client.post(
            f"/api/v1/feedback/{duplicate.id}/merge",
            json={"into": lead.id, "note": "จุดเดียวกัน"},
            headers=official.headers,
        )
        assert response.status_code == 200, response.text
        assert response.json()["status"] == "closed"
        assert response.json()["duplicate_of_id"] == lead.id
        lead_detail = await client.get(f"/api/v1/feedback/{lead.id}", headers=official.headers)
        assert lead_detail.json()["follower_count"] == 1

    async def test_merging_into_an_item_out_of_scope_is_404(
        self, client: httpx.AsyncClient, accounts: Accounts, items: Items
    ) -> None:
        mine = await items.add(agency="pwa-50")
        theirs = await items.add(agency="pea-50")
        official = await accounts.make(UserRole.OFFICIAL, agencies=["pwa-50"])
        response = await client.post(
            f"/api/v1/feedback/{mine.id}/merge", json={"into": theirs.id}, headers=official.headers
        )
        assert response.status_code == 404


class TestAssign:
    async def test_assign_to_a_colleague_but_not_to_an_outsider(
        self, client: httpx.AsyncClient, accounts: Accounts, items: Items
    ) -> None:
        item = await items.add(agency="pwa-50")
        lead = await accounts.make(UserRole.OFFICIAL, agencies=["pwa-50"], supervisor=True)
        colleague = await accounts.make(UserRole.OFFICIAL, agencies=["pwa-50"])
        outsider = await accounts.make(UserRole.OFFICIAL, agencies=["pea-50"])
        url = f"/api/v1/feedback/{item.id}/assign"
        ok = await client.post(url, json={"user_id": colleague.user_id}, headers=lead.headers)
        assert ok.status_code == 200, ok.text
        assert ok.json()["assigned_user_id"] == colleague.user_id
        refused = await client.post(url, json={"user_id": outsider.user_id}, headers=lead.headers)
        assert refused.status_code == 422
