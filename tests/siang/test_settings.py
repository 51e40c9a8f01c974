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


class TestPublicAddress:
    def test_a_server_on_another_port_links_to_that_port(self) -> None:
        served = Settings(_env_file=None).served_at("127.0.0.1", 8765)
        assert str(served.public_base_url) == "http://127.0.0.1:8765/"
        everywhere = Settings(_env_file=None).served_at("0.0.0.0", 9000)
        assert str(everywhere.public_base_url) == "http://127.0.0.1:9000/"

    def test_an_address_set_for_the_public_is_kept(self) -> None:
        settings = Settings(_env_file=None, public_base_url="https://siang.example.go.th")
        served = settings.served_at("0.0.0.0", 8000)
        assert str(served.public_base_url) == "https://siang.example.go.th/"
