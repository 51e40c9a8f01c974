"""Personal data is masked; what officials need (soi, dates, times, amounts …) is kept.

All example messages here are team-written.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from nlp.analysis import PersonalDataKind
from nlp.evaluation.personal_data import evaluate_personal_data
from nlp.personal_data import MASKS, national_id_checksum_ok, redact

ID = PersonalDataKind.NATIONAL_ID
PHONE = PersonalDataKind.PHONE
EMAIL = PersonalDataKind.EMAIL
LINE = PersonalDataKind.LINE_ID
BANK = PersonalDataKind.BANK_ACCOUNT
PLATE = PersonalDataKind.LICENCE_PLATE
NAME = PersonalDataKind.PERSON_NAME


def kinds_found(text: str) -> list[tuple[PersonalDataKind, str]]:
    return [(s.kind, text[s.start : s.end]) for s in redact(text).spans]


def test_the_checksum_of_a_national_id_is_verified() -> None:
    assert national_id_checksum_ok("1101700230708")
    assert national_id_checksum_ok("3100500123458")
    assert not national_id_checksum_ok("1101700230709")
    assert not national_id_checksum_ok("110170023070")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # National IDs, any grouping, Thai digits.
        ("เลขบัตร 1101700230708 ครับ", [(ID, "1101700230708")]),
        ("บัตรประชาชน 1-1017-00230-70-8", [(ID, "1-1017-00230-70-8")]),
        ("ผู้แจ้ง 3 1005 00123 45 8 แจ้งว่าไฟดับ", [(ID, "3 1005 00123 45 8")]),
        ("เลข ๕๗๐๙๙๐๐๐๑๒๓๔๒ ค่ะ", [(ID, "๕๗๐๙๙๐๐๐๑๒๓๔๒")]),
        ("1234567890121", [(ID, "1234567890121")]),
        # A wrong checksum still counts after a word that says it is an ID.
        ("เลขบัตรประชาชน 1101700230709", [(ID, "1101700230709")]),
        # Phones: mobile, landline, +66, separators, Thai digits, glued to Thai words.
        ("โทร 0812345678", [(PHONE, "0812345678")]),
        ("เบอร์ 081-234-5678 นะคะ", [(PHONE, "081-234-5678")]),
        ("ติดต่อ 08 1234 5678", [(PHONE, "08 1234 5678")]),
        ("โทร061.234.5678ค่ะ", [(PHONE, "061.234.5678")]),
        ("ติดต่อ 095-1234567", [(PHONE, "095-1234567")]),
        ("สำนักงานเขต 02-123-4567", [(PHONE, "02-123-4567")]),
        ("โทร (02) 123 4567", [(PHONE, "(02) 123 4567")]),
        ("อบต. 053-855000", [(PHONE, "053-855000")]),
        ("call +66 81 234 5678 please", [(PHONE, "+66 81 234 5678")]),
        ("+66812345678", [(PHONE, "+66812345678")]),
        ("โทร +66 2 123 4567", [(PHONE, "+66 2 123 4567")]),
        ("เบอร์ ๐๘๙-๑๒๓-๔๕๖๗", [(PHONE, "๐๘๙-๑๒๓-๔๕๖๗")]),
        ("66812345678", [(PHONE, "66812345678")]),
        ("แจ้งเรื่องโดย 66861760313", [(PHONE, "66861760313")]),
        # A phone word wins over a reference word: this is how to reach the contractor.
        ("สัญญาเลขที่ 12/2566 ผู้รับเหมาโทร 66812345678", [(PHONE, "66812345678")]),
        (
            "โทร 0812345678 หรือ 0898765432",
            [(PHONE, "0812345678"), (PHONE, "0898765432")],
        ),
        # E-mail.
        ("ส่งอีเมล somchai.j@gmail.com ครับ", [(EMAIL, "somchai.j@gmail.com")]),
        ("อีเมลsomsri_99@hotmail.co.thนะคะ", [(EMAIL, "somsri_99@hotmail.co.th")]),
        # LINE IDs.
        ("ไลน์ไอดี somchai.j นะ", [(LINE, "somchai.j")]),
        ("แอดไลน์ somsri99 ได้เลย", [(LINE, "somsri99")]),
        ("line: @siangshop", [(LINE, "@siangshop")]),
        ("LINE ID: nong_dao", [(LINE, "nong_dao")]),
        ("ทักมาที่ @somchai_j ได้", [(LINE, "@somchai_j")]),
        ("ไอดี somsri1013 0991234567", [(PHONE, "0991234567")]),
        # Bank accounts (after a word that says so).
        ("โอนเข้าบัญชี กสิกร 123-4-56789-0 แล้ว", [(BANK, "123-4-56789-0")]),
        ("เลขที่บัญชี 0123456789 ธนาคารกรุงไทย", [(BANK, "0123456789")]),
        ("ธนาคารออมสิน 020-0-12345678-9", [(BANK, "020-0-12345678-9")]),
        # Licence plates.
        (
            "รถทะเบียน กข 1234 กรุงเทพมหานคร จอดขวาง",
            [(PLATE, "กข 1234 กรุงเทพมหานคร")],
        ),
        ("1กข 1234 จอดบนทางเท้าทุกวัน", [(PLATE, "1กข 1234")]),
        ("แท็กซี่ ทฬ 660 กรุงเทพ ปาดหน้า", [(PLATE, "ทฬ 660 กรุงเทพ")]),
        ("มอเตอร์ไซค์ 3กบ1526 กทม. ขี่บนทางเท้า", [(PLATE, "3กบ1526 กทม.")]),
        ("รถขยะทะเบียน 67-7578 ขับเร็ว", [(PLATE, "67-7578")]),
        ("ป้ายทะเบียน ฮง 1167 จอดซ้อนคัน", [(PLATE, "ฮง 1167")]),
        # Names where they are introduced.
        ("นายสมชาย ใจดี แจ้งว่าถนนพัง", [(NAME, "สมชาย ใจดี")]),
        ("นางสาวมานีมีตาเป็นผู้แจ้ง", [(NAME, "มานี")]),
        ("น.ส.สมศรี รักไทย โทร 081-234-5678", [(NAME, "สมศรี รักไทย"), (PHONE, "081-234-5678")]),
        ("ด.ช.วิชัย ถูกรถชน", [(NAME, "วิชัย")]),
        ("เด็กหญิงสุดา ศรีสุข หายตัว", [(NAME, "สุดา ศรีสุข")]),
        ("ผมชื่อสมชายอยู่บ้านเลขที่ 99/1", [(NAME, "สมชาย")]),
        ("ชื่อ-นามสกุล: สมชาย ใจดี", [(NAME, "สมชาย ใจดี")]),
        ("ขอบคุณคุณสมศรีที่ช่วยประสานงาน", [(NAME, "สมศรี")]),
        ("Mr. John Smith reported it", [(NAME, "John Smith")]),
        ("ด.ต.สมชาย ใจดี ไม่รับแจ้งความ", [(NAME, "สมชาย ใจดี")]),
        ("ส.ต.ท.มานพ เรียกเงินใต้โต๊ะ", [(NAME, "มานพ")]),
        ("ผศ.ดร.สุดา ศรีสุข ให้ความเห็น", [(NAME, "สุดา ศรีสุข")]),
    ],
)
def test_personal_data_is_found_and_masked(
    text: str, expected: list[tuple[PersonalDataKind, str]]
) -> None:
    assert kinds_found(text) == expected
    masked = redact(text).text
    for kind, value in expected:
        assert value not in masked
        assert MASKS[kind] in masked


def test_the_mask_replaces_only_the_personal_data() -> None:
    result = redact("นายสมชาย ใจดี โทร 081-234-5678 ซอย 15 ไฟดับ")
    assert result.text == "นาย[ชื่อ] โทร [เบอร์โทร] ซอย 15 ไฟดับ"


def test_many_kinds_in_one_message_all_go() -> None:
    text = (
        "ดิฉัน นางสาวสุดา ศรีสุข บัตร 3-1005-00123-45-8 โทร 089-123-4567 "
        "อีเมล suda.s@example.com ไลน์ suda99 แจ้งว่ารถทะเบียน 1กข 1234 กรุงเทพมหานคร "
        "จอดขวางหน้าบ้านเลขที่ 99/1 ซอย 15 ถนนสุขุมวิท ตั้งแต่ 14.30 น. วันที่ 12/10/2567"
    )
    masked = redact(text).text
    for gone in ("สุดา", "3-1005-00123-45-8", "089-123-4567", "suda.s@", "suda99", "1กข 1234"):
        assert gone not in masked
    for kept in ("บ้านเลขที่ 99/1", "ซอย 15", "ถนนสุขุมวิท", "14.30 น.", "12/10/2567"):
        assert kept in masked


@pytest.mark.parametrize(
    "text",
    [
        # Soi, house and road numbers.
        "ซอย 15 ไฟฟ้าดับทั้งซอย",
        "ซ.สุขุมวิท 71 น้ำท่วมขัง",
        "ซอยลาดพร้าว 101 แยก 23",
        "บ้านเลขที่ 99/1 หมู่ 6 ต.บางพูด",
        "บ้านเลขที่ 1234/56 ถนนพระราม 2",
        "หมู่ 12 ถ.มิตรภาพ กม. 12+500 ถนนทรุด",
        "ทางหลวงหมายเลข 3344 กม.ที่ 45",
        # Dates and times.
        "วันที่ 12/10/2567 เวลา 14.30 น.",
        "เมื่อ 12 ต.ค. 67 ช่วง 08.00-16.30 น.",
        "12 ตค 67 น้ำท่วมอีกแล้ว",
        "ตั้งแต่ 2567-10-12 ถึง 2567-11-30",
        "เวลา 02.30 น. เสียงดังมาก",
        "01/02/2566 - 15/03/2566",
        # Amounts and counts.
        "ค่าปรับ 1,500 บาท",
        "เก็บเงิน 15000 บาท ทุกเดือน",
        "งบประมาณ 1,250,000,000 บาท",
        "รถ 2 คัน คน 5 คน",
        "ยา 5มก 2 เม็ด",
        "ลด 30% ทั้งร้าน",
        # Bus lines, contracts, postcodes, phone hotlines.
        "รถเมล์สาย 8 และ ปอ.511 ไม่จอดป้าย",
        "สาย 1-39 มาช้ามาก",
        "สัญญาเลขที่ 12/2566 งานซ่อมถนน",
        "สัญญาเลขที่ กทม. 45/2567",
        "เลขที่โครงการ 66049140893 ยังไม่เริ่มสร้าง",
        "สัญญาเลขที่ 6638949441 ผู้รับเหมาทิ้งงาน",
        "ไปรษณีย์ 10400 กรุงเทพ",
        "แจ้ง 1555 แล้วไม่มีใครมา",
        "โทร 191 ไม่ติด",
        "ถนนพหลโยธิน 48 หน้าโรงเรียน",
        # Title words that are not names.
        "นายกเทศมนตรีไม่เคยลงมาดู",
        "นายอำเภอเมืองรับเรื่องแล้ว",
        "ตลาดนางเลิ้งน้ำท่วม",
        "ซอยนางลิ้นจี่ 3 รถติด",
        "คุณภาพชีวิตแย่ลงมาก",
        "คุณช่วยดูหน่อยได้ไหม",
        "ชื่อเสียงของเขตเสียหาย",
        "ชื่อถนนเขียนผิด",
        "ร.ร.วัดสุทธิ น้ำท่วมสนาม",
        "รพ.ศิริราช คิวยาวมาก",
        "ส.ค.ที่แล้วไฟดับทั้งเดือน",
        # Words that look like LINE ids, e-mail, links.
        "แจ้งทางไลน์กลุ่มแล้ว",
        "ตอนนี้ online อยู่ไหม deadline พรุ่งนี้",
        "ราคา @350 บาท",
        "ฮอทไลน์คือ 9.00-18.00 น. ทุกวัน",
        "ซื้อออนไลน์ shopee ถูกกว่า",
        "รุ่น abc0812345678 เสีย",
        "ดูที่ https://example.com/detail/9610000009936 ได้",
    ],
)
def test_what_officials_need_is_kept(text: str) -> None:
    result = redact(text)
    assert result.spans == []
    assert result.text == text


def test_spans_point_into_the_original_text() -> None:
    text = "โทร ๐๘๑๒๓๔๕๖๗๘ หรือ somchai@example.org"
    spans = redact(text).spans
    assert [text[s.start : s.end] for s in spans] == ["๐๘๑๒๓๔๕๖๗๘", "somchai@example.org"]


def test_text_without_personal_data_is_unchanged() -> None:
    text = "ถนนหน้าวัดเป็นหลุมลึก รถจักรยานยนต์ล้มหลายคันแล้ว 😡"
    assert redact(text).text == text
    assert redact("").text == ""


def test_the_evaluation_passes_every_team_written_case_and_checks_real_texts(
    tmp_path: Path,
) -> None:
    (tmp_path / "messages.csv").write_text(
        "id,text\n"
        '1,"โทร 081-234-5678 ซอย 15 เวลา 14.30 น. ค่าปรับ 1,500 บาท"\n'
        "2,อีเมล a.b@example.com วันที่ 12/10/2567\n",
        encoding="utf-8",
    )
    (tmp_path / "other.csv").write_text("label\nx\n", encoding="utf-8")  # no text column
    report = evaluate_personal_data(tmp_path)
    assert report["cases"] >= 50
    assert report["cases_masked"] == 1.0
    assert report["cases_kept"] == 1.0
    assert report["case_failures"] == []
    assert report["texts"] == 2
    assert report["spans_found"] == {"phone": 1, "email": 1}
    assert report["leftover_phone"] == report["leftover_email"] == 0
    assert report["kept_soi_seen"] == report["kept_time_seen"] == report["kept_amount_seen"] == 1
    assert report["kept_date_seen"] == 1
    assert report["touched_soi"] == report["touched_time"] == report["touched_amount"] == 0
