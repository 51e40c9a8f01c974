"""`siang telegram …`: point Telegram at the webhook, or long-poll during local development."""

from __future__ import annotations

import asyncio
import logging

import typer

from siang.logging import configure_logging
from siang.settings import Settings, get_settings

app = typer.Typer(help="Telegram bot set-up and local polling.", no_args_is_help=True)
logger = logging.getLogger(__name__)


def _telegram_or_exit(settings: Settings) -> None:
    if not settings.telegram_bot_token:
        typer.echo("SIANG_TELEGRAM_BOT_TOKEN is not set.", err=True)
        raise typer.Exit(2)


@app.command("set-webhook")
def set_webhook(
    url: str = typer.Option(
        "", help="Webhook URL (default: SIANG_PUBLIC_BASE_URL + /webhooks/telegram)."
    ),
) -> None:
    """Register Siang's webhook (with SIANG_TELEGRAM_WEBHOOK_SECRET as its secret token)."""
    settings = get_settings()
    _telegram_or_exit(settings)
    if not settings.telegram_webhook_secret:
        typer.echo(
            "SIANG_TELEGRAM_WEBHOOK_SECRET is not set: the webhook would refuse every update.",
            err=True,
        )
        raise typer.Exit(2)
    target = url or str(settings.public_base_url).rstrip("/") + "/webhooks/telegram"
    if not target.startswith("https://"):
        typer.echo(f"warning: Telegram only calls https:// webhooks ({target})", err=True)
    asyncio.run(_set_webhook(settings, target))
    typer.echo(f"webhook set: {target}")


async def _set_webhook(settings: Settings, url: str) -> None:
    from bot.channels.telegram import TelegramChannel
    from bot.media import LocalMediaStorage
    from bot.messages import Channel
    from siang.worker import build_channels

    channel = build_channels(settings, LocalMediaStorage(settings.media_dir))[Channel.TELEGRAM]
    assert isinstance(channel, TelegramChannel)
    try:
        await channel.set_webhook(url)
    finally:
        await channel.close()


@app.command("poll")
def poll(
    once: bool = typer.Option(False, "--once", help="One round of getUpdates, then exit."),
    wait: int = typer.Option(30, min=0, max=50, help="Long-poll seconds per request."),
) -> None:
    """Fetch updates by long polling (no public URL needed) and feed them to the same intake."""
    settings = get_settings()
    _telegram_or_exit(settings)
    configure_logging(level=settings.log_level, json_lines=settings.log_json)
    try:
        count = asyncio.run(_poll(settings, once=once, wait=wait))
    except KeyboardInterrupt:
        return
    typer.echo(f"stored {count} new updates")


async def _poll(settings: Settings, *, once: bool, wait: int) -> int:
    from bot.channels.telegram import TelegramChannel, raw_update
    from bot.event_store import store_events
    from bot.messages import Channel
    from siang.worker import BackgroundWork
    from storage.database import Database

    database = Database(settings.database_url)
    work = BackgroundWork(settings, database)
    channel = work.channels[Channel.TELEGRAM]
    assert isinstance(channel, TelegramChannel)
    stored = 0
    offset: int | None = None
    await work.start()
    try:
        await channel.delete_webhook()  # getUpdates is refused while a webhook is set
        while True:
            updates = await channel.get_updates(offset, wait_seconds=wait)
            for update in updates:
                new_ids = await store_events(database, Channel.TELEGRAM, [raw_update(update)])
                stored += len(new_ids)
                await work.enqueue_inbound(new_ids)
                offset = int(update["update_id"]) + 1
            if once:
                await work.wait_idle()
                return stored
    finally:
        await work.stop()
        await database.dispose()
