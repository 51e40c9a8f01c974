"""A volunteer programme as citizens live it on LINE and Telegram: an agency posts one for three
people through the API, five citizens find it by typing "อาสา" and sign up, three get a place
and two the waiting list; one cancels and the first waiting is told they have the place; the day
before (a controlled clock) each confirmed volunteer is reminded exactly once; the organiser
records who came, and "งานอาสาของฉัน" shows it."""

from __future__ import annotations

from datetime import timedelta

import httpx
from fastapi import FastAPI

from siang.scheduler import run_volunteer_reminders
from siang.settings import Settings
from storage.database import Database
from storage.types import utcnow
from tests.bot.citizens import LineCitizen, TelegramCitizen, joined, line_buttons
from tests.bot.helpers import official_headers, settle
from tests.fakes.line_api import FakeLineApi
from tests.fakes.telegram_api import FakeTelegramApi

TITLE = "ปลูกต้นไม้"  # "สมัคร 1. ปลูกต้นไม้" fits a LINE label (20 characters) whole
JOIN = f"สมัคร 1. {TITLE}"


async def test_a_programme_fills_overflows_promotes_reminds_once_and_records_attendance(
    app: FastAPI,
    client: httpx.AsyncClient,
    database: Database,
    settings: Settings,
    line_api: FakeLineApi,
    telegram_api: FakeTelegramApi,
) -> None:
    headers = await official_headers(database, settings, email="volunteers.pwa50@example.go.th")
    starts = utcnow() + timedelta(days=3)
    created = await client.post(
        "/api/v1/volunteering/programmes",
        json={
            "title": TITLE,
            "place": "สวนสาธารณะหนองบวกหาด",
            "province": "เชียงใหม่",
            "starts_at": starts.isoformat(),
            "ends_at": (starts + timedelta(hours=3)).isoformat(),
            "capacity": 3,
            "requirements": "หมวก ขวดน้ำ",
        },
        headers=headers,
    )
    assert created.status_code == 201, created.text
    url = f"/api/v1/volunteering/programmes/{created.json()['id']}"
    assert (await client.post(f"{url}/publish", headers=headers)).status_code == 200

    people: list[LineCitizen | TelegramCitizen] = [
        LineCitizen(app, client, line_api, f"Uvolunteer{n:023d}") for n in range(3)
    ]
    people.insert(2, TelegramCitizen(app, client, telegram_api, 7_600_001))
    people.append(TelegramCitizen(app, client, telegram_api, 7_600_002))
    answers = []
    for person in people:
        asked = await person.say("อาสา")
        assert "พื้นที่ไหน" in joined(asked)
        listed = await person.say("เชียงใหม่")
        assert f"1. {TITLE}" in joined(listed) and "หมวก ขวดน้ำ" in joined(listed)
        answers.append(await person.tap(JOIN, listed))  # type: ignore[arg-type]

    for answer in answers[:3]:
        assert f"สมัครงานอาสา “{TITLE}” เรียบร้อย ได้ที่แล้ว" in joined(answer)
        assert "ชื่อและเบอร์ติดต่อ" in joined(answer)
    assert "คิวลำดับที่ 1" in joined(answers[3]) and "คิวลำดับที่ 2" in joined(answers[4])
    kept = await people[0].say("สมศรี 081-234-5678")
    assert "บันทึกข้อมูลติดต่อให้ผู้จัดแล้ว" in joined(kept)
    for person, answer in zip(people[1:], answers[1:], strict=True):
        assert "ไม่ส่งข้อมูลติดต่อ" in joined(await person.tap("ข้าม", answer))  # type: ignore[arg-type]
    await people[0].say("อาสา")
    first_listing = joined(await people[0].say("เชียงใหม่"))
    assert "เต็มแล้ว สมัครเพื่อรอคิวได้ (รออยู่ 2 คน)" in first_listing
    await people[1].say("อาสา")
    listed_again = await people[1].say("เชียงใหม่")
    again = await people[1].tap(JOIN, listed_again)  # type: ignore[arg-type]
    assert "ไว้แล้ว และได้ที่แล้ว" in joined(again)  # a second tap takes no second place
    labels = [a["label"] for m in listed_again for a in line_buttons(m)]  # type: ignore[arg-type]
    assert len(labels) <= 13 and all(len(label) <= 20 for label in labels)

    # The second citizen cancels from "งานอาสาของฉัน"; the first waiting (Telegram) is told.
    mine = await people[1].say("งานอาสาของฉัน")
    assert f"• {TITLE}" in joined(mine) and "ได้ที่แล้ว" in joined(mine)
    cancelled = await people[1].tap(f"ยกเลิก 1. {TITLE}", mine)  # type: ignore[arg-type]
    assert f"ยกเลิกการสมัครงานอาสา “{TITLE}” แล้ว" in joined(cancelled)
    promoted = people[3].new_messages()
    assert len(promoted) == 1 and f"คุณได้ที่ในงานอาสา “{TITLE}” แล้ว" in promoted[0].text
    assert "รอคิวลำดับที่ 1" in joined(await people[4].say("งานอาสาของฉัน"))
    twice = await people[1].tap(f"ยกเลิก 1. {TITLE}", mine)  # type: ignore[arg-type]
    assert "ไม่มีการสมัคร" in joined(twice)
    assert people[4].new_messages() == []  # still waiting: nothing pushed

    # The day before, each one with a place is reminded, exactly once.
    assert await run_volunteer_reminders(database, now=starts - timedelta(days=2)) == 0
    assert await run_volunteer_reminders(database, now=starts - timedelta(hours=20)) == 3
    await settle(app)
    assert await run_volunteer_reminders(database, now=starts - timedelta(hours=19)) == 0
    await settle(app)
    for n, person in enumerate(people):
        reminded = [m for m in person.new_messages() if "เตือนความจำ" in m.text]
        assert len(reminded) == (1 if n in (0, 2, 3) else 0), n
        if reminded:
            assert "หมวก ขวดน้ำ" in reminded[0].text

    # The organiser sees who signed up (with what they gave) and records who came.
    seen = (await client.get(url, headers=headers)).json()
    assert seen["sign_ups"]["confirmed"] == 3 and seen["sign_ups"]["waitlisted"] == 1
    ids: dict[str, list[int]] = {}
    for p in seen["people"]:
        ids.setdefault(p["status"], []).append(p["id"])
    assert seen["people"][0]["contact"] == "สมศรี 081-234-5678"
    first, second_confirmed, third_confirmed = ids["confirmed"]  # people 0, 2 and 3
    recorded = await client.post(
        f"{url}/attendance",
        json={"attended": [first, third_confirmed], "absent": [second_confirmed]},
        headers=headers,
    )
    assert recorded.status_code == 200, recorded.text
    assert "ร่วมงานแล้ว" in joined(await people[0].say("งานอาสาของฉัน"))
    assert "ร่วมงานแล้ว" in joined(await people[3].say("งานอาสาของฉัน"))
    assert "ไม่ได้มาร่วมงาน" in joined(await people[2].say("งานอาสาของฉัน"))
    assert "ยกเลิกแล้ว" in joined(await people[1].say("งานอาสาของฉัน"))


async def test_in_english_and_when_the_agency_calls_it_off_everyone_signed_up_hears(
    app: FastAPI,
    client: httpx.AsyncClient,
    database: Database,
    settings: Settings,
    line_api: FakeLineApi,
    telegram_api: FakeTelegramApi,
) -> None:
    headers = await official_headers(database, settings, email="volunteers.pwa50@example.go.th")
    starts = utcnow() + timedelta(days=5)
    created = await client.post(
        "/api/v1/volunteering/programmes",
        json={
            "title": TITLE,
            "place": "Nong Buak Haad park",
            "province": "Chiang Mai",
            "starts_at": starts.isoformat(),
            "ends_at": (starts + timedelta(hours=2)).isoformat(),
            "capacity": 1,
        },
        headers=headers,
    )
    url = f"/api/v1/volunteering/programmes/{created.json()['id']}"
    await client.post(f"{url}/publish", headers=headers)
    english = TelegramCitizen(app, client, telegram_api, 7_600_101)
    await english.say("English")
    assert "Where would you like to volunteer" in joined(await english.say("volunteer"))
    listed = await english.say("เชียงใหม่")
    assert "1 of 1 places free" in joined(listed)
    signed = await english.tap(f"Join 1. {TITLE}", listed)
    assert f"You are signed up for “{TITLE}” and have a place" in joined(signed)
    assert "Fine" in joined(await english.tap("Skip", signed))
    thai = LineCitizen(app, client, line_api, "Uvolunteer-thai" + "0" * 18)
    await thai.say("อาสา")
    waiting = await thai.tap(JOIN, await thai.say("เชียงใหม่"))
    assert "คิวลำดับที่ 1" in joined(waiting)

    called_off = await client.post(f"{url}/cancel", headers=headers)
    assert called_off.json()["told"] == 2
    await settle(app)
    assert f"the organiser has cancelled “{TITLE}”" in joined(english.new_messages())
    assert "ถูกยกเลิกโดยผู้จัด" in joined(thai.new_messages())
    mine = joined(await english.say("my volunteering"))
    assert f"• {TITLE}" in mine and "called off by the organiser" in mine
    assert "no longer takes sign-ups" in joined(await english.tap(f"Join 1. {TITLE}", listed))
