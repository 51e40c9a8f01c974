"""The surveys API."""
