"""Lao written in Thai letters, so that the danger rules and the hazard head can read it.

Lao and Thai are close (Isan, spoken by a third of Thailand, is Lao), and Lao workers in
Thailand write to a Thai service in their own script: "ນ້ອງຊາຍຕົກນ້ຳ" is "น้องชายตกน้ำ", "ນ້ຳ
ເຂົ້າເຮືອນແລ້ວ" is Isan "น้ำเข้าเฮือนแล้ว". Unicode laid the Lao block out in parallel with the
Thai one (ກ U+0E81 beside ก U+0E01), so most letters map one to one; what differs is handled
here: the Lao vowel mai kon (ົ), which Thai leaves unwritten ("ຕົກ" ตก) or writes ั before ว
("ຫົວ" หัว); the vowel ໍ, Thai อ after the tone mark ("ທໍ່" ท่อ, "ຂໍ" ขอ), and "ບໍ່", which Isan
writes บ่; ຢ, Thai อย ("ຢູ່" อยู่); the vowels written otherwise (◌ຽ เ◌ีย, เ◌ັ เ◌็, an open ◌ື ◌ือ);
the ligatures ໜ and ໝ (หน, หม) and the subscript ລ (ຫຼ หล). No library here does this
(pythainlp romanises Lao but does not write it in Thai letters). The reading is for the rules
and the head only: the citizen is still answered as a writer of Lao.
"""

from __future__ import annotations

import re

_LAO = re.compile(r"[\u0e80-\u0eff]")
# Letters whose Thai counterpart is not at the parallel code point, or that need a reading:
# ຍ is the Thai ย of most words (ຍັງ ยัง), ຽ a final ย, ຼ a subscript ล.
_SPECIAL = {"ຍ": "ย", "ຢ": "อย", "ຼ": "ล", "ໜ": "หน", "ໝ": "หม", "ໆ": "ๆ"}
_PARALLEL = {
    chr(code): chr(code - 0x80)
    for code in (
        *range(0x0E81, 0x0EAF),  # consonants
        0x0EB0,
        0x0EB1,
        0x0EB2,
        0x0EB3,
        *range(0x0EB4, 0x0EBA),  # vowels above and below
        *range(0x0EC0, 0x0EC5),  # vowels written before the consonant
        *range(0x0EC8, 0x0ECD),  # tone marks and the cancellation mark
    )
    if chr(code).isprintable()
}
_TABLE = str.maketrans(
    {
        **_PARALLEL,
        **_SPECIAL,
        **{chr(0x0ED0 + digit): str(digit) for digit in range(10)},
    }
)
_NOT = re.compile("ບໍ່")  # "not": Isan บ่
_O_TONE = re.compile("ໍ([\u0ec8-\u0ecb])")  # the vowel ໍ before a tone mark: the tone, then อ
_KON_WA = re.compile("ົວ")  # the vowel ua: ั before ว
_CONSONANT = "[\u0e81-\u0eae\u0edc\u0edd]"
_IA = re.compile(f"({_CONSONANT}ຼ?)ຽ")  # ◌ຽ: Thai เ◌ีย ("ສຽງ" เสียง)
_E_SHORT = re.compile(f"ເ({_CONSONANT}ຼ?)ັ")  # เ◌ັ: Thai เ◌็ ("ເຈັບ" เจ็บ)
_UE_OPEN = re.compile(f"ື([\u0ec8-\u0ecb]?+)(?!{_CONSONANT})")  # an open ື: Thai ◌ือ ("ຖື" ถือ)


def has_lao(text: str) -> bool:
    return _LAO.search(text) is not None


def in_thai_letters(text: str) -> str:
    """The text with every Lao letter written as the Thai letter that reads alike."""
    if not has_lao(text):
        return text
    text = _NOT.sub("บ่", text)
    text = _IA.sub(lambda match: "ເ" + match.group(1) + "ີຍ", text)
    text = _E_SHORT.sub(lambda match: "ເ" + match.group(1) + "็", text)
    text = _UE_OPEN.sub(lambda match: "ື" + match.group(1) + "อ", text)
    text = _O_TONE.sub(lambda match: match.group(1) + "อ", text)
    text = _KON_WA.sub("ັວ", text).replace("ົ", "").replace("ໍ", "อ")
    return text.translate(_TABLE)
