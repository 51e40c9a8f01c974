"""The surveys API: who may survey whom, publishing to subscribers, results per question."""

from __future__ import annotations

from datetime import timedelta

import httpx

from services import news, surveys
from storage.database import Database
from storage.models import Channel, Citizen, UserRole
from storage.types import utcnow
from tests.admin.conftest import Account, Accounts


def body(**changes: object) -> dict[str, object]:
    data: dict[str, object] = {
        "title": "บริการประปา",
        "intro": "ช่วยตอบ 3 ข้อค่ะ",
        "questions": [
            {"text": "น้ำไหลแรงพอไหม", "options": ["พอ", "ไม่พอ"]},
            {"text": "น้ำขุ่นบ่อยไหม", "options": ["บ่อย", "ไม่บ่อย"], "free_answer": True},
            {"text": "อยากบอกอะไรเพิ่ม", "free_answer": True, "optional": True},
        ],
        "provinces": ["เชียงใหม่"],
        "closes_at": (utcnow() + timedelta(days=3)).isoformat(),
    }
    data.update(changes)
    return data


async def _subscribers(database: Database, province: str, count: int) -> list[int]:
    ids = []
    async with database.unit_of_work() as session:
        for n in range(count):
            citizen = Citizen(channel=Channel.LINE, channel_user_id=f"Us{province}{n:029d}")
            session.add(citizen)
            await session.flush()
            assert citizen.id is not None
            await news.subscribe(session, citizen.id, province_code=province)
            ids.append(citizen.id)
    return ids


async def test_an_official_surveys_their_province_and_reads_results_per_question(
    client: httpx.AsyncClient, accounts: Accounts, database: Database, admin: Account
) -> None:
    official = await accounts.make(UserRole.OFFICIAL, agencies=["pwa-50"])
    people = await _subscribers(database, "50", 3)
    await _subscribers(database, "10", 2)  # Bangkok's subscribers are not asked

    created = await client.post("/api/v1/surveys", json=body(), headers=official.headers)
    assert created.status_code == 201, created.text
    survey = created.json()
    assert survey["status"] == "draft" and survey["agency"] == "pwa-50"
    assert survey["questions"][2] == {
        "text": "อยากบอกอะไรเพิ่ม",
        "options": [],
        "free_answer": True,
        "optional": True,
    }
    url = f"/api/v1/surveys/{survey['id']}"
    sent = await client.post(f"{url}/publish", headers=official.headers)
    assert sent.status_code == 200, sent.text
    assert sent.json()["queued"] == 3 and sent.json()["survey"]["status"] == "published"
    assert (await client.post(f"{url}/publish", headers=official.headers)).json()["queued"] == 0

    async with database.unit_of_work() as session:
        for citizen_id, option in zip(people, (0, 1, 1), strict=True):
            await surveys.answer(
                session,
                survey["id"],
                citizen_id=citizen_id,
                question_index=0,
                option_index=option,
                now=utcnow(),
            )
        await surveys.answer(
            session,
            survey["id"],
            citizen_id=people[0],
            question_index=1,
            redacted_text="น้ำขุ่นทุกเช้า",
            theme="water",
            now=utcnow(),
        )
    results = await client.get(f"{url}/results", headers=official.headers)
    assert results.status_code == 200
    found = results.json()
    assert (found["respondents"], found["completed"]) == (3, 0)
    assert found["questions"][0]["options"] == [
        {"label": "พอ", "count": 1},
        {"label": "ไม่พอ", "count": 2},
    ]
    assert found["questions"][1]["free_answers"]["themes"][0]["example"] == "น้ำขุ่นทุกเช้า"

    closed = await client.post(f"{url}/close", headers=official.headers)
    assert closed.status_code == 200 and closed.json()["survey"]["status"] == "closed"
    audit = await client.get(
        "/api/v1/audit", params={"entity_type": "survey"}, headers=admin.headers
    )
    actions = {row["action"] for row in audit.json()["items"]}
    assert actions == {"survey.created", "survey.published", "survey.closed"}


async def test_scope_boards_survey_their_province_only_and_others_cannot_see_it(
    client: httpx.AsyncClient, accounts: Accounts
) -> None:
    board = await accounts.make(UserRole.BOARD, province="เชียงใหม่")
    other_board = await accounts.make(UserRole.BOARD, province="กรุงเทพมหานคร")
    official = await accounts.make(UserRole.OFFICIAL, agencies=["pwa-50"])
    analyst = await accounts.make(UserRole.ANALYST)

    refused = await client.post(
        "/api/v1/surveys", json=body(provinces=["กรุงเทพมหานคร"]), headers=board.headers
    )
    assert refused.status_code == 403
    created = await client.post("/api/v1/surveys", json=body(), headers=board.headers)
    assert created.status_code == 201 and created.json()["board_province"] == "50"
    url = f"/api/v1/surveys/{created.json()['id']}"
    for stranger in (other_board, official):
        assert (await client.get(url, headers=stranger.headers)).status_code == 404
        assert (await client.post(f"{url}/publish", headers=stranger.headers)).status_code == 404
    assert (await client.get(f"{url}/results", headers=analyst.headers)).status_code == 200
    assert (await client.post(f"{url}/close", headers=analyst.headers)).status_code == 404
    assert (
        await client.post("/api/v1/surveys", json=body(), headers=analyst.headers)
    ).status_code == 403
    listed = await client.get("/api/v1/surveys", headers=other_board.headers)
    assert listed.json() == []
    bad = body(questions=[{"text": "ไม่มีทางตอบ"}])
    invalid = await client.post("/api/v1/surveys", json=bad, headers=board.headers)
    assert invalid.status_code in (400, 422) and "free answer" in invalid.text
