"""How the shipped pipeline reads the civic corpus's test half (``nlp/corpus/civic.jsonl``).

The test half is never trained or tuned on (see ``nlp.training.civic``), so these figures say
how Siang reads citizens it has not seen, across regions, topics and ways of writing:

* ``category``: the best label counts as right when it is the message's category or one of its
  acceptable alternatives; per-label precision, recall and F1 (target: none below 0.75),
  macro-F1, and how often the score is sure enough to propose alone (and right when it is);
* ``language``: non-Thai, empty and meaningless messages say so;
* ``intent`` (target ≥ 0.92, question recall ≥ 0.9) and ``sentiment`` (target ≥ 0.85);
* ``urgency``: every emergency rated high (recall 1.0) and at least 80 % of the messages rated
  high really urgent (precision ≥ 0.8), with the emergencies missed listed by id; and
  ``traffy_rated_high``, the share of Traffy's DEV tickets rated high (a false-alarm watch on
  everyday reports the team did not write);
* ``places``: province and district right where the text determines them, a wrong district,
  and ambiguous names left for the citizen to choose;
* ``personal_data``: must-mask spans left in the redacted text, must-keep spans touched (and the
  same for the stricter public redaction: ``public_left``, ``public_touched``). House
  numbers are must-mask spans since December 2026 (they were must-keep; see
  ``nlp.training.civic_house_numbers``): they are also counted apart, and the figures without
  them compare with the earlier ones.
"""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path
from typing import Any

from nlp.analysis import CERTAIN_CATEGORY_SCORE, Intent, MessageAnalysis, Urgency
from nlp.personal_data import redact_for_public
from nlp.pipeline import ThaiAnalyzer
from nlp.training.civic import CORPUS_FILE, CivicMessage, read_corpus
from nlp.training.civic_house_numbers import is_house_number


def _ratio(numerator: int, denominator: int) -> float | None:
    return round(numerator / denominator, 4) if denominator else None


def _f1(precision: float | None, recall: float | None) -> float | None:
    if not precision or not recall:
        return 0.0 if precision is not None and recall is not None else None
    return round(2 * precision * recall / (precision + recall), 4)


def label_scores(pairs: list[tuple[str, str]]) -> dict[str, dict[str, Any]]:
    """Precision, recall, F1 and support per true label, from (truth, predicted) pairs."""
    labels = sorted({truth for truth, _ in pairs})
    result: dict[str, dict[str, Any]] = {}
    for label in labels:
        tp = sum(1 for t, p in pairs if t == label and p == label)
        predicted = sum(1 for _, p in pairs if p == label)
        support = sum(1 for t, _ in pairs if t == label)
        precision, recall = _ratio(tp, predicted), _ratio(tp, support)
        result[label] = {
            "precision": precision,
            "recall": recall,
            "f1": _f1(precision, recall),
            "support": support,
        }
    return result


def _category(
    messages: list[CivicMessage], analyses: list[MessageAnalysis], language: str = "th"
) -> dict[str, Any]:
    """The category on the messages in ``language`` that have one (English apart: the Thai
    model reads it through `nlp.english_gloss`)."""
    pairs: list[tuple[str, str]] = []
    certain = certain_right = 0
    for message, analysis in zip(messages, analyses, strict=True):
        if message.category is None or message.language != language:
            continue
        best = analysis.category or "-"
        right = best in message.acceptable
        pairs.append((message.category, message.category if right else best))
        if analysis.categories and analysis.categories[0].score >= CERTAIN_CATEGORY_SCORE:
            certain += 1
            certain_right += right
    per_label = label_scores(pairs)
    f1s = [v["f1"] for v in per_label.values() if v["f1"] is not None]
    below = sorted(label for label, v in per_label.items() if (v["f1"] or 0) < 0.75)
    return {
        "n": len(pairs),
        "accuracy": _ratio(sum(1 for t, p in pairs if t == p), len(pairs)),
        "macro_f1": round(sum(f1s) / len(f1s), 4) if f1s else None,
        "lowest_f1": min(f1s) if f1s else None,
        "labels_below_0_75": len(below),
        "below_0_75": ", ".join(below),
        "certain_share": _ratio(certain, len(pairs)),
        "certain_accuracy": _ratio(certain_right, certain),
        "per_label": per_label,
    }


def _language(messages: list[CivicMessage], analyses: list[MessageAnalysis]) -> dict[str, Any]:
    others = [
        (m, a)
        for m, a in zip(messages, analyses, strict=True)
        if m.language != "th" or m.intent is Intent.UNCLEAR
    ]
    said = sum(
        1
        for m, a in others
        if (a.language == m.language if m.language != "th" else a.intent is Intent.UNCLEAR)
    )
    # English is read (through `nlp.english_gloss`), so a confident category there is a reading,
    # counted apart; elsewhere (Lao, Khmer, Chinese, Burmese, gibberish) it is a guess.
    unread = [(m, a) for m, a in others if m.language != "en"]
    english = [(m, a) for m, a in others if m.language == "en"]
    return {
        "n": len(others),
        "accuracy": _ratio(said, len(others)),
        "unread_n": len(unread),
        "confident_category_unread": sum(_confident(a) for _, a in unread),
        "english_n": len(english),
        "confident_category_english": sum(_confident(a) for _, a in english),
    }


def _confident(analysis: MessageAnalysis) -> bool:
    return bool(analysis.categories) and analysis.categories[0].score >= CERTAIN_CATEGORY_SCORE


def _labels(
    name: str, truth: list[str], predicted: list[str], *, recall_of: str | None = None
) -> dict[str, Any]:
    pairs = list(zip(truth, predicted, strict=True))
    per_label = label_scores(pairs)
    f1s = [v["f1"] for v in per_label.values() if v["f1"] is not None]
    result: dict[str, Any] = {
        "task": name,
        "n": len(pairs),
        "accuracy": _ratio(sum(1 for t, p in pairs if t == p), len(pairs)),
        "macro_f1": round(sum(f1s) / len(f1s), 4) if f1s else None,
        "per_label": per_label,
        "confusions": ", ".join(
            f"{t}→{p} {n}"
            for (t, p), n in Counter((t, p) for t, p in pairs if t != p).most_common(8)
        ),
    }
    if recall_of is not None:
        result[f"{recall_of}_recall"] = per_label.get(recall_of, {}).get("recall")
    return result


def _urgency(messages: list[CivicMessage], analyses: list[MessageAnalysis]) -> dict[str, Any]:
    urgent = [m.urgency is Urgency.HIGH for m in messages]
    rated = [a.urgency is Urgency.HIGH for a in analyses]
    missed = [m.id for m, u, r in zip(messages, urgent, rated, strict=True) if u and not r]
    false = [m.id for m, u, r in zip(messages, urgent, rated, strict=True) if r and not u]
    hazards_right = sum(
        1
        for m, a in zip(messages, analyses, strict=True)
        if m.urgency is Urgency.HIGH and set(m.hazards) & set(a.hazards)
    )
    return {
        "emergencies": sum(urgent),
        "rated_high": sum(rated),
        "emergency_recall": _ratio(
            sum(u and r for u, r in zip(urgent, rated, strict=True)), sum(urgent)
        ),
        "high_precision": _ratio(
            sum(u and r for u, r in zip(urgent, rated, strict=True)), sum(rated)
        ),
        "hazard_named": _ratio(hazards_right, sum(urgent)),
        "missed": ", ".join(missed),
        "false_alarms": ", ".join(false),
        "accuracy": _ratio(
            sum(1 for m, a in zip(messages, analyses, strict=True) if m.urgency is a.urgency),
            len(messages),
        ),
    }


def _places(messages: list[CivicMessage], analyses: list[MessageAnalysis]) -> dict[str, Any]:
    province_n = province_right = district_n = district_right = district_wrong = 0
    ambiguous_n = ambiguous_guessed = 0
    for m, a in zip(messages, analyses, strict=True):
        place = a.place
        if m.ambiguous_place:
            ambiguous_n += 1
            ambiguous_guessed += place.province is not None and not m.province
        if m.province:
            province_n += 1
            province_right += place.province == m.province
        if m.district:
            district_n += 1
            district_right += place.district == m.district
        if (
            place.district is not None
            and place.district != m.district
            and (m.district or (m.province and place.province != m.province))
        ):
            district_wrong += 1
    return {
        "province_n": province_n,
        "province_found": _ratio(province_right, province_n),
        "district_n": district_n,
        "district_found": _ratio(district_right, district_n),
        "district_wrong": _ratio(district_wrong, len(messages)),
        "ambiguous_n": ambiguous_n,
        "ambiguous_guessed": ambiguous_guessed,
    }


def _personal_data(messages: list[CivicMessage], analyses: list[MessageAnalysis]) -> dict[str, Any]:
    masks = keeps = leaked = touched = houses = houses_left = public_left = public_touched = 0
    leaks: list[str] = []
    for m, a in zip(messages, analyses, strict=True):
        public = redact_for_public(m.text).text if m.mask or m.keep else m.text
        for span in m.mask:
            masks += 1
            house = is_house_number(span)
            houses += house
            public_left += span in public
            if span in a.redacted:
                leaked += 1
                houses_left += house
                leaks.append(m.id)
        for span in m.keep:
            keeps += 1
            touched += span not in a.redacted
            public_touched += span not in public
    return {
        "must_mask": masks,
        "left": leaked,
        "must_keep": keeps,
        "touched": touched,
        "convention": "house numbers are must-mask spans (must-keep before December 2026)",
        "house_numbers_must_mask": houses,
        "house_numbers_left": houses_left,
        "must_mask_without_house_numbers": masks - houses,
        "left_without_house_numbers": leaked - houses_left,
        # what anyone may read (the public page, the boards' digests): `redact_for_public`
        "public_left": public_left,
        "public_touched": public_touched,
        "leaks": ", ".join(dict.fromkeys(leaks)),
    }


HALVES = ("test", "train", "both")


def evaluate_civic(
    data_dir: Path | None = None,
    *,
    split: str | None = None,
    corpus: Path = CORPUS_FILE,
    analyzer: ThaiAnalyzer | None = None,
    batch: str | None = None,
) -> dict[str, Any]:
    """Every figure on one half of the civic corpus with the shipped pipeline (or ``analyzer``).

    ``split`` is ``test`` (the default), ``train`` or ``both``. ``batch`` (an id prefix such as
    ``b14``) narrows it to one batch, by default both of its halves: a new batch is measured
    this way before anything is trained or tuned on it; afterwards its test half
    (``split="test"``) is the honest figure. Batches written as training material only (b13
    and earlier) lie wholly in the train half."""
    split = split or ("both" if batch is not None else "test")
    if split not in HALVES:
        raise ValueError(f"unknown half {split!r}; choose from {list(HALVES)}")
    messages = [
        m
        for m in read_corpus((corpus,))
        if split in ("both", m.split) and (batch is None or m.id.startswith(f"{batch}-"))
    ]
    if not messages:
        raise ValueError(f"no {split} messages in the civic corpus with ids {batch}-…")
    analyzer = analyzer or ThaiAnalyzer.load()
    analyses = [analyzer.analyze(m.text) for m in messages]
    provinces = {m.province for m in messages if m.province}
    return {
        "split": split if batch is None else f"{split}, batch {batch}",
        "messages": len(messages),
        "provinces": len(provinces),
        "category": _category(messages, analyses),
        "category_english": _category(messages, analyses, language="en"),
        "language": _language(messages, analyses),
        "intent": _labels(
            "intent",
            [m.intent.value for m in messages],
            [a.intent.value for a in analyses],
            recall_of="question",
        ),
        "sentiment": _labels(
            "sentiment",
            [m.sentiment.value for m in messages],
            [a.sentiment.value for a in analyses],
        ),
        "urgency": _urgency(messages, analyses)
        | (_traffy_rated_high(data_dir, analyzer) if batch is None else {}),
        "places": _places(messages, analyses),
        "personal_data": _personal_data(messages, analyses),
    }


TICKETS = "traffy_tickets.csv"


def _traffy_rated_high(data_dir: Path | None, analyzer: ThaiAnalyzer) -> dict[str, Any]:
    """The share of Traffy's DEV tickets rated high: real citizens' everyday reports (nobody on
    the team wrote them), nearly all of them repairs, so mostly false alarms; the corpus's test
    half is rich in emergencies and hides how often an ordinary report is called urgent."""
    path = data_dir / TICKETS if data_dir is not None else None
    if path is None or not path.exists():
        return {}
    with path.open(encoding="utf-8", newline="") as handle:
        texts = [row["text"] for row in csv.DictReader(handle) if row.get("text")]
    high = sum(1 for text in texts if analyzer.analyze(text).urgency is Urgency.HIGH)
    return {"traffy_tickets": len(texts), "traffy_rated_high": _ratio(high, len(texts))}
