"""`siang media …`: the stored photos."""

from __future__ import annotations

import asyncio

import typer

from siang.settings import get_settings

app = typer.Typer(help="Stored photos.", no_args_is_help=True)


@app.command("strip")
def strip() -> None:
    """Rewrite photos stored before Siang stripped metadata (EXIF with GPS, XMP …) without it."""
    from bot.media import LocalMediaStorage
    from bot.stored_photos import StripReport, strip_stored_photos
    from storage.database import Database

    settings = get_settings()

    async def run() -> StripReport:
        database = Database(settings.database_url)
        try:
            return await strip_stored_photos(database, LocalMediaStorage(settings.media_dir))
        finally:
            await database.dispose()

    report = asyncio.run(run())
    noun = "photo" if report.rewritten == 1 else "photos"
    typer.echo(f"{report.rewritten} {noun} rewritten without metadata ({report.checked} checked)")
    if report.missing or report.unreadable:
        typer.echo(
            f"{report.missing} missing from the media folder, {report.unreadable} unreadable"
        )
