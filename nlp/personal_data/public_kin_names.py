"""Any word glued to a kinship word or a rank, for what the whole world reads.

The officials' redaction masks a word after ลุง, ยาย or ผู้กอง only where the lists know it as a
name or what follows shows a person was named (`role_names`, `kin_context`): a common word there
("ลุงเปียก", "ตาพัน", "ผู้กองเก่ง") may be a name or may not ("ลุงเมา", "ป้าขายของ"), and officials
must read the citizen's words. The public page and the boards' digests need no such care: there a
masked word costs little and a leaked name is a breach, so the one word glued on is masked unless
it is a function word, a pronoun, a word that ends a name (a verb like ขาย, a place word) or the
start of a word for a kind of person ("ป้าแม่ค้า", "พี่ช่าง", "น้องหมา").
"""

from __future__ import annotations

from nlp.gazetteer import Gazetteer
from nlp.personal_data.bare_names import _PLACE_WORDS
from nlp.personal_data.cut import _WORD_START, _Cut, _is_thai, _Span
from nlp.personal_data.kin_context import KIN
from nlp.personal_data.known_names import _first_word
from nlp.personal_data.name_lists import _name_lists, _stopwords
from nlp.personal_data.name_words import _AFTER_NAME, _FUNCTION_WORDS, _PARTICLES, _word_set
from nlp.personal_data.role_names import _NOT_NICKNAME_STARTS, _PRONOUNS
from nlp.personal_data.roles import _ROLE_WORDS

# Ranks and village heads a name follows; not ครู, หมอ, อาจารย์ (a subject or a field follows
# them: "ครูพละ", "หมอฟัน") nor บัง and โต๊ะ (also "to block" and "a table").
RANKS = _word_set(
    """ผู้กอง ผู้หมวด สารวัตร จ่า ดาบ กำนัน ผู้ใหญ่บ้าน ผญบ. พ่อหลวง ป้อหลวง แม่หลวง ส.ส. ส.ว. สจ.
    ส.อบต. อสม. เสี่ย พ่อใหญ่ แม่ใหญ่"""
)
# Not อา ("อา|การ", "อา|รัย" for อะไร) nor the rude ไอ้, which insults follow ("ไอ้พวก…").
_ROLES = (KIN - {"อา", "ไอ้"}) | RANKS
_SHORTEST, _LONGEST = 2, 10
_THINGS = _word_set("จ่าเฉย")
# Lanes, temples, markets named after someone ("ซ.อารีย์", "ตลาดป้าแดง"); not บ้าน, which says
# whose house it is ("บ้านป้าสุนีย์").
_NAMED_AFTER_PEOPLE = _PLACE_WORDS - {"บ้าน"}


def public_kin_names(text: str) -> list[_Span]:
    """The word glued right after each kinship word or rank that starts a word."""
    cut = _Cut.of(text)
    tokens = cut.tokens
    found = []
    for k, (word, _, end) in enumerate(tokens[:-1]):
        if word not in _ROLES or not _starts_word(cut, k) or _inside_a_word(cut.text, k, cut):
            continue
        name, _, name_end = tokens[k + 1]
        if (
            _could_be_a_name(name)
            and _SHORTEST <= name_end - end <= _LONGEST
            and not _one_word_split(word + name)
            and not _a_place(name)
            and not (k > 0 and tokens[k - 1][0].strip() in _NAMED_AFTER_PEOPLE)
        ):
            found.append((end, name_end))
    return found


def _inside_a_word(text: str, k: int, cut: _Cut) -> bool:
    """The letters around the role word make it part of a longer one (จ่า|ย is จ่าย, ตา|ม ตาม)."""
    word, start, end = cut.tokens[k]
    not_before, not_after = _ROLE_WORDS.get(word, ("", ""))
    return (start > 0 and text[start - 1] in not_before) or (
        end < len(text) and text[end] in not_after
    )


def _one_word_split(joined: str) -> bool:
    """The role word and the next are one word the tokeniser split ("อา|รีย์" is อารีย์, a lane's
    name in "ซ.อารีย์"), or a word for a thing ("จ่าเฉย", the dummy traffic policeman)."""
    lists = _name_lists()
    return joined in lists.words or joined in lists.first or joined in _THINGS


def _a_place(word: str) -> bool:
    """A province's or district's name: "ส.ส.มุกดาหาร" is the province's member of parliament."""
    return word in Gazetteer.load().forms


def _could_be_a_name(word: str) -> bool:
    """A Thai word that starts with a consonant or a leading vowel (not "าา", "ๆๆ"), is no
    particle, and is not two words of which the first is a verb ("ขอ|ลา", "เข้า|มา")."""
    lists = _name_lists()
    first = _first_word(word, lists.words)
    return (
        _is_thai(word)
        and word[:1] in _WORD_START
        and word not in _PARTICLES
        and not (first is not None and first in lists.predicates)
        and word not in _ROLES
        and word not in _AFTER_NAME
        and word not in _PRONOUNS
        and word not in _FUNCTION_WORDS
        and not word.startswith(_NOT_NICKNAME_STARTS)
    )


def _starts_word(cut: _Cut, k: int) -> bool:
    """Nothing Thai before the role word, or a word of its own before it that is a function word,
    a word that ends a name, or another kinship word ("คุณ", "กับ", "ของ", "บ้าน")."""
    start = cut.tokens[k][1]
    if start == 0 or not _is_thai(cut.text[start - 1]):
        return True
    before = cut.tokens[k - 1][0]
    return before in _stopwords() or before in _AFTER_NAME or before in _ROLES or before == "คุณ"
