"""Words that show harm to a person now, told by someone who hears it or reads it rather than
sees it (from blind batch t38's train rows): a farewell before self-harm (a relative's last
message and then the phone off, a rope tied to a beam, a wrist bleeding in a photo), a child or
workers locked in without food, a carer pressing a pillow on a face, screams and then silence;
in Thai and in the languages of the visitors and migrant workers who wrote them.
`nlp.hazard_cues` adds them to its own; `nlp.urgency` checks them the same way.

Harm to oneself is `injured` (a danger to life with no hazard of its own, as the corpus labels
it); harm done by others is `violence`.
"""

from __future__ import annotations

from nlp.analysis import Hazard

# What a phone does after a farewell: switched off, the call ended, no answer since; or what
# went with the one who left (the insecticide, the pills, the rope).
_SILENT_SINCE = (
    r"(?:ปิด(?:เครื่อง|โทรศัพท์|มือถือ)|วางสาย|(?:ไม่|บ่)(?:ตอบ|รับ(?:สาย)?)|โทร(?:ไม่|บ่)ติด|"
    r"ติดต่อ(?:ไม่|บ่)ได้|(?:ยา\S{0,10}|เชือก|ถ่าน)\S{0,16}(?:หายไป|ไปด้วย))"
)
# A farewell: a goodbye, a will written, things given away, a note saying sorry, "not a burden".
_FAREWELL = (
    r"(?:ลาก่อน|สั่งเสีย|ฝากดูแล\S{0,12}|ขอบคุณที่เป็น\S{0,12}|(?:เขียน)?พินัยกรรม|"
    r"(?:แจก|ยก)ของ\S{0,16}หมด|(?:โน้ต|จดหมาย)[^\n]{0,30}?(?:ขอโทษ|ลาก่อน)|ไม่อยากเป็นภาระ)"
)
# Up on a height, and saying why: "ขึ้นไปยืนบนหลังคาตึกเรียนแล้ว บอกเบื่อโลก".
_HEIGHT = r"(?:หลังคา|ดาดฟ้า|ระเบียง|ราวสะพาน|ราวกันตก|สะพาน)"
_WANTS_TO_DIE = r"(?:เบื่อโลก|อยากตาย|ไม่อยาก(?:อยู่|มีชีวิต)|จะ(?:กระโดด|โดด)|ลงทางลัด)"

# People locked in (not a door locked: "ล็อกประตูห้องน้ำ" is a nuisance; not water standing,
# "น้ำขัง").
_LOCKED_IN = (
    r"(?:(?:โดน|ถูก)\s?(?:กัก)?(?:ขัง|ล็อก|ล็อค)|(?<!น้ำ)(?<!ท่วม)(?:กัก)?ขัง|(?:ล็อก|ล็อค)(?!ประตู|รถ|ล้อ)\S{0,12}ไว้|"
    r"โซ่คล้อง|คล้องโซ่|(?:ล็อก|ล็อค|ใส่กลอน)(?:จาก)?\s?(?:ข้าง)?นอก|ใส่กุญแจ)"
)
_STARVING = (
    r"(?:หิว(?:ข้าว|น้ำ)?|(?:ไม่|บ่)(?:ได้|ให้)กิน|อดข้าว|อดอาหาร|ไม่มี(?:ข้าว|อาหาร|น้ำ)|"
    r"กินแต่น้ำ|ขาดน้ำ)"
)
# A child crying on and on with nobody there.
_CRYING_ALONE = (
    r"(?:เด็ก|ทารก|ลูก|ละอ่อน|น้อง)\S{0,8}(?:ร้อง|ไห้)\S{0,12}(?:ไม่หยุด|ทั้งคืน|ตั้งแต่)[^\n]{0,90}?"
    r"(?:ไม่มี(?:ใคร|ผู้ใหญ่)|ไม่เห็นผู้ใหญ่|ไม่อยู่|ล็อก|ล็อค|กลอน)"
)
# People chained (not a dog: "ล่ามหมา"): someone named before it, or after it.
_CHAINED = (
    r"(?:คน|ผู้ชาย|ผู้หญิง|เด็ก|ผู้พิการ\S{0,8}|ผู้ป่วย\S{0,8}|น้อง\S{0,8}|พี่\S{0,6}|ลูก|หลาน|ยาย|ตา|"
    r"พ่อ|แม่|ลุง|ป้า)\S{0,20}(?:ถูก|โดน)?\S{0,12}ล่าม(?:โซ่)?|"
    r"ล่าม(?:โซ่)?(?:(?:น้อง|ลูก|หลาน|พี่)(?:ชาย|สาว)?|คน|เด็ก)"
)

CUES_BEHIND_DOORS: dict[Hazard, tuple[str, ...]] = {
    Hazard.INJURED: (
        # a farewell, then silence ("ฝากดูแลแม่ด้วย แล้วปิดเครื่องเลย", "ลาก่อน แล้ววางสายไป")
        rf"{_FAREWELL}[^\n]{{0,120}}?{_SILENT_SINCE}",
        rf"{_HEIGHT}[^\n]{{0,40}}?{_WANTS_TO_DIE}|จะ(?:กระโดด|โดด)\S{{0,10}}[^\n]{{0,30}}?อยู่\S{{0,4}}{_HEIGHT}",
        r"ปีน(?:ข้าม|ออก)(?:นอก)?\s?ราว|(?:นอน|ยืน|นั่ง)\S{0,6}(?:ขวาง)?\s?(?:บน)?รางรถไฟ",
        r"จะ(?:จุดไฟ)?เผาตัวเอง|ตายให้(?:หมด|เหม็ด|มัน)?\s?เรื่อง|เอาเชือก\S{0,4}(?:ปีน)?(?:ขึ้น)?(?:ไป)?",
        r"(?:โทร|ไลน์|พิมพ์|ส่งข้อความ)\S{0,4}มาสั่งเสีย",
        # not wanting to live, not to live here ("ไม่อยากอยู่แล้วบ้านนี้" is moving house)
        r"(?:ไม่|บ่|ม่)อยาก(?:อยู่|มีชีวิต)(?:แล้ว|ต่อ)(?!\s?(?:บ้าน|ที่|ห้อง|หอ|ตรงนี้|แถวนี้|ใน|กับ))",
        r"(?:บอก(?:ว่า)?|ขู่(?:ว่า)?)\s?จะ(?:กระโดด|โดด)(?!เรียน|งาน|ร่ม)",
        # a wrist cut, a rope tied to a beam
        r"(?:ข้อมือ|แขน)\S{0,6}(?:มี)?เลือด|กรีด(?:ข้อมือ|แขน)",
        r"เชือก\S{0,20}(?:ผูก|คล้อง|แขวน)\S{0,6}(?:คาน|ขื่อ|ต้นไม้|ราว|ขัว)",
        r"\b(?:goodbye|farewell)\b[^\n]{0,60}?\b(?:phone (?:is )?off|not answering|hung up)\b",
        r"ပိုးသတ်ဆေး\S{0,4}\s?(?:\S{0,8}\s?)?သောက်|မနေချင်တော့|ကြိုးဆွဲ\S{0,6}သေ",
        r"喝了\S{0,4}(?:农药|药)|不想活了|(?:要|想)(?:从\S{0,6})?跳(?:下去|楼|河)|站在栏杆外",
        r"薬を(?:たくさん|大量に)飲ん|飛び降り|ផឹកថ្នាំពុល|ចង់ស្លាប់",
    ),
    Hazard.VIOLENCE: (
        # locked in and starving ("ขังลูกไว้ในห้องน้ำ … บอกหิวข้าว", "ล็อคไว้ในโรงงาน … ไม่ได้กินข้าว")
        rf"{_LOCKED_IN}[^\n]{{0,80}}?{_STARVING}",
        rf"{_STARVING}[^\n]{{0,80}}?{_LOCKED_IN}",
        _CRYING_ALONE,
        _CHAINED,
        r"มัด(?:ไว้|มือ|ติด|ขา)\S{0,10}(?:กับ)?\s?(?:เสา|ต้นไม้|เก้าอี้|เตียง)",
        r"ចាក់សោ\S{0,30}មិនឲ្យ(?:ចេញ|ញ៉ាំ)",
        # a pillow pressed on a face; screams, then silence
        r"หมอน\S{0,4}(?:กด|อุด|ปิด)\s?(?:หน้า|ปาก|จมูก)",
        r"(?:กรีดร้อง|กรี๊ด|ร้องไห้|ร้อง)\S{0,8}แล้ว(?:ก็)?\s?เงียบ(?:ไป|หาย)",
        r"(?:在|正在)打(?:人|女人|老婆|孩子|小孩|老人)|尖叫\S{0,6}(?:喊疼|救命)",
        r"កំពុង\S{0,4}វាយ",
    ),
}
