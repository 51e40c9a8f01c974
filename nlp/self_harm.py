"""Whether a message speaks of someone taking their own life: then the chat gives the mental
health hotline (1323) beside emergency medical care. Urgency names such a danger `injured`, as
it names any danger to life with no hazard of its own; this says which kind it is, from the
words alone, so it is asked only of a message already rated urgent."""

from __future__ import annotations

import re

_SELF_HARM = re.compile(
    r"ฆ่าตัวตาย|ผูกคอ|แขวนคอ|กินยา\S{0,10}ตาย|กินยา(?:ให้)?หมด|ทำร้ายตัวเอง|เผาตัวเอง|"
    r"กรีด(?:ข้อมือ|แขน)|(?:ไม่|บ่|ม่)อยาก(?:อยู่|มีชีวิต)(?:แล้ว|ต่อ)|อยากตาย|เบื่อโลก|"
    r"จะ(?:กระโดด|โดด)(?:ตึก|สะพาน|น้ำ|ลงมา|จาก)|ลาก่อน|สั่งเสีย|จดหมายลาตาย|ไม่อยากเป็นภาระ|"
    r"(?:กิน|ดื่ม)(?:ยาฆ่าหญ้า|ยาฆ่าแมลง|ยาเบื่อ|ยาพิษ)|เผาถ่าน|"
    r"\bsuicid\w*|\bkill (?:him|her|my|them)sel(?:f|ves)\b|\bend (?:his|her|my) life\b|"
    r"自杀|不想活|ကိုယ့်ကိုယ်ကို|မနေချင်တော့|ចង់ស្លាប់|ຂ້າໂຕຕາຍ|自殺",
    re.IGNORECASE,
)


def speaks_of_self_harm(text: str) -> bool:
    """Whether `text` names a threat or an act of taking one's own life."""
    return _SELF_HARM.search(text) is not None
