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


class TestReplyLease:
    def test_a_reply_lease_no_longer_than_a_line_call_is_refused(self) -> None:
        # A live worker's slow reply and another worker's retry could then run at once.
        with pytest.raises(ValidationError, match="SIANG_OUTBOX_REPLY_LEASE_SECONDS"):
            Settings(_env_file=None, line_request_timeout_seconds=20, outbox_reply_lease_seconds=15)

    def test_the_defaults_retry_a_reply_well_inside_its_tokens_minute(self) -> None:
        settings = Settings(_env_file=None)
        # The lease, then a recovery pass at most this late: the token is still good.
        retried_by = settings.outbox_reply_lease_seconds + settings.recovery_interval_seconds
        assert settings.line_request_timeout_seconds < settings.outbox_reply_lease_seconds
        assert retried_by < 50
