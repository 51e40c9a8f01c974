"""Repositories: every query Siang runs lives in one of these modules."""
