"""A person thanked by nickname after คุณ (since round 14): "ได้รับแล้วครับ ขอบคุณครับคุณแอน",
"ขอบคุณคุณบีมมากค่ะที่ช่วยประสานงาน".

After คุณ (also "you") only a given name from pythainlp's lists counts elsewhere (`titled_names`),
since a nickname is also an everyday word ("คุณน้ำ", "คุณฟ้า"). After thanks the คุณ addresses
the one thanked, so a nickname from the team's list is their name there too, where the thanks
end with it: a polite particle, มาก, ที่ (what for), a mark or the end of the text follows.
Forms of address and posts stay ("ขอบคุณคุณหมอ", "ขอบคุณคุณแม่": no listed nickname).
"""

from __future__ import annotations

import re

from nlp.personal_data.cut import _Span
from nlp.personal_data.name_lists import _name_lists

# Looked for only in texts that thank and hold คุณ again after the thanks.
_THANKS = "ขอบคุณ"
_THANKED = re.compile(
    r"ขอบคุณ(?:มาก)?(?:นะ)?(?:ครับ|ค่ะ|คะ|คับ|จ้า|จ้ะ)?[ ,]*คุณ ?(?P<name>[ก-๙]{2,10}?)"
    r"(?=(?:นะ)?(?:ครับ|ค่ะ|คะ|คับ|จ้า|จ้ะ|มาก|ที่)|[^ก-๙]|$)",
)


def thanked_names(text: str) -> list[_Span]:
    """Listed nicknames after thanks and คุณ."""
    at = text.find(_THANKS)
    if at < 0 or text.find("คุณ", at + len(_THANKS)) < 0:
        return []
    nicknames = _name_lists().nicknames
    return [m.span("name") for m in _THANKED.finditer(text, at) if m.group("name") in nicknames]
