"""The volunteer programmes API: an agency posts and runs its own, sees who signed up and
records who came; a board reads its province's counts; everyone else sees nothing."""

from __future__ import annotations

from datetime import timedelta

import httpx

from services import volunteering
from storage.database import Database
from storage.models import Channel, Citizen, UserRole
from storage.types import utcnow
from tests.admin.conftest import Account, Accounts


def body(**changes: object) -> dict[str, object]:
    starts = utcnow() + timedelta(days=10)
    data: dict[str, object] = {
        "title": "เก็บขยะริมแม่น้ำปิง",
        "description": "เก็บขยะริมตลิ่งช่วงสะพานนวรัฐ",
        "place": "ลานหน้าสะพานนวรัฐ",
        "province": "เชียงใหม่",
        "district": "5001",
        "starts_at": starts.isoformat(),
        "ends_at": (starts + timedelta(hours=3)).isoformat(),
        "capacity": 2,
        "requirements": "ถุงมือ หมวก",
    }
    data.update(changes)
    return data


async def _sign_up(database: Database, programme_id: int, count: int) -> None:
    async with database.unit_of_work() as session:
        for n in range(count):
            citizen = Citizen(channel=Channel.LINE, channel_user_id=f"Uvol{programme_id}-{n:028d}")
            session.add(citizen)
            await session.flush()
            assert citizen.id is not None
            await volunteering.sign_up(session, programme_id, citizen_id=citizen.id, now=utcnow())
            if n == 0:
                await volunteering.give_contact(
                    session, programme_id, citizen_id=citizen.id, contact="สมศรี 081-234-5678"
                )


async def test_an_agency_posts_a_programme_sees_who_signed_up_and_records_who_came(
    client: httpx.AsyncClient, accounts: Accounts, database: Database, admin: Account
) -> None:
    official = await accounts.make(UserRole.OFFICIAL, agencies=["pwa-50"])
    created = await client.post(
        "/api/v1/volunteering/programmes", json=body(), headers=official.headers
    )
    assert created.status_code == 201, created.text
    programme = created.json()
    assert programme["status"] == "draft" and programme["agency"] == "pwa-50"
    assert programme["province"] == {"code": "50", "name": "เชียงใหม่"}
    assert programme["district"]["code"] == "5001"
    url = f"/api/v1/volunteering/programmes/{programme['id']}"
    published = await client.post(f"{url}/publish", headers=official.headers)
    assert published.json()["status"] == "published"
    await _sign_up(database, programme["id"], 3)

    seen = (await client.get(url, headers=official.headers)).json()
    assert seen["sign_ups"] == {
        "confirmed": 2,
        "waitlisted": 1,
        "cancelled": 0,
        "attended": 0,
        "no_show": 0,
        "places_left": 0,
    }
    people = seen["people"]
    assert [(p["status"], p["waiting_position"]) for p in people] == [
        ("confirmed", None),
        ("confirmed", None),
        ("waitlisted", 1),
    ]
    assert people[0]["contact"] == "สมศรี 081-234-5678" and people[1]["contact"] is None
    assert "Uvol" not in str(seen)  # no platform id

    refused = await client.post(
        f"{url}/attendance", json={"attended": [people[2]["id"]]}, headers=official.headers
    )
    assert refused.status_code == 422 and "no place" in refused.text
    recorded = await client.post(
        f"{url}/attendance",
        json={"attended": [people[0]["id"]], "absent": [people[1]["id"]]},
        headers=official.headers,
    )
    assert recorded.status_code == 200, recorded.text
    assert recorded.json()["status"] == "finished"
    assert [p["status"] for p in recorded.json()["people"]] == ["attended", "no_show", "waitlisted"]

    log = await client.get(
        "/api/v1/audit", params={"entity_type": "volunteer_programme"}, headers=admin.headers
    )
    assert sorted(e["action"] for e in log.json()["items"]) == [
        "volunteer_programme.attendance",
        "volunteer_programme.created",
        "volunteer_programme.published",
    ]


async def test_scope_other_agencies_see_nothing_a_board_reads_counts_without_people(
    client: httpx.AsyncClient, accounts: Accounts, database: Database, admin: Account
) -> None:
    official = await accounts.make(UserRole.OFFICIAL, agencies=["pwa-50"])
    other_official = await accounts.make(UserRole.OFFICIAL, agencies=["mea-10"])
    board = await accounts.make(UserRole.BOARD, province="เชียงใหม่")
    other_board = await accounts.make(UserRole.BOARD, province="กรุงเทพมหานคร")
    analyst = await accounts.make(UserRole.ANALYST)
    created = await client.post(
        "/api/v1/volunteering/programmes", json=body(), headers=official.headers
    )
    programme_id = created.json()["id"]
    url = f"/api/v1/volunteering/programmes/{programme_id}"
    await client.post(f"{url}/publish", headers=official.headers)
    await _sign_up(database, programme_id, 1)

    for stranger in (other_official, other_board, analyst):
        assert (await client.get(url, headers=stranger.headers)).status_code == 404
        assert (await client.post(f"{url}/cancel", headers=stranger.headers)).status_code == 404
        listed = await client.get("/api/v1/volunteering/programmes", headers=stranger.headers)
        assert programme_id not in {p["id"] for p in listed.json()}

    as_board = await client.get(url, headers=board.headers)
    assert as_board.status_code == 200
    assert as_board.json()["sign_ups"]["confirmed"] == 1 and as_board.json()["people"] is None
    assert "081-234-5678" not in as_board.text and "สมศรี" not in as_board.text  # no contact
    assert (await client.post(f"{url}/cancel", headers=board.headers)).status_code == 403
    board_list = await client.get("/api/v1/volunteering/programmes", headers=board.headers)
    assert [p["id"] for p in board_list.json()] == [programme_id]
    as_admin = (await client.get(url, headers=admin.headers)).json()
    assert as_admin["people"] is None  # the organiser's list is the organiser's

    for who in (board, analyst):
        made = await client.post(
            "/api/v1/volunteering/programmes", json=body(), headers=who.headers
        )
        assert made.status_code == 403
    foreign = await client.post(
        "/api/v1/volunteering/programmes", json=body(agency="mea-10"), headers=official.headers
    )
    assert foreign.status_code == 403

    cancelled = await client.post(f"{url}/cancel", headers=official.headers)
    assert cancelled.status_code == 200
    assert cancelled.json()["told"] == 1 and cancelled.json()["programme"]["status"] == "cancelled"


async def test_bad_programmes_get_clear_errors(
    client: httpx.AsyncClient, accounts: Accounts
) -> None:
    official = await accounts.make(UserRole.OFFICIAL, agencies=["pwa-50"])
    soon = utcnow() + timedelta(days=1)
    cases = [
        (body(province="แอตแลนติส"), "No province"),
        (body(district="1001"), "not in"),
        (body(capacity=0), "capacity"),
        (body(starts_at=(utcnow() - timedelta(days=1)).isoformat()), "past"),
        (body(starts_at=soon.isoformat(), ends_at=soon.isoformat()), "ends_at"),
        (body(starts_at="2026-12-31T10:00:00"), ""),  # no time zone
    ]
    for payload, words in cases:
        answer = await client.post(
            "/api/v1/volunteering/programmes", json=payload, headers=official.headers
        )
        assert answer.status_code == 422, (payload, answer.text)
        assert words in answer.text


async def test_attendance_names_only_sign_ups_of_the_programme(
    client: httpx.AsyncClient, accounts: Accounts, database: Database
) -> None:
    official = await accounts.make(UserRole.OFFICIAL, agencies=["pwa-50"])
    created = await client.post(
        "/api/v1/volunteering/programmes", json=body(), headers=official.headers
    )
    url = f"/api/v1/volunteering/programmes/{created.json()['id']}"
    await client.post(f"{url}/publish", headers=official.headers)
    for ids, words in (([999_999], "not of this programme"), ([2**40], "less than or equal")):
        answer = await client.post(
            f"{url}/attendance", json={"attended": ids}, headers=official.headers
        )
        assert answer.status_code == 422 and words in answer.text, answer.text
