"""Hearing about consultations by topic, as citizens live it on LINE: they pick an area and the
topics they care about with buttons, list what they receive, stop one area; an official's
consultation on a topic reaches only those who opted in for its area and topic."""

from __future__ import annotations

from datetime import timedelta

import httpx
from fastapi import FastAPI

from siang.settings import Settings
from storage.database import Database
from storage.types import utcnow
from tests.bot.citizens import LineCitizen, joined, line_buttons
from tests.bot.helpers import official_headers, settle
from tests.fakes.line_api import FakeLineApi


async def _publish(
    client: httpx.AsyncClient, headers: dict[str, str], title: str, topics: list[str]
) -> httpx.Response:
    created = await client.post(
        "/api/v1/consultations",
        json={
            "title": title,
            "question": "ควรขุดลอกคลองแม่ข่าก่อนหน้าฝนไหม",
            "options": ["ควร", "ไม่ควร"],
            "provinces": ["เชียงใหม่"],
            "closes_at": (utcnow() + timedelta(days=2)).isoformat(),
            "topics": topics,
        },
        headers=headers,
    )
    if created.status_code != 201:
        return created
    return await client.post(
        f"/api/v1/consultations/{created.json()['id']}/publish", headers=headers
    )


async def test_topics_are_picked_listed_and_stopped_and_only_opted_in_citizens_hear(
    app: FastAPI,
    client: httpx.AsyncClient,
    database: Database,
    settings: Settings,
    line_api: FakeLineApi,
) -> None:
    water, everything, schools = (
        LineCitizen(app, client, line_api, f"Utopic{n:027d}") for n in range(3)
    )
    for citizen in (water, everything, schools):
        await citizen.say("รับข่าว")
    # The area first, then the topics, with a button each and one for every topic.
    picker = await water.say("เชียงใหม่")
    assert "อยากรับข่าวเรื่องไหนในจ.เชียงใหม่" in joined(picker)
    labels = [action["label"] for action in line_buttons(picker[-1])]
    assert labels[:3] == ["ทุกเรื่อง", "ถนนและการเดินทาง", "น้ำและน้ำท่วม"]
    assert "สุขภาพ" in labels and len(labels) <= 13 and all(len(x) <= 20 for x in labels)
    chosen = await water.tap("น้ำและน้ำท่วม", picker)
    assert "รับข่าวเรื่องน้ำและน้ำท่วมในจ.เชียงใหม่แล้ว" in joined(chosen)
    assert "น้ำและน้ำท่วม" not in [a["label"] for a in line_buttons(chosen[-1])]  # chosen already
    more = await water.tap("สุขภาพ", chosen)
    assert "รับข่าวเรื่องน้ำและน้ำท่วม, สุขภาพในจ.เชียงใหม่แล้ว" in joined(more)
    await everything.say("เชียงใหม่")
    assert "รับข่าวการรับฟังความคิดเห็นในจ.เชียงใหม่แล้ว" in joined(await everything.say("ทุกเรื่อง"))
    await schools.say("เชียงใหม่")
    assert "เรื่องการศึกษาในจ.เชียงใหม่แล้ว" in joined(await schools.say("การศึกษา"))

    # An official asks about flooding: those who chose water, or every topic, hear of it.
    headers = await official_headers(database, settings, email="topics.pwa50@example.go.th")
    refused = await _publish(client, headers, "คลองแม่ข่า", ["water", "weather"])
    assert refused.status_code == 422 and "Unknown topic 'weather'" in refused.text
    published = await _publish(client, headers, "คลองแม่ข่า", ["water"])
    assert published.json()["queued"] == 2
    assert published.json()["consultation"]["topics"] == ["water"]
    await settle(app)
    assert "คลองแม่ข่า" in joined(water.new_messages())
    assert "คลองแม่ข่า" in joined(everything.new_messages())
    assert schools.new_messages() == []

    # ข่าวที่รับ: one line per area with its topics, and a button to stop each.
    await water.say("รับข่าว")
    await water.say("กรุงเทพ")
    await water.say("ทุกเรื่อง")
    listed = await water.say("ข่าวที่รับ")
    assert "1. จ.เชียงใหม่: น้ำและน้ำท่วม, สุขภาพ" in joined(listed)
    assert "2. กรุงเทพมหานคร: ทุกเรื่อง" in joined(listed)
    stopped = await water.tap("หยุด 1", listed)
    assert "หยุดรับข่าวในจ.เชียงใหม่แล้ว" in joined(stopped)
    again = await water.tap("หยุด 1", listed)  # the old button, tapped twice
    assert "ไม่ได้รับข่าวพื้นที่นั้นอยู่แล้ว" in joined(again)
    assert "1. กรุงเทพมหานคร: ทุกเรื่อง" in joined(await water.say("ข่าวที่รับ"))

    second = await _publish(client, headers, "ประตูระบายน้ำ", ["water"])
    assert second.json()["queued"] == 1  # only the one who chose every topic
    await settle(app)
    assert water.new_messages() == []
    # หยุดรับข่าว still stops everything.
    assert "หยุดส่งข่าว" in joined(await everything.say("หยุดรับข่าว"))
    assert "ยังไม่ได้รับข่าว" in joined(await everything.say("ข่าวที่รับ"))
