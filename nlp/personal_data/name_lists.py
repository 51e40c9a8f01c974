"""The lists of names and words the name finders read: pythainlp's given and family names,
the team's nicknames and Latin names, ORCHID's part-of-speech tags and the Thai National Corpus
word counts (loaded once, on first use)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib.resources import as_file, files
from itertools import chain
from pathlib import Path

from nlp.personal_data.name_words import _AFTER_NAME, _NOT_NAMES, _PARTICLES, _word_set
from nlp.tokenise import segment
from nlp.word_set import WordSet, thai_words

_DATA = Path(__file__).resolve().parents[1] / "data" / "personal_data"


@dataclass(frozen=True, slots=True)
class _NameLists:
    first: frozenset[str]  # given names (pythainlp's lists, less common words)
    family: frozenset[str]  # family names (pythainlp's list)
    words: WordSet  # every word of pythainlp's Thai dictionary
    nicknames: frozenset[str]  # team-written: nicknames and given names the lists miss
    common: frozenset[str]  # given names that are mostly common words: ธนาคาร, วัน, ส่วน
    latin: frozenset[str]  # team-written: given names in Latin script
    asian: frozenset[str]  # team-written: parts of neighbours' and visitors' names, romanised
    verbs: frozenset[str]  # words whose commonest ORCHID part-of-speech tag is VACT (a verb)
    predicates: frozenset[str]  # … is a verb tag (VACT, VSTA, XV…)
    adjectives: frozenset[str]  # … is VATT (an adjective)
    endings: frozenset[str]  # dictionary words that end many listed names: พรรณ, ทิพย์, เรือน
    longest: int


def _corpus_lines(name: str) -> list[str]:
    """The non-empty lines of one of pythainlp's word lists, as its `get_corpus` reads them, but
    without the frozenset pythainlp keeps of each for the life of the process (the given and
    family names' three took 1.6 MB beside the sets made from them here)."""
    text = files("pythainlp.corpus").joinpath(name).read_text(encoding="utf-8-sig")
    return [line for line in text.splitlines() if line]


def _listed_words(name: str) -> frozenset[str]:
    lines = (_DATA / name).read_text(encoding="utf-8").splitlines()
    return frozenset(w for line in lines if not line.startswith("#") for w in line.split())


@cache
def _name_lists() -> _NameLists:
    words = thai_words()  # the tokeniser's dictionary, one copy per process
    given = chain(
        _corpus_lines("person_names_male_th.txt"), _corpus_lines("person_names_female_th.txt")
    )
    first = frozenset(
        n for n in given if len(n) >= 2 and n not in _NOT_NAMES and n not in _AFTER_NAME
    )
    family = frozenset(
        n for n in _corpus_lines("family_names_th.txt") if len(n) >= 3 and n not in _AFTER_NAME
    )
    nicknames = _listed_words("nicknames.txt")
    longest = max(len(n) for n in first | family | nicknames)
    latin = _listed_words("latin_given_names.txt")
    asian = _listed_words("latin_asian_names.txt")
    tags = _orchid_tags()  # read once here; only the verbs and adjectives are kept
    common = _common_words(first, tags) - nicknames
    verbs = frozenset(word for word, tag in tags.items() if tag == "VACT")
    predicates = frozenset(
        word for word, tag in tags.items() if tag.startswith(("V", "XV")) and tag != "VATT"
    )
    adjectives = frozenset(word for word, tag in tags.items() if tag == "VATT")
    return _NameLists(
        first,
        family,
        words,
        nicknames,
        common,
        latin,
        asian,
        verbs,
        predicates,
        adjectives,
        _name_endings(first | family, words),
        longest,
    )


# How many listed names a word must end for it to count as a part of names: เรือน ends 8
# (บุญเรือน, แก้วเรือน …), พรรณ 64, ทิพย์ 89; หล่อ 2, หรอ and คนเดียว none.
_NAME_ENDING_COUNT = 5
_SHORT_NAME_ENDINGS = _word_set("ใจ ใส")


def _name_endings(names: frozenset[str], words: WordSet) -> frozenset[str]:
    """The dictionary words that end at least `_NAME_ENDING_COUNT` of `names` after two or more
    letters: a given name the lists miss is often a listed one with such a word glued on."""
    counts: dict[str, int] = {}
    for name in names:
        for cut_at in range(2, len(name) - 1):
            ending = name[cut_at:]
            if ending in words:
                counts[ending] = counts.get(ending, 0) + 1
    # Of two letters, most are syllables (กร, ชา, มี); ใจ and ใส end names as words.
    return frozenset(
        ending
        for ending, count in counts.items()
        if count >= _NAME_ENDING_COUNT
        and ending not in _PARTICLES
        and (len(ending) >= 3 or ending in _SHORT_NAME_ENDINGS)
    )


# How often a word must occur in the Thai National Corpus (pythainlp's tnc_freq.txt, 106,000 words)
# to be a common word rather than a name, unless ORCHID tags it a proper noun: ประเสริฐ (1,093,
# proper noun), วิชัย (641), ธนา (398) and มาลี (315) stay names; ธนาคาร (4,643), ประจำ (15,150)
# and วัน (54,715) are words.
_COMMON_WORD_COUNT = 1000


def _orchid_tags() -> dict[str, str]:
    with as_file(files("pythainlp.corpus").joinpath("pos_orchid_unigram.json")) as path:
        tags: dict[str, str] = json.loads(path.read_text(encoding="utf-8-sig"))
    return tags


def _common_words(names: frozenset[str], tags: dict[str, str]) -> frozenset[str]:
    """The names in `names` that the corpus mostly uses as ordinary words. The frequency file is
    read here line by line, not through pythainlp's `tnc.word_freqs`, whose reader keeps every
    line of it cached for the life of the process (about 10 MB), nor as a list of its lines
    (10 MB more at the peak of loading)."""
    common = set()
    tnc = files("pythainlp.corpus").joinpath("tnc_freq.txt")
    with as_file(tnc) as path, path.open(encoding="utf-8") as lines:  # not all 106,000 at once
        for line in lines:
            word, _, count = line.rstrip("\n").partition("\t")
            frequent = count.strip().isdigit() and int(count) >= _COMMON_WORD_COUNT
            if word in names and frequent and tags.get(word) != "NPRP":
                common.add(word)
    return frozenset(common)


def _longest_listed(text: str, at: int, names: frozenset[str], longest: int) -> int:
    """The end of the longest name from `names` that starts at `at` (or `at` if none)."""
    for end in range(min(len(text), at + longest), at, -1):
        if text[at:end] in names:
            return end
    return at


def listed_name(word: str, lists: _NameLists) -> bool:
    """A nickname from the team's list, or a given name that is not mostly a common word."""
    return word in lists.nicknames or (word in lists.first and word not in lists.common)


def unknown_word(word: str, lists: _NameLists, *, verbs_ok: bool = False) -> bool:
    """A word of three letters or more that the dictionary lacks and that is no phrase: none of
    the tokeniser's pieces is a function word or (unless `verbs_ok`: Malay names hold Thai verbs'
    syllables, มะ|รอ|นิง) a verb ("ด้านที่ติด", "จ้างไม่จ่าย" are phrases)."""
    if len(word) < 3 or word in lists.words:
        return False
    stop = _stopwords()
    return not any(
        len(piece) >= 2
        and (piece in stop or piece in _AFTER_NAME or (not verbs_ok and piece in lists.predicates))
        for piece in segment(word)
    )


def _listed_at(text: str, at: int, lists: _NameLists, *, common_ok: bool = False) -> bool:
    for end in range(min(len(text), at + lists.longest), at + 1, -1):
        name = text[at:end]
        if (name in lists.first or name in lists.nicknames) and (
            common_ok or name not in lists.common
        ):
            return True
    return False


@cache
def _stopwords() -> frozenset[str]:
    from pythainlp.corpus import thai_stopwords

    return frozenset(thai_stopwords())
