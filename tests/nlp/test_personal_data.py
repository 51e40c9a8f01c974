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
PASSPORT = PersonalDataKind.PASSPORT
HOUSE = PersonalDataKind.HOUSE_NUMBER


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
        ("ผมชื่อสมชายอยู่บ้านเลขที่ 99/1", [(NAME, "สมชาย"), (HOUSE, "บ้านเลขที่ 99/1")]),
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


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("ผู้ใหญ่บ้านสมชาย ไม่เคยลงมาดู", "สมชาย"),
        ("กำนันประเสริฐ รับเงินแล้วเงียบ", "ประเสริฐ"),
        ("ลุงแดงขายของบนทางเท้า", "แดง"),
        ("ป้าสมศรีเผาขยะทุกเย็น", "สมศรี"),
        ("ยายจันทร์ล้มในซอยเพราะไฟดับ", "จันทร์"),
        ("ตาบุญเดินไม่ไหว ทางเท้าพัง", "บุญ"),
        ("พี่หนึ่งเป็นคนแจ้งเรื่องนี้", "หนึ่ง"),
        ("น้องมายด์โดนรถชนหน้าโรงเรียน", "มายด์"),
        ("ครูวิไลตีเด็กทุกวัน", "วิไล"),
        ("หมอธนาไม่อยู่เวรตอนกลางคืน", "ธนา"),
        ("นายก อบต.ประเสริฐ ไม่ทำอะไรเลย", "ประเสริฐ"),
        ("ผอ.สมใจ ไม่ตอบหนังสือ", "สมใจ"),
        ("จ่าสมหมายเรียกเงินคนขับ", "สมหมาย"),
        ("ดาบตำรวจวิชัยตั้งด่านทุกคืน", "วิชัย"),
        ("สารวัตรเอกไม่รับแจ้งความ", "เอก"),
        ("คุณป้าสมศรีให้ข้อมูล", "สมศรี"),
        ("ผู้ใหญ่บ้านสมชาย ใจดี ไม่เคยลงมาดู", "สมชาย ใจดี"),
        ("เมื่อวานกำนันประเสริฐมาดูแล้ว", "ประเสริฐ"),
    ],
)
def test_a_name_after_a_role_or_kinship_word_is_masked(text: str, name: str) -> None:
    assert kinds_found(text) == [(NAME, name)]
    assert name not in redact(text).text


@pytest.mark.parametrize(
    "text",
    [
        "ผู้ใหญ่บ้าน ไม่มาเลย",
        "ผู้ใหญ่บ้านไม่เคยลงมาดู",
        "ลุงที่ขายของหน้าปากซอย",
        "ป้าข้างบ้านเผาขยะทุกวัน",
        "ครูที่โรงเรียนไม่สนใจ",
        "หมอที่ รพ. ไม่ยอมตรวจ",
        "กำนันกับผู้ใหญ่บ้านไม่เคยมา",
        "พี่ๆ เจ้าหน้าที่ช่วยด้วย",
        "น้องหมาโดนรถชน",
        "มีพี่หนึ่งคนมาช่วย",
        "ตามที่แจ้งไปแล้ว ตายายอยู่กันสองคน",
        "พี่วินมอไซค์จอดขวางทาง",
        "นายก อบต. ไม่เคยมา",
        "ผอ.เขตไม่ตอบ",
        "จ่าหน้าซองผิด",
    ],
)
def test_a_role_or_kinship_word_alone_is_kept(text: str) -> None:
    assert redact(text).spans == []


@pytest.mark.parametrize(
    "text",
    [
        # A lane named after someone is a landmark officials need (a shop is not: see
        # test_the_person_in_a_shop_name_is_masked_and_the_shop_kept).
        "ซอยลุงก้าน4 ไฟดับ",
        "ซอยป้าแดงไฟดับ",
        # Misspellings and borrowed words are not nicknames.
        "น้องเปนแมวจรค่ะ หิวมาก",
        "เจ้าหน้าที่แยู่แถวนี้ไม่มาดู",
        "ซื้อไวตามิ้นท์ที่ร้านยา",
        "แต่งตา โทนน้ำตาล",
        "ราวสะพานเชิงตาแพชำรุด",
        "จัดป้าวว",
        # After an account label: organisations and common words.
        "โอนเข้าชื่อบัญชี มูลนิธิช่วยเหลือสัตว์",
        "ต้องเช็กชื่อเจ้าของบัญชีทุกครั้ง",
        # Links, roads and brands in Latin script.
        "ซื้อ Online Ticket at ticketmelon.com/event/fest ได้",
        "ถนน Charoen Krung น้ำท่วม",
        "Mister Donut สาขาสยามปิดแล้ว",
        "จ-ศ. อดทนรอรถเมล์",
    ],
)
def test_words_that_only_look_like_names_are_kept(text: str) -> None:
    assert redact(text).spans == []


def test_a_family_name_glued_to_a_nickname_is_the_next_words() -> None:
    assert kinds_found("หน้าพี่เนยดีมากกก") == [(NAME, "เนย")]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("John Smith ขับรถชนแล้วหนี", "John Smith"),
        ("Mr. Somchai แจ้งว่าไฟดับ", "Somchai"),
        ("Mr.Somchai Jaidee แจ้งว่าไฟดับ", "Somchai Jaidee"),
        ("ผู้แจ้ง Somchai Jaidee ครับ", "Somchai Jaidee"),
        ("คุณ David โทรมาแจ้ง", "David"),
        ("คุณParinya ไม่ได้รับบริการ", "Parinya"),
        ("นาย John Smith จอดรถขวาง", "John Smith"),
    ],
)
def test_a_name_in_latin_script_is_masked(text: str, name: str) -> None:
    assert kinds_found(text) == [(NAME, name)]


@pytest.mark.parametrize(
    "text",
    [
        "ไฟ dark มาก มองไม่เห็นทาง",
        "หน้า Central World รถติดมาก",
        "BTS อ่อนนุช บันไดเลื่อนเสีย",
        "หน้า Big C สะพานควาย น้ำท่วม",
        "ถนน Sukhumvit Road น้ำท่วมขัง",
        "แยก Rama 4 ไฟจราจรเสีย",
        "ขอบคุณ Traffy Fondue ที่ช่วยประสาน",
        "หน้าคอนโด The Pillar น้ำท่วม",
        "แจ้งผ่าน Traffy Fondue แล้ว",
        "ตั้งชื่อ Super Stay ให้สินค้า",
    ],
)
def test_latin_words_that_are_not_names_are_kept(text: str) -> None:
    assert redact(text).spans == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("โอนเข้าบัญชี นางสาวมาลี ทองดี แล้ว", [(NAME, "มาลี ทองดี")]),
        ("ชื่อบัญชี สมหญิง ใจงาม", [(NAME, "สมหญิง ใจงาม")]),
        ("ชื่อบัญชี: นายสมชาย ใจดี", [(NAME, "สมชาย ใจดี")]),
        ("บัญชีชื่อ มาลี ทองดี ธนาคารกสิกร", [(NAME, "มาลี ทองดี")]),
        ("โอนเข้าบัญชี มาลี ทองดี ไปแล้ว", [(NAME, "มาลี ทองดี")]),
        (
            "โอนเข้าบัญชีกสิกร 123-4-56789-0 สมหญิง ใจงาม",
            [(BANK, "123-4-56789-0"), (NAME, "สมหญิง ใจงาม")],
        ),
        ("ผู้รับโอน สมหญิง ใจงาม", [(NAME, "สมหญิง ใจงาม")]),
    ],
)
def test_the_name_of_an_account_holder_is_masked(
    text: str, expected: list[tuple[PersonalDataKind, str]]
) -> None:
    assert kinds_found(text) == expected


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("โทร 081–234–5678", "081–234–5678"),
        ("โทร 081—234—5678 นะคะ", "081—234—5678"),
        ("โทร ０８１－２３４－５６７８", "０８１－２３４－５６７８"),
        ("โทร ０８１２３４５６７８", "０８１２３４５６７８"),
        ("โทร 081 - 234 - 5678", "081 - 234 - 5678"),
        ("โทร 081  234  5678", "081  234  5678"),
        ("เบอร์ 02−123−4567", "02−123−4567"),
        ("โทร 081\u00a0234\u00a05678", "081\u00a0234\u00a05678"),
    ],
)
def test_a_phone_number_with_unusual_dashes_digits_or_spaces_is_masked(
    text: str, number: str
) -> None:
    assert kinds_found(text) == [(PHONE, number)]


@pytest.mark.parametrize(
    ("text", "plate"),
    [
        ("รถทะเบียน กค 1234 จอดขวาง", "กค 1234"),
        ("ทะเบียนรถ มค 5566 กรุงเทพมหานคร", "มค 5566 กรุงเทพมหานคร"),
        ("รถกระบะ พย 9999 จอดขวางทางเข้า", "พย 9999"),
        ("ทะเบียน ธค-1234 ชนแล้วหนี", "ธค-1234"),
        ("รถเก๋ง กค 1234 เชียงใหม่ จอดซ้อนคัน", "กค 1234 เชียงใหม่"),
        ("รถตู้ 1กค 1234 ขับเร็ว", "1กค 1234"),
        ("รถกระบะ กข 1234 จอดขวางทางเข้า", "กข 1234"),
        # Right after ทะเบียน or a vehicle, a number like a day or a year is still the plate's.
        ("รถเก๋งสีขาว ทะเบียน สค 99 จอดขวาง", "สค 99"),
        ("เก๋ง พค 12 จอดขวาง", "พค 12"),
        ("รถทะเบียน กพ 2567 จอดขวาง", "กพ 2567"),
        ("ทะเบียนรถ ธค 67 กรุงเทพ ขับเร็ว", "ธค 67 กรุงเทพ"),
        # A digit-first plate after a word that is also two letters and a number ("รถ 1").
        ("รถ 1กค 234 ชนแล้วหนี", "1กค 234"),
        # Before what a vehicle does, with no word before; with a dot after ทะเบียน or a vehicle.
        ("กค 1234 จอดขวางหน้าบ้านทุกวัน", "กค 1234"),
        ("รถ กย.1234 ชนเสาไฟ", "กย.1234"),
        ("ทะเบียน กค.1234", "กค.1234"),
        ("รถทะเบียน 1 กค 1234 กทม", "1 กค 1234 กทม"),
    ],
)
def test_a_plate_whose_letters_look_like_a_month_is_masked(text: str, plate: str) -> None:
    assert kinds_found(text) == [(PLATE, plate)]


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("พาสปอร์ต AA1234567 หาย", "AA1234567"),
        ("หนังสือเดินทาง เลขที่ AB1234567", "AB1234567"),
        ("passport no. AA1234567", "AA1234567"),
        ("Passport: X12345678", "X12345678"),
        # Spaced or hyphenated, after เบอร์ or "number is", the German letter-and-digit shape.
        ("passport AB 1234567", "AB 1234567"),
        ("หนังสือเดินทางเลขที่ AA 1234567 หาย", "AA 1234567"),
        ("พาสปอร์ต: AA-1234567", "AA-1234567"),
        ("พาสปอร์ตเบอร์ AC7654321", "AC7654321"),
        ("passport number is AA1234567", "AA1234567"),
        ("Passport No. C01X00T47", "C01X00T47"),
    ],
)
def test_a_passport_number_is_masked(text: str, number: str) -> None:
    assert kinds_found(text) == [(PASSPORT, number)]
    assert redact(text).text.count("[เลขหนังสือเดินทาง]") == 1


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("ติดต่อ somchai at gmail dot com", "somchai at gmail dot com"),
        ("ติดต่อ somchai แอท gmail ดอท com นะคะ", "somchai แอท gmail ดอท com"),
        ("อีเมล somchai@gmail dot com", "somchai@gmail dot com"),
        ("อีเมล somchai(at)gmail(dot)com", "somchai(at)gmail(dot)com"),
        ("อีเมล suda [at] bma [dot] go [dot] th", "suda [at] bma [dot] go [dot] th"),
        ("somchai @ gmail . com", "somchai @ gmail . com"),
        # The domain or its ending spelt in Thai letters.
        ("ส่งมาที่ noi_99 แอท gmail ดอท คอม นะคะ", "noi_99 แอท gmail ดอท คอม"),
        ("อีเมล์ kanya แอท จีเมล ดอท คอม", "kanya แอท จีเมล ดอท คอม"),
        ("อีเมล kanya at hotmail dot co dot th", "kanya at hotmail dot co dot th"),
        ("อีเมล suda.p แอท ฮอทเมล ดอท คอม ค่ะ", "suda.p แอท ฮอทเมล ดอท คอม"),
    ],
)
def test_an_email_address_spelt_out_is_masked(text: str, address: str) -> None:
    assert kinds_found(text) == [(EMAIL, address)]


@pytest.mark.parametrize(
    "text",
    [
        "5 ก.ค. 2567 น้ำท่วม",
        "12 ธ.ค. 66 ไฟดับ",
        "1 มค 68 ไฟดับทั้งซอย",
        "ตั้งแต่ 1 กค 2567 ถึง 30 กย 2567",
        "ทะเบียนบ้านหาย ตั้งแต่ 12 ตค 67",
        "เดือน พย 2566 น้ำท่วม",
        "เวลา 08.00 – 16.30 น. เสียงดัง",
        "ระยะ 100 – 200 เมตร",
        "อยู่ที่ gmail ไม่ได้ใช้แล้ว",
        "ไปดูที่ตลาด at home ก็ได้",
        # Letters and numbers that are no plate: a budget, a road code, a bus line, a month.
        "โครงการถนนคอนกรีตหมู่ 6 งบ 2 ล้าน เทหนาไม่ถึง 10 ซม.",
        "ถนนสาย ลพ.3018 รถวิ่งเร็วมาก",
        "ปอ.511 จอดไม่ตรงป้าย",
        "ตค 2567 จอดรถไม่ได้เลย",
        "สามารถ 2 คันจอดได้",
        "เดือน กค 67 รถติดมาก",
        "เราจะไปเที่ยวกัน at คอม",
        "ดอท คอม ล่มอีกแล้ว",
    ],
)
def test_dates_and_ranges_are_kept(text: str) -> None:
    assert redact(text).spans == []


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
    for gone in (
        "สุดา",
        "3-1005-00123-45-8",
        "089-123-4567",
        "suda.s@",
        "suda99",
        "1กข 1234",
        "99/1",
    ):
        assert gone not in masked
    for kept in ("[บ้านเลขที่] ซอย 15", "ถนนสุขุมวิท", "14.30 น.", "12/10/2567"):
        assert kept in masked


@pytest.mark.parametrize(
    "text",
    [
        # Soi and road numbers.
        "ซอย 15 ไฟฟ้าดับทั้งซอย",
        "ซ.สุขุมวิท 71 น้ำท่วมขัง",
        "ซอยลาดพร้าว 101 แยก 23",
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
        "2,อีเมล a.b@example.com วันที่ 12/10/2567\n"
        "3,บ้านเลขที่ 45/2 หมู่ 4 น้ำท่วม\n",
        encoding="utf-8",
    )
    (tmp_path / "other.csv").write_text("label\nx\n", encoding="utf-8")  # no text column
    report = evaluate_personal_data(tmp_path)
    assert report["cases"] >= 50
    assert report["cases_masked"] == 1.0
    assert report["cases_kept"] == 1.0
    assert report["case_failures"] == []
    assert report["texts"] == 3
    assert report["spans_found"] == {"phone": 1, "email": 1, "house_number": 1}
    assert report["leftover_phone"] == report["leftover_email"] == 0
    assert report["leftover_house_number"] == 0
    assert report["kept_soi_seen"] == report["kept_time_seen"] == report["kept_amount_seen"] == 1
    assert report["kept_date_seen"] == 1
    assert report["touched_soi"] == report["touched_time"] == report["touched_amount"] == 0
