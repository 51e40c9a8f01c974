"""A survey as citizens live it on LINE and Telegram: an official publishes three questions to
the citizens of Chiang Mai who asked for news; each gets it once (the one who stopped the news,
none), answers question by question with taps and typed words, skips the optional one, leaves
and carries on later, changes an answer, and is told when it has closed. The results the API
gives are what the database holds."""

from __future__ import annotations

from collections import Counter
from datetime import timedelta

import httpx
from fastapi import FastAPI
from sqlmodel import col, select

from services import news
from siang.settings import Settings
from storage.database import Database
from storage.models import Channel, Citizen, SurveyAnswer, SurveyResponse
from storage.types import utcnow
from tests.bot.citizens import LineCitizen, TelegramCitizen, joined
from tests.bot.helpers import official_headers, settle
from tests.fakes.line_api import FakeLineApi
from tests.fakes.telegram_api import FakeTelegramApi

QUIET_SUBSCRIBERS = 46  # opted in earlier; they receive the survey and do not answer
QUESTIONS = [
    {"text": "คุณใช้รถโดยสารประจำทางบ่อยแค่ไหน", "options": ["ทุกวัน", "ทุกสัปดาห์", "แทบไม่ใช้"]},
    {"text": "อยากให้ปรับปรุงอะไรก่อน", "options": ["ความถี่", "ป้ายรถ"], "free_answer": True},
    {"text": "มีอะไรอยากบอกเพิ่มไหม", "free_answer": True, "optional": True},
]


async def _quiet_subscribers(database: Database) -> None:
    async with database.unit_of_work() as session:
        for n in range(QUIET_SUBSCRIBERS):
            citizen = Citizen(channel=Channel.LINE, channel_user_id=f"Usvquiet{n:025d}")
            session.add(citizen)
            await session.flush()
            assert citizen.id is not None
            await news.subscribe(session, citizen.id, province_code="50")


async def _answers_in_db(database: Database, survey_id: int) -> list[SurveyAnswer]:
    async with database.unit_of_work() as session:
        rows = await session.exec(
            select(SurveyAnswer).where(col(SurveyAnswer.survey_id) == survey_id)
        )
        return list(rows.all())


async def test_a_three_question_survey_is_answered_step_by_step_and_counted(
    app: FastAPI,
    client: httpx.AsyncClient,
    database: Database,
    settings: Settings,
    line_api: FakeLineApi,
    telegram_api: FakeTelegramApi,
) -> None:
    ann, ben = (LineCitizen(app, client, line_api, f"Usurvey{n:026d}") for n in range(2))
    chai = TelegramCitizen(app, client, telegram_api, 7_600_001)
    leaver = LineCitizen(app, client, line_api, "Usvleaver" + "0" * 24)
    for person in (ann, ben, chai, leaver):
        await person.say("รับข่าว")
        await person.say("เชียงใหม่")
        assert "เชียงใหม่แล้ว" in joined(await person.say("ทุกเรื่อง"))
    assert "หยุดส่งข่าว" in joined(await leaver.say("หยุดรับข่าว"))
    await _quiet_subscribers(database)

    headers = await official_headers(database, settings, email="survey.pwa50@example.go.th")
    created = await client.post(
        "/api/v1/surveys",
        json={
            "title": "รถเมล์เชียงใหม่",
            "intro": "เทศบาลอยากปรับเส้นทางรถ ช่วยตอบ 3 ข้อสั้น ๆ ค่ะ",
            "questions": QUESTIONS,
            "provinces": ["เชียงใหม่"],
            "closes_at": (utcnow() + timedelta(days=2)).isoformat(),
        },
        headers=headers,
    )
    assert created.status_code == 201, created.text
    url = f"/api/v1/surveys/{created.json()['id']}"
    published = await client.post(f"{url}/publish", headers=headers)
    assert published.json()["queued"] == 3 + QUIET_SUBSCRIBERS
    assert (await client.post(f"{url}/publish", headers=headers)).json()["queued"] == 0
    await settle(app)
    got = {person.user: person.new_messages() for person in (ann, ben)}
    chai_got = chai.new_messages()
    received = [[m.text for m in got[ann.user]], [m.text for m in got[ben.user]]]
    received.append([m.text for m in chai_got])
    for texts in received:
        assert len(texts) == 1  # once, though published twice
        assert "แบบสอบถาม: รถเมล์เชียงใหม่" in texts[0] and "มี 3 ข้อ" in texts[0]
    assert leaver.new_messages() == []  # stopped the news: nothing
    quiet = line_api.sent("Usvquiet" + "0" * 25)
    assert len(quiet) == 1 and quiet[0].via == "multicast"
    [multicast] = line_api.multicasts()  # every LINE subscriber in one call, as LINE bills it
    assert len(multicast.json["to"]) == 2 + QUIET_SUBSCRIBERS

    # Ann: a tap, her own words (a phone number in them), then skips the optional question.
    ann_first = await ann.tap("เริ่มตอบ", got[ann.user])
    assert "ข้อ 1/3" in joined(ann_first) and "1. ทุกวัน" in joined(ann_first)
    second = await ann.tap("1. ทุกวัน", ann_first)
    assert "ข้อ 2/3" in joined(second)
    third = await ann.say("อยากให้รถมาบ่อยขึ้น ติดต่อ 081-234-5678 ได้")
    assert "ข้อ 3/3" in joined(third) and "ไม่ตอบก็ได้" in joined(third)
    done = await ann.tap("ข้าม", third)
    assert "ครบทุกข้อ" in joined(done)

    # Ben: answers one, leaves with the menu, comes back later where he stopped.
    first = await ben.tap("เริ่มตอบ", got[ben.user])
    assert "ข้อนี้ต้องตอบ" in joined(await ben.say("ข้าม"))  # the first one is not optional
    nine = await ben.say("9")  # no ninth option, and the question takes no words
    assert "1–3" in joined(nine) and "ข้อ 1/3" in joined(nine)
    await ben.tap("2. ทุกสัปดาห์", first)
    await ben.say("เมนู")
    again = await ben.say("แบบสอบถาม")
    assert "ข้อ 2/3" in joined(again)
    refused = await ben.say("ไม่รู้สิ")  # not one of the options, and the question takes words
    assert "ข้อ 3/3" in joined(refused)  # ... so it is his answer
    done = await ben.say("ขอป้ายรถที่มีหลังคาค่ะ")
    assert "ครบทุกข้อ" in joined(done)
    edit = await ben.tap("แก้ข้อ 1", done)
    assert "ข้อ 1/3" in joined(edit)
    changed = await ben.say("3")  # the number of the option, typed
    assert "แก้คำตอบข้อ 1 แล้ว" in joined(changed) and "ครบทุกข้อ" in joined(changed)

    # Chai on Telegram: taps, and the typed word ข้าม.
    chai_first = await chai.tap("เริ่มตอบ", chai_got)
    chai_second = await chai.tap("1. ทุกวัน", chai_first)
    chai_third = await chai.tap("1. ความถี่", chai_second)
    assert "ข้อ 3/3" in joined(chai_third)
    assert "ครบทุกข้อ" in joined(await chai.say("ข้าม"))

    answers = await _answers_in_db(database, created.json()["id"])
    typed = [a.free_text for a in answers if a.free_text]
    assert all("081" not in t for t in typed) and any("[เบอร์โทร]" in t for t in typed)
    results = (await client.get(f"{url}/results", headers=headers)).json()
    assert (results["respondents"], results["completed"]) == (3, 3)
    for index, question in enumerate(results["questions"]):
        mine = [a for a in answers if a.question_index == index]
        chosen = Counter(a.option_index for a in mine if a.option_index is not None)
        assert [o["count"] for o in question["options"]] == [
            chosen[i] for i in range(len(question["options"]))
        ]
        assert question["skipped"] == sum(a.skipped for a in mine)
        assert question["free_answers"]["count"] == sum(a.free_text is not None for a in mine)
    assert [o["count"] for o in results["questions"][0]["options"]] == [2, 0, 1]
    assert results["questions"][2]["skipped"] == 2

    closed = await client.post(f"{url}/close", headers=headers)
    assert closed.status_code == 200 and closed.json()["queued"] == 3  # those who answered
    await settle(app)
    told = joined(ann.new_messages())
    assert "ผลแบบสอบถาม: รถเมล์เชียงใหม่\nมีผู้ร่วมตอบ 3 คน" in told
    assert "ข้อ 1. คุณใช้รถโดยสารประจำทางบ่อยแค่ไหน (ตอบ 3 คน)\n• ทุกวัน: 2 คน (67%)" in told
    assert "• ความเห็นที่พิมพ์มา: 2 รายการ" in told  # question 2's typed answers
    assert "[เบอร์โทร]" in told and "081" not in told  # an example, masked
    assert "ผลแบบสอบถาม" in joined(chai.new_messages())
    assert len(line_api.sent("Usvquiet" + "0" * 25)) == 1  # answered nothing: no results
    closed_again = await client.post(f"{url}/close", headers=headers)
    assert closed_again.json()["queued"] == 0  # once each, whatever is closed twice
    assert "ไม่มีแบบสอบถามที่คุณตอบค้างไว้" in joined(await ann.say("แบบสอบถาม"))
    late = await ann.tap("2. ทุกสัปดาห์", ann_first)  # an old button, after the close
    assert "ปิดแล้ว" in joined(late)
    after = (await client.get(f"{url}/results", headers=headers)).json()
    assert [o["count"] for o in after["questions"][0]["options"]] == [2, 0, 1]  # unchanged
    async with database.unit_of_work() as session:
        responses = (await session.exec(select(SurveyResponse))).all()
    assert len(responses) == 3  # one each, whatever they changed
