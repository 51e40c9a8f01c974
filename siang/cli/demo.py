"""`siang demo`: migrate, seed reference and demo data, and serve, printing what to open."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

import typer

from siang.logging import configure_logging
from siang.settings import get_settings

if TYPE_CHECKING:
    import uvicorn

    from siang.demo_data import DemoReport


async def _prepare(database_url: str) -> DemoReport:
    from services.routing import ensure_rules
    from siang.demo_data import load_demo_data
    from storage.database import Database
    from storage.reference_data import seed_reference_data

    database = Database(database_url)
    try:
        async with database.unit_of_work() as session:
            await seed_reference_data(session)
        async with database.unit_of_work() as session:
            await ensure_rules(session)
        async with database.unit_of_work() as session:
            return await load_demo_data(session)
    finally:
        await database.dispose()


def _describe(report: DemoReport) -> str:
    if report.skipped:
        lines = ["Demo data: already loaded."]
    else:
        lines = [
            f"Demo data: {report.filed} reports ({report.followers} repeats followed), "
            f"{report.resolved} resolved, {report.rated} rated, {report.reopened} reopened, "
            f"{report.rejected} rejected, {report.forwarded} forwarded, "
            f"{report.escalated} escalated as overdue."
        ]
    lines.append("Demo sign-in (POST /api/v1/auth/token, or the dashboard):")
    for account in report.accounts:
        lines.append(
            f"  {account.role.value:<9} {account.email:<28} {account.password}  ({account.scope})"
        )
    return "\n".join(lines)


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
    import uvicorn

    from storage import migrate

    settings = get_settings()
    configure_logging(level=settings.log_level, json_lines=settings.log_json)
    typer.echo(f"Preparing the database ({settings.database_url.split('://', 1)[0]}) …")
    migrate.upgrade(settings.database_url)
    typer.echo(_describe(asyncio.run(_prepare(settings.database_url))))
    from siang.app import create_app

    config = uvicorn.Config(
        create_app(settings, long_running=True),
        host=host,
        port=port,
        log_config=None,
        access_log=False,
    )
    asyncio.run(_serve_and_announce(uvicorn.Server(config), f"http://{host}:{port}"))
