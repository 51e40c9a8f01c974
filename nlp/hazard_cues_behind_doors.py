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

# What a phone does after a farewell: switched off, the call ended, no answer since.
_SILENT_SINCE = (
    r"(?:ปิด(?:เครื่อง|โทรศัพท์|มือถือ)|วางสาย|(?:ไม่|บ่)(?:ตอบ|รับสาย)|โทร(?:ไม่|บ่)ติด|ติดต่อ(?:ไม่|บ่)ได้)"
)

# People locked in (not a door locked: "ล็อกประตูห้องน้ำ" is a nuisance).
_LOCKED_IN = r"(?:(?:โดน|ถูก)\s?(?:กัก)?(?:ขัง|ล็อก|ล็อค)|(?:กัก)?ขัง|(?:ล็อก|ล็อค)(?!ประตู|รถ|ล้อ)\S{0,12}ไว้|โซ่คล้อง|คล้องโซ่)"
_STARVING = r"(?:หิว(?:ข้าว|น้ำ)?|(?:ไม่|บ่)(?:ได้|ให้)กิน|อดข้าว|อดอาหาร)"

CUES_BEHIND_DOORS: dict[Hazard, tuple[str, ...]] = {
    Hazard.INJURED: (
        # a farewell, then silence ("ฝากดูแลแม่ด้วย แล้วปิดเครื่องเลย", "ลาก่อน แล้ววางสายไป")
        rf"(?:ลาก่อน|สั่งเสีย|ฝากดูแล\S{{0,12}}|ขอบคุณที่เป็น\S{{0,12}})[^\n]{{0,60}}?{_SILENT_SINCE}",
        r"(?:โทร|ไลน์|พิมพ์|ส่งข้อความ)\S{0,4}มาสั่งเสีย",
        r"(?:ไม่|บ่|ม่)อยาก(?:อยู่|มีชีวิต)(?:แล้ว|ต่อ)",
        r"(?:บอก(?:ว่า)?|ขู่(?:ว่า)?)\s?จะ(?:กระโดด|โดด)(?!เรียน|งาน|ร่ม)",
        # a wrist cut, a rope tied to a beam
        r"(?:ข้อมือ|แขน)\S{0,6}(?:มี)?เลือด|กรีด(?:ข้อมือ|แขน)",
        r"เชือก\S{0,20}(?:ผูก|คล้อง|แขวน)\S{0,6}(?:คาน|ขื่อ|ต้นไม้|ราว|ขัว)",
        r"\b(?:goodbye|farewell)\b[^\n]{0,60}?\b(?:phone (?:is )?off|not answering|hung up)\b",
        r"ပိုးသတ်ဆေး\S{0,4}\s?(?:\S{0,8}\s?)?သောက်|မနေချင်တော့",
        r"喝了\S{0,4}(?:农药|药)|不想活了",
    ),
    Hazard.VIOLENCE: (
        # locked in and starving ("ขังลูกไว้ในห้องน้ำ … บอกหิวข้าว", "ล็อคไว้ในโรงงาน … ไม่ได้กินข้าว")
        rf"{_LOCKED_IN}[^\n]{{0,80}}?{_STARVING}",
        rf"{_STARVING}[^\n]{{0,80}}?{_LOCKED_IN}",
        # a pillow pressed on a face; screams, then silence
        r"หมอน\S{0,4}(?:กด|อุด|ปิด)\s?(?:หน้า|ปาก|จมูก)",
        r"(?:กรีดร้อง|กรี๊ด|ร้องไห้|ร้อง)\S{0,8}แล้ว(?:ก็)?\s?เงียบ(?:ไป|หาย)",
        r"(?:在|正在)打(?:人|女人|老婆|孩子|小孩|老人)|尖叫\S{0,6}(?:喊疼|救命)",
        r"កំពុង\S{0,4}វាយ",
    ),
}
