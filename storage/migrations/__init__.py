"""Alembic migrations for Siang's schema."""
