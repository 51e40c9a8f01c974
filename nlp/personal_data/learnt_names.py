"""People's names found by a learnt tagger, beside the rules: a linear-chain CRF over the
tokeniser's words (`name_features`), trained on the civic corpus's train half
(`python -m nlp.training.names`; `nlp/models/RECORD.md` says on what).

The rules find names where a title, a list or what follows says so; they miss a nickname that is
also a common word after a kinship word or a rank ("ยายเขียน", "ผู้กองเก่ง"), names in odd
positions and the regions' forms of address. The tagger weighs the same facts together and
gives each word a probability of being part of a name; `learnt_names` returns the runs of words
at or above a threshold (`CAREFUL` for the officials' `redact`, `EAGER` for `redact_for_public`).
"""

from __future__ import annotations

import hashlib
import json
import re
import threading
from functools import cache, lru_cache
from pathlib import Path

import pycrfsuite

from nlp.personal_data.bare_names import _PLACE_WORDS
from nlp.personal_data.chain_marginals import ChainWeights, marginals
from nlp.personal_data.cut import _WORD_START, _is_thai
from nlp.personal_data.kin_context import KIN
from nlp.personal_data.name_features import Token, _facts, features, tokens_of
from nlp.personal_data.name_scores import UNSCORABLE, NameScorer
from nlp.personal_data.name_words import _FUNCTION_WORDS, _PARTICLES, _word_set
from nlp.personal_data.role_names import _PRONOUNS
from nlp.personal_data.roles import _ROLE_WORDS, COMPOUNDS_AFTER
from nlp.text_model import ModelIntegrityError

MODEL_FILE = "names.crfsuite"
RECORD_NAME = "names.json"
NAME_LABELS = ("B-NAME", "I-NAME")
MODEL_PATH = Path(__file__).resolve().parents[1] / "models" / MODEL_FILE

# Marginal probability a word needs to be masked on the public page and the boards' digests
# (`redact_for_public`), and in what officials read (`redact`): the lowest threshold at which,
# cross-validated on the train half with the negatives (`nlp.training.names_check cv`), the
# tagger touches no must-keep span and adds almost nothing outside the must-mask spans.
EAGER = 0.5
CAREFUL = 0.95

_lock = threading.Lock()


@cache
def _tagger() -> pycrfsuite.Tagger | None:
    """The shipped model, opened once, after checking its bytes are the ones its record names;
    None when no model is shipped (the rules alone then)."""
    if not MODEL_PATH.exists():
        return None
    record = json.loads((MODEL_PATH.parent / RECORD_NAME).read_text(encoding="utf-8"))
    if hashlib.sha256(MODEL_PATH.read_bytes()).hexdigest() != record["artefact"]["sha256"]:
        raise ModelIntegrityError(f"{MODEL_PATH} is not the model {RECORD_NAME} describes")
    tagger = pycrfsuite.Tagger()
    tagger.open(str(MODEL_PATH))
    return tagger


@cache
def _known_features() -> frozenset[str] | None:
    """The features the shipped model has weights for (None without a model, or if its listing
    does not account for every one): `features` leaves out the rest, which the tagger would
    only look up and drop."""
    tagger = _tagger()
    if tagger is None:
        return None
    listing = tagger.info()
    known = frozenset(listing.attributes)
    return known if len(known) == int(listing.header["num_attrs"]) else None


def probabilities(tokens: list[Token]) -> list[float]:
    """Each token's marginal probability of being part of a name (zeros without a model):
    computed from the model's weights (`name_scores`, `chain_marginals`), or by crfsuite when
    they cannot be read or a token holds a character its listing of features cannot show."""
    tagger = _tagger()
    if tagger is None or not tokens:
        return [0.0] * len(tokens)
    scorer = _scorer()
    if scorer is not None and all(UNSCORABLE.isdisjoint(token[0]) for token in tokens):
        by_label = marginals(scorer.scores(tokens), scorer.weights.transitions)
        names = _name_columns(scorer)
        if len(names) == 2:
            first, second = names
            return [row[first] + row[second] for row in by_label]
        return [sum(row[i] for i in names) for row in by_label]
    known = _known_features()
    with _lock:  # one tagger, one sequence at a time
        return name_marginals(tagger, tokens, known)


@cache
def _scorer() -> NameScorer | None:
    """The shipped model's weights, read from its file once (None without a full listing of
    its features)."""
    tagger, known = _tagger(), _known_features()
    if tagger is None or known is None:
        return None
    listing = tagger.info()
    labels = {name: int(index) for name, index in listing.labels.items()}
    attributes = {name: int(index) for name, index in listing.attributes.items()}
    return NameScorer(ChainWeights.read(MODEL_PATH, labels, attributes), known)


@cache
def _name_columns(scorer: NameScorer) -> tuple[int, ...]:
    """Where the name labels the model knows are among its labels, in `NAME_LABELS` order (as
    `name_marginals` adds them)."""
    labels = scorer.weights.labels
    return tuple(labels.index(label) for label in NAME_LABELS if label in labels)


def name_marginals(
    tagger: pycrfsuite.Tagger, tokens: list[Token], known: frozenset[str] | None = None
) -> list[float]:
    """Each token's marginal probability of being part of a name, by `tagger` (the shipped one
    or one trained in a fold, which may not have seen an I-NAME); `known`, the features its
    model has weights for, makes it faster and changes nothing."""
    if not tokens:
        return []
    tagger.set(features(tokens, known))
    labels = set(tagger.labels())
    marginal = tagger.marginal
    by_label = [
        [marginal(label, i) for i in range(len(tokens))] for label in NAME_LABELS if label in labels
    ]
    if not by_label:
        return [0] * len(tokens)
    return [sum(both) for both in zip(*by_label, strict=True)]


def spans_from(tokens: list[Token], probs: list[float], at: float) -> list[tuple[int, int]]:
    """Runs of adjacent Thai words whose probability is `at` or more, as (start, end) offsets.
    Words in other scripts are left to the rules (`latin_names`): on Wisesight the tagger took
    brands, products and song titles in capitals for names. A run right after a place word, or
    after one and a kinship word, is a place named after someone and stays (`_named_place`)."""
    runs: list[tuple[int, int]] = []  # token indices, first and last
    for i, (token, p) in enumerate(zip((t[0] for t in tokens), probs, strict=True)):
        if p < at or not _is_thai(token):
            continue
        if runs and runs[-1][1] == i - 1:
            runs[-1] = (runs[-1][0], i)
        else:
            runs.append((i, i))
    return [
        (tokens[first][1], tokens[last][2])
        for first, last in runs
        if not _named_place(tokens, first)
        and not _address_inside_a_word(tokens, first)
        and not _compound_with_address(tokens, first)
        and _could_be_a_name(tokens[first : last + 1])
    ]


# Closed-class words a name never is: particles, pronouns, function words and the commonest
# curse (the chat's "พี่สิเลี้ยง", "พี่อะทำโอ", "อีห่า" on Wisesight).
_NEVER_NAMES = (
    _PARTICLES
    | _PRONOUNS
    | _FUNCTION_WORDS
    | _word_set("และ หรือ สิ อะ ค่า ค่ะ คะ ครับ นะ แม่ง ห่า เหี้ย ขา ด้วย กับ")
)
_STRETCHED = re.compile(r"(.)\1\1")  # a letter typed three times: "งงง", "ขาาา", "เหี้ยยยย"


def _could_be_a_name(run: list[Token]) -> bool:
    """Not a run of closed-class words, a word stretched for effect, or a piece of a word
    (starting with a vowel sign or ๆ)."""
    text = "".join(t[0] for t in run)
    return (
        text[0] in _WORD_START
        and not _STRETCHED.search(text)
        and not all(t[0] in _NEVER_NAMES for t in run)
    )


# Words before a name that make it a place's ("ถนนเอกชัย", "คอนโดบุญญพิทักษ์", "ม.จันทร์เกษม"):
# not บ้าน, which says whose house it is ("บ้านสมชาย").
_PLACES = (_PLACE_WORDS - {"บ้าน"}) | _word_set(
    "คอนโด อพาร์ทเมนท์ อพาร์ตเมนต์ หอพัก ม. มหาวิทยาลัย สาขา โรงแรม อู่ รีสอร์ท"
)


def _named_place(tokens: list[Token], first: int) -> bool:
    """Whether the run from token `first` follows a place word, or a place word and a kinship
    word ("ซอยป้าแดง", "ตลาดลุงพล"; not "ร้านส้มตำป้า…", whose name is masked)."""
    before = tokens[first - 1][0] if first >= 1 else ""
    if before in _PLACES:
        return True
    two_before = tokens[first - 2][0] if first >= 2 else ""
    return before in KIN and two_before in _PLACES and two_before != "ร้าน"


def _address_inside_a_word(tokens: list[Token], first: int) -> bool:
    """Whether the run from token `first` follows a form of address that is here a piece of a
    longer word the tokeniser split ("ซื้อไว|ตา|มิ้นท์", "ป้า|ย"): by the letters the rules'
    `roles._ROLE_WORDS` say may not come right before or after it (ตา before ม, ย, ร)."""
    k = first - 1
    if k < 0:
        return False
    letters = _ROLE_WORDS.get(tokens[k][0])
    if letters is None:
        return False
    not_before, not_after = letters
    glued_before = k >= 1 and not tokens[k][3] and tokens[k - 1][2] == tokens[k][1]
    before = tokens[k - 1][0][-1] if glued_before else ""
    return bool(before and before in not_before) or tokens[first][0][0] in not_after


def _compound_with_address(tokens: list[Token], first: int) -> bool:
    """Since round 14: whether the run from token `first` makes the form of address before it a
    compound that names no one (`roles.COMPOUNDS_AFTER`: เถ้าแก่|น้อย, a young entrepreneur)."""
    return first >= 1 and tokens[first][0] in COMPOUNDS_AFTER.get(tokens[first - 1][0], ())


@lru_cache(maxsize=16)
def _tagged(text: str) -> tuple[list[Token], list[float]]:
    """The tokens of `text` and their probabilities (the officials' and the public redaction
    read the same message one after the other)."""
    tokens = _tokens(text)
    return tokens, probabilities(tokens)


@lru_cache(maxsize=16)
def _tokens(text: str) -> list[Token]:
    """`tokens_of(text)` for `may_name_someone` and then the tagger (read only: shared)."""
    return tokens_of(text)


def learnt_names(text: str, at: float) -> list[tuple[int, int]]:
    """The name spans the tagger finds in `text` at probability `at` or more."""
    if not _ANY_THAI.search(text):
        return []
    tokens, probs = _tagged(text)
    return spans_from(tokens, probs, at)


_ANY_THAI = re.compile("[\u0e01-\u0e4e]")
# What a word a name follows or a name itself is, in `name_features`' facts ("address" holds
# หลวงพ่อ, พระมหา …); and the parts of a monk's title the tokeniser cuts apart (พระ|มหา|สมพงษ์).
_STRONG_CUE_FACTS = frozenset({"address", "title", "name_word", "latin_name"})
_COMMONEST = frozenset({"freq=10k", "freq=100k"})  # `word_classes.frequency_bin`'s top bins
_MONASTIC = _word_set("พระ มหา สามเณร เณร")


def may_name_someone(text: str) -> bool:
    """Whether a word of `text` is one a name follows or a listed name: a kinship word, a rank,
    a title, ชื่อ or คุณ, a monk's title, a listed family name or nickname, a given name that is
    not also a common word, a Latin-script given name. The tagger's spans at `CAREFUL` all had
    one on the train half and Traffy's texts but a monk's name after พระมหา, now listed (16,329
    texts); two in three of Traffy's texts have none, and skip the tagger's features and
    tagging."""
    return any(_cues_a_name(token) for token, _, _, _ in _tokens(text))


@lru_cache(maxsize=4096)
def _cues_a_name(token: str) -> bool:
    """Whether a name may follow `token` or `token` may be one (`may_name_someone`). A listed
    name that is also one of the commonest words (มี, น้ำ, ต้น, เล็ก, หนึ่ง: 10,000 uses or more
    in the Thai National Corpus) does not by itself: มี alone sent 53 % of Traffy's texts to the
    tagger, 33 % without them, and of 48,855 texts (Traffy, the civic corpus, Wisesight) the
    tagger found a name at `CAREFUL` in one that only they cued."""
    if token in _MONASTIC:
        return True
    facts = _facts(token)
    if _STRONG_CUE_FACTS.intersection(facts):
        return True
    listed = (
        "nick" in facts or "family" in facts or ("first" in facts and "common_first" not in facts)
    )
    return listed and not ("dict" in facts and _COMMONEST.intersection(facts))


def warm_up() -> None:
    """Open the model, list its features and read its weights now, not on the first message."""
    _scorer()
