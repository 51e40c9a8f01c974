"""Names in Lao script, as workers from Laos write to a Thai service in their own letters: after
ຊື່ ("name", Thai ชื่อ), the titles ທ້າວ (Mr.) and ນາງ (Mrs., Miss) and the kinship words ອ້າຍ,
ເອື້ອຍ, ລຸງ, ປ້າ, ນ້າ, ນ້ອງ: "ຂ້ອຍຊື່ ບຸນມີ", "ທ້າວສົມພອນ ພົມມະຈັນ" (since round 9).

Lao is written without spaces between words, so a name is the run of Lao letters up to a space
or a mark, of two to ten letters (a longer run is the sentence going on, and stays); a surname
after one space counts after a title. Not ນາຍ, which is also the boss of ນາຍຈ້າງ (employer), nor
ຊື່ inside ຊື່ສັດ (honest)."""

from __future__ import annotations

import re

_LAO = "\u0e81-\u0ede"  # Lao letters, vowels and tone marks (not its digits)
_RUN = rf"[{_LAO}]{{2,10}}(?![{_LAO}])"
_NAMED = re.compile(rf"ຊື່(?!ສັດ)\s?(?P<name>{_RUN})")
_TITLED = re.compile(rf"(?:ທ້າວ|ນາງ)(?P<name>{_RUN})(?: (?P<family>{_RUN}))?")
_KIN = re.compile(rf"(?<![{_LAO}])(?:ອ້າຍ|ເອື້ອຍ|ລຸງ|ປ້າ|ນ້າ|ນ້ອງ)(?P<name>{_RUN})")


def lao_names(text: str) -> list[tuple[int, int]]:
    """Lao-script names after ຊື່, a title or a kinship word."""
    if not re.search(f"[{_LAO}]", text):
        return []
    found = [m.span("name") for m in _NAMED.finditer(text)]
    found += [m.span("name") for m in _KIN.finditer(text)]
    for m in _TITLED.finditer(text):
        end = m.end("family") if m.group("family") else m.end("name")
        found.append((m.start("name"), end))
    return found
