"""The classes the tenth round closed: names after the forms of address of Isan, the south, the
Chinese-Thai and the hill villages, whom to contact before a phone number, English names at a
place and a plate at a sentence's end, หน่อย as a nickname, a name before a polite particle, a
list of neighbours after kinship words, and their look-alikes that must stay. All example messages
are team-written for these tests."""

from __future__ import annotations

import pytest

from nlp.personal_data import redact


@pytest.mark.parametrize(
    ("text", "secrets"),
    [
        # a form of address of the regions, then who the person is or what they did
        ("พ่อใหญ่คำแพง ล้มในนาเมื่อเช้า ขอรถพยาบาลด้วย", ["คำแพง"]),
        ("ขอบคุณบังหมัด อาสาชุมชนที่ช่วยขนกระสอบทราย", ["หมัด"]),
        ("อาแบ สะมะแอ 65 ปี ยังไม่กลับบ้าน", ["สะมะแอ"]),
        ("ไอ้บ่าวตั้ม ลูกโกเส็ง ขี่มอเตอร์ไซค์เสียงดังทุกคืน", ["ตั้ม"]),
        ("บักหำแดงลูกบ้านข้างๆ ตกบ่อปลา", ["หำแดง"]),
        ("ประทัดดังจนอากงเซ้งที่เป็นโรคหัวใจนอนไม่ได้", ["เซ้ง"]),
        ("หลานแม่ใหญ่บัวขับรถชนเสาไฟ", ["บัว"]),
        ("ขอบคุณนายอำนาจ ใจกล้า (โกเล้ง) ที่ซ่อมสะพานให้", ["เล้ง"]),
        # a hill village's head and his clan name
        ("พ่อหลวงจะหลอ จะฟะ บ้านห้วยน้ำริน แจ้งว่าดินสไลด์", ["จะหลอ", "จะฟะ"]),
        # whom to contact, right before the number
        ("ไฟดับทั้งซอย ติดต่อสมศักดิ์ 089-111-2233", ["สมศักดิ์"]),
        ("ท่อแตกค่ะ ติดต่อกลับคุณเอิร์น 081-555-0192", ["เอิร์น"]),
        # English: a first name at a place, a plate after the word plate at a sentence's end
        ("Joy at the pharmacy said the drain has been blocked for days", ["Joy"]),
        ("Please ask for Lek at the front desk about the broken lift", ["Lek"]),
        ("A van blocks our gate every night, plate กท 7788.", ["กท 7788"]),
        # หน่อย as a nickname, and a name told before a polite particle
        ("หมอหน่อยที่ รพ.สต. ใจดีมาก ขอชมค่ะ", ["หน่อย"]),
        ("คนขายหมูปิ้งชื่อป้าหน่อยจอดรถเข็นขวางทางเข้า", ["หน่อย"]),
        ("ยามหน้าหมู่บ้านชื่อหน่อย ปล่อยคนแปลกหน้าเข้ามา", ["หน่อย"]),
        ("ฝากโทรกลับด้วยค่ะ ชื่อพรทิพย์ค่ะ ถนนหน้าบ้านน้ำขัง", ["พรทิพย์"]),
        # neighbours listed after kinship words, parted by commas
        ("ยายหนู, ลุงทองใบ, ป้าจวง ยังไม่ได้ถุงยังชีพ", ["หนู", "ทองใบ", "จวง"]),
        # a listed name the tokeniser cut across, before what the person did
        ("ผู้ใหญ่สมานทวงค่าไฟจากทุกบ้าน", ["สมาน"]),
    ],
)
def test_round_ten_names_are_masked(text: str, secrets: list[str]) -> None:
    masked = redact(text).text
    for secret in secrets:
        assert secret not in masked, masked


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # the same words where no one is named
        ("ต้นไม้บังป้ายจราจรตรงทางโค้ง", ["บังป้าย"]),
        ("แม่ใหญ่นอนป่วยอยู่บ้านคนเดียว", ["นอนป่วย"]),
        ("ลูกพ่อใหญ่ไปทำงานกรุงเทพหมด", ["ไปทำงาน"]),
        ("มะกี้ได้ยินเสียงระเบิดแถวตลาด", ["กี้ได้ยิน"]),
        ("มะม่วงหล่นใส่หลังคารถ", ["มะม่วง"]),
        ("พ่อหลวงจะมา พรุ่งนี้ เรื่องไฟป่า", ["จะมา"]),
        ("อาม่าอายุ 80 ปี อยู่คนเดียว", ["อาม่าอายุ"]),
        ("พ่อใหญ่แก่ๆ ล้มในห้องน้ำ", ["แก่ๆ"]),
        # a teacher or an office to contact, and English words at a place
        ("ติดต่อคุณครูประจำชั้น 081-555-0192", ["ครูประจำชั้น"]),
        ("ติดต่อสำนักงานเขต 02-123-4567", ["สำนักงานเขต"]),
        ("Someone at the market said the bridge is cracked", ["Someone"]),
        ("Water at the junction is knee deep", ["Water"]),
        ("Road km 12.5 is flooded", ["12.5"]),
        # หน่อย the particle, and ชื่อ before a particle with no name
        ("ช่วยพี่หน่อยที่ รพ. คนเยอะมาก", ["พี่หน่อย"]),
        ("ช่วยดูหน่อยครับ ไฟดับทั้งซอย", ["ดูหน่อย"]),
        ("เจ้าหน้าที่ขอชื่อหน่อย ส่งมาทางไลน์", ["ชื่อหน่อย"]),
        ("ชื่อจริงค่ะ ไม่ใช่ชื่อเล่น", ["ชื่อจริงค่ะ"]),
        ("แมวชื่อส้มโอค่ะ หายไปสามวัน", ["ส้มโอ"]),
        ("ลุงแก่, ป้าข้างบ้าน ช่วยกันดับไฟ", ["ลุงแก่", "ป้าข้างบ้าน"]),
        ("ธนาคารปิดเร็ว คนรอเยอะ", ["ธนาคาร"]),
    ],
)
def test_round_ten_look_alikes_stay(text: str, kept: list[str]) -> None:
    masked = redact(text).text
    for word in kept:
        assert word in masked, masked


def test_pronouns_in_a_list_of_neighbours_are_not_names() -> None:
    # "ลุงมัน, ป้ามัน": that uncle, that aunt; nobody is named
    text = "ลุงมัน, ป้ามัน ชอบเอารถมาจอดขวางประตู"
    assert redact(text).text == text
