"""General facts about a Thai word for the name tagger (`name_features`): its commonest
part of speech in ORCHID (pythainlp's unigram tags; only the 4,500 words not tagged a plain
common noun are kept) and how common it is in the Thai National Corpus (a bin, for the 6,500
words seen 300 times or more). A name after ลุง is rarely a preposition (แถว), a classifier or
a pronoun; how often a word is written says how likely it is to be an ordinary one."""

from __future__ import annotations

import json
from functools import cache
from importlib.resources import as_file, files

from nlp.personal_data.name_lists import _NameLists, _orchid_tags
from nlp.tokenise import segment

# Counts at which a word moves to the next bin (tnc_freq.txt).
_BINS = ((100_000, "100k"), (10_000, "10k"), (1_000, "1k"), (300, "300"))


@cache
def part_of_speech() -> dict[str, str]:
    """ORCHID's commonest tag of each word, for the words whose tag is not NCMN."""
    return {word: tag for word, tag in _orchid_tags().items() if tag != "NCMN"}


@cache
def frequency_bin() -> dict[str, str]:
    """The TNC frequency bin of each word seen 300 times or more."""
    out: dict[str, str] = {}
    tnc = files("pythainlp.corpus").joinpath("tnc_freq.txt")
    with as_file(tnc) as path, path.open(encoding="utf-8") as lines:
        for line in lines:
            word, _, count = line.rstrip("\n").partition("\t")
            if not count.strip().isdigit():
                continue
            n = int(count)
            for at, name in _BINS:
                if n >= at:
                    out[word] = name
                    break
    return out


@cache
def ud_verbs() -> frozenset[str]:
    """The words pythainlp's unigram tagger for the Thai Universal Dependencies treebank tags VERB
    most often: it knows the everyday verbs ORCHID leaves untagged (ล้ม, นอน, หลับ, สะดุด)."""
    with as_file(files("pythainlp.corpus").joinpath("pos_tud_unigram.json")) as path:
        tags: dict[str, str] = json.loads(path.read_text(encoding="utf-8-sig"))
    return frozenset(word for word, tag in tags.items() if tag == "VERB")


def reads_as_words(word: str, lists: _NameLists) -> bool:
    """Dictionary words run together, one of them of three letters or more and seen a thousand
    times or more in the Thai National Corpus ("สาย|ตา|เวลา", "เสียง|สุนัข"): a phrase, not a
    name the dictionary lacks ("แฮ|เลาะ", "ยู|โซะ" stay names). Since round 12."""
    pieces = segment(word)
    bins = frequency_bin()
    return (
        len(pieces) > 1
        and all(p in lists.words for p in pieces)
        and any(len(p) >= 3 and bins.get(p) in _COMMON_BINS for p in pieces)
    )


_COMMON_BINS = frozenset({"1k", "10k", "100k"})
