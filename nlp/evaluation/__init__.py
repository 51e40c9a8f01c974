"""Cross-validated figures for the classifiers (category, sentiment, intent, urgency)."""

from __future__ import annotations

from nlp.evaluation.classifiers import evaluate_classifiers

__all__ = ["evaluate_classifiers"]
