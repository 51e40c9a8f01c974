"""Citizens' photos: only admins and the officials of the item's agency get them (API and
dashboard); the public media path serves only the photos officials sent to citizens."""

from __future__ import annotations

from dataclasses import asdict

import httpx
import pytest
from fastapi import FastAPI

from services import ticket_changes, ticket_moves
from services.actors import Actor
from siang.runtime import app_runtime
from storage.database import Database
from storage.models import ActorType, FeedbackItem, FeedbackMedia, FeedbackStatus, UserRole
from storage.repositories.feedback_media import FeedbackMediaRepository
from tests.admin.conftest import PASSWORD, Accounts, Items
from tests.fixtures.photos import assert_no_phone_traces, phone_photo


async def _photo(app: FastAPI, database: Database, item: FeedbackItem, by: ActorType) -> int:
    """A phone photo stored as intake stores it and attached to the item."""
    stored = await app_runtime(app).media.save(phone_photo("JPEG"))
    async with database.unit_of_work() as session:
        media = FeedbackMedia(feedback_id=item.id or 0, added_by=by, **asdict(stored))
        session.add(media)
        await session.flush()
        assert media.id is not None
        return media.id


@pytest.fixture
async def photographed(app: FastAPI, database: Database, items: Items) -> tuple[FeedbackItem, int]:
    """An item of pwa-50 with a citizen's phone photo."""
    item = await items.add(agency="pwa-50")
    return item, await _photo(app, database, item, ActorType.CITIZEN)


class TestApi:
    async def test_only_the_agency_and_admins_get_a_citizens_photo(
        self,
        app: FastAPI,
        database: Database,
        client: httpx.AsyncClient,
        accounts: Accounts,
        items: Items,
        photographed: tuple[FeedbackItem, int],
    ) -> None:
        item, media_id = photographed
        url = f"/api/v1/feedback/{item.id}/media/{media_id}"
        allowed = {
            "admin": await accounts.make(UserRole.ADMIN),
            "official": await accounts.make(UserRole.OFFICIAL, agencies=["pwa-50"]),
        }
        refused = {
            "other agency": await accounts.make(UserRole.OFFICIAL, agencies=["pea-50"]),
            "board": await accounts.make(UserRole.BOARD, province="เชียงใหม่"),
            "analyst": await accounts.make(UserRole.ANALYST),
        }
        for role, account in allowed.items():
            detail = await client.get(f"/api/v1/feedback/{item.id}", headers=account.headers)
            assert [m["url"] for m in detail.json()["media"]] == [url], role
            photo = await client.get(url, headers=account.headers)
            assert photo.status_code == 200, role
            assert photo.headers["content-type"] == "image/jpeg"
            assert photo.headers["cache-control"] == "private, no-store"
            assert_no_phone_traces(photo.content)
        for role, account in refused.items():
            assert (await client.get(url, headers=account.headers)).status_code == 404, role
            detail = await client.get(f"/api/v1/feedback/{item.id}", headers=account.headers)
            assert detail.status_code == 404 or detail.json()["media"] == [], role
        assert (await client.get(url)).status_code == 401
        after = await _photo(app, database, item, ActorType.OFFICIAL)
        detail = await client.get(f"/api/v1/feedback/{item.id}", headers=allowed["admin"].headers)
        assert [(m["id"], m["kind"]) for m in detail.json()["media"]] == [
            (media_id, "report"),
            (after, "after"),
        ]
        other = await items.add(agency="pwa-50")
        wrong_item = f"/api/v1/feedback/{other.id}/media/{media_id}"
        assert (await client.get(wrong_item, headers=allowed["admin"].headers)).status_code == 404


class TestDashboard:
    async def test_the_item_page_shows_the_photo_to_the_agency_only(
        self,
        client: httpx.AsyncClient,
        accounts: Accounts,
        photographed: tuple[FeedbackItem, int],
    ) -> None:
        item, media_id = photographed
        src = f"/admin/items/{item.id}/media/{media_id}"
        official = await accounts.make(UserRole.OFFICIAL, agencies=["pwa-50"])
        member = await accounts.make(UserRole.BOARD, province="เชียงใหม่")
        for account, shown in ((official, True), (member, False)):
            client.cookies.clear()
            login = {"email": account.email, "password": PASSWORD}
            assert (await client.post("/admin/login", data=login)).status_code == 303
            page = await client.get(f"/admin/items/{item.id}")
            assert (src in page.text) is shown
            photo = await client.get(src)
            assert photo.status_code == (200 if shown else 404)
        client.cookies.clear()
        assert (await client.get(src)).status_code in (303, 404)


class TestPublicMediaPath:
    async def test_a_citizens_photo_is_not_served_without_login(
        self, app: FastAPI, client: httpx.AsyncClient, database: Database, items: Items
    ) -> None:
        item = await items.add()
        await _photo(app, database, item, ActorType.CITIZEN)
        async with database.unit_of_work() as session:
            [media] = await FeedbackMediaRepository(session).of_item(item.id or 0)
        assert (await client.get(f"/media/{media.storage_key}")).status_code == 404

    async def test_a_photo_an_official_sent_with_a_status_change_is_served(
        self, app: FastAPI, client: httpx.AsyncClient, database: Database, items: Items
    ) -> None:
        item = await items.add(status=FeedbackStatus.IN_PROGRESS)
        stored = await app_runtime(app).media.save(phone_photo("PNG"))
        async with database.unit_of_work() as session:
            await ticket_moves.change_status(
                session,
                item.id or 0,
                to=FeedbackStatus.RESOLVED,
                actor=Actor.system(),
                note="ซ่อมแล้ว",
                media=[ticket_changes.NewMedia(**asdict(stored))],
            )
        served = await client.get(f"/media/{stored.storage_key}")
        assert served.status_code == 200 and served.headers["content-type"] == "image/png"
