"""What the learnt name tagger (`learnt_names`) reads of each token: general facts about the
word and its neighbours (is it a dictionary word, a listed given name, family name or nickname,
a kinship word, a rank or a title; is it glued to the word before), never a memorised text.

The same function feeds the tagger's training (`nlp.training.names`) and its use, so the two
cannot drift apart.
"""

from __future__ import annotations

import sys
from functools import cache, lru_cache

from nlp.personal_data.bare_names import _PLACE_WORDS
from nlp.personal_data.cut import _Cut
from nlp.personal_data.kin_context import _KIND_OF_PERSON, KIN
from nlp.personal_data.name_lists import _name_lists, _NameLists, _stopwords
from nlp.personal_data.name_words import _AFTER_NAME, _STRONG_TITLES, _word_set
from nlp.personal_data.public_kin_names import RANKS
from nlp.personal_data.roles import _ROLE_WORDS
from nlp.personal_data.word_classes import frequency_bin, part_of_speech

# A token the tagger reads: its text, where it starts and ends, and whether a space precedes it.
Token = tuple[str, int, int, bool]

# Forms of address of the regions the rule lists leave out on purpose (บัง is also "to block",
# โต๊ะ a table, บัก an Isan insult): here they are only a fact the tagger weighs with the rest.
_REGIONAL_ADDRESS = _word_set("บัก บัง โต๊ะ ก๊ะ อ้าย เอื้อย พ่อใหญ่ แม่ใหญ่ หนาน ป้อ แม่ พ่อ")
_NAME_WORD = _word_set("ชื่อ นามสกุล คุณ")


@cache
def _address_words() -> frozenset[str]:
    """Kinship words, ranks and roles a name may follow."""
    return frozenset(_ROLE_WORDS) | KIN | RANKS | _REGIONAL_ADDRESS


def tokens_of(text: str) -> list[Token]:
    """The tokeniser's words of `text` without its spaces, each saying whether a space (or the
    start of the text) comes before it."""
    out: list[Token] = []
    spaced = True
    for token, start, end in _Cut.of(text).tokens:
        if token.isspace():
            spaced = True
            continue
        out.append((token, start, end, spaced))
        spaced = False
    return out


def _script(token: str) -> str:
    if all("\u0e01" <= ch <= "\u0e4e" for ch in token):
        return "th"
    if token.isascii() and token.isalpha():
        return "Aa" if token[0].isupper() else "a"
    if any(ch.isdigit() for ch in token):
        return "9"
    return "p"  # punctuation, emoji, mixed


def _length(token: str) -> str:
    n = len(token)
    return str(n) if n <= 4 else "5-7" if n <= 7 else "8+"


@lru_cache(maxsize=4096)
def _facts(token: str) -> tuple[str, ...]:
    """What a token is, without where it stands (the commonest tokens remembered)."""
    return tuple(_facts_of(token, _name_lists(), _stopwords()))


def _facts_of(token: str, lists: _NameLists, stop: frozenset[str]) -> list[str]:
    checks = (
        ("dict", token in lists.words),
        ("first", token in lists.first),
        ("common_first", token in lists.first and token in lists.common),
        ("family", token in lists.family),
        ("nick", token in lists.nicknames),
        ("latin_name", token.lower() in lists.latin),
        ("address", token in _address_words()),
        ("title", token in _STRONG_TITLES),
        ("name_word", token in _NAME_WORD),
        ("after_name", token in _AFTER_NAME),
        ("stop", token in stop),
        ("place", token in _PLACE_WORDS),
        ("kind", token.startswith(_KIND_OF_PERSON)),
        ("verb", token in lists.verbs),
        ("adjective", token not in lists.verbs and token in lists.adjectives),
    )
    facts = [name for name, holds in checks if holds]
    tag = part_of_speech().get(token)
    if tag is not None:
        facts.append(f"pos={tag}")
    common = frequency_bin().get(token)
    if common is not None:
        facts.append(f"freq={common}")
    return facts


def _described(token: str, offset: int) -> tuple[str, ...]:
    """A token's own features, prefixed by where it stands from the token tagged."""
    keys = (f"w={token.lower()}", f"s={_script(token)}", *_facts(token))
    if offset:
        return tuple(f"{offset}:{key}" for key in keys)
    keys += (f"len={_length(token)}",)
    if len(token) >= 3 and keys[1] == "s=th":
        keys += (f"end={token[-2:]}",)
    return keys


_NEIGHBOURS = (-2, -1, 1, 2)  # where the tagger reads a token's neighbours from, in this order
_EDGES = tuple(f"{offset}:edge" for offset in _NEIGHBOURS)  # a neighbour beyond the text
# What the tagger's model file cannot name exactly when it lists its features (`Tagger.info`
# cuts its listing at line breaks; crfsuite reads a name up to a NUL): such features are kept.
_UNLISTABLE = frozenset("\r\n\x00")

Readings = tuple[tuple[str, ...], ...]


# Five readings a token: 4,096 (token, place) pairs missed half the time, 4,096 tokens 7 % of
# them on Traffy's named messages, 8,192 tokens 5 %.
@lru_cache(maxsize=8192)
def _readings(token: str, known: frozenset[str] | None) -> Readings:
    """A token's features as the token tagged ("bias" first), then as the neighbour at -2, -1,
    +1 and +2; with `known`, only the features in it (or that it cannot list): the others have
    no weight in the model, which drops them itself. Those kept are interned: the thousand or
    so names the model knows are held once, however many tokens read them."""
    readings = (("bias", *_described(token, 0)), *(_described(token, o) for o in _NEIGHBOURS))
    if known is None:
        return readings
    return tuple(
        tuple(sys.intern(key) for key in keys if key in known or not _UNLISTABLE.isdisjoint(key))
        for keys in readings
    )


def features(tokens: list[Token], known: frozenset[str] | None = None) -> list[list[str]]:
    """The features of each token (python-crfsuite's item format: names of binary features).
    `known`: the features the model has weights for (`learnt_names`); the tagger scores the
    same with only those, in the same order, and reads them faster."""
    readings = [_readings(t[0], known) for t in tokens]
    facts = [_facts(t[0]) for t in tokens]
    address = ["address" in f for f in facts]
    place = ["place" in f for f in facts]
    out: list[list[str]] = []
    last = len(tokens) - 1
    for i, (_, _, _, spaced) in enumerate(tokens):
        f = list(readings[i][0])
        if spaced:
            f.append("spaced")
        for side, offset in enumerate(_NEIGHBOURS, start=1):
            j = i + offset
            if 0 <= j <= last:
                f += readings[j][side]
            else:
                f.append(_EDGES[side - 1])
        if i > 0 and address[i - 1]:
            glue = "spaced" if spaced else "glued"
            f.append(f"after_address_{glue}")
            if "dict" in facts[i]:
                f.append(f"after_address_{glue}_dict")
        if any(place[max(0, i - 3) : i]):
            f.append("place_before")
        if i < last and tokens[i + 1][3]:
            f.append("space_after")
        out.append(f)
    return out
