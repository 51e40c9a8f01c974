"""Fixtures shared by the NLP tests."""

from __future__ import annotations

import pytest

from nlp.pipeline import ThaiAnalyzer
from nlp.places import PlaceFinder


@pytest.fixture(scope="module")
def finder() -> PlaceFinder:
    """The place finder, loaded once a test module (as each places module did for itself)."""
    return PlaceFinder.load()


@pytest.fixture(scope="module")
def analyzer() -> ThaiAnalyzer:
    """The whole analyzer, loaded once a test module (six modules each loaded it for itself)."""
    return ThaiAnalyzer.load()
