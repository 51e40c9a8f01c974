"""Outbox payloads as the citizen, the agency and the board read them."""

from __future__ import annotations

import pytest

from bot.notice_messages import RENDERERS, render_notice
from bot.texts import LANGUAGES


def test_ticket_filed_gives_the_reference_and_the_agency() -> None:
    [message] = render_notice(
        "ticket_filed",
        {"reference": "SG-7K4M-2Q", "agency_name": "สำนักงานเขตจตุจักร", "category": "ถนน"},
        "th",
    )
    assert "SG-7K4M-2Q" in message.text and "สำนักงานเขตจตุจักร" in message.text
    assert message.card is not None and ("หมวดหมู่", "ถนน") in message.card.fields


def test_a_duplicate_says_who_else_reported_it() -> None:
    [message] = render_notice(
        "ticket_filed",
        {
            "reference": "SG-AAAA-BC",
            "agency_name": "การไฟฟ้านครหลวง",
            "duplicate_of_reference": "SG-7K4M-2Q",
            "follower_count": 2,
            "reporter_number": 3,
        },
        "th",
    )
    assert "มีผู้แจ้งไว้แล้ว (เลขเรื่อง SG-7K4M-2Q)" in message.text
    assert "คุณเป็นคนที่ 3 ที่แจ้ง" in message.text


def test_the_first_follower_is_the_second_to_report_it() -> None:
    [message] = render_notice(
        "ticket_filed",
        {"reference": "SG-AAAA-BC", "duplicate_of_reference": "SG-7K4M-2Q", "follower_count": 1},
        "th",
    )
    assert "คุณเป็นคนที่ 2 ที่แจ้ง" in message.text


def test_a_status_change_carries_the_officials_note_and_photo() -> None:
    messages = render_notice(
        "status_changed",
        {
            "reference": "SG-7K4M-2Q",
            "from_status": "in_progress",
            "to_status": "resolved",
            "note": "ปะถนนเรียบร้อยแล้ว",
            "agency_name": "สำนักงานเขตจตุจักร",
            "media_urls": ["/media/ab/after.jpg", "/media/cd/after2.jpg"],
        },
        "th",
        base_url="https://siang.example",
    )
    first = messages[0]
    assert "แก้ไขแล้ว" in first.text and "ปะถนนเรียบร้อยแล้ว" in first.text
    assert first.image_url == "https://siang.example/media/ab/after.jpg"
    assert messages[1].image_url == "https://siang.example/media/cd/after2.jpg"


def test_a_follower_reads_their_own_reference() -> None:
    [message] = render_notice(
        "status_changed",
        {"reference": "SG-LEAD-22", "your_reference": "SG-MINE-33", "to_status": "accepted"},
        "th",
    )
    assert "SG-MINE-33" in message.text


def test_the_resolution_check_offers_the_two_answers() -> None:
    [message] = render_notice(
        "resolution_check", {"reference": "SG-7K4M-2Q", "note": "ปะแล้ว"}, "th"
    )
    assert [(b.label, b.data) for b in message.buttons] == [
        ("ยืนยันว่าแก้แล้ว", "fixed:SG-7K4M-2Q"),
        ("ยังไม่แก้", "notfixed:SG-7K4M-2Q"),
    ]
    [english] = render_notice("resolution_check", {"reference": "SG-7K4M-2Q"}, "en")
    assert "Is it really fixed?" in english.text


def test_an_agency_gets_the_redacted_text_area_due_date_and_a_link() -> None:
    [message] = render_notice(
        "agency_new_item",
        {
            "reference": "SG-7K4M-2Q",
            "category": "ถนน",
            "district": "จตุจักร",
            "province": "กรุงเทพมหานคร",
            "redacted_text": "ถนนเป็นหลุม ติดต่อ [เบอร์โทร]",
            "due_at": "2026-11-30T10:00:00+00:00",
            "url": "/admin/feedback/7",
        },
        "th",
        base_url="https://siang.example",
    )
    assert "จตุจักร กรุงเทพมหานคร" in message.text and "[เบอร์โทร]" in message.text
    assert "30 พ.ย. 2569 17:00" in message.text  # Bangkok time, Buddhist era
    assert message.buttons[0].action == "uri"
    assert message.buttons[0].data == "https://siang.example/admin/feedback/7"


def test_escalation_and_board_digest() -> None:
    [escalation] = render_notice(
        "escalation",
        {"reference": "SG-7K4M-2Q", "level": 2, "due_at": None, "agency_name": "เขต"},
        "th",
    )
    assert "ระดับ 2" in escalation.text
    [digest] = render_notice(
        "board_digest", {"week": "2026-W47", "text": "เรื่องเด่น", "url": "https://x/d"}, "th"
    )
    assert "2026-W47" in digest.text and digest.buttons[0].data == "https://x/d"


def test_a_survey_says_how_many_questions_and_offers_to_start() -> None:
    payload = {
        "survey_id": 3,
        "title": "รถเมล์เชียงใหม่",
        "intro": "ช่วยตอบสั้น ๆ",
        "questions": 3,
        "closes_at": "2026-11-30T10:00:00+00:00",
    }
    [thai] = render_notice("survey", payload, "th")
    assert "แบบสอบถาม: รถเมล์เชียงใหม่" in thai.text and "มี 3 ข้อ" in thai.text
    assert [(b.label, b.data) for b in thai.buttons] == [("เริ่มตอบ", "svgo:3")]
    [english] = render_notice("survey", payload, "en")
    assert "3 questions" in english.text and english.buttons[0].label == "Start"


def test_an_unknown_kind_is_refused() -> None:
    with pytest.raises(ValueError, match="no renderer"):
        render_notice("telepathy", {}, "th")


def test_a_long_survey_s_results_fit_a_few_messages_and_name_themes_in_english() -> None:
    question = {
        "text": "คำถามยาว " * 20,
        "answered": 40,
        "free_answers": 12,
        "options": [{"label": f"ตัวเลือกที่ {n}", "count": n} for n in range(10)],
        "themes": [
            {"label": "ถนน", "count": 7, "example": "ถนนเป็นหลุม [เบอร์โทร]"},
            {"label": "", "count": 5, "example": ""},
        ],
    }
    payload = {"survey_id": 3, "title": "รถเมล์", "respondents": 40, "questions": [question] * 10}
    thai = render_notice("survey_results", payload, "th")
    assert 1 < len(thai) <= 4 and all(len(m.text) <= 3_000 for m in thai)
    assert "• ถนน: 7 ความเห็น เช่น “ถนนเป็นหลุม [เบอร์โทร]”" in thai[0].text
    assert "• เรื่องอื่น ๆ: 5 ความเห็น" in thai[0].text
    [english, *_] = render_notice("survey_results", payload, "en")
    assert "40 people answered" in english.text and "• roads: 7 views, e.g." in english.text


def test_every_kind_in_the_contract_has_a_renderer_and_both_catalogues_match() -> None:
    assert set(RENDERERS) == {
        "ticket_filed",
        "status_changed",
        "resolution_check",
        "agency_new_item",
        "escalation",
        "board_digest",
        "consultation",
        "consultation_results",
        "survey",
        "survey_results",
        "volunteer_promoted",
        "volunteer_reminder",
        "volunteer_programme_cancelled",
    }
    assert set(LANGUAGES["th"]) == set(LANGUAGES["en"])
    thai_sentences = [
        value
        for key, value in LANGUAGES["th"].items()
        if key.split(".")[0] in ("welcome", "report", "filed", "resolution", "consent")
    ]
    assert all("ครับ" not in sentence for sentence in thai_sentences)  # one voice: ค่ะ/คะ


@pytest.mark.parametrize(
    ("language", "promoted", "reminder", "cancelled"),
    [
        ("th", "คุณได้ที่ในงานอาสา “ปลูกต้นไม้” แล้ว", "เตือนความจำ", "ถูกยกเลิกโดยผู้จัด"),
        ("en", "you now have a place in “ปลูกต้นไม้”", "Reminder", "the organiser has cancelled"),
    ],
)
def test_volunteer_notices_give_when_where_and_a_way_to_give_the_place_back(
    language: str, promoted: str, reminder: str, cancelled: str
) -> None:
    payload = {
        "programme_id": 4,
        "title": "ปลูกต้นไม้",
        "place": "สวนหนองบวกหาด",
        "starts_at": "2026-12-09T01:00:00+00:00",
        "ends_at": "2026-12-09T04:00:00+00:00",
        "requirements": "หมวก",
    }
    [moved_up] = render_notice("volunteer_promoted", payload, language)
    assert promoted in moved_up.text and "สวนหนองบวกหาด" in moved_up.text
    assert "08:00" in moved_up.text  # shown in Bangkok time
    assert [b.data for b in moved_up.buttons] == ["vquit:4", "vmine"]
    [remind] = render_notice("volunteer_reminder", payload, language)
    assert reminder in remind.text and "หมวก" in remind.text
    [off] = render_notice("volunteer_programme_cancelled", payload, language)
    assert cancelled in off.text and [b.data for b in off.buttons] == ["vmine"]


def test_an_english_speaker_reads_the_agencys_english_name() -> None:
    payload = {
        "reference": "SG-7K4M-2Q",
        "agency_name": "ที่ว่าการอำเภอปาย",
        "agency_name_en": "Pai District Office",
        "board_name": "คณะกรรมการที่ปรึกษาภาคประชาชน จ.แม่ฮ่องสอน",
        "board_name_en": "Mae Hong Son Citizen Advisory Board",
        "to_status": "in_progress",
    }
    [filed] = render_notice("ticket_filed", payload, "en")
    assert "Pai District Office" in filed.text and "Mae Hong Son Citizen Advisory" in filed.text
    assert "ที่ว่าการ" not in filed.text
    [changed, *_] = render_notice("status_changed", payload, "en")
    assert "Pai District Office" in changed.text
    [thai] = render_notice("ticket_filed", payload, "th")
    assert "ที่ว่าการอำเภอปาย" in thai.text


def test_a_payload_without_english_names_falls_back_to_thai() -> None:
    payload = {"reference": "SG-7K4M-2Q", "agency_name": "ที่ว่าการอำเภอปาย"}
    [filed] = render_notice("ticket_filed", payload, "en")
    assert "ที่ว่าการอำเภอปาย" in filed.text
