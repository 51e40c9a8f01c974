"""What a tap or a typed word asks for: button data and their typed equivalents, in one place.

Button data are short ASCII strings (Telegram allows 64 bytes), e.g. ``confirm``, ``cat:3``,
``fixed:SG-7K4M-2Q``, ``rate:SG-7K4M-2Q:5``. A citizen may also type a button's label (in
either language) or a few common words; `parse` turns both into the same `Command`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from bot.texts import LANGUAGES
from services.references import normalise_reference


class Action(StrEnum):
    MENU = "menu"
    CANCEL = "cancel"
    HELP = "help"
    REPORT = "report"
    OPINION = "opinion"
    FOLLOW = "follow"
    MY_DATA = "mydata"
    LANGUAGE = "lang"  # arg: th | en
    CONFIRM = "confirm"
    EDIT = "edit"  # arg: "" | cat | place
    CATEGORY = "cat"  # arg: index into nlp.categories.LABELS
    CATEGORY_PAGE = "cats"  # arg: page number
    TARGET = "to"  # arg: agency | board
    KIND = "kind"  # arg: opinion | suggestion
    CONSENT = "consent"  # arg: yes | no
    HISTORY = "ref"  # arg: a reference
    FIXED = "fixed"  # arg: a reference
    NOT_FIXED = "notfixed"  # arg: a reference
    RATE = "rate"  # arg: "<reference>:<1-5>"
    SKIP = "skip"
    ERASE = "erase"  # arg: "" | yes
    NOTIFY = "notify"  # arg: on | off


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
    "button.accept": Command(Action.CONSENT, "yes"),
    "button.decline": Command(Action.CONSENT, "no"),
    "button.to_agency": Command(Action.TARGET, "agency"),
    "button.to_board": Command(Action.TARGET, "board"),
    "button.erase": Command(Action.ERASE),
    "button.erase_confirm": Command(Action.ERASE, "yes"),
    "button.stop": Command(Action.NOTIFY, "off"),
    "button.resume": Command(Action.NOTIFY, "on"),
}
for _catalogue in LANGUAGES.values():
    for _key, _command in _LABELS.items():
        _WORDS.setdefault(_catalogue[_key].strip().lower(), _command)

_SPACES = re.compile(r"\s+")


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
    return None
