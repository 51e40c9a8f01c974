"""Subscriptions API (admins only, clear 4xx), and the signed public page of a digest."""

from __future__ import annotations

import hashlib
import hmac
from datetime import UTC, datetime, timedelta

import httpx
import jwt

from admin.digests.links import LINK_LIFETIME, digest_link
from siang.settings import Settings
from storage.database import Database
from storage.models import UserRole
from tests.admin.digests.conftest import SeededDigests
from tests.fixtures.feedback_factory import agency_in, bearer, user_token

PATH = "/api/v1/digests/subscriptions"


async def _tokens(database: Database, settings: Settings) -> tuple[str, str]:
    async with database.unit_of_work() as session:
        admin = await user_token(session, settings, role=UserRole.ADMIN)
        official = await user_token(
            session, settings, role=UserRole.OFFICIAL, agencies=(await agency_in(session, "10"),)
        )
    return admin, official


class TestSubscriptions:
    async def test_add_list_and_remove(
        self, client: httpx.AsyncClient, database: Database, settings: Settings
    ) -> None:
        admin, _ = await _tokens(database, settings)
        async with database.unit_of_work() as session:
            agency = await agency_in(session, "50")
        board = await client.post(
            PATH,
            json={
                "board": "เชียงใหม่",
                "channel": "email",
                "target": "cm@board.example",
                "name": "ประธาน",
            },
            headers=bearer(admin),
        )
        assert board.status_code == 201, board.text
        assert board.json()["board"] == "50" and board.json()["agency"] is None
        unit = await client.post(
            PATH,
            json={"agency": agency.code, "channel": "telegram", "target": "-100777"},
            headers=bearer(admin),
        )
        assert unit.status_code == 201
        listed = await client.get(PATH, params={"board": "50"}, headers=bearer(admin))
        assert [s["target"] for s in listed.json()] == ["cm@board.example"]
        everything = await client.get(PATH, headers=bearer(admin))
        assert len(everything.json()) == 2
        gone = await client.delete(f"{PATH}/{board.json()['id']}", headers=bearer(admin))
        assert gone.status_code == 204
        again = await client.delete(f"{PATH}/{board.json()['id']}", headers=bearer(admin))
        assert again.status_code == 404

    async def test_bad_input_is_a_clear_4xx(
        self, client: httpx.AsyncClient, database: Database, settings: Settings
    ) -> None:
        admin, _ = await _tokens(database, settings)
        cases = [
            ({"channel": "email", "target": "a@b.example"}, 422, "exactly one"),
            ({"board": "10", "channel": "email", "target": "not-an-address"}, 422, "e-mail"),
            ({"board": "10", "channel": "fax", "target": "123"}, 422, "channel"),
            ({"board": "Atlantis", "channel": "line", "target": "C123"}, 404, "Atlantis"),
        ]
        for body, status, words in cases:
            response = await client.post(PATH, json=body, headers=bearer(admin))
            assert response.status_code == status, body
            assert words in response.json()["error"]["message"], body
        first = {"board": "10", "channel": "line", "target": "C123"}
        assert (await client.post(PATH, json=first, headers=bearer(admin))).status_code == 201
        duplicate = await client.post(PATH, json=first, headers=bearer(admin))
        assert duplicate.status_code == 409

    async def test_only_admins_manage_subscriptions(
        self, client: httpx.AsyncClient, database: Database, settings: Settings
    ) -> None:
        _, official = await _tokens(database, settings)
        assert (await client.get(PATH, headers=bearer(official))).status_code == 403
        body = {"board": "10", "channel": "line", "target": "C123"}
        assert (await client.post(PATH, json=body, headers=bearer(official))).status_code == 403
        assert (await client.get(PATH)).status_code == 401


class TestDigestPage:
    async def test_signed_link_opens_the_digest_and_a_forged_one_does_not(
        self, client: httpx.AsyncClient, settings: Settings, seeded_digests: SeededDigests
    ) -> None:
        link = digest_link("", settings.secret_key, subject_key="board:50", week="2026-W46")
        page = await client.get(link)
        assert page.status_code == 200
        assert "เชียงใหม่" in page.text and "2026-W46" in page.text
        forged = link[:-4] + ("AAAA" if not link.endswith("AAAA") else "BBBB")
        assert (await client.get(forged)).status_code == 404
        other = digest_link("", settings.secret_key, subject_key="board:99", week="2026-W46")
        assert (await client.get(other)).status_code == 404


class TestDigestLinkLifetime:
    async def test_a_link_stops_working_after_its_lifetime(
        self, client: httpx.AsyncClient, settings: Settings, seeded_digests: SeededDigests
    ) -> None:
        issued = datetime.now(UTC) - LINK_LIFETIME - timedelta(minutes=1)
        old = digest_link(
            "", settings.secret_key, subject_key="board:50", week="2026-W46", now=issued
        )
        fresh = digest_link("", settings.secret_key, subject_key="board:50", week="2026-W46")

        assert (await client.get(old)).status_code == 404
        assert (await client.get(fresh)).status_code == 200

    async def test_a_link_signed_without_an_expiry_is_refused(
        self, client: httpx.AsyncClient, settings: Settings, seeded_digests: SeededDigests
    ) -> None:
        # Links made before links expired carried no exp claim: they must not live for ever.
        key = hmac.new(
            settings.secret_key.get_secret_value().encode(), b"siang digest links", hashlib.sha256
        ).hexdigest()
        token = jwt.encode({"typ": "digest", "sub": "board:50", "week": "2026-W46"}, key, "HS256")
        assert (await client.get(f"/digests/{token}")).status_code == 404
