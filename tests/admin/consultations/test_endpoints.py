"""The consultations API: who may ask whom, publishing to subscribers, results by area."""

from __future__ import annotations

from datetime import timedelta

import httpx

from services import consultations, news
from storage.database import Database
from storage.models import Channel, Citizen, UserRole
from storage.types import utcnow
from tests.admin.conftest import Account, Accounts
from tests.fixtures.consultations import PLANTED_ANSWER, PLANTED_PHONE, Answer, held


def body(**changes: object) -> dict[str, object]:
    data: dict[str, object] = {
        "title": "ตลาดนัดวันอาทิตย์",
        "question": "ควรย้ายตลาดนัดไปที่ลานจอดรถเทศบาลไหม",
        "options": ["ย้าย", "ไม่ย้าย"],
        "provinces": ["เชียงใหม่"],
        "closes_at": (utcnow() + timedelta(days=3)).isoformat(),
    }
    data.update(changes)
    return data


async def _subscribers(database: Database, province: str, count: int) -> list[int]:
    ids = []
    async with database.unit_of_work() as session:
        for n in range(count):
            citizen = Citizen(channel=Channel.LINE, channel_user_id=f"U{province}{n:030d}")
            session.add(citizen)
            await session.flush()
            assert citizen.id is not None
            await news.subscribe(session, citizen.id, province_code=province)
            ids.append(citizen.id)
    return ids


async def test_an_official_consults_their_province_and_reads_results_by_area(
    client: httpx.AsyncClient, accounts: Accounts, database: Database, admin: Account
) -> None:
    official = await accounts.make(UserRole.OFFICIAL, agencies=["pwa-50"])
    people = await _subscribers(database, "50", 3)
    await _subscribers(database, "10", 2)  # Bangkok's subscribers are not asked

    created = await client.post("/api/v1/consultations", json=body(), headers=official.headers)
    assert created.status_code == 201, created.text
    consultation = created.json()
    assert consultation["status"] == "draft" and consultation["agency"] == "pwa-50"
    assert consultation["provinces"] == [{"code": "50", "name": "เชียงใหม่"}]

    sent = await client.post(
        f"/api/v1/consultations/{consultation['id']}/publish", headers=official.headers
    )
    assert sent.status_code == 200, sent.text
    assert sent.json()["queued"] == 3 and sent.json()["consultation"]["status"] == "published"
    again = await client.post(
        f"/api/v1/consultations/{consultation['id']}/publish", headers=official.headers
    )
    assert again.json()["queued"] == 0  # nobody twice

    async with database.unit_of_work() as session:
        for citizen_id, option in zip(people, (0, 1, 1), strict=True):
            await consultations.answer_option(
                session,
                consultation["id"],
                citizen_id=citizen_id,
                option_index=option,
                now=utcnow(),
            )
    results = await client.get(
        f"/api/v1/consultations/{consultation['id']}/results", headers=official.headers
    )
    assert results.status_code == 200
    assert results.json() == {
        "total": 3,
        "options": [{"label": "ย้าย", "count": 1}, {"label": "ไม่ย้าย", "count": 2}],
        "by_province": [
            {
                "key": "50",
                "name": "เชียงใหม่",
                "total": 3,
                "options": [{"label": "ย้าย", "count": 1}, {"label": "ไม่ย้าย", "count": 2}],
            }
        ],
        "by_district": [],
        "free_answers": {"count": 0, "themes": []},
    }
    closed = await client.post(
        f"/api/v1/consultations/{consultation['id']}/close", headers=official.headers
    )
    assert closed.json()["queued"] == 3 and closed.json()["consultation"]["status"] == "closed"
    log = await client.get(
        "/api/v1/audit", params={"entity_type": "consultation"}, headers=admin.headers
    )
    assert sorted(e["action"] for e in log.json()["items"]) == [
        "consultation.closed",
        "consultation.created",
        "consultation.published",
        "consultation.published",
    ]


async def test_scope_boards_ask_their_province_only_and_others_cannot_see_it(
    client: httpx.AsyncClient, accounts: Accounts, admin: Account
) -> None:
    board = await accounts.make(UserRole.BOARD, province="เชียงใหม่")
    other_board = await accounts.make(UserRole.BOARD, province="กรุงเทพมหานคร")
    official = await accounts.make(UserRole.OFFICIAL, agencies=["pwa-50"])
    analyst = await accounts.make(UserRole.ANALYST)

    refused = await client.post(
        "/api/v1/consultations",
        json=body(provinces=["เชียงใหม่", "ลำพูน"]),
        headers=board.headers,
    )
    assert refused.status_code == 403
    created = await client.post("/api/v1/consultations", json=body(), headers=board.headers)
    assert created.status_code == 201 and created.json()["board_province"] == "50"
    consultation_id = created.json()["id"]

    for stranger in (other_board, official):
        seen = await client.get(
            f"/api/v1/consultations/{consultation_id}/results", headers=stranger.headers
        )
        assert seen.status_code == 404
        listed = await client.get("/api/v1/consultations", headers=stranger.headers)
        assert consultation_id not in {c["id"] for c in listed.json()}
    assert (
        await client.post("/api/v1/consultations", json=body(), headers=analyst.headers)
    ).status_code == 403
    assert (
        await client.post(
            "/api/v1/consultations",
            json=body(agency="mea-10"),
            headers=official.headers,
        )
    ).status_code == 403
    admin_view = await client.get(f"/api/v1/consultations/{consultation_id}", headers=admin.headers)
    assert admin_view.status_code == 200


async def test_bad_consultations_get_clear_errors(
    client: httpx.AsyncClient, accounts: Accounts
) -> None:
    official = await accounts.make(UserRole.OFFICIAL, agencies=["pwa-50"])
    cases = [
        (body(provinces=["แอตแลนติส"]), 422, "No province"),
        (body(options=["ย้าย"]), 422, "at least two"),
        (body(closes_at=(utcnow() - timedelta(days=1)).isoformat()), 422, "past"),
        (body(closes_at="2026-12-31T10:00:00"), 422, ""),  # no time zone
        (body(districts=["1001"]), 422, "not in the provinces"),
    ]
    for payload, code, words in cases:
        answer = await client.post("/api/v1/consultations", json=payload, headers=official.headers)
        assert answer.status_code == code, (payload, answer.text)
        assert words in answer.text


async def test_results_by_district_and_themes_with_masked_examples(
    client: httpx.AsyncClient, accounts: Accounts, database: Database
) -> None:
    consultation_id = await held(
        database,
        published_at=utcnow() - timedelta(hours=1),
        answers=[
            Answer(district="5001", option=0),
            Answer(district="5002", option=1),
            Answer(option=1, typed=PLANTED_ANSWER, theme="ถนน"),
        ],
    )
    board = await accounts.make(UserRole.BOARD, province="เชียงใหม่")  # reads its province's
    results = await client.get(
        f"/api/v1/consultations/{consultation_id}/results", headers=board.headers
    )
    assert results.status_code == 200, results.text
    data = results.json()
    assert [(a["key"], a["name"], a["total"]) for a in data["by_district"]] == [
        ("5001", "เมืองเชียงใหม่", 1),
        ("5002", "จอมทอง", 1),
    ]
    [theme] = data["free_answers"]["themes"]
    assert theme["count"] == 1 and theme["examples"] == [theme["example"]]
    assert PLANTED_PHONE not in theme["example"] and "ถนนหน้าตลาด" in theme["example"]
    closing = await client.post(
        f"/api/v1/consultations/{consultation_id}/close", headers=board.headers
    )
    assert closing.status_code == 404  # reading is not owning
