"""Fixtures shared by the NLP tests."""

from __future__ import annotations

import pytest

from nlp.places import PlaceFinder


@pytest.fixture(scope="module")
def finder() -> PlaceFinder:
    """The place finder, loaded once a test module (as each places module did for itself)."""
    return PlaceFinder.load()
