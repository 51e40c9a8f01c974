"""Siang's storage: tables, the database session, Alembic migrations and repositories (all queries)."""
