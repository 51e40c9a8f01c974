"""On LINE, end to end: every button label Siang sends fits LINE's 20 characters (the fake
refuses a longer one, as LINE does) and the buttons of one message stay distinguishable, for
the longest place names in the gazetteer, English category names and the opinion's addressees."""

from __future__ import annotations

import httpx
from fastapi import FastAPI

from tests.bot.citizens import LineCitizen, joined, line_buttons
from tests.fakes import line_api as line
from tests.fakes.line_api import FakeLineApi, SentMessage

# ต.บ้านเกาะ is in six districts of five provinces, among them the longest names
# (อ.พระนครศรีอยุธยา จ.พระนครศรีอยุธยา, อ.พรหมคีรี จ.นครศรีธรรมราช).
BAN_KO = "ถนนหน้าวัดพังเป็นหลุมใหญ่ ตำบลบ้านเกาะ"
SOMETHING_WRONG = "There is a problem in front of the market in Bang Rak, Bangkok"


def labels(answer: list[SentMessage]) -> list[str]:
    return [action.get("label", "") for message in answer for action in line_buttons(message)]


def assert_fit_and_differ(answer: list[SentMessage]) -> None:
    assert answer, "nothing was delivered (LINE refused it?)"
    for message in answer:
        assert all(len(label) <= 20 for label in message.labels), message.labels
        quick = message.quick_reply_labels  # a card's footer repeats them: one set at a time
        assert len(set(quick)) == len(quick), quick


async def test_the_fake_refuses_a_label_longer_than_line_allows(line_api: FakeLineApi) -> None:
    token = line_api.issue_reply_token("U-anyone")
    item = {"type": "action", "action": {"type": "message", "label": "ก" * 21, "text": "x"}}
    message = {"type": "text", "text": "hi", "quickReply": {"items": [item]}}
    async with httpx.AsyncClient(base_url=line_api.base_url) as client:
        refused = await client.post(
            "/v2/bot/message/reply",
            json={"replyToken": token, "messages": [message]},
            headers={"Authorization": f"Bearer {line.ACCESS_TOKEN}"},
        )
    assert refused.status_code == 400
    assert refused.json()["details"][0]["property"].endswith("quickReply.items[0].action.label")


async def test_six_areas_with_the_longest_names_get_short_distinct_buttons(
    app: FastAPI, client: httpx.AsyncClient, line_api: FakeLineApi
) -> None:
    citizen = LineCitizen(app, client, line_api, "U-ban-ko")

    asked = await citizen.say(BAN_KO)

    assert_fit_and_differ(asked)
    assert labels(asked)[:6] == [
        "อ.พระนครศรีอยุธยา",
        "อ.บางไทร",
        "อ.เมือง จ.นครราชสีมา",
        "อ.เมือง จ.อุตรดิตถ์",
        "อ.เมือง จ.สมุทรสาคร",
        "จ.นครศรีธรรมราช",
    ]
    assert "ต.บ้านเกาะ อ.พรหมคีรี จ.นครศรีธรรมราช" in joined(asked)  # the full names, in words
    card = await citizen.tap("จ.นครศรีธรรมราช", asked)
    assert_fit_and_differ(card)
    assert "อ.พรหมคีรี" in joined(card)


async def test_english_category_names_are_cut_at_a_word_on_every_page(
    app: FastAPI, client: httpx.AsyncClient, line_api: FakeLineApi
) -> None:
    citizen = LineCitizen(app, client, line_api, "U-tourist")
    await citizen.say("English")
    answer = await citizen.say(SOMETHING_WRONG)
    for _ in range(3):  # an unsure topic is asked first; then the card
        if "Confirm" in labels(answer):
            break
        answer = await citizen.tap(labels(answer)[0], answer)
    answer = await citizen.tap("Change category", await citizen.tap("Edit", answer))
    seen: list[str] = []
    for _ in range(5):
        assert_fit_and_differ(answer)
        seen += labels(answer)
        if "dust, smoke, smells…" in labels(answer) or "More categories" not in labels(answer):
            break
        answer = await citizen.tap("More categories", answer)

    assert {"dust, smoke, smells…", "sidewalks…", "flooding…"} <= set(seen)
    card = await citizen.tap("dust, smoke, smells…", answer)
    assert "dust, smoke, smells and PM2.5 air pollution" in joined(card)


async def test_choosing_who_hears_an_opinion_fits_in_thai_and_english(
    app: FastAPI, client: httpx.AsyncClient, line_api: FakeLineApi
) -> None:
    citizen = LineCitizen(app, client, line_api, "U-opinion")

    thai = await citizen.tap("ความเห็น/ข้อเสนอแนะ", await citizen.say("เมนู"))
    assert_fit_and_differ(thai)
    assert labels(thai)[:2] == ["หน่วยงานที่รับผิดชอบ", "คณะที่ปรึกษาจังหวัด"]
    assert "คณะกรรมการที่ปรึกษาฯ ของจังหวัด" in joined(thai)

    await citizen.say("English")
    english = await citizen.tap("Opinion / suggestion", await citizen.say("menu"))
    assert_fit_and_differ(english)
    assert labels(english)[:2] == ["Agency in charge", "Provincial board"]
