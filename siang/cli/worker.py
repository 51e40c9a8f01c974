"""`siang worker`: run background tasks (chat events, outbox delivery) from the Redis queue."""

from __future__ import annotations

import asyncio
import os
from datetime import timedelta

import typer

from siang.logging import configure_logging
from siang.settings import Settings, get_settings


def worker(
    once: bool = typer.Option(
        False,
        "--once",
        help="Process stored pending chat events and due outbox messages in this process, then exit"
        " (works without Redis).",
    ),
) -> None:
    """Process chat events and deliver notifications (needs SIANG_REDIS_URL unless --once)."""
    settings = get_settings()
    configure_logging(level=settings.log_level, json_lines=settings.log_json)
    if once:
        processed, sent = asyncio.run(_run_once(settings))
        typer.echo(f"processed {processed} pending chat events, sent {sent} outbox messages")
        return
    if not settings.redis_url:
        typer.echo(
            "siang worker needs SIANG_REDIS_URL: without it `siang serve` runs background work "
            "itself (or use `siang worker --once`).",
            err=True,
        )
        raise typer.Exit(2)
    from siang.worker import run_worker

    os.nice(settings.worker_niceness)  # webhooks on the same machine go first
    asyncio.run(run_worker(settings))


async def _run_once(settings: Settings) -> tuple[int, int]:
    from siang.worker import BackgroundWork
    from storage.database import Database

    database = Database(settings.database_url)
    work = BackgroundWork(settings.model_copy(update={"redis_url": None}), database)
    try:
        await work.broker.startup()
        processed = await work.recover_pending(older_than=timedelta(0))
        await work.wait_idle()
        sent = await work.drain_outbox()
        await work.stop()
    finally:
        await database.dispose()
    return processed, sent
