"""Chat Thai comes out in one canonical spelling, and nothing an official needs is lost."""

from __future__ import annotations

import pytest

from nlp.normalise import normalise


@pytest.mark.parametrize(
    ("typed", "canonical"),
    [
        ("ถนนนนนนพังมากกกก", "ถนนพังมาก"),  # ถนน keeps its double น, มาก loses the extra ก
        ("น้ำท่วมมมมมม", "น้ำท่วม"),
        ("คนนนนนเยอะ", "คนเยอะ"),
        ("ดีมากค่ะะะะ", "ดีมากค่ะ"),
        ("เเย่มาก", "แย่มาก"),  # two sara e typed for sara ae
        ("นำ้ท่วม", "น้ำท่วม"),  # tone mark typed after sara am
        ("ทำไมๆๆๆ", "ทำไมๆ"),
        ("มากกก", "มาก"),
    ],
)
def test_repeated_letters_are_collapsed_to_the_dictionary_spelling(
    typed: str, canonical: str
) -> None:
    assert normalise(typed) == canonical


@pytest.mark.parametrize(
    "written",
    ["ถนนนวมินทร์ทรุด", "ถนนนิมิตใหม่มีหลุม", "คนนนทบุรีเดือดร้อน", "ไฟดับที่ถนนนครไชยศรี"],
)
def test_a_triple_letter_where_two_words_meet_is_kept(written: str) -> None:
    assert normalise(written) == written
    assert normalise(normalise("ถ.นิมิตใหม่")) == normalise("ถ.นิมิตใหม่") == "ถนนนิมิตใหม่"


def test_laughter_is_one_token_but_numbers_stay() -> None:
    assert normalise("555555 ตลกมาก") == "555 ตลกมาก"
    assert normalise("โทร 0855555123") == "โทร 0855555123"
    assert normalise("บ้านเลขที่ 55 ซอย 5") == "บ้านเลขที่ 55 ซอย 5"


def test_thai_digits_become_arabic() -> None:
    assert normalise("ซอย ๕๕ บ้านเลขที่ ๑๒๓/๔") == "ซอย 55 บ้านเลขที่ 123/4"


@pytest.mark.parametrize(
    ("typed", "canonical"),
    [
        ("ไฟดับทั้งซอยที่ กทม.", "ไฟดับทั้งซอยที่ กรุงเทพมหานคร"),
        ("อยู่กทม", "อยู่กรุงเทพมหานคร"),
        ("จ.เชียงใหม่ อ.เมือง ต.สุเทพ", "จังหวัดเชียงใหม่ อำเภอเมือง ตำบลสุเทพ"),
        ("ที่ถ.สุขุมวิท ซ.11", "ที่ถนนสุขุมวิท ซอย11"),
        ("พาแม่ไปรพ.ศิริราช", "พาแม่ไปโรงพยาบาลศิริราช"),
        ("หน้า ร.ร.วัดดอน", "หน้า โรงเรียนวัดดอน"),
    ],
)
def test_common_abbreviations_are_written_out(typed: str, canonical: str) -> None:
    assert normalise(typed) == canonical


@pytest.mark.parametrize(
    "text",
    [
        "แจ้งวันที่ 5 ต.ค. 67 แล้ว",  # a month, not ตำบล
        "พ.ต.ท.สมชาย มาดูแล้ว",  # a rank, not a district
        "รอ. นานแล้วค่ะ",  # a word ending in อ before a full stop
        "ซ่อมเสร็จ.",
    ],
)
def test_dotted_words_that_are_not_place_abbreviations_stay(text: str) -> None:
    assert normalise(text) == text


def test_zero_width_characters_and_extra_spaces_go() -> None:
    assert normalise("ถ\u200bนน\u200cพัง\ufeff   ที่\n ซอย\t5 ") == "ถนนพัง ที่ ซอย 5"


def test_emoji_and_punctuation_are_kept_as_signal() -> None:
    assert normalise("ขอบคุณมากครับ 🙏😍 !!") == "ขอบคุณมากครับ 🙏😍 !!"
    assert normalise("แย่มาก 😡") == "แย่มาก 😡"


def test_nfc_composition() -> None:
    assert normalise("cafe\u0301 ดี") == "café ดี"


def test_empty_and_blank_text() -> None:
    assert normalise("") == ""
    assert normalise(" \u200b ") == ""


def test_text_typed_a_word_at_a_time_is_joined_up() -> None:
    """Learners of Thai put a space after every word; joined up, the tokeniser finds the words
    (ไข้เลือดออก, dengue) again. Numbers keep their spaces."""
    assert normalise("ห้อง เช่า น้ำ ไม่ ไหล สาม วัน แล้ว ค่ะ") == "ห้องเช่าน้ำไม่ไหลสามวันแล้วค่ะ"
    assert normalise("โดน เก็บ เงิน วัน ละ 50 บาท ไม่ มี ใบ เสร็จ") == ("โดนเก็บเงินวันละ 50 บาทไม่มีใบเสร็จ")


@pytest.mark.parametrize(
    "written",
    [
        "ไฟดับ ซอย 5 มืดมาก อันตราย ช่วยด้วย ค่ะ",  # phrases, not one word at a time
        "ถนนพัง น้ำขัง",  # too few pieces to say
        "ขยะล้นถังหน้าหมู่บ้าน ไม่มีใครมาเก็บ ส่งกลิ่นเหม็นไปทั้งซอย ยุงก็เยอะ",
    ],
)
def test_thai_written_in_phrases_keeps_its_spaces(written: str) -> None:
    assert normalise(written) == written


@pytest.mark.parametrize(
    ("dictated", "typed"),
    [
        ("จะมาซ่อมเมื่อไหร่คะจุดคำถาม", "จะมาซ่อมเมื่อไหร่คะ?"),
        ("ต้องติดต่อที่ไหนคะ ขึ้นบรรทัดใหม่ ลูกอายุห้าขวบค่ะ", "ต้องติดต่อที่ไหนคะ ลูกอายุห้าขวบค่ะ"),
        ("ถนนพังค่ะจบข้อความ", "ถนนพังค่ะ"),
        ("ฉันมีคำถามเรื่องบัตรทอง", "ฉันมีคำถามเรื่องบัตรทอง"),  # a question named, not spoken
    ],
)
def test_punctuation_spoken_to_voice_typing(dictated: str, typed: str) -> None:
    assert normalise(dictated) == typed
