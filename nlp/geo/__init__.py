"""Coordinates to districts, from shipped boundaries (no network at run time)."""

from nlp.geo.locator import DistrictLocator, Located

__all__ = ["DistrictLocator", "Located"]
