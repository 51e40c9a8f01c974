"""E-mail addresses, also spelt out ("somchai at gmail dot com", "แอท จีเมล ดอท คอม"); not an
agency's own address (saraban@moi.go.th), which the citizen quotes as where they wrote to."""

from __future__ import annotations

import re

from nlp.analysis import PersonalDataKind, PersonalDataSpan

_EMAIL = re.compile(
    r"(?<![A-Za-z0-9._%+\-])[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}"
)

# Spelt out so that a bot would not read it: "somchai at gmail dot com", "somchai แอท gmail ดอท
# com", "somchai(at)gmail(dot)com", "somchai @ gmail . com". The last label must be a known
# top-level domain, so "at home" or "dot" in a sentence is not an address.
_SPELT_AT = (
    r"(?: ?@ ?| ?[(\[{] ?(?:at|แอท|แอ็ท) ?[)\]}] ?| (?:at|แอท|แอ็ท) |(?<=[A-Za-z0-9])(?:แอท|แอ็ท)"
    r"(?=[A-Za-z0-9]))"
)
_SPELT_DOT = (
    r"(?: ?\. ?| ?[(\[{] ?(?:dot|ดอท|ด็อท|จุด) ?[)\]}] ?| (?:dot|ดอท|ด็อท|จุด) |"
    r"(?<=[A-Za-z0-9])(?:ดอท|ด็อท|จุด)(?=[A-Za-z]))"
)
# The commonest mail domains and endings are also spelt in Thai letters ("แอท จีเมล ดอท คอม").
_TOP_LEVEL = (
    r"(?:(?:com|net|org|edu|gov|info|biz|me|io|co|ac|go|or|in|th|uk|jp|sg|us)(?![A-Za-z0-9])|"
    r"(?:คอม|เน็ต|เน็ท)(?![ก-๙]))"
)
_THAI_DOMAIN = r"จีเมล(?:ล์|์)?|ฮอ[ทต]เมล(?:ล์|์)?|ยาฮู|เอาท์ลุค"
# The name before "at" may be spelt out too: "anucha dot b at gmail dot com".
_SPELT_EMAIL = re.compile(
    rf"(?<![A-Za-z0-9._%+\-])[A-Za-z0-9._%+\-]+(?:{_SPELT_DOT}[A-Za-z0-9_%+\-]+)*{_SPELT_AT}(?P<domain>[A-Za-z0-9\-]+|{_THAI_DOMAIN})"
    rf"(?:{_SPELT_DOT}[A-Za-z0-9\-]+)*{_SPELT_DOT}{_TOP_LEVEL}",
    re.I,
)
_SPELT_EMAIL_TRIGGER = re.compile(r"[Dd][Oo][Tt]|ดอท|ด็อท|แอท|แอ็ท|[(\[][Aa][Tt][)\]]| [Aa][Tt] ")


def _emails(text: str) -> list[PersonalDataSpan]:
    found = [
        PersonalDataSpan(PersonalDataKind.EMAIL, m.start(), m.end())
        for m in _EMAIL.finditer(text)
        if not _an_agencys(text, m.start(), m.end())
    ]
    for m in _SPELT_EMAIL.finditer(text):
        # A website, not an address: "Tickets at www.ticketbox.co.th", "at ticketmelon.com/event".
        website = _WEBSITE.match(text, m.start("domain")) or text[m.end() : m.end() + 1] == "/"
        if not website and not _an_agencys(text, m.start(), m.end()):
            found.append(PersonalDataSpan(PersonalDataKind.EMAIL, m.start(), m.end()))
    return found


_WEBSITE = re.compile("www", re.I)

# Since round 12: an agency's mailbox at a government, military, university or registered
# organisation's domain stays ("ส่งเรื่องไปทาง saraban_npm@moi.go.th", info@…or.th,
# registrar@…ac.th): the citizen quotes where they wrote to. An official's or a student's own
# address there (somchai.k@dla.go.th) is a person's and is masked, and so is any address the
# writer gives as their own or as the one to answer to.
_PUBLIC_DOMAIN = re.compile(r"@(?:[A-Za-z0-9\-]+\.)*(?:go|mi|or|ac)\.th$", re.I)
_OFFICE_MAILBOX = re.compile(
    r"(?:^|[._\-0-9])(?:saraban|sarabun|info|contact|admin|office|registrar|service|complain"
    r"|complaint|help|helpdesk|webmaster|center|centre|callcenter|secretary|dean|support"
    r"|feedback|public)(?:$|[._\-0-9])",
    re.I,
)
_OWN_ADDRESS = re.compile(
    r"(?:ผม|ดิฉัน|ฉัน|หนู|ของเรา|ตอบกลับ|ติดต่อกลับ|แจ้งกลับ|ส่งกลับ|\bmy\b|\bme\b|\bus\b)"
    r"[^\n@]{0,25}$",
    re.I,
)


def _an_agencys(text: str, start: int, end: int) -> bool:
    """Whether the address at `start`–`end` is an agency's mailbox, not a person's."""
    address = text[start:end]
    if not address.lower().endswith(".th") or not _PUBLIC_DOMAIN.search(address):
        return False
    local = address[: address.index("@")]
    # a hotline's mailbox at a government domain (1206@opm.go.th, the Prime Minister's complaint
    # centre) is an office's; digits at a university are a student's number (6401234@kku.ac.th)
    hotline = local.isdigit() and address.lower().endswith(".go.th")
    if (
        not _OFFICE_MAILBOX.search(local)
        and not local.lower().startswith(("saraban", "sarabun"))
        and not hotline
    ):
        return False
    return _OWN_ADDRESS.search(text, max(0, start - 40), start) is None
