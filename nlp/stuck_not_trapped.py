"""Being stuck that is not being trapped: in traffic, or bedridden (ติดเตียง). The urgency rules
and the learnt hazard head read ติด ("stuck") as someone trapped; these say when it is not."""

from __future__ import annotations

import re

# Stuck in traffic ("รถติดมาก ติดอยู่บนทางด่วนชั่วโมงนึงแล้ว", "ติดอยู่บนแท็กซี่"): nobody is trapped
# unless water, fire, smoke or a wreck is there too ("รถติดอยู่กลางน้ำ").
_IN_TRAFFIC = re.compile(
    r"รถติด|การจราจร|ติด\s?อยู่\s?(?:บน|ใน)\s?(?:ทางด่วน|ถนน|สะพาน|รถเมล์|แท็กซี่|แทกซี่|แท็กซี|วินมอไซค์|บีทีเอส|bts|mrt|รถตู้)|"
    r"\b(?:traffic|jam)\b"
)
_REALLY_TRAPPED = re.compile(r"น้ำ|ไฟไหม้|ไฟลุก|ควัน|ซาก|ทับ|ลิฟ|ชน|คว่ำ|\b(?:water|fire|smoke|crash)\b")
# Someone who cannot get out or be moved: "ยกไม่ไหว", "ออกเองไม่ได้", "ยังไม่ได้ย้าย", "ไม่มีรถมารับ".
_CANNOT_GET_OUT = re.compile(
    r"ออก(?:มา)?(?:เอง)?(?:ไม่|บ่)(?:ได้|ทัน)|ยัง(?:ไม่|บ่)(?:ได้)?(?:ออก|ย้าย)|(?:ยก|ย้าย|ขน|พา)\S{0,12}(?:ไม่|บ่)(?:ได้|ไหว)|"
    r"ติด(?:อยู่|ค้าง)|ขัง|หนี(?:ไม่|บ่)|ไม่มี(?:รถ|เรือ|ใคร)\S{0,4}(?:มา)?รับ"
)


def stuck_in_traffic(lowered: str) -> bool:
    """Stuck in traffic, with no water, fire, smoke or wreck around."""
    return _IN_TRAFFIC.search(lowered) is not None and _REALLY_TRAPPED.search(lowered) is None


def bedridden(lowered: str) -> bool:
    """ "คนป่วยติดเตียงในซอยนอนไม่ได้": someone bedridden, and nothing says anyone cannot get out
    or be moved (the learnt head reads ติดเตียง in floods and fires as being trapped)."""
    return "ติดเตียง" in lowered and _CANNOT_GET_OUT.search(lowered) is None
