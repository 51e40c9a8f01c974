"""Thai typed while the keyboard was still on English: "l;ylfu" is สวัสดี on the Thai
(Kedmanee) layout, "wafy[" is ไฟดับ. People forget to switch all the time; such a message is
read as the Thai it was meant to be, but only when that reading is plainly Thai:

* no Thai letters in it, and a key that is a Thai letter on the Thai layout but punctuation or
  a digit on the English one sits against a Latin letter ("l;y", "y[", "8jt": ว บ ค), as in
  almost any Thai typed this way and hardly any English ("fire" would read ดรพำ, two words);
* the letters put back on the Thai keys make dictionary words (nine in ten of their letters),
  none of them starting on a vowel sign or a tone mark, which no Thai word does. English put
  through the same keys makes no such words ("hello" is ้ำสสน, "water" ไฟะำพ).

Numbers standing alone ("3", "081-234-5678") stay as typed: on the English layout a digit is a
digit (on the Thai one digits need the shift key).

The key map is pythainlp's (`pythainlp.util.eng_to_thai`)."""

from __future__ import annotations

import re

from pythainlp.util import eng_to_thai

from nlp.language import _NOT_THAI_LETTERS, in_dictionary
from nlp.tokenise import tokenise

_THAI = re.compile("[\u0e01-\u0e4e]")
_LATIN = re.compile("[A-Za-z]")
# Signs that follow a consonant: a Thai word never starts with one (เ แ โ ใ ไ lead, so may)
_FOLLOWING_SIGN = re.compile("^[\u0e30-\u0e3a\u0e45\u0e47-\u0e4e]")
# a Thai letter's key that is punctuation or a digit in English, against a Latin letter
_THAI_KEY_IN_WORD = re.compile(r"[A-Za-z][;\[\]',./0-9\-]|[;\[\]',./0-9\-][A-Za-z]")
_NUMBER = re.compile(r"^[0-9][0-9.,:/\-]*$")
_FEWEST_LETTERS = 4  # "ok" would be นา: too short to tell
_KNOWN_SHARE = 0.9


def thai_typed_as_latin(text: str) -> str | None:
    """The Thai a wrong-layout message was meant to be, or None when it is not one."""
    if (
        _THAI.search(text)
        or len(_LATIN.findall(text)) < _FEWEST_LETTERS
        or not _THAI_KEY_IN_WORD.search(text)
    ):
        return None
    thai = "".join(
        chunk if chunk.isspace() or _NUMBER.match(chunk) else eng_to_thai(chunk)
        for chunk in re.split(r"(\s+)", text)
    )
    words = [word for word in tokenise(thai) if _THAI.search(word)]
    if not words or any(_FOLLOWING_SIGN.match(word) for word in words):
        return None
    letters = sum(len(_NOT_THAI_LETTERS.sub("", word)) for word in words)
    known = sum(
        len(_NOT_THAI_LETTERS.sub("", word))
        for word in words
        if len(word) >= 2 and in_dictionary(word)
    )
    return thai if letters and known >= _KNOWN_SHARE * letters else None
