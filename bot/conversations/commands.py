"""What a tap or a typed word asks for: button data and their typed equivalents, in one place.

Button data are short ASCII strings (Telegram allows 64 bytes), e.g. ``confirm``, ``cat:3``,
``fixed:SG-7K4M-2Q``, ``rate:SG-7K4M-2Q:5``, ``poll:12:0``, ``ntopic:50::water``, ``vjoin:4``, ``sv:3:1:0``. A citizen may also type a button's label (in
either language), a few common words, a reference with a word or two around it ("ติดตาม
SG-7K4M-2Q"), or ask how Siang is used; `parse` turns all of them into the same `Command`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from bot.texts import LANGUAGES
from services.ticket_references import normalise_reference


class Action(StrEnum):
    MENU = "menu"
    CANCEL = "cancel"
    HELP = "help"
    REPORT = "report"
    OPINION = "opinion"
    FOLLOW = "follow"
    MY_DATA = "mydata"  # arg: "" (what is held, counted) | copy (all of it)
    LANGUAGE = "lang"  # arg: th | en
    CONFIRM = "confirm"
    EDIT = "edit"  # arg: "" | cat | place | kind | text
    CATEGORY = "cat"  # arg: index into nlp.categories.LABELS
    CATEGORY_PAGE = "cats"  # arg: page number
    PLACE = "place"  # arg: the chosen area's code (subdistrict, district or province)
    ASK = "ask"  # send the question just answered to the agency
    TARGET = "to"  # arg: agency | board
    KIND = "kind"  # arg: a storage FeedbackKind value
    CONSENT = "consent"  # arg: yes | no
    HISTORY = "ref"  # arg: a reference
    FIXED = "fixed"  # arg: a reference
    NOT_FIXED = "notfixed"  # arg: a reference
    RATE = "rate"  # arg: "<reference>:<1-5>"
    SKIP = "skip"
    ERASE = "erase"  # arg: "" | yes
    NOTIFY = "notify"  # arg: on | off
    POLL = "poll"  # arg: "<consultation id>:<option index>"
    POLL_TEXT = "polltext"  # arg: a consultation id (the citizen will type an answer)
    NEWS = "news"  # arg: on | off | list (hear about consultations and surveys)
    NEWS_TOPIC = "ntopic"  # arg: "<province>:<district>:<topic code | all>"
    NEWS_STOP = "nstop"  # arg: a news subscription id
    VOLUNTEER = "vol"  # volunteer programmes near the citizen
    VOLUNTEER_JOIN = "vjoin"  # arg: a programme id
    VOLUNTEER_MINE = "vmine"  # the citizen's own sign-ups
    VOLUNTEER_QUIT = "vquit"  # arg: a programme id
    SURVEY = "sv"  # arg: "<survey id>:<question index>:<option index>"
    SURVEY_SKIP = "svskip"  # arg: "<survey id>:<question index>"
    SURVEY_GO = "svgo"  # arg: "" (the unfinished one) | "<survey id>" | "<survey id>:<question>"


@dataclass(frozen=True)
class Command:
    action: Action
    arg: str = ""

    @property
    def data(self) -> str:
        """The button data that carries this command."""
        return f"{self.action.value}:{self.arg}" if self.arg else self.action.value


def data(action: Action, arg: str = "") -> str:
    return Command(action, arg).data


# Typed words (lower-cased, spaces squeezed) that mean a command anywhere in a conversation.
_WORDS: dict[str, Command] = {
    "เมนู": Command(Action.MENU),
    "menu": Command(Action.MENU),
    "/start": Command(Action.MENU),
    "/menu": Command(Action.MENU),
    "ยกเลิก": Command(Action.CANCEL),
    "cancel": Command(Action.CANCEL),
    "/cancel": Command(Action.CANCEL),
    "ช่วยเหลือ": Command(Action.HELP),
    "วิธีใช้": Command(Action.HELP),
    "help": Command(Action.HELP),
    "/help": Command(Action.HELP),
    "ติดตาม": Command(Action.FOLLOW),
    "ติดตามเรื่อง": Command(Action.FOLLOW),
    "follow": Command(Action.FOLLOW),
    "follow up": Command(Action.FOLLOW),
    "/follow": Command(Action.FOLLOW),
    "english": Command(Action.LANGUAGE, "en"),
    "ภาษาอังกฤษ": Command(Action.LANGUAGE, "en"),
    "ภาษาไทย": Command(Action.LANGUAGE, "th"),
    "thai": Command(Action.LANGUAGE, "th"),
    "ข้อมูลของฉัน": Command(Action.MY_DATA),
    "my data": Command(Action.MY_DATA),
    "/mydata": Command(Action.MY_DATA),
    "หยุดแจ้งเตือน": Command(Action.NOTIFY, "off"),
    "stop": Command(Action.NOTIFY, "off"),
    "/stop": Command(Action.NOTIFY, "off"),
    "รับข่าว": Command(Action.NEWS, "on"),
    "news": Command(Action.NEWS, "on"),
    "/news": Command(Action.NEWS, "on"),
    "หยุดรับข่าว": Command(Action.NEWS, "off"),
    "stop news": Command(Action.NEWS, "off"),
    "ข่าวที่รับ": Command(Action.NEWS, "list"),
    "ข่าวที่รับอยู่": Command(Action.NEWS, "list"),
    "my news": Command(Action.NEWS, "list"),
    "/mynews": Command(Action.NEWS, "list"),
    "อาสา": Command(Action.VOLUNTEER),
    "งานอาสา": Command(Action.VOLUNTEER),
    "อาสาสมัคร": Command(Action.VOLUNTEER),
    "volunteer": Command(Action.VOLUNTEER),
    "/volunteer": Command(Action.VOLUNTEER),
    "งานอาสาของฉัน": Command(Action.VOLUNTEER_MINE),
    "my volunteering": Command(Action.VOLUNTEER_MINE),
    "/myvolunteering": Command(Action.VOLUNTEER_MINE),
    "แบบสอบถาม": Command(Action.SURVEY_GO),
    "ทำแบบสอบถามต่อ": Command(Action.SURVEY_GO),
    "survey": Command(Action.SURVEY_GO),
    "/survey": Command(Action.SURVEY_GO),
    # Labels as they read before they were fitted to LINE's 20 characters (still typed).
    "ความคิดเห็น/ข้อเสนอแนะ": Command(Action.OPINION),
    "คณะกรรมการที่ปรึกษาฯ จังหวัด": Command(Action.TARGET, "board"),
    "รับการแจ้งเตือนอีกครั้ง": Command(Action.NOTIFY, "on"),
}

# Button labels that can be typed instead of tapped (both catalogues).
_LABELS: dict[str, Command] = {
    "menu.report": Command(Action.REPORT),
    "menu.opinion": Command(Action.OPINION),
    "menu.follow": Command(Action.FOLLOW),
    "menu.help": Command(Action.HELP),
    "menu.my_data": Command(Action.MY_DATA),
    "button.confirm": Command(Action.CONFIRM),
    "button.edit": Command(Action.EDIT),
    "button.cancel": Command(Action.CANCEL),
    "button.menu": Command(Action.MENU),
    "button.skip": Command(Action.SKIP),
    "button.send_now": Command(Action.SKIP),
    "button.edit_category": Command(Action.EDIT, "cat"),
    "button.edit_place": Command(Action.EDIT, "place"),
    "button.edit_kind": Command(Action.EDIT, "kind"),
    "button.edit_text": Command(Action.EDIT, "text"),
    "button.ask_agency": Command(Action.ASK),
    "button.other_category": Command(Action.CATEGORY_PAGE, "0"),
    "button.accept": Command(Action.CONSENT, "yes"),
    "button.decline": Command(Action.CONSENT, "no"),
    "button.to_agency": Command(Action.TARGET, "agency"),
    "button.to_board": Command(Action.TARGET, "board"),
    "button.data_copy": Command(Action.MY_DATA, "copy"),
    "button.erase": Command(Action.ERASE),
    "button.erase_confirm": Command(Action.ERASE, "yes"),
    "button.stop": Command(Action.NOTIFY, "off"),
    "button.resume": Command(Action.NOTIFY, "on"),
    "button.news_on": Command(Action.NEWS, "on"),
    "button.news_off": Command(Action.NEWS, "off"),
    "button.news_list": Command(Action.NEWS, "list"),
    "menu.volunteer": Command(Action.VOLUNTEER),
    "button.my_volunteering": Command(Action.VOLUNTEER_MINE),
}
for _catalogue in LANGUAGES.values():
    for _key, _command in _LABELS.items():
        _WORDS.setdefault(_catalogue[_key].strip().lower(), _command)

_SPACES = re.compile(r"\s+")
# A reference inside other words ("ติดตาม SG-7K4M-2Q", "เรื่อง sg 7k4m 2q ถึงไหนแล้วคะ").
_REFERENCE = re.compile(
    r"(?<![A-Za-z0-9])SG[\s\-_.]*[0-9A-Za-z]{4}[\s\-_.]*[0-9A-Za-z]{2}(?![A-Za-z0-9])", re.I
)
_AROUND_REFERENCE_CHARS = 30  # more words than this around a reference make it a message
# Asking how Siang itself is used ("ช่วยด้วย ใช้ยังไง") is a request for help, not feedback; a
# question about using something else ("บัตรสวัสดิการใช้ยังไง") has more words and is not matched.
_HOW = r"(?:ยังไง|ยังงัย|ยังไร|อย่างไร|ไง|แบบไหน)"
_ENDING = r"(?:ครับ|คับ|ค่ะ|คะ|ค่า|จ้า|จ้ะ|นะ|อะ|อ่ะ|ล่ะ|ละ|ฮะ|บ้าง|เหรอ|หรอ|\?|!)*"
# "งง ใช้ยังไงอะ", "แจ้งเรื่องยังไงคะ", "ช่วยด้วย ใช้ยังไง": how to use Siang itself, said
# alone (with a hello, a plea or a shrug in front), is a request for help, not a question for an
# agency.
_HOW_TO_USE = re.compile(
    r"^(?:(?:ช่วยด้วย|ช่วยหน่อย|สวัสดี\S*|หวัดดี|ขอถาม(?:หน่อย)?|งง\S*|เอ่อ|อ้าว|แล้ว)\s*)*"
    r"(?:อันนี้|แอปนี้|แอพนี้|ไลน์นี้|บอทนี้|ระบบนี้|เสียง|ที่นี่|ตรงนี้)?\s*(?:ต้อง|จะ)?\s*"
    rf"(?:ใช้(?:งาน)?{_HOW}|ใช้ไม่เป็น|ทำ{_HOW}|เริ่ม{_HOW}"
    rf"|(?:แจ้ง|ส่ง|ร้องเรียน)(?:เรื่อง|ปัญหา)?(?:ที่นี่|ตรงนี้)?{_HOW})\s*{_ENDING}$|"
    r"^how (?:do i|to|does this) (?:use|work|report)(?: this| siang| it| a problem)?\s*\??$"
)


def parse_data(raw: str) -> Command | None:
    """A button's data back into a command (None for data we never sent)."""
    name, _, arg = raw.strip().partition(":")
    try:
        return Command(Action(name), arg)
    except ValueError:
        return None


def parse_typed(raw: str) -> Command | None:
    """A typed message that is a command word, a button label or a ticket reference."""
    words = _SPACES.sub(" ", raw.strip().lower())
    if words in _WORDS:
        return _WORDS[words]
    if len(words) <= 16:
        reference = normalise_reference(words)
        if reference is not None:
            return Command(Action.HISTORY, reference)
    found = _REFERENCE.search(words)
    if found is not None:
        reference = normalise_reference(found.group(0))
        around = len(words) - len(found.group(0))
        if reference is not None and around <= _AROUND_REFERENCE_CHARS:
            return Command(Action.HISTORY, reference)
    if _HOW_TO_USE.search(words):
        return Command(Action.HELP)
    return None


def mistyped_reference(raw: str) -> str | None:
    """A reference-shaped word that is none of ours (a character misread or swapped: its
    check character fails), in a short message; as typed, upper-cased. None otherwise."""
    words = _SPACES.sub(" ", raw.strip())
    found = _REFERENCE.search(words)
    if found is None or normalise_reference(found.group(0)) is not None:
        return None
    if len(words) - len(found.group(0)) > _AROUND_REFERENCE_CHARS:
        return None
    return found.group(0).upper()


def reference_in(raw: str) -> str | None:
    """The first valid reference written anywhere in a message."""
    for found in _REFERENCE.finditer(raw):
        reference = normalise_reference(found.group(0))
        if reference is not None:
            return reference
    return None
