"""Train every classifier from CSVs shaped like ``../shared/data`` (``siang nlp train --data DIR``).

Reproducible: the same files give the same model (fixed seeds, deterministic solvers, sorted
inputs). What goes in: Traffy Fondue's category files (``traffy_type.csv``, ``traffy_tickets.csv``,
``traffy_crowdlabel.csv``; texts never copied into the repo, only model weights), the Wisesight
sentiment corpus (CC0) and the team-written examples in ``nlp/examples`` (CC0). What comes out:
``classifiers.npz`` (verified on load against its SHA-256), ``record.json`` and ``RECORD.md``.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from nlp.categories import LABELS
from nlp.hazard_model import HAZARD_LABELS, HazardClassifier
from nlp.text_model import MODEL_DIR
from nlp.training.bundle import write_bundle, write_record
from nlp.training.datasets import (
    CIVIC,
    EXAMPLES_DIR,
    SENTIMENT_CLASSES,
    TEAM_CATEGORIES,
    TEAM_SENTIMENT,
    TRAFFY_CROWDLABEL,
    TRAFFY_TICKETS,
    TRAFFY_TYPE,
    WISESIGHT,
    hazard_training_items,
    load_training_data,
)
from nlp.training.heads import SEED, train_category_head, train_sentiment_head
from nlp.training.ticket_style import train_category_heads

# The civic corpus's train half (realistic citizens' chat from every region, nlp/corpus): its
# weight against Traffy's thousands of Bangkok tickets was chosen by cross-validation on the train
# half alone (docs/nlp.md).
CIVIC_WEIGHT = 6.0
CIVIC_SENTIMENT_WEIGHT = 3.0
# The hazard head learns from the civic train half (gold) and Traffy reports (silver labels from
# the rules, weighted lightly): docs/nlp.md.
HAZARD_SOURCE_WEIGHTS = {CIVIC: 1.0, TRAFFY_TYPE: 0.3}
# The team's examples are few next to thousands of Traffy texts: they count three times. The
# ticket and volunteer files (other years, several labels, another taxonomy) count half: on a
# held-out fold of traffy_type that lifts 13-class macro-F1 from 0.948 to 0.955.
SOURCE_WEIGHTS = {
    TEAM_CATEGORIES: 3.0,
    TRAFFY_TICKETS: 0.5,
    TRAFFY_CROWDLABEL: 0.5,
    CIVIC: CIVIC_WEIGHT,
}
# Sentiment learns from Wisesight (consumer posts) and, lightly, from citizens' messages: the
# team's civic examples count three times, each Traffy report (read as a complaint: negative)
# 0.05. Without them a live wire down or a drowning read as neutral and a "very" in a report
# as positive; with them Wisesight's own figures are unchanged (docs/nlp.md).
SENTIMENT_SOURCE_WEIGHTS = {TEAM_SENTIMENT: 3.0, TRAFFY_TYPE: 0.05, CIVIC: CIVIC_SENTIMENT_WEIGHT}


@dataclass(slots=True)
class TrainingReport:
    out_dir: Path
    bundle: Path
    record: Path
    rows: dict[str, int]
    seconds: float
    heads: dict[str, dict[str, Any]] = field(default_factory=dict)

    def summary(self) -> str:
        lines = [f"trained in {self.seconds:.0f} s into {self.bundle}"]
        lines += [f"  {name}: {rows:,} rows used" for name, rows in self.rows.items()]
        for name, details in self.heads.items():
            features = details.get("word_features", 0) + details.get("char_features", 0)
            lines.append(f"  head {name}: {details['rows']:,} texts, {features:,} features")
        return "\n".join(lines)


def train_all(
    data_dir: Path,
    out_dir: Path = MODEL_DIR,
    *,
    examples_dir: Path = EXAMPLES_DIR,
    figures: dict[str, Any] | None = None,
) -> TrainingReport:
    """Train the category and sentiment heads and write the bundle and its record to ``out_dir``."""
    started = time.perf_counter()
    data = load_training_data(Path(data_dir), examples_dir)
    # The category head, and Traffy tickets' correction to it with the ticket-style head that
    # says when to add it (nlp.training.ticket_style).
    category_heads = train_category_heads(data.category, LABELS, source_weights=SOURCE_WEIGHTS)
    sentiment = train_sentiment_head(
        data.sentiment,
        SENTIMENT_CLASSES,
        source_weights=SENTIMENT_SOURCE_WEIGHTS,
        benchmark=WISESIGHT,
    )
    hazard = train_category_head(
        hazard_training_items(data),
        HAZARD_LABELS,
        source_weights=HAZARD_SOURCE_WEIGHTS,
        name=HazardClassifier.HEAD,
    )
    out_dir = Path(out_dir)
    trained = [*category_heads, sentiment, hazard]
    heads = {head.name: head.details for head in trained}
    bundle = write_bundle(trained, out_dir)
    record = write_record(
        out_dir,
        {
            "seed": SEED,
            "source_weights": SOURCE_WEIGHTS,
            "sentiment_source_weights": SENTIMENT_SOURCE_WEIGHTS,
            "training_files": [
                {
                    "file": source.path.name,
                    "rows": source.rows,
                    "used_rows": source.used_rows,
                    "sha256": source.sha256,
                }
                for source in data.files
            ],
            "hazard_source_weights": HAZARD_SOURCE_WEIGHTS,
            "heads": heads,
            "figures": figures or {},
        },
    )
    return TrainingReport(
        out_dir=out_dir,
        bundle=bundle,
        record=record,
        rows={source.path.name: source.used_rows for source in data.files},
        seconds=time.perf_counter() - started,
        heads=heads,
    )


__all__ = ["SENTIMENT_SOURCE_WEIGHTS", "SOURCE_WEIGHTS", "TrainingReport", "train_all"]
