"""`siang demo`: migrate, seed reference and demo data, and serve, printing what to open."""

from __future__ import annotations

import asyncio

import typer
import uvicorn

from siang.logging import configure_logging
from siang.settings import get_settings
from storage import migrate
from storage.database import Database
from storage.reference_data import seed_reference_data


async def _prepare(database_url: str) -> None:
    database = Database(database_url)
    try:
        async with database.unit_of_work() as session:
            await seed_reference_data(session)
    finally:
        await database.dispose()


async def _serve_and_announce(server: uvicorn.Server, base: str) -> None:
    async def announce() -> None:
        while not server.started:  # noqa: ASYNC110 (uvicorn exposes a flag, not an event)
            await asyncio.sleep(0.05)
        typer.echo(
            "\nSiang is running. Open:\n"
            f"  web chat         {base}/chat\n"
            f"  admin dashboard  {base}/admin\n"
            f"  API docs         {base}/docs\n"
            f"  health           {base}/healthz\n"
            "Press Ctrl+C to stop.\n"
        )

    announcer = asyncio.create_task(announce())
    try:
        await server.serve()
    finally:
        announcer.cancel()


def demo(
    host: str = typer.Option("127.0.0.1", help="Interface to listen on."),
    port: int = typer.Option(8000, min=1, max=65535, help="Port to listen on."),
) -> None:
    """Set up the embedded database with demo data and serve it."""
    settings = get_settings()
    configure_logging(level=settings.log_level, json_lines=settings.log_json)
    typer.echo(f"Preparing the database ({settings.database_url.split('://', 1)[0]}) …")
    migrate.upgrade(settings.database_url)
    asyncio.run(_prepare(settings.database_url))
    from siang.app import create_app

    config = uvicorn.Config(
        create_app(settings), host=host, port=port, log_config=None, access_log=False
    )
    asyncio.run(_serve_and_announce(uvicorn.Server(config), f"http://{host}:{port}"))
