"""Names after a title (นาย, น.ส., คุณ …), a form label (ชื่อ-นามสกุล) or a rank (พ.ต.ท., ดร.)."""

from __future__ import annotations

import re

from nlp.personal_data.cut import _Cut, _next_word, _Span, _Tokens
from nlp.personal_data.name_lists import _NameLists
from nlp.personal_data.name_runs import _name_run
from nlp.personal_data.name_words import (
    _PERSON_BEFORE_NAME,
    _STRONG_TITLES,
    NOT_A_NAME_AFTER_LABEL,
    _word_set,
)
from nlp.personal_data.triggers import search, trigger

# Weaker titles (คุณ is also "you", ชื่อ also "name of" a road or shop): after them only a name
# from pythainlp's name lists counts (the titles that always introduce a name are in name_words).
# คุณนาย (madam, a landlady) likewise (since session 17: "ติดต่อคุณนายสุดา").
_WEAK_TITLES = frozenset({"คุณ", "ชื่อ", "ผมชื่อ", "ฉันชื่อ", "คุณนาย"})
# นาย and นาง are also "he/she" and "boss" in chat: a name the lists do not know needs a surname
# after it, or ชื่อ before it.
_PRONOUN_TITLES = frozenset({"นาย", "นาง"})
# Names of places and brands that start with a title word.
# What a vendor or a worker's ชื่อ may name instead of them: "พ่อค้าผักชื่อร้านว่า…".
_NAMED_THING = re.compile(" ?(?:ร้าน|ถนน|ซอย|บริษัท|หมู่บ้าน|โครงการ|เพจ|ตลาด|แอป)")
# Since round 12: an animal and whose it is before ชื่อ ("แมวหนูชื่อส้มโอ", "หมาของผมชื่อ…"):
# a pet's name, which is no one's personal data.
_PET_BEFORE = re.compile(
    r"(?:แมว|หมา|สุนัข|ลูกหมา|ลูกแมว|กระต่าย|นกแก้ว|ม้า|วัว|ควาย|เต่า|แฮมสเตอร์)"
    r"(?:ตัว[ก-๙]{0,8})?(?: ?ของ)? ?(?:ผม|ดิฉัน|ฉัน|หนู|เรา|แม่|พ่อ|ลูก|บ้าน[ก-๙]{0,8})?(?:ตัวนี้)?$"
)
_TITLED_PLACES = ("นางลิ้นจี่", "นางเลิ้ง", "นายเลิศ", "นางรอง", "นางแล", "นางรำ", "คุณหญิง")
# Since round 12: a place's word glued before นาง or นาย makes it the place's name ("กุดนางใย",
# "หนองนางแล", "วัดนางชี", "บ้านนายเลิศ" the village), not a person's title.
_PLACE_BEFORE_TITLE = _word_set(
    """กุด หนอง บึง ห้วย คลอง วัด เขา ดอย ถ้ำ เกาะ ทุ่ง ท่า บาง ลำ หาด ศาล ป่า ภู โคก สระ บ่อ
    แหลม อ่าว ผา ดง เวียง เมือง ด่าน ตลาด สะพาน"""
)
_FIELD_LABELS = frozenset({"ชื่อ-นามสกุล", "ชื่อ-สกุล", "ชื่อนามสกุล", "นามสกุล"})

# Kinship words after ชื่อ: what follows them is a name ("ชื่อน้องต้นกล้า", "ชื่อน้องเก่ง").
_KIN_AFTER_NAME_LABEL = _word_set("น้อง ลุง ป้า พี่ ยาย ตา น้า อา ปู่ ย่า เจ๊ เฮีย ไอ้ อี บัก อ้าย เอื้อย")
_WEAK_RANKS = frozenset({"ส.ส.", "ส.ว.", "ส.ก.", "ส.ข."})
_RANKS = trigger(
    "rank",
    r"(?:(?<![ก-๛])|(?<=ชื่อ))(?<![ก-ฮ]\.)(?<![ก-ฮ]-)(?:(?:ผศ|รศ|ศ)\.(?:ดร|นพ|พญ)\.|ศ\.ดร\.|พล\.[ตทอ]\.[ตทอ]\.|[พร]\.[ตทอ]\.[ตทอ]\.|ส\.ต\.[ตทอ]\.|จ\.ส\.[ตทอ]\.|ด\.ต\.|"
    r"พล\.[ตทอ]\.|[พรส]\.[ตทอ]\.|จ\.ส\.[ตทอ]\.|ส\.ส\.|ส\.ว\.|ส\.ก\.|ส\.ข\.|ดร\.|นพ\.|พญ\.|ทพ\.|"
    r"ผศ\.|รศ\.|ศ\.|ว่าที่ร้อยตรี|ว่าที่ ร\.ต\.|(?:นายแพทย์|แพทย์หญิง|ทันตแพทย์(?:หญิง)?)(?!สาธารณสุข|ใหญ่|ประจำ|เวร))"
    # since round 14 a woman officer's rank ("ร.ต.อ.หญิงปาริชาติ", "ด.ต.หญิง วันดี")
    r"(?:(?<=\.)หญิง)?(?=[ ก-ฮเแโใไ])",
)

_TITLE_TRIGGER = trigger(
    "title", r"ว่าที่|นาย|นาง|น\.?ส\.|ด\.?[ชญ]\.|เด็ก(?:ชาย|หญิง)|คุณ|ชื่อ|นามสกุล|ผู้แจ้ง|แจ้งโดย"
)


def _has_title(text: str) -> bool:
    """A title, a form label or a rank: a name may follow."""
    return search("title", text) is not None or (
        ("." in text or "แพทย์" in text) and search("rank", text) is not None
    )


def _ranked_names(cut: _Cut, lists: _NameLists) -> list[_Span]:
    """Names after ranks and honorifics written with dots (พ.ต.ท., ด.ต., ส.ส., ดร.): the name
    starts at the token right after the rank (and a space), however the tokeniser cut the rank."""
    found = []
    text = cut.text
    for m in _RANKS.finditer(text):
        after = m.end() + (1 if text[m.end() : m.end() + 1] == " " else 0)
        if after in cut.starts:
            weak = m.group() in _WEAK_RANKS  # ส.ส. is also "MPs" in general
            found.append(_name_run(text, cut.tokens, cut.starts[after], lists, strong=not weak))
    return [span for span in found if span is not None]


def _titled_names(cut: _Cut, lists: _NameLists) -> list[_Span]:
    """Names after a title (นาย, น.ส., คุณ …) or a form label (ชื่อ-นามสกุล)."""
    found = []
    text, tokens = cut.text, cut.tokens
    i = 0
    while i < len(tokens):
        token = tokens[i][0]
        if token in _FIELD_LABELS and _next_word(tokens, tokens[i][2]) in NOT_A_NAME_AFTER_LABEL:
            span = None  # "นามสกุลเดิมของแม่": which surname, not a name
        elif token in _FIELD_LABELS or (token == "ชื่อ" and _field_label_follows(tokens, i)):
            span = _name_run(text, tokens, i + 1, lists, strong=True)
        elif token in ("ชื่อ", "ชื่อเล่น") and _next_is_kin(tokens, i):
            kin = i + 1 if tokens[i + 1][0] in _KIN_AFTER_NAME_LABEL else i + 2
            span = _name_run(
                text, tokens, kin + 1, lists, strong=True, introduced=True, after_kin=True
            )
        elif (
            token.endswith("ชื่อ")
            and not _NAMED_THING.match(text, tokens[i][2])
            and not _PET_BEFORE.search(text, max(0, tokens[i][2] - 30), tokens[i][2] - 4)
            # "สามีชื่อ" may be cut สา|มีชื่อ: the person's word ends where ชื่อ starts.
            and _PERSON_BEFORE_NAME.search(
                text,
                max(0, tokens[i][2] - 28),
                tokens[i][2] - 4,
            )
        ):
            span = _name_run(text, tokens, i + 1, lists, strong=True, introduced=True)
        elif token == "ผู้แจ้ง" or (token == "ผู้" and _next_word(tokens, tokens[i][2]) == "แจ้ง"):
            # A label ("ผู้แจ้ง สมพร ศรีทอง"), and also a verb's subject ("ผู้แจ้งแจ้งว่า"): a
            # name the lists know, as after คุณ.
            at = i + 1 if token == "ผู้แจ้ง" else i + 2
            span = _name_run(text, tokens, at, lists, strong=False)
        elif token == "แจ้งโดย" or (token == "โดย" and i > 0 and tokens[i - 1][0] == "แจ้ง"):
            span = _name_run(text, tokens, i + 1, lists, strong=False)  # "แจ้งโดย สมชาย ใจดี"
        elif token == "ลงชื่อ" and tokens[i + 1 : i + 2] and tokens[i + 1][0].isspace():
            # a letter signed "(ลงชื่อ วันเพ็ญ ส.)": a name, even a word ("ลงชื่อเข้าใช้" is not)
            span = _name_run(text, tokens, i + 1, lists, strong=True)
        elif (
            token in _STRONG_TITLES
            and not text.startswith(_TITLED_PLACES, tokens[i][1])
            and not (i > 0 and tokens[i - 1][0] in _PLACE_BEFORE_TITLE)
        ):
            introduced = i > 0 and tokens[i - 1][0].strip() in ("ชื่อ", "ผู้แจ้ง", "ข้าพเจ้า")
            # since t39, a person's word and a space before the title: "ติดต่อหลาน นายมิ่ง",
            # "ลูกจ้างผม นายหม่องทุนละ" (not glued: "แม่นาย" is "your mother")
            introduced = introduced or (
                text[tokens[i][1] - 1 : tokens[i][1]] == " "
                and _PERSON_BEFORE_NAME.search(text, max(0, tokens[i][1] - 24), tokens[i][1])
                is not None
            )
            span = _name_run(
                text,
                tokens,
                i + 1,
                lists,
                strong=True,
                needs_surname=token in _PRONOUN_TITLES and not introduced,
            )
        elif token in _WEAK_TITLES:
            span = _name_run(text, tokens, i + 1, lists, strong=False)
        else:
            span = None
        if span is None:
            i += 1
            continue
        found.append(span)
        while i < len(tokens) and tokens[i][1] < span[1]:
            i += 1
    return found


def _next_is_kin(tokens: _Tokens, i: int) -> bool:
    """A kinship word after ชื่อ at token `i`, glued on or after one space."""
    for k in (i + 1, i + 2):
        if k < len(tokens) and tokens[k][0] in _KIN_AFTER_NAME_LABEL:
            return k == i + 1 or tokens[i + 1][0] == " "
    return False


def _field_label_follows(tokens: _Tokens, i: int) -> bool:
    """ "ชื่อ" followed by "-นามสกุล" / "สกุล": a form field, so what follows is a name."""
    rest = "".join(t for t, _, _ in tokens[i + 1 : i + 4]).replace(" ", "")
    return rest.startswith(("-นามสกุล", "นามสกุล", "-สกุล", "/นามสกุล"))
