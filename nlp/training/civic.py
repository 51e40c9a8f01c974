"""The team's civic Thai corpus (``nlp/corpus/civic.jsonl``): read, check and split.

Realistic chat messages as citizens write them, written by the Siang team (CC0; see
``nlp/corpus/README.md``), each labelled with what every part of the pipeline should say about
it. Every row carries its ``split`` ("train" or "test"), fixed once when the row was added (by a
hash of its id, see ``assign_split``), so adding rows never moves an old one: the test half is
never trained or tuned on, and is what ``siang nlp eval`` reports.

``python -m nlp.training.civic [FILE ...]`` checks files and prints what they hold;
``python -m nlp.training.civic --add FILE ...`` checks new rows and adds them to the corpus,
each with its split (rows already there keep theirs); ``--add-train`` adds a batch written
as training material only, every row to the train half.
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from nlp.analysis import Hazard, Intent, Sentiment, Urgency
from nlp.categories import LABELS
from nlp.normalise import normalise

CORPUS_FILE = Path(__file__).resolve().parents[1] / "corpus" / "civic.jsonl"
LANGUAGES = frozenset({"th", "en", "lo", "km", "zh", "my", "other", "none"})
SPLITS = ("train", "test")
_FIELDS = {
    "id",
    "text",
    "category",
    "also",
    "intent",
    "sentiment",
    "urgency",
    "hazards",
    "province",
    "district",
    "subdistrict",
    "ambiguous_place",
    "mask",
    "keep",
    "language",
    "split",
    "note",
}


class CorpusError(ValueError):
    """Rows that break the corpus's rules; the message lists each as ``FILE:LINE: problem``."""


@dataclass(frozen=True, slots=True)
class CivicMessage:
    id: str
    text: str
    category: str | None  # None: not about any topic (a greeting, a follow-up, gibberish)
    also: tuple[str, ...]  # other categories that are acceptable answers
    intent: Intent
    sentiment: Sentiment
    urgency: Urgency
    hazards: tuple[Hazard, ...]
    province: str | None  # official Thai names without prefix, where the text determines them
    district: str | None
    subdistrict: str | None
    ambiguous_place: bool  # the text names a place that exists in several provinces, no more
    mask: tuple[str, ...]  # substrings that must be masked as personal data
    keep: tuple[str, ...]  # substrings that must come out untouched
    language: str
    split: str

    @property
    def acceptable(self) -> frozenset[str]:
        """Every category that counts as right."""
        return frozenset(({self.category} if self.category else set()) | set(self.also))


def fold_of(message_id: str, folds: int, salt: str = "") -> int:
    """A message's fold among ``folds``, by a hash of its id (``salt`` makes another draw): the
    same id always lands in the same fold."""
    return hashlib.sha256(f"{salt}{message_id}".encode()).digest()[0] % folds


def assign_split(message_id: str) -> str:
    """Half the ids go to test, by a hash: the same id always lands in the same half."""
    return "test" if fold_of(message_id, 2) else "train"


def _strings(value: object) -> list[str] | None:
    if value is None:
        return []
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return value
    return None


def parse_row(
    row: dict[str, object], *, need_split: bool = True
) -> tuple[CivicMessage | None, list[str]]:
    """One JSON object as a message, or the problems that keep it from being one."""
    problems: list[str] = []
    unknown = set(row) - _FIELDS
    if unknown:
        problems.append(f"unknown fields {sorted(unknown)}")
    text = row.get("text")
    message_id = row.get("id")
    if not isinstance(message_id, str) or not message_id:
        problems.append("id must be a non-empty string")
    if not isinstance(text, str):
        problems.append("text must be a string")
        text = ""
    category = row.get("category")
    if category is not None and category not in LABELS:
        problems.append(f"category {category!r} is not a label")
    also = _strings(row.get("also"))
    if also is None or any(label not in LABELS for label in also):
        problems.append(f"also {row.get('also')!r} must list labels")
        also = []
    hazards = _strings(row.get("hazards"))
    if hazards is None or any(h not in Hazard._value2member_map_ for h in hazards):
        problems.append(f"hazards {row.get('hazards')!r} must list hazards")
        hazards = []
    values: dict[str, str] = {}
    for name, enum in (("intent", Intent), ("sentiment", Sentiment), ("urgency", Urgency)):
        value = row.get(name)
        if not isinstance(value, str) or value not in enum._value2member_map_:
            problems.append(f"{name} {value!r} is not one of {list(enum._value2member_map_)}")
        else:
            values[name] = value
    if values.get("urgency") == Urgency.HIGH and not hazards:
        problems.append("urgency high needs at least one hazard")
    if hazards and values.get("urgency") != Urgency.HIGH:
        problems.append("hazards are only for urgency high")
    if category is None and values.get("intent") in (Intent.COMPLAINT, Intent.SUGGESTION):
        problems.append("a complaint or suggestion needs a category")
    places: dict[str, str | None] = {}
    for name in ("province", "district", "subdistrict"):
        value = row.get(name)
        if value is not None and (not isinstance(value, str) or not value):
            problems.append(f"{name} must be a name or null")
            value = None
        places[name] = value
    if places["district"] and not places["province"]:
        problems.append("a district needs its province")
    mask, keep = _strings(row.get("mask")), _strings(row.get("keep"))
    if mask is None or keep is None:
        problems.append("mask and keep must list strings")
        mask, keep = mask or [], keep or []
    for span in (*mask, *keep):
        if not span or span not in text:
            problems.append(f"{span!r} is not in the text")
    language = row.get("language", "th")
    if language not in LANGUAGES:
        problems.append(f"language {language!r} is not one of {sorted(LANGUAGES)}")
    split = row.get("split")
    if need_split and split not in SPLITS:
        problems.append(f"split {split!r} must be train or test")
    ambiguous = row.get("ambiguous_place", False)
    if not isinstance(ambiguous, bool):
        problems.append("ambiguous_place must be true or false")
    if problems:
        return None, problems
    return (
        CivicMessage(
            id=str(message_id),
            text=text,
            category=category if isinstance(category, str) else None,
            also=tuple(also),
            intent=Intent(values["intent"]),
            sentiment=Sentiment(values["sentiment"]),
            urgency=Urgency(values["urgency"]),
            hazards=tuple(Hazard(h) for h in hazards),
            province=places["province"],
            district=places["district"],
            subdistrict=places["subdistrict"],
            ambiguous_place=bool(ambiguous),
            mask=tuple(mask),
            keep=tuple(keep),
            language=str(language),
            split=str(split) if split in SPLITS else assign_split(str(message_id)),
        ),
        [],
    )


def read_corpus(
    paths: Iterable[Path] = (CORPUS_FILE,), *, need_split: bool = True
) -> list[CivicMessage]:
    """Every message in the files; raises CorpusError listing every problem (and duplicate ids
    or texts) with its file and line."""
    messages: list[CivicMessage] = []
    problems: list[str] = []
    seen_ids: dict[str, str] = {}
    seen_texts: dict[str, str] = {}
    for path in paths:
        for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            where = f"{path}:{number}"
            try:
                row = json.loads(line)
            except json.JSONDecodeError as error:
                problems.append(f"{where}: not JSON: {error.msg}")
                continue
            if not isinstance(row, dict):
                problems.append(f"{where}: not a JSON object")
                continue
            message, found = parse_row(row, need_split=need_split)
            problems += [f"{where}: {problem}" for problem in found]
            if message is None:
                continue
            if message.id in seen_ids:
                problems.append(f"{where}: id {message.id} also at {seen_ids[message.id]}")
            same = normalise(message.text)  # "5555" and "555" are the same message
            if same and same in seen_texts:
                problems.append(f"{where}: same text as {seen_texts[same]}")
            seen_ids[message.id] = where
            seen_texts[same] = where
            messages.append(message)
    if problems:
        raise CorpusError(f"{len(problems)} problem(s):\n" + "\n".join(problems))
    return messages


def describe(messages: list[CivicMessage]) -> str:
    """Counts by split, category, intent, urgency and province, for a person to read."""
    lines = [
        f"{len(messages)} messages: "
        + ", ".join(
            f"{split} {count}"
            for split, count in sorted(Counter(m.split for m in messages).items())
        )
    ]
    for title, counter in (
        ("category", Counter(m.category or "-" for m in messages)),
        ("intent", Counter(m.intent.value for m in messages)),
        ("sentiment", Counter(m.sentiment.value for m in messages)),
        ("urgency", Counter(m.urgency.value for m in messages)),
        ("language", Counter(m.language for m in messages)),
    ):
        lines.append(f"{title}: " + ", ".join(f"{k} {v}" for k, v in counter.most_common()))
    provinces = Counter(m.province for m in messages if m.province)
    lines.append(
        f"provinces: {len(provinces)} named; with personal data: "
        f"{sum(1 for m in messages if m.mask)}"
    )
    return "\n".join(lines)


def place_problems(messages: Iterable[CivicMessage]) -> list[str]:
    """Place labels that are not official names, or a district outside its province."""
    from nlp.gazetteer import Gazetteer  # the gazetteer loads geothai: only when checking

    gazetteer = Gazetteer.load()
    provinces = {area.name: area.code for area in gazetteer.provinces.values()}
    problems: list[str] = []
    for message in messages:
        if message.province is None:
            continue
        code = provinces.get(message.province)
        if code is None:
            problems.append(f"{message.id}: no province named {message.province!r}")
            continue
        if message.district is None:
            continue
        districts = [d for d in gazetteer.districts_of(code) if d.name == message.district]
        if not districts:
            problems.append(f"{message.id}: no district {message.district!r} in {message.province}")
            continue
        if message.subdistrict is not None and not any(
            s.name == message.subdistrict and s.district_code == districts[0].code
            for s in gazetteer.subdistricts.values()
        ):
            problems.append(
                f"{message.id}: no subdistrict {message.subdistrict!r} in {message.district}"
            )
    return problems


def add_rows(
    new_files: Iterable[Path], corpus: Path = CORPUS_FILE, *, train_only: bool = False
) -> int:
    """Add the rows of ``new_files`` to the corpus with their split (by the hash of the id, or
    ``train`` for every row of a batch written as training material only); returns how many."""
    new_files = list(new_files)
    read_corpus([*([corpus] if corpus.is_file() else []), *new_files], need_split=False)
    lines = corpus.read_text(encoding="utf-8").splitlines() if corpus.is_file() else []
    added = 0
    for path in new_files:
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            row = json.loads(line)
            row["split"] = "train" if train_only else assign_split(row["id"])
            lines.append(json.dumps(row, ensure_ascii=False))
            added += 1
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return added


def main(argv: list[str]) -> int:
    if argv[:1] in (["--add"], ["--add-train"]):
        try:
            added = add_rows((Path(arg) for arg in argv[1:]), train_only=argv[0] == "--add-train")
        except CorpusError as error:
            print(error, file=sys.stderr)
            return 1
        print(f"added {added} rows to {CORPUS_FILE}")
        argv = []
    paths = [Path(arg) for arg in argv] or [CORPUS_FILE]
    try:
        messages = read_corpus(paths, need_split=False)
    except CorpusError as error:
        print(error, file=sys.stderr)
        return 1
    problems = place_problems(messages)
    if problems:
        print(f"{len(problems)} place problem(s):\n" + "\n".join(problems), file=sys.stderr)
        return 1
    print(describe(messages))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
