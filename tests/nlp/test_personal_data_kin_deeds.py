"""A nickname that is an everyday word, after a form of address, is masked for officials where
what comes right after shows a person was named (who they are, what befell them, what they did);
a form of address said of a kind of person, a trade, an animal or oneself is kept. All example
messages are team-written for these tests."""

from __future__ import annotations

import pytest

from nlp.personal_data import redact


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # who the person is: a trade told with คน, whose child, where they live, their job
        ("ป้าบัวลอยคนขายขนมหน้าโรงเรียนโดนรถชน", "บัวลอย"),
        ("น้าเสือบ้านท้ายซอยขับรถเมาชนเสาไฟ", "เสือ"),
        ("บักโจ้ลูกแม่ใหญ่บัวเฮียนขี่รถชนคน", "โจ้"),
        ("ยายสาย 80 ปี อยู่คนเดียว หลังคารั่ว", "สาย"),
        # what befell them or what they did
        ("ตาส้มเลี้ยงควายริมถนนทุกวัน", "ส้ม"),
        ("ยายจันทร์หอมหกล้มที่ตลาด", "จันทร์หอม"),
        ("ลุงก้อนหินตกต้นมะพร้าวหลังบ้าน", "ก้อนหิน"),
        ("ลุงเอียดหาปลาในคลองหายไปสองวัน", "เอียด"),
        ("ผู้ใหญ่ดำไม่รับเรื่องที่ชาวบ้านแจ้ง", "ดำ"),
        ("หนานคำไม่สบายหนัก", "คำ"),
        # a form of address cut in two, or glued to a nickname in one token
        ("ลูกพ่อใหญ่เสือขับรถไถชนรั้ว", "เสือ"),
        ("ก๊ะเยาะห์หกล้มที่ท่าเรือ", "เยาะห์"),
        # the southern บัง and โต๊ะ at the start of the message
        ("บังหมาดคนขับเรือบอกว่าร่องน้ำตื้น", "หมาด"),
        ("โต๊ะแวหายออกจากบ้านตั้งแต่เช้า", "แว"),
        # a name the tokeniser cut into pieces (บัว|เฮีย|น, คำ|แป|ง)
        ("ยายบัวเฮียนล้มในห้องน้ำ", "บัวเฮียน"),
        ("ลุงคำแปงหายตัวไปสามวัน", "คำแปง"),
        # the stall or the garage the person keeps
        ("ป้าศรีแผงผักตั้งบนทางเท้า", "ศรี"),
        # thanked, with the polite คุณ the tokeniser glues on (ขอบ|คุณหมอ|เบิร์ด)
        ("ขอบคุณหมอเบิร์ดที่ช่วยแม่ไว้", "เบิร์ด"),
        ("ครูหนิงสอนเด็กพิเศษดีมาก", "หนิง"),
    ],
)
def test_an_everyday_word_nickname_given_away_by_what_follows_is_masked(
    text: str, name: str
) -> None:
    masked = redact(text).text
    assert name not in masked and "[ชื่อ]" in masked


@pytest.mark.parametrize(
    "text",
    [
        "ลุงแก่ล้มในห้องน้ำ ลุกไม่ขึ้น",  # what the person is like
        "ลุงเมาล้มหัวฟาดพื้น",
        "ยายนอนติดเตียงมาสามปีแล้ว",  # two verbs in a row
        "แม่ล้มหมดสติในครัว",
        "ยายทวดล้มในห้องน้ำ",  # a kinship word
        "พี่ไปรษณีย์ขับรถเร็วมากในซอย",  # a trade
        "ครูพละไม่ให้เด็กเล่นบอล",  # a teacher's subject, a doctor's field
        "หมอฟันไม่อยู่เวร",
        "น้องหมาโดนรถชนหน้าหมู่บ้าน",  # an animal
        "แม่วัวโดนรถชนตาย",
        "ตาแดงโดนควันไฟเผาขยะ",  # ตา is an eye here
        "ที่บังแดดโดนลมพัดพัง",  # บัง is "to block", โต๊ะ a table
        "โต๊ะหินล้มทับขาเด็ก",
        "พี่ทำงาน 5 ปีแล้ว",
        "ป้าขายของโดนเทศกิจไล่ทุกวัน",
        "ลุงสวนยางโดนงูกัด",  # a word of the dictionary, cut in two
        "ป้าข้างห้องล้มในห้องน้ำ",
        "พ่อลืมลูก 3 ขวบไว้ในรถ",  # a verb, and whose child
        "ขอบคุณหมอที่ช่วยแม่ไว้",
        "คุณแม่ตั้งครรภ์โดนรถชน",
        "ครูฝรั่งสอนดี",  # where the teacher is from
    ],
)
def test_a_form_of_address_for_a_kind_of_person_or_a_thing_stays(text: str) -> None:
    assert redact(text).text == text
