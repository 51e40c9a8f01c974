"""Which language a message is in, by its letters, and whether its Thai means anything at all.

Script decides the language: Thai letters make it Thai (English words mixed in are usual), Lao,
Khmer, Burmese and Chinese or Japanese letters their own language, Latin letters alone English.
Text with no letters (empty, emoji, digits, punctuation) is ``none``. The classifiers are trained
on Thai: for anything else their scores say nothing, and the pipeline says so.

``thai_share`` is the share of a message's letters that are Thai; ``is_gibberish`` tells
keyboard mashing ("ฟหกดฟหกด", "asdfgh") from words, by how much of the text the Thai dictionary
or plain English letter patterns account for.
"""

from __future__ import annotations

import re
from functools import lru_cache

from nlp.text_model import TextInput
from nlp.word_set import WordSet, thai_words

_SCRIPTS: tuple[tuple[str, int, int], ...] = (
    ("th", 0x0E00, 0x0E7F),
    ("lo", 0x0E80, 0x0EFF),
    ("km", 0x1780, 0x17FF),
    ("my", 0x1000, 0x109F),
    ("zh", 0x4E00, 0x9FFF),
    ("zh", 0x3400, 0x4DBF),
    ("other", 0x3040, 0x30FF),  # Japanese kana
    ("other", 0xAC00, 0xD7AF),  # Korean
    ("other", 0x0400, 0x04FF),  # Cyrillic
    ("other", 0x0600, 0x06FF),  # Arabic
)
# What [a-z] matches ignoring case, without IGNORECASE (which makes scanning Thai slow): the
# Latin letters and the four that case-fold to one of them (İ ı ſ, the Kelvin sign).
_LATIN_WORD = re.compile("[A-Za-z\u0130\u0131\u017f\u212a]+")
_VOWELS = re.compile(r"[aeiouy]", re.IGNORECASE)
# Short Latin words that are real though vowel-less or odd (units, abbreviations people use).
_LATIN_OK = frozenset(
    {"bts", "mrt", "srt", "pm", "bkk", "km", "ok", "tv", "cctv", "gps", "sms", "id"}
)


# Letters are counted by deleting everything else and measuring what is left: eight times as
# fast as listing them with findall (one str per letter); in the usual text, of Thai and ASCII
# only, faster still from the length of its UTF-8 form (`letter_counts`).
_NOT_THAI_LETTERS = re.compile(r"[^\u0e01-\u0e2e\u0e30-\u0e4c]+")
_NOT_THAI_SIGNS = re.compile(r"[^\u0e00-\u0e7f]+")  # Thai block: letters, vowels, marks, digits
_NOT_THAI_OR_ASCII = re.compile(r"[^\x00-\x7f\u0e00-\u0e7f]")


# In text of Thai and ASCII only, every other character is one of the Thai block (three bytes
# in UTF-8, where ASCII takes one): they are counted from the length of the UTF-8 form, and the
# Thai letters are those less the block's digits and signs that are no letters (fewer, found
# faster than the letters are deleted).
_THAI_BLOCK_NOT_LETTERS = re.compile("[\u0e00\u0e2f\u0e4d-\u0e7f]")
_ASCII_LETTERS = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"


def _thai_block_count(text: str) -> int:
    """How many characters of `text`, which is Thai and ASCII only, are of the Thai block."""
    return (len(text.encode("utf-8")) - len(text)) // 2


def thai_signs(text: str) -> int:
    """How many characters of `text` are of the Thai block (letters, vowels, marks, digits)."""
    if _NOT_THAI_OR_ASCII.search(text) is None:
        return _thai_block_count(text)
    return len(_NOT_THAI_SIGNS.sub("", text))


def letter_counts(text: str) -> dict[str, int]:
    """How many letters of each script the text has ("en" for Latin)."""
    if not _NOT_THAI_OR_ASCII.search(text):  # the usual case: Thai and ASCII only (fast)
        ascii_only = text.encode("ascii", "ignore")
        counts = {
            "th": _thai_block_count(text) - len(_THAI_BLOCK_NOT_LETTERS.findall(text)),
            "en": len(ascii_only) - len(ascii_only.translate(None, _ASCII_LETTERS)),
        }
        return {name: count for name, count in counts.items() if count}
    counts = {}
    for char in text:
        if char.isascii():
            if char.isalpha():
                counts["en"] = counts.get("en", 0) + 1
            continue
        point = ord(char)
        for name, low, high in _SCRIPTS:
            if low <= point <= high:
                if name == "th" and not (
                    "\u0e01" <= char <= "\u0e2e" or "\u0e30" <= char <= "\u0e4c"
                ):
                    break  # Thai digits and signs are not letters
                counts[name] = counts.get(name, 0) + 1
                break
        else:
            if char.isalpha():
                counts["other"] = counts.get("other", 0) + 1
    return counts


def language_of(prepared: TextInput) -> str:
    """``detect_language`` of a prepared message, worked out once per message."""
    cached: str | None = prepared.__dict__.get("_language")
    if cached is None:
        cached = prepared.__dict__["_language"] = detect_language(prepared.text)
    return cached


def detect_language(text: str) -> str:
    """``th`` when Thai letters are at least a quarter of the letters; else the main script's
    language; ``none`` when there are no letters."""
    counts = letter_counts(text)
    letters = sum(counts.values())
    if not letters:
        return "none"
    if counts.get("th", 0) * 4 >= letters:
        return "th"
    return max(counts, key=counts.__getitem__)


def thai_share(text: str) -> float:
    counts = letter_counts(text)
    letters = sum(counts.values())
    return counts.get("th", 0) / letters if letters else 0.0


def _dictionary() -> WordSet:
    return thai_words()  # one copy per process


@lru_cache(maxsize=8192)
def in_dictionary(word: str) -> bool:
    """Whether `word` is in the Thai dictionary (the words of the last messages remembered:
    about ten are asked of each message, most of them common)."""
    return word in _dictionary()


def _latin_is_word(word: str) -> bool:
    lowered = word.lower()
    if lowered in _LATIN_OK or len(lowered) <= 2:
        return True
    if not _VOWELS.search(lowered):
        return False
    return not re.search(r"[^aeiouy]{5,}", lowered)


def is_gibberish(prepared: TextInput) -> bool:
    """Keyboard mashing or letters that form no words: one word hammered again and again, less
    than half the Thai letters in dictionary words of two or more letters, or Latin words
    without vowels."""
    words = [word for word in prepared.words if word.strip()]
    if len(words) >= 3 and len(set(words)) == 1:  # one key or word hammered: "กดกดกดกด"
        return True
    if len(words) == 2 and words[0] == words[1] and set(words[0]) <= _HOME_ROW:
        return True  # "กกกกกดกด" (read กดกด once the held key is undone)
    if _home_row_mash(prepared):
        return True
    thai_letters = thai_signs(prepared.text)  # the Thai block's signs
    if thai_letters:
        return not _mostly_known(prepared.words, thai_letters)
    latin = _LATIN_WORD.findall(prepared.text)
    if latin:
        real = sum(len(word) for word in latin if _latin_is_word(word))
        if real * 2 < sum(len(word) for word in latin):
            return True
    return False


def _mostly_known(words: list[str], thai_letters: int) -> bool:
    """Whether dictionary words of two or more letters hold at least half of `thai_letters`
    (it stops looking words up once they do)."""
    known = 0
    for word in words:
        if len(word) >= 2 and in_dictionary(word):
            known += len(word)
            if known * 2 >= thai_letters:
                return True
    return False


# The Thai keyboard's home row (the keys under the fingers at rest, with its tone marks): a hand
# run along it ("ฟหกด่าสวว") types letters that now and then make a short word (หก, ด่า).
_HOME_ROW = frozenset("ฟหกดเ้่าสวง")
_THAI_SIGN = re.compile("[\u0e01-\u0e4e]")  # Thai letters, vowels and tone marks
_OFF_HOME_ROW = "นรมยทลอีิัตบคป"  # common Thai signs that are not on the home row
_MASH_LETTERS = 8


def _home_row_mash(prepared: TextInput) -> bool:
    """At least eight Thai letters, nine in ten of them from the home row, and at most one word of
    three letters or more among them."""
    text = prepared.text
    home = sum(map(text.count, _HOME_ROW))  # all Thai signs
    # first, what a few counts settle: too few from the home row, or too many common others
    if home < _MASH_LETTERS or home * 10 < (home + sum(map(text.count, _OFF_HOME_ROW))) * 9:
        return False
    letters = len(_THAI_SIGN.findall(text))
    if letters < _MASH_LETTERS or home * 10 < letters * 9:
        return False
    return sum(1 for word in prepared.words if len(word) >= 3 and in_dictionary(word)) <= 1
