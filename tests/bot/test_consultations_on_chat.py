"""A consultation as citizens live it on LINE and Telegram: they ask for news of their province,
an official publishes a poll through the API, each subscriber gets it once and answers by
tapping (or by typing a view), may change their mind until it closes, and hears the results."""

from __future__ import annotations

from datetime import timedelta

import httpx
from fastapi import FastAPI
from sqlmodel import col, func, select

from services import news
from siang.settings import Settings
from storage.database import Database
from storage.models import (
    Channel,
    Citizen,
    ConsultationAnswer,
    OutboundMessage,
)
from storage.types import utcnow
from tests.bot.citizens import (
    POTHOLE,
    LineCitizen,
    TelegramCitizen,
    file_complaint,
    joined,
    line_buttons,
)
from tests.bot.helpers import official_headers, post_line, settle
from tests.fakes import line_api as line
from tests.fakes.line_api import FakeLineApi
from tests.fakes.telegram_api import FakeTelegramApi

QUIET_SUBSCRIBERS = 150  # subscribed earlier; they receive the poll and do not answer


async def _quiet_subscribers(database: Database) -> None:
    async with database.unit_of_work() as session:
        for n in range(QUIET_SUBSCRIBERS):
            citizen = Citizen(channel=Channel.LINE, channel_user_id=f"Uquiet{n:027d}")
            session.add(citizen)
            await session.flush()
            assert citizen.id is not None
            await news.subscribe(session, citizen.id, province_code="50")


async def test_a_poll_reaches_subscribers_once_answers_change_and_results_come_back(
    app: FastAPI,
    client: httpx.AsyncClient,
    database: Database,
    settings: Settings,
    line_api: FakeLineApi,
    telegram_api: FakeTelegramApi,
) -> None:
    # Citizens ask for news of Chiang Mai in their own words.
    voters = [LineCitizen(app, client, line_api, f"Uvoter{n:026d}") for n in range(6)]
    voters.append(TelegramCitizen(app, client, telegram_api, 7_500_001))  # type: ignore[arg-type]
    for voter in voters:
        asked = await voter.say("รับข่าว")
        assert "พื้นที่ไหน" in joined(asked)
        topics = await voter.say("เชียงใหม่")
        assert "อยากรับข่าวเรื่องไหนในจ.เชียงใหม่" in joined(topics)
        subscribed = await voter.say("ทุกเรื่อง")
        assert "รับข่าวการรับฟังความคิดเห็นในจ.เชียงใหม่แล้ว" in joined(subscribed)
    leaver = LineCitizen(app, client, line_api, "Uleaver" + "0" * 26)
    await leaver.say("รับข่าว")
    await leaver.say("เชียงใหม่")
    await leaver.say("ทุกเรื่อง")
    stopped = await leaver.say("หยุดรับข่าว")
    assert "หยุดส่งข่าว" in joined(stopped)
    bangkok = LineCitizen(app, client, line_api, "Ubangkok" + "0" * 25)
    await bangkok.say("รับข่าว")
    await bangkok.say("กรุงเทพ")
    await bangkok.say("ทุกเรื่อง")
    await _quiet_subscribers(database)

    headers = await official_headers(database, settings, email="consult.pwa50@example.go.th")
    created = await client.post(
        "/api/v1/consultations",
        json={
            "title": "ตลาดนัดวันอาทิตย์",
            "question": "ควรย้ายตลาดนัดไปที่ลานจอดรถเทศบาลไหม",
            "options": ["ย้าย", "ไม่ย้าย", "ย้ายเฉพาะหน้าฝน ช่วงเดือนมิถุนายนถึงตุลาคม"],
            "free_answer": True,
            "provinces": ["เชียงใหม่"],
            "closes_at": (utcnow() + timedelta(days=2)).isoformat(),
        },
        headers=headers,
    )
    assert created.status_code == 201, created.text
    poll_id = created.json()["id"]
    published = await client.post(f"/api/v1/consultations/{poll_id}/publish", headers=headers)
    assert published.json()["queued"] == len(voters) + QUIET_SUBSCRIBERS
    await settle(app)
    assert (await client.post(f"/api/v1/consultations/{poll_id}/publish", headers=headers)).json()[
        "queued"
    ] == 0
    await settle(app)

    received = {voter.user: voter.new_messages() for voter in voters}
    for user, messages in received.items():
        assert len(messages) == 1, user  # once, whatever was published twice
        assert "ควรย้ายตลาดนัด" in messages[0].text
        assert "3. ย้ายเฉพาะหน้าฝน ช่วงเดือนมิถุนายนถึงตุลาคม" in messages[0].text
    first = received[voters[0].user][0]
    labels = [a["label"] for a in line_buttons(first)]
    assert labels[:2] == ["1. ย้าย", "2. ไม่ย้าย"] and all(len(label) <= 20 for label in labels)
    assert leaver.new_messages() == []  # stopped the news: nothing
    assert bangkok.new_messages() == []  # Bangkok's subscriber is not asked about Chiang Mai
    quiet = line_api.sent("Uquiet" + "0" * 27)
    assert len(quiet) == 1 and quiet[0].via == "multicast"
    [multicast] = line_api.multicasts()  # every LINE subscriber in one call
    assert len(multicast.json["to"]) == 6 + QUIET_SUBSCRIBERS

    # Answers: taps, a changed mind, the same tap twice, a redelivered postback, a typed view.
    for voter, option in zip(voters[:4], ("1. ย้าย", "2. ไม่ย้าย", "2. ไม่ย้าย", "1. ย้าย"), strict=True):
        thanked = await voter.tap(option, received[voter.user])
        assert "ได้รับคำตอบ" in joined(thanked)
    changed = await voters[0].tap("2. ไม่ย้าย", received[voters[0].user])
    assert "เปลี่ยนคำตอบเป็น “ไม่ย้าย”" in joined(changed)
    same = await voters[1].tap("2. ไม่ย้าย", received[voters[1].user])
    assert "ไว้แล้ว" in joined(same)
    tap = next(a for a in line_buttons(first) if a["label"] == "1. ย้าย")
    event = line.postback_event(voters[4].user, tap["data"])
    for _ in range(2):  # LINE redelivers the same event
        assert (await post_line(client, event)).status_code == 200
        await settle(app)
    telegram_voter = voters[6]
    # Telegram's button carries the whole option (LINE's label is cut to 20 characters).
    long_option = "3. ย้ายเฉพาะหน้าฝน ช่วงเดือนมิถุนายนถึงตุลาคม"
    thanked = await telegram_voter.tap(long_option, received[telegram_voter.user])
    assert "ได้รับคำตอบ" in joined(thanked)
    asked = await voters[5].tap("พิมพ์ความเห็น", received[voters[5].user])
    assert "พิมพ์ความเห็นของคุณ" in joined(asked)
    kept = await voters[5].say("ย้ายไปเลยค่ะ ที่จอดรถเยอะกว่า ติดต่อ 081-234-5678 ได้")
    assert "ขอบคุณสำหรับความเห็น" in joined(kept)

    async with database.unit_of_work() as session:
        answers = (
            await session.exec(
                select(ConsultationAnswer).where(col(ConsultationAnswer.consultation_id) == poll_id)
            )
        ).all()
    assert len(answers) == 7  # one each: four taps, the redelivered one, Telegram, the typed view
    typed = next(a for a in answers if a.free_text)
    assert "081" not in (typed.free_text or "") and "[เบอร์โทร]" in (typed.free_text or "")
    results = (await client.get(f"/api/v1/consultations/{poll_id}/results", headers=headers)).json()
    assert results["total"] == 7
    assert [o["count"] for o in results["options"]] == [2, 3, 1]  # 0 changed to 2; 4 redelivered
    assert results["free_answers"]["count"] == 1
    assert "081" not in results["free_answers"]["themes"][0]["example"]

    closed = await client.post(f"/api/v1/consultations/{poll_id}/close", headers=headers)
    assert closed.json()["queued"] == 7
    await settle(app)
    told = joined(voters[2].new_messages())
    assert "ผลการรับฟังความคิดเห็น: ตลาดนัดวันอาทิตย์" in told
    assert "• ไม่ย้าย: 3 คน (50%)" in told
    assert "ความเห็น เช่น “ย้ายไปเลยค่ะ" in told and "081" not in told  # a theme, masked
    late = await voters[2].tap("1. ย้าย", received[voters[2].user])
    assert "ปิดแล้ว" in joined(late)
    assert len(line_api.sent("Uquiet" + "0" * 27)) == 1  # the quiet did not answer: no results
    async with database.unit_of_work() as session:
        polls = await session.scalar(
            select(func.count())
            .select_from(OutboundMessage)
            .where(col(OutboundMessage.kind) == "consultation")
        )
    assert polls == len(voters) + QUIET_SUBSCRIBERS


async def test_after_the_first_report_the_citizen_is_asked_once_about_news_of_that_area(
    app: FastAPI,
    client: httpx.AsyncClient,
    database: Database,
    line_api: FakeLineApi,
) -> None:
    citizen = LineCitizen(app, client, line_api, "Ufirst-report" + "0" * 20)
    proposal = await citizen.say(POTHOLE)
    filed = await citizen.tap("ยอมรับ", await citizen.tap("ยืนยัน", proposal))  # the PDPA notice
    assert "SG-" in joined(filed)
    offer = "อยากรับข่าวเมื่อหน่วยงานขอความคิดเห็นจากประชาชนในเขตวังทองหลาง กรุงเทพมหานคร"
    assert offer in filed[-1].text
    topics = await citizen.tap("รับข่าว", filed)
    assert "อยากรับข่าวเรื่องไหนในเขตวังทองหลาง กรุงเทพมหานคร" in joined(topics)
    yes = await citizen.tap("ทุกเรื่อง", topics)
    assert "รับข่าวการรับฟังความคิดเห็นในเขตวังทองหลาง กรุงเทพมหานครแล้ว" in joined(yes)
    async with database.unit_of_work() as session:
        found = (
            await session.exec(select(Citizen).where(col(Citizen.channel_user_id) == citizen.user))
        ).one()
        assert found.id is not None
        [subscription] = await news.subscriptions(session, found.id)
        assert (subscription.province_code, subscription.district_code) == ("10", "1045")
        assert subscription.topics == ()  # every topic
    _, again = await file_complaint(citizen, "ไฟทางดับทั้งซอย มืดมาก ซอยลาดพร้าว 71 เขตวังทองหลาง")
    assert "อยากรับข่าว" not in again  # asked once only
