"""Personal data typed by voice and nicknames of chat (batch 15 of the civic corpus, train half,
and the team's own examples): phone numbers and plates spelt in words, nicknames after ป๋า and
glued to เจ๊; and the counts, amounts, eggs and markets that must stay beside them.

All example messages here are team-written.
"""

from __future__ import annotations

import pytest

from nlp.analysis import PersonalDataKind
from nlp.personal_data import redact

PHONE = PersonalDataKind.PHONE
PLATE = PersonalDataKind.LICENCE_PLATE
NAME = PersonalDataKind.PERSON_NAME


def kinds_found(text: str) -> list[tuple[PersonalDataKind, str]]:
    return [(s.kind, text[s.start : s.end]) for s in redact(text).spans]


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("ติดต่อกลับเบอร์ศูนย์เก้าสองสามสี่ห้าหกเจ็ดแปดเก้าค่ะ ไฟดับ", "ศูนย์เก้าสองสามสี่ห้าหกเจ็ดแปดเก้า"),
        ("เบอร์ผมศูนย์แปดหนึ่ง สี่ห้าหก เจ็ดแปดเก้าศูนย์ ครับ", "ศูนย์แปดหนึ่ง สี่ห้าหก เจ็ดแปดเก้าศูนย์"),
        (
            "เบอร์ลุงคือ ศูนย์ แปด เก้า หนึ่ง หนึ่ง สอง สอง สาม สาม สี่ น้ำไม่ไหล",
            "ศูนย์ แปด เก้า หนึ่ง หนึ่ง สอง สอง สาม สาม สี่",
        ),
        ("โทรที่ศูนย์สองหนึ่งสองสามสี่ห้าหกเจ็ดได้เลย", "ศูนย์สองหนึ่งสองสามสี่ห้าหกเจ็ด"),
        ("ศูนย์ 8 1 สองสามสี่ ห้าหกเจ็ดแปด โทรกลับด้วย", "ศูนย์ 8 1 สองสามสี่ ห้าหกเจ็ดแปด"),
    ],
)
def test_a_phone_number_spelt_in_words_is_masked(text: str, number: str) -> None:
    assert kinds_found(text) == [(PHONE, number)]


@pytest.mark.parametrize(
    ("text", "plate"),
    [
        ("รถกระบะทะเบียนกอไก่ขอไข่หนึ่งสองสามสี่จอดขวางซอย", "กอไก่ขอไข่หนึ่งสองสามสี่"),
        ("รถเก๋งทะเบียน ฮอนกฮูก สองแปดเก้าศูนย์ ขับปาดหน้า", "ฮอนกฮูก สองแปดเก้าศูนย์"),
        ("มอไซค์ทะเบียนสามกอไก่ห้าห้าหกเจ็ด ซิ่งทุกคืน", "สามกอไก่ห้าห้าหกเจ็ด"),
        ("ชนแล้วหนี ทะเบียนบอใบไม้ ฉอฉิ่ง หนึ่งศูนย์ศูนย์เจ็ด", "บอใบไม้ ฉอฉิ่ง หนึ่งศูนย์ศูนย์เจ็ด"),
        ("ทะเบียนรถที่ชนแล้วหนี ขอขวด สี่สี่ห้า ใครเห็นบ้าง", "ขอขวด สี่สี่ห้า"),
        ("รถเมล์ขับเร็ว ทะเบียนข้างรถ สิบเอ็ด สามแปดเจ็ดหก ค่ะ", "สิบเอ็ด สามแปดเจ็ดหก"),
        ("รถสิบล้อทะเบียน ๘๑ - ๔๕๒๓ ทำดินหก", "๘๑ - ๔๕๒๓"),
    ],
)
def test_a_plate_spelt_by_voice_is_masked(text: str, plate: str) -> None:
    assert kinds_found(text) == [(PLATE, plate)]


@pytest.mark.parametrize(
    "text",
    [
        "ศูนย์การค้าปิดสี่ทุ่ม ห้างเปิดสิบโมง",
        "รถขายไข่มา ขอไข่สองแผงค่ะ",
        "รถติดตรงสี่แยกห้าแยกทุกวัน",
        "โดนหลอกโอนไปสองแสนห้าหมื่น",
        "ลูกสองคน คนละสามร้อย รวมหกร้อย",
        "รอเรือสองชั่วโมงแล้วยังไม่มา",
        "ศูนย์บริการเบอร์ 1111 ไม่มีคนรับ",
    ],
)
def test_numbers_in_words_that_are_no_phone_or_plate_are_kept(text: str) -> None:
    assert kinds_found(text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("ป๋าสมศักดิ์ผู้ใหญ่บ้านเก็บเงินไม่มีใบเสร็จ", "สมศักดิ์"),
        ("ป๋าเปี๊ยกเจ้าของหอพักปล่อยน้ำเสีย", "เปี๊ยก"),
        ("เจ๊เกียวร้านชำหน้าปากซอยโดนหลอก", "เกียว"),
        ("เฮียฮงร้านยางจอดรถซ้อนคัน", "ฮง"),
    ],
)
def test_a_nickname_after_a_chat_kinship_word_is_masked(text: str, name: str) -> None:
    assert kinds_found(text) == [(NAME, name)]


@pytest.mark.parametrize(
    "text",
    [
        "ป๋าคะ ช่วยบอกเทศบาลหน่อยค่ะ",
        "ตลาดนัดป๋าวินัยที่จอดรถไม่พอ",
        "ครูประจำชั้นดูแลดีมาก",
        "พี่ๆช่วยด้วยค่ะ",
    ],
)
def test_a_kinship_word_without_a_name_and_a_market_named_after_someone_are_kept(
    text: str,
) -> None:
    assert kinds_found(text) == []


# Batch 16 of the civic corpus (train half) and the team's own examples: phones with odd
# separators, a letter typed for a digit, spelt in English; a parent or a shopkeeper named.
@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("เบอร์ติดต่อ 086_123_4567 นะคะ ไฟทางดับ", "086_123_4567"),
        ("โทร 095-1l2-3344 ครับ", "095-1l2-3344"),  # l typed for 1
        ("เบอร์ 08O-555-0123 ค่ะ", "08O-555-0123"),  # O typed for 0
        (
            "call me on oh-eight-nine five-five-five one-two-three-four please",
            "oh-eight-nine five-five-five one-two-three-four",
        ),
        (
            "my number is zero six one two two two three three four four",
            "zero six one two two two three three four four",
        ),
    ],
)
def test_a_phone_with_odd_separators_letters_or_english_words_is_masked(
    text: str, number: str
) -> None:
    assert kinds_found(text) == [(PHONE, number)]


@pytest.mark.parametrize(
    "text",
    [
        "room one two three is flooded",  # no phone
        "Oh no, one two three four five six seven eight nine lights are out",  # no zero first
        "รหัสสินค้า A1l2 หมดสต็อก",
    ],
)
def test_english_counts_and_codes_are_no_phone(text: str) -> None:
    assert [k for k, _ in kinds_found(text) if k is PHONE] == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("แม่สมใจที่ขายผลไม้หน้าโรงเรียนโดนไล่", "สมใจ"),
        ("พ่อสมหมายล้มในห้องน้ำเมื่อเช้า", "สมหมาย"),
        ("เจ๊หน่อยร้านกาแฟตั้งโต๊ะเต็มทางเท้า", "หน่อย"),
        ("น้าค่อมร้านซ่อมรถเททิ้งน้ำมันเครื่อง", "ค่อม"),
    ],
)
def test_a_parent_or_a_shopkeeper_named_loses_the_name(text: str, name: str) -> None:
    assert (NAME, name) in kinds_found(text)
    assert name not in redact(text).text


@pytest.mark.parametrize(
    "text",
    [
        "น้ำป่าไหลเข้า อ.แม่แตง แล้ว",  # a district, not แม่ and a name
        "ไฟดับทั้งตำบลแม่ลาว",
        "ลุงเปิดร้านตั้งแต่ตีห้า",  # a verb before the shop
        "ป้าข้างร้านบอกว่าน้ำไม่ไหล",
        "พ่อค้าขายของบนทางเท้า",
    ],
)
def test_places_after_mother_and_words_before_a_shop_are_kept(text: str) -> None:
    assert [k for k, _ in kinds_found(text) if k is NAME] == []
