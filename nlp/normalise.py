"""Clean chat Thai before anything reads it: one canonical spelling for what people type many ways.

What it does, in order:
1. Unicode NFC; zero-width characters (ZWSP, ZWNJ, ZWJ, word joiner, BOM) removed.
2. Thai digits (๐–๙) become ASCII digits, so "ซอย ๕" and "ซอย 5" are the same.
3. Vowel and tone marks cleaned as pythainlp's ``normalize`` does, but faster: "เเ" → "แ",
   "ํา" → "ำ", "นำ้" → "น้ำ", repeated vowels and tone marks typed once ("ค่ะะะ" → "ค่ะ"),
   no space before a mark, no mark dangling at the start. Then words people misspell are written
   the standard way: "ไฟใหม้" → "ไฟไหม้", "ช๊อต" → "ช็อต" (`nlp.misspellings`).
4. A consonant typed three or more times keeps one or two copies, whichever the dictionary
   knows: "ถนนนนนน" → "ถนน" (ถนน has a double น) but "มากกกก" → "มาก"; "ๆๆๆ" → "ๆ".
5. Laughter "55555" becomes "555" (a number made of other digits is left alone).
6. Common abbreviations are written out: กทม. → กรุงเทพมหานคร, จ. → จังหวัด, อ. → อำเภอ,
   ต. → ตำบล, ถ. → ถนน, ซ. → ซอย, รพ. → โรงพยาบาล, ร.ร. → โรงเรียน. Single-letter ones only at
   a word start (after a space, punctuation, a digit or a word such as ที่/แถว), and never inside
   a dotted run such as ต.ค. or พ.ต.ท., so "รอ." or "เสร็จ." keep their final letter.
7. Runs of whitespace become one space; the ends are trimmed.
8. Text typed a word at a time, a space after every word as learners of Thai write it ("ห้อง
   เช่า น้ำ ไม่ มี สาม วัน แล้ว": at least six pieces, four in five of them Thai, the Thai ones
   four letters long on average), is joined up between Thai letters, so the tokeniser cuts the
   words again (ไข้ เลือด ออก is ไข้เลือดออก, dengue, not bleeding). Thai written with spaces
   between phrases has far longer pieces: none of the DEV Traffy texts is joined, and 5 of
   24,032 Wisesight posts, each typed a word or a letter at a time.
9. Punctuation spoken to voice typing and written out by it as words: "จุดคำถาม" and
   "เครื่องหมายคำถาม" become "?", "ขึ้นบรรทัดใหม่" and "เว้นวรรค" a space, "จบข้อความ" nothing
   (since batch 14: dictated messages end "…จะมาซ่อมเมื่อไหร่คะจุดคำถาม").

Emoji, punctuation and Latin text are kept as written: they carry sentiment.
"""

from __future__ import annotations

import re
import unicodedata

from nlp.misspellings import standard_spelling
from nlp.tokenise import segment
from nlp.word_set import WordSet, thai_words

_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
_ZERO_WIDTH_OR_THAI_DIGIT = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad๐-๙]")
_WHITESPACE = re.compile(r"\s+")
_WHITESPACE_TO_FIX = re.compile(r"\s\s|[^\S ]")  # two in a row, or one that is not a space
_MARKS = "\u0e31\u0e34-\u0e3a\u0e47-\u0e4e"  # vowels and tone marks written above/below
_SPACE_BEFORE_MARK = re.compile(rf"\s+(?=[{_MARKS}])")
_DANGLING_MARKS = re.compile(rf"^[{_MARKS}]+")
_NIKHAHIT_AA = re.compile(r"\u0e4d([\u0e48-\u0e4b]?)\u0e32")  # ํ + า typed for ำ
_SARA_AM_BEFORE_TONE = re.compile(r"\u0e33([\u0e48-\u0e4b])")  # นำ้ for น้ำ
_SARA_AM_TONES = tuple("\u0e33" + tone for tone in "\u0e48\u0e49\u0e4a\u0e4b")  # its matches
_REPEATED_VOWEL = re.compile(r"([\u0e30-\u0e3a\u0e40-\u0e45\u0e47-\u0e4e])\1+")


def doubles(*ranges: tuple[int, int]) -> tuple[str, ...]:
    """Each sign of the code point ranges written twice (for `any_doubled`)."""
    return tuple(chr(point) * 2 for low, high in ranges for point in range(low, high + 1))


_DOUBLED_VOWELS = doubles((0xE30, 0xE3A), (0xE40, 0xE45), (0xE47, 0xE4E))  # _REPEATED_VOWEL's
_REPEATED_CONSONANT = re.compile(r"([ก-ฮ])\1{2,}")
_REPEATED_MAI_YAMOK = re.compile(r"ๆ(?:\s*ๆ)+")
_LAUGHTER = re.compile(r"(?<![0-9])5{4,}(?![0-9])")
_THAI_CHUNK = re.compile(r"[ก-๛]+")
_THAI_PIECE = re.compile(r"^[ก-๛]+$")
_SPACE_IN_THAI = re.compile(r"(?<=[ก-๛]) (?=[ก-๛])")

_SPOKEN_PUNCTUATION = re.compile(r"\s?(จุดคำถาม|เครื่องหมายคำถาม|ขึ้นบรรทัดใหม่|เว้นวรรค|จบข้อความ)\s?")
_SPOKEN_AS = {"จุดคำถาม": "? ", "เครื่องหมายคำถาม": "? ", "ขึ้นบรรทัดใหม่": " ", "เว้นวรรค": " "}
_CITY_ABBREVIATION = re.compile(r"กทม\.?")
# Not part of a dotted run such as ต.ค. or พ.ต.ท.: no "X." right before, no "X." right after.
_NOT_AFTER_DOTTED = r"(?<![ก-ฮ]\.)"
_NOT_BEFORE_DOTTED = r"(?!\s?[ก-ฮ]\.)"
# Words after which a one-letter abbreviation still starts a new word ("ที่ถ.สุขุมวิท").
_LEAD_WORDS = ("ที่", "ใน", "แถว", "บริเวณ", "ย่าน", "หน้า", "ตรง", "ปาก", "ถึง", "จาก", "เขต", "แขวง")
_WORD_START = "(?:(?<![ก-๛])" + "".join(f"|(?<={word})" for word in _LEAD_WORDS) + ")"
_EXPANSIONS = {
    "รพ.": "โรงพยาบาล",
    "ร.พ.": "โรงพยาบาล",
    "ร.ร.": "โรงเรียน",
    "รร.": "โรงเรียน",
    "จ.": "จังหวัด",
    "อ.": "อำเภอ",
    "ต.": "ตำบล",
    "ถ.": "ถนน",
    "ซ.": "ซอย",
}
_ABBREVIATION = re.compile(
    _NOT_AFTER_DOTTED
    + r"(?:รพ\.|ร\.พ\.|ร\.ร\.|"
    + _WORD_START
    + r"(?:รร\.|[จอตถซ]\.))"
    + _NOT_BEFORE_DOTTED
)


def normalise(text: str) -> str:
    """The canonical form of a chat message (see the module docstring for every rule)."""
    text = unicodedata.normalize("NFC", text)
    if _ZERO_WIDTH_OR_THAI_DIGIT.search(text):  # rare; translating Thai costs a lookup a letter
        text = text.translate(_ZERO_WIDTH).translate(_THAI_DIGITS)
    if _WHITESPACE_TO_FIX.search(text):  # not where every run is one space already
        text = _WHITESPACE.sub(" ", text)
    text = text.strip()
    if not text:
        return text
    text = standard_spelling(_clean_marks(text))
    if _REPEATED_CONSONANT.search(text):
        text = _THAI_CHUNK.sub(_collapse_repeats_in_chunk, text)
    if "ๆ" in text:
        text = _REPEATED_MAI_YAMOK.sub("ๆ", text)
    if "5555" in text:
        text = _LAUGHTER.sub("555", text)
    if "กทม" in text:
        text = _CITY_ABBREVIATION.sub("กรุงเทพมหานคร", text)
    if "." in text:
        text = _ABBREVIATION.sub(lambda match: _EXPANSIONS[match.group(0)], text)
    if text.count(" ") >= 5 and _typed_word_by_word(text):
        text = _SPACE_IN_THAI.sub("", text)
    if "คำถาม" in text or "บรรทัดใหม่" in text or "เว้นวรรค" in text or "จบข้อความ" in text:
        text = _SPOKEN_PUNCTUATION.sub(lambda m: _SPOKEN_AS.get(m.group(1), " "), text).strip()
    return text


def _typed_word_by_word(text: str) -> bool:
    """A space after every word: six pieces or more, most of them short Thai words."""
    pieces = text.split(" ")
    thai = [piece for piece in pieces if _THAI_PIECE.match(piece)]
    return len(thai) >= 0.8 * len(pieces) and sum(map(len, thai)) <= 4 * len(thai)


def any_doubled(text: str, doubles: tuple[str, ...]) -> bool:
    """Whether `text` holds one of `doubles` (each a sign twice): checked before a pattern like
    ``([signs])\\1+`` is run, which tries each of the signs, common in Thai, where it stands."""
    return any(double in text for double in doubles)


def _clean_marks(text: str) -> str:
    """Vowels and tone marks in standard order and typed once (the job of pythainlp's
    ``normalize``, done here in five passes instead of its thirty)."""
    if "เเ" in text:
        text = text.replace("เเ", "แ")
    if "\u0e4d" in text:
        text = _NIKHAHIT_AA.sub("\\1\u0e33", text)
    if any(am_tone in text for am_tone in _SARA_AM_TONES):  # ำ is common, ำ before a tone not
        text = _SARA_AM_BEFORE_TONE.sub("\\1\u0e33", text)
    if any_doubled(text, _DOUBLED_VOWELS):
        text = _REPEATED_VOWEL.sub("\\1", text)
    text = _SPACE_BEFORE_MARK.sub("", text)
    return _DANGLING_MARKS.sub("", text)


def _spelling_cost(text: str) -> tuple[int, int]:
    words = segment(text)
    known = _known_words()
    return sum(word not in known for word in words), len(words)


def _known_words() -> WordSet:
    return thai_words()


def _collapse_repeats_in_chunk(match: re.Match[str]) -> str:
    chunk = match.group(0)
    runs = list(_REPEATED_CONSONANT.finditer(chunk))
    if not runs:
        return chunk
    # Decide each run on its own, with the later runs cut to one copy for now.
    kept = [run.group(1) for run in runs]
    pieces = _REPEATED_CONSONANT.split(chunk)[::2]  # the text between the runs
    for index, run in enumerate(runs):
        letter = run.group(1)

        def spelled(copies: int, index: int = index, letter: str = letter) -> str:
            trial = [*kept[:index], letter * copies, *kept[index + 1 :]]
            return "".join(p + k for p, k in zip(pieces, [*trial, ""], strict=True))

        # The spelling with fewer unknown words, then fewer words, is the intended one.
        best, cost = 1, _spelling_cost(spelled(1))
        if (double := _spelling_cost(spelled(2))) < cost:
            best, cost = 2, double
        # Exactly three can be two words meeting (ถนน|นวมินทร์, คน|นนทบุรี): kept as typed
        # unless a shorter spelling reads better (มากกก → มาก, not มาก|กก).
        if len(run.group(0)) == 3 and _spelling_cost(spelled(3)) <= cost:
            best = 3
        kept[index] = letter * best
    return "".join(p + k for p, k in zip(pieces, [*kept, ""], strict=True))
