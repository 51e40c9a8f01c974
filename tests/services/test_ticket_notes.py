"""System notes kept as facts read in Thai or English, with the words a person typed after them."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from nlp.analysis import Hazard
from services.ticket_notes import LANGUAGES, NoteCode, en, render_note, th
from services.ticket_notes import facts as note


@dataclass(frozen=True)
class _Named:
    name_th: str
    name_en: str


WORKS = _Named("สำนักการโยธา กรุงเทพมหานคร", "BMA Public Works Department")
BOARD = _Named("คณะกรรมการที่ปรึกษาภาคประชาชนจังหวัดเชียงใหม่", "Chiang Mai Citizen Advisory Board")


class TestRenderNote:
    @pytest.mark.parametrize(
        ("facts", "typed", "thai", "english"),
        [
            (note.merged(into="SG-7K4M-2Q"), "จุดเดียวกัน",
             "รวมกับเรื่อง SG-7K4M-2Q: จุดเดียวกัน", "Merged into SG-7K4M-2Q: จุดเดียวกัน"),
            (note.forwarded(agency=WORKS), "ถนนสายหลัก",
             "ส่งต่อถึง สำนักการโยธา กรุงเทพมหานคร: ถนนสายหลัก",
             "Forwarded to BMA Public Works Department: ถนนสายหลัก"),
            (note.auto_closed(days=14), None,
             "ปิดเรื่องอัตโนมัติ: ไม่มีการประเมินภายใน 14 วันหลังแก้ไข",
             "Closed automatically: not rated within 14 days of being resolved"),
            (note.rated(rating=4), None, "ประเมิน 4/5", "Rated 4/5"),
            (note.board_chosen(board=BOARD), None,
             "ส่งถึงคณะกรรมการที่ปรึกษาภาคประชาชนจังหวัดเชียงใหม่ ตามที่ผู้แจ้งเลือก",
             "Sent to Chiang Mai Citizen Advisory Board, as the citizen chose"),
        ],
    )  # fmt: skip
    def test_a_fact_reads_in_each_language_with_the_typed_words_after_it(
        self, facts: note.NoteFacts, typed: str | None, thai: str, english: str
    ) -> None:
        assert render_note(facts, typed, "th") == thai
        assert render_note(facts, typed, "en") == english

    def test_a_matched_rule_names_what_matched_and_the_agency(self) -> None:
        facts = note.rule_matched(
            rule="ถนน-ทางหลวงชนบท",
            agency=WORKS,
            category="ถนน",
            keyword="ทางหลวงชนบท",
            description="ถนนของกรมทางหลวงชนบท",
        )
        assert render_note(facts, None, "th") == (
            "กฎ “ถนน-ทางหลวงชนบท”, หมวด ถนน, พบคำว่า “ทางหลวงชนบท” → "
            "สำนักการโยธา กรุงเทพมหานคร (ถนนของกรมทางหลวงชนบท)"
        )
        assert render_note(facts, None, "en") == (
            "rule “ถนน-ทางหลวงชนบท”, category roads, found the word “ทางหลวงชนบท” → "
            "BMA Public Works Department (ถนนของกรมทางหลวงชนบท)"
        )

    def test_a_danger_that_routed_the_item_is_named_in_the_readers_language(self) -> None:
        facts = note.rule_matched(rule="ภัยพิบัติ-อันตรายตอนนี้", agency=WORKS, hazard="fire")
        assert render_note(facts, None, "th") == (
            "กฎ “ภัยพิบัติ-อันตรายตอนนี้”, อันตราย ไฟไหม้ → สำนักการโยธา กรุงเทพมหานคร"
        )
        assert render_note(facts, None, "en") == (
            "rule “ภัยพิบัติ-อันตรายตอนนี้”, danger fire → BMA Public Works Department"
        )
        live = note.rule_matched(rule="ไฟฟ้า", agency=WORKS, hazard="live_wire")
        assert "อันตราย สายไฟขาดหรือไฟรั่ว" in (render_note(live, None, "th") or "")
        assert "danger a live wire" in (render_note(live, None, "en") or "")

    def test_every_danger_the_nlp_names_has_a_name_in_each_language(self) -> None:
        assert {hazard.value for hazard in Hazard} == set(th.HAZARDS) == set(en.HAZARDS)

    def test_typed_words_alone_are_shown_as_typed(self) -> None:
        assert render_note(None, "ซ่อมเรียบร้อยแล้ว", "en") == "ซ่อมเรียบร้อยแล้ว"
        assert render_note(None, None, "th") is None

    def test_an_unknown_language_reads_thai_and_a_name_without_english_reads_thai(self) -> None:
        facts = {"code": "forwarded", "agency": {"th": "สำนักงานเขตบางรัก"}}
        assert render_note(facts, None, "fr") == "ส่งต่อถึง สำนักงานเขตบางรัก"
        assert render_note(facts, None, "en") == "Forwarded to สำนักงานเขตบางรัก"

    def test_a_code_this_version_does_not_know_shows_the_typed_words(self) -> None:
        assert render_note({"code": "archived_by_robot"}, "เก็บแล้ว", "en") == "เก็บแล้ว"
        assert render_note({"code": "archived_by_robot"}, None, "en") == "archived_by_robot"


def test_every_code_has_a_sentence_in_every_language() -> None:
    assert set(th.NOTES) == set(en.NOTES) and LANGUAGES == ("th", "en")
    for code in NoteCode:
        if code is not NoteCode.RULE_MATCHED:
            assert code.value in th.NOTES, code
