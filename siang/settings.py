"""Every Siang setting, read from the environment (prefix SIANG_) or `.env`, validated at start-up."""

from __future__ import annotations

from enum import StrEnum
from functools import lru_cache
from pathlib import Path
from typing import Annotated

from pydantic import AnyHttpUrl, Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

ROOT_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = ROOT_DIR / "var"


class Environment(StrEnum):
    DEVELOPMENT = "development"
    TEST = "test"
    PRODUCTION = "production"


_PLACEHOLDER_SECRETS = {"", "changeme", "change-me", "secret", "dev-secret-change-me"}
# The key signs access tokens, digest links and CSRF tokens: in production it must be long and
# varied enough not to be guessed (`secrets.token_urlsafe(32)` gives 43 characters).
MIN_SECRET_CHARS = 32
MIN_SECRET_DISTINCT_CHARS = 12


def _weak_secret(secret: str) -> bool:
    return (
        secret in _PLACEHOLDER_SECRETS
        or len(secret) < MIN_SECRET_CHARS
        or len(set(secret)) < MIN_SECRET_DISTINCT_CHARS
    )


class Settings(BaseSettings):
    """Siang's configuration; `docs/configuration.md` lists each field."""

    model_config = SettingsConfigDict(
        env_prefix="SIANG_", env_file=".env", env_file_encoding="utf-8", extra="ignore"
    )

    environment: Environment = Environment.DEVELOPMENT
    database_url: str = Field(default=f"sqlite+aiosqlite:///{VAR_DIR / 'siang.db'}")
    database_echo: bool = False
    secret_key: SecretStr = SecretStr("dev-secret-change-me")
    public_base_url: AnyHttpUrl = AnyHttpUrl("http://127.0.0.1:8000")
    media_dir: Path = VAR_DIR / "media"
    log_level: str = "INFO"
    log_json: bool = False
    # Prometheus /metrics: a scrape sends this as a bearer token; unset, only this machine's
    # own requests are answered (siang/metrics.py).
    metrics_token: SecretStr | None = None

    line_channel_secret: SecretStr | None = None
    line_channel_access_token: SecretStr | None = None
    line_api_base_url: AnyHttpUrl = AnyHttpUrl("https://api.line.me")
    line_data_api_base_url: AnyHttpUrl = AnyHttpUrl("https://api-data.line.me")
    # Seconds one LINE messaging call (a reply, push or multicast) may take before it counts as
    # failed and is tried again; the SDK's own limit is five minutes, a worker stuck that long.
    line_request_timeout_seconds: Annotated[float, Field(gt=0)] = 10

    telegram_bot_token: SecretStr | None = None
    telegram_webhook_secret: SecretStr | None = None
    telegram_api_base_url: AnyHttpUrl = AnyHttpUrl("https://api.telegram.org")

    redis_url: str | None = None
    redis_queue: Annotated[str, Field(min_length=1)] = "siang"
    # How long a claimed outbox row (or multicast batch) stays with the worker that took it: a
    # worker that died mid-send leaves rows that go out again once this runs out. Keep it longer
    # than one platform call can take (Telegram's client times out after 5 s, LINE's after
    # `line_request_timeout_seconds`).
    outbox_lease_seconds: Annotated[float, Field(gt=0)] = 60
    # A LINE reply spends a token that works for about a minute: a worker that died during
    # that call leaves its row for this long only, so the reply is tried again with the same
    # token while it still works (LINE takes a token once: nobody gets it twice). Longer than
    # one LINE call can take, so a live worker's call has ended before another tries.
    outbox_reply_lease_seconds: Annotated[float, Field(gt=0)] = 20
    # The recovery pass: how often a worker (or the embedded web process) looks for stored
    # events still pending, and how long one must have been pending, with no job queued, to be
    # taken for lost (a worker killed with its jobs, a Redis restarted empty, a job that failed)
    # and enqueued again. While jobs are queued a backlog may still hold them: only events
    # pending longer than `recovery_backlog_age_seconds` are enqueued again then.
    recovery_interval_seconds: Annotated[float, Field(gt=0)] = 10
    recovery_age_seconds: Annotated[float, Field(ge=0)] = 15
    recovery_backlog_age_seconds: Annotated[float, Field(ge=0)] = 120
    # `siang worker` lowers its CPU priority by this much (nice): where web processes and
    # workers share a machine, a burst's webhooks are acknowledged first and its conversations
    # take the CPU left over; alone on a machine a worker runs as fast either way. 0: as started.
    worker_niceness: Annotated[int, Field(ge=0, le=19)] = 10
    smtp_url: str | None = None
    smtp_from: str = "Siang <no-reply@siang.localhost>"

    max_webhook_body_bytes: Annotated[int, Field(gt=0)] = 1_000_000
    max_request_body_bytes: Annotated[int, Field(gt=0)] = 1_048_576  # every other route but uploads
    max_message_chars: Annotated[int, Field(gt=0)] = 5_000
    access_token_minutes: Annotated[int, Field(gt=0)] = 60
    login_attempts_per_account: Annotated[int, Field(gt=0)] = 10  # per window, then 429
    login_attempts_per_address: Annotated[int, Field(gt=0)] = 30
    login_window_minutes: Annotated[int, Field(gt=0)] = 15
    chat_messages_per_minute: Annotated[int, Field(gt=0)] = 20  # per citizen, every channel
    # New web chats (a browser's first message) per network (IPv4 address, IPv6 /64) an hour,
    # and every web chat message of one network together a minute: a school, an office or a
    # carrier's NAT is many people behind one address (bot/web/admission.py).
    web_chat_sessions_per_hour: Annotated[int, Field(gt=0)] = 300
    web_chat_network_messages_per_minute: Annotated[int, Field(gt=0)] = 300
    web_chat_session_days: Annotated[int, Field(gt=0)] = 30  # the session cookie's lifetime
    demo_data: bool = False
    scheduler_enabled: bool = True
    timezone: str = "Asia/Bangkok"
    digest_schedule: str = "0 8 * * mon"  # crontab, in `timezone`
    sla_urgent_hours: Annotated[float, Field(gt=0)] = 24
    sla_normal_hours: Annotated[float, Field(gt=0)] = 7 * 24
    sla_low_hours: Annotated[float, Field(gt=0)] = 14 * 24
    service_levels_file: Path | None = None  # YAML: per-category hours (services/policy.py)
    reopen_days: Annotated[int, Field(gt=0)] = 14
    auto_close_days: Annotated[int, Field(gt=0)] = 14
    escalation_interval_minutes: Annotated[int, Field(gt=0)] = 5

    @field_validator("database_url")
    @classmethod
    def _known_database(cls, value: str) -> str:
        if not value.startswith(("sqlite+aiosqlite://", "postgresql+asyncpg://")):
            raise ValueError(
                "must start with sqlite+aiosqlite:// or postgresql+asyncpg:// "
                f"(got {value.split(':', 1)[0]!r})"
            )
        return value

    @field_validator("redis_url")
    @classmethod
    def _redis_scheme(cls, value: str | None) -> str | None:
        if value and not value.startswith(("redis://", "rediss://", "unix://")):
            raise ValueError("must be a redis:// or rediss:// URL")
        return value or None

    @field_validator("digest_schedule")
    @classmethod
    def _crontab(cls, value: str) -> str:
        if len(value.split()) != 5:
            raise ValueError("must be a crontab line with 5 fields, like '0 8 * * mon'")
        return value

    @field_validator("smtp_url")
    @classmethod
    def _smtp_scheme(cls, value: str | None) -> str | None:
        if value and not value.startswith(("smtp://", "smtps://")):
            raise ValueError("must be an smtp:// or smtps:// URL")
        return value or None

    @model_validator(mode="after")
    def _real_secrets_in_production(self) -> Settings:
        if self.environment is Environment.PRODUCTION:
            if _weak_secret(self.secret_key.get_secret_value()):
                raise ValueError(
                    f"SIANG_SECRET_KEY must be a strong secret in production: at least "
                    f"{MIN_SECRET_CHARS} characters, {MIN_SECRET_DISTINCT_CHARS} of them "
                    "different (python -c 'import secrets; print(secrets.token_urlsafe(32))')"
                )
            if self.database_url.startswith("sqlite"):
                raise ValueError("SIANG_DATABASE_URL must point at PostgreSQL in production")
        return self

    @model_validator(mode="after")
    def _reply_lease_outlasts_a_call(self) -> Settings:
        if self.outbox_reply_lease_seconds <= self.line_request_timeout_seconds:
            raise ValueError(
                "SIANG_OUTBOX_REPLY_LEASE_SECONDS must be longer than "
                "SIANG_LINE_REQUEST_TIMEOUT_SECONDS, or a slow reply could be tried twice at once"
            )
        return self

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")

    @property
    def line_enabled(self) -> bool:
        return bool(self.line_channel_secret and self.line_channel_access_token)

    @property
    def telegram_enabled(self) -> bool:
        return bool(self.telegram_bot_token)

    def served_at(self, host: str, port: int) -> Settings:
        """These settings for a server on `host:port`: links in digests and notices point at it
        unless SIANG_PUBLIC_BASE_URL says where the public reaches Siang."""
        if "public_base_url" in self.model_fields_set:
            return self
        shown = "127.0.0.1" if host in ("0.0.0.0", "::", "") else host
        shown = f"[{shown}]" if ":" in shown else shown
        return self.model_copy(update={"public_base_url": AnyHttpUrl(f"http://{shown}:{port}")})

    def sqlite_path(self) -> Path | None:
        """The SQLite file behind the URL, so start-up can create its folder."""
        if not self.is_sqlite:
            return None
        path = self.database_url.split(":///", 1)[-1]
        return None if path in ("", ":memory:") else Path(path)


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings, read once."""
    return Settings()
