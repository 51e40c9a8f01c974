"""Settings refuse what would be unsafe in production."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from siang.settings import Settings

POSTGRES = "postgresql+asyncpg://siang@db/siang"


def _production(secret: str) -> Settings:
    return Settings(
        _env_file=None, environment="production", database_url=POSTGRES, secret_key=secret
    )


class TestProductionSecret:
    @pytest.mark.parametrize(
        "secret",
        [
            "x",
            "changeme",
            "dev-secret-change-me",
            "short-but-not-a-placeholder",
            "a" * 40,
            "ab" * 20,
        ],
    )
    def test_a_weak_secret_is_refused(self, secret: str) -> None:
        with pytest.raises(ValidationError, match="SIANG_SECRET_KEY"):
            _production(secret)

    def test_a_generated_secret_is_accepted(self) -> None:
        # What `python -c "import secrets; print(secrets.token_urlsafe(32))"` prints.
        settings = _production("q3N0m7xWc9Vb2Lk5Jh8Gf1Ds4Ap6Zo0Ti3Ue7Rw9Yx2")
        assert settings.secret_key.get_secret_value().startswith("q3N0")

    def test_development_keeps_its_placeholder(self) -> None:
        assert Settings(_env_file=None, environment="development").secret_key
