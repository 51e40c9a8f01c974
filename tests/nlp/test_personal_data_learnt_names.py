"""The learnt name tagger beside the rules, on what anyone may read (`redact_for_public`):
nicknames that are everyday words, after a kinship word, a rank or a regional form of address,
are masked; kinds of people, places named after someone and ordinary words stay. The officials'
`redact` takes only what it is sure of (`test_personal_data_learnt_officials`). Messages written
for these tests, not taken from the corpus."""

from __future__ import annotations

import json

import pytest

from nlp.personal_data import redact, redact_for_public
from nlp.personal_data.learnt_names import (
    MODEL_PATH,
    RECORD_NAME,
    learnt_names,
    spans_from,
)
from nlp.personal_data.name_features import tokens_of
from nlp.text_model import sha256_of
from nlp.training.names import is_name_span, label


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("ลุงเปียกข้างบ้านเผาขยะทุกเย็น ควันเข้าบ้านหมด", "เปียก"),
        ("ผู้กองเก่งไม่ยอมรับแจ้งความ บอกให้ไปตกลงกันเอง", "เก่ง"),
        ("โต๊ะแอเดินออกจากบ้านยังไม่กลับ", "แอ"),
        ("ยายปิ่นล้มในห้องน้ำ ลุกไม่ได้ ช่วยด้วยค่ะ", "ปิ่น"),
        ("ผู้ใหญ่บ้านชื่อทองคำไม่เคยมาดูถนนเลย", "ทองคำ"),
        ("แจ้งเรื่องไฟดับค่ะ สุดารัตน์ บุญมา", "สุดารัตน์"),
    ],
)
def test_names_the_rules_could_miss_are_masked_for_the_public(text: str, name: str) -> None:
    public = redact_for_public(text).text
    assert name not in public
    assert "[ชื่อ]" in public


@pytest.mark.parametrize(
    "text",
    [
        "ลุงยามเปิดประตูให้คนแปลกหน้า",
        "ป้าขายของหน้าตลาดตั้งแผงบนทางเท้า",
        "ลุงเมาแล้วขับชนเสาไฟ",
        "น้องหมาที่วัดออกลูกเยอะมาก",
        "ยายแก่ๆ เดินข้ามถนนไม่มีทางม้าลาย",
        "ครูพละพาเด็กวิ่งบนถนน",
        "แม่ค้าตั้งแผงขวางทางเท้า",
        "ผู้กองที่โรงพักไม่รับแจ้งความ",
        "บังแดดไม่มีเลยที่ป้ายรถเมล์",  # บัง is also "to shade"
        "โต๊ะในศาลาพังหมดแล้ว",  # โต๊ะ is also a table
        "ซอยป้าแดงน้ำท่วมขังทุกครั้งที่ฝนตก",  # a lane named after someone
        "ตลาดลุงพลขยะล้น",
        "ถนนเอกชัยไฟดับหลายดวง",
        "คอนโดบุญญพิทักษ์ไฟทางดับ",
        "Maybelline Hyper Glossy ราคาเท่าไหร่คะ",  # brands in Latin script are left to the rules
    ],
)
def test_kinds_of_people_places_and_ordinary_words_stay(text: str) -> None:
    assert redact_for_public(text).text == text


def test_the_officials_read_what_the_tagger_is_not_sure_of() -> None:
    # เก่ง is also "skilled" ("the captain is very good at this"): below CAREFUL, above EAGER
    text = "ผู้กองเก่งมากเรื่องนี้"
    assert redact(text).text == text
    assert redact_for_public(text, learnt=False).text == text
    assert redact_for_public(text).text == "ผู้กอง[ชื่อ]มากเรื่องนี้"


def test_a_masked_name_keeps_the_kinship_word_and_what_follows() -> None:
    assert redact_for_public("ลุงเปียกข้างบ้านเผาขยะ").text == "ลุง[ชื่อ]ข้างบ้านเผาขยะ"


def test_what_the_rules_found_wins_over_the_tagger() -> None:
    # the tagger reads "บุญเดิน" as one name; the rules' "บุญ" stands and the verb stays
    assert redact_for_public("ตาบุญเดินไม่ไหว ทางเท้าพัง").text == "ตา[ชื่อ]เดินไม่ไหว ทางเท้าพัง"
    public = redact_for_public("ติดต่อป้าจันทร์ 081-234-5678").text
    assert "[เบอร์โทร]" in public and "จันทร์" not in public


def test_runs_of_words_join_and_other_scripts_are_skipped() -> None:
    tokens = tokens_of("คุณสมศรี ใจดี John")
    probs = [0.0, 0.9, 0.9, 0.9, 0.9][: len(tokens)]
    spans = spans_from(tokens, probs + [0.0] * (len(tokens) - len(probs)), 0.5)
    assert all("John" not in "คุณสมศรี ใจดี John"[s:e] for s, e in spans)
    assert learnt_names("", 0.5) == [] and learnt_names("John Smith", 0.1) == []


def test_training_labels_leave_the_title_out_and_only_names_count() -> None:
    tokens, labels = label("นายสมชาย ใจดี แจ้งว่า", ["นายสมชาย ใจดี"])
    named = [t[0] for t, lab in zip(tokens, labels, strict=True) if lab != "O"]
    assert "นาย" not in named and named[0].startswith("สม") and "ใจดี" in named
    assert is_name_span("ยายเขียน") and is_name_span("Somchai Boonmee")
    for data in ("081-234-5678", "somchai at gmail dot com", "กข 1234", "ศูนย์แปดหนึ่ง"):
        assert not is_name_span(data)


def test_the_shipped_model_is_the_one_its_record_names() -> None:
    record = json.loads((MODEL_PATH.parent / RECORD_NAME).read_text(encoding="utf-8"))
    assert record["artefact"]["sha256"] == sha256_of(MODEL_PATH)
    assert "train" in record["source"] and record["artefact"]["bytes"] < 500_000
