"""Consultations and polls: officials and boards ask the citizens of their areas."""
