"""`siang demo`: migrate, seed reference and demo data, and serve, printing what to open."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from siang.logging import configure_logging
from siang.settings import Environment, get_settings

if TYPE_CHECKING:
    import uvicorn

    from siang.demo_data import DemoReport


REFUSED = 2


def _refuse(reason: str) -> typer.Exit:
    typer.echo(
        f"siang demo refuses to run: {reason}. The demo creates sign-in accounts with a "
        "published demo password; use `siang db upgrade` and `siang users create` instead.",
        err=True,
    )
    return typer.Exit(REFUSED)


async def _prepare(database_url: str, media_dir: Path) -> DemoReport:
    from services.routing import ensure_rules
    from siang.demo_data import demo_loaded, load_demo_data, real_data_in
    from storage.database import Database
    from storage.reference_data import seed_reference_data

    database = Database(database_url)
    try:
        async with database.unit_of_work() as session:
            # A database the demo already set up stays a demo (what people typed into its chat
            # included); any other must hold nothing real before the demo adds its accounts.
            found = [] if await demo_loaded(session) else await real_data_in(session)
        if found:
            raise _refuse(f"the database holds {', '.join(found)} that are not demo data")
        async with database.unit_of_work() as session:
            await seed_reference_data(session)
        async with database.unit_of_work() as session:
            await ensure_rules(session)
        async with database.unit_of_work() as session:
            return await load_demo_data(session, media_dir=media_dir)
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
            f"{report.escalated} escalated as overdue, {report.assigned} assigned, "
            f"{report.merged} merged, {report.photos} with a photo."
        ]
        if report.history is not None:
            lines.append(
                f"History before them: {report.history.filed} reports over 70 weeks, "
                f"{report.history.resolved} resolved, {report.history.rated} rated, "
                f"{report.history.reopened} reopened, {report.history.merged} merged."
            )
        taking_part = report.participation
        if taking_part is not None:
            lines.append(
                f"Participation: {taking_part.consultations} consultations "
                f"({taking_part.answers} answers, one closed with its results published), "
                f"{taking_part.programmes} volunteer day ({taking_part.sign_ups} sign-ups, "
                "some waiting)."
            )
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
            f"  public figures   {base}/public\n"
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

    settings = get_settings().served_at(host, port)
    if settings.environment is Environment.PRODUCTION:
        raise _refuse("SIANG_ENVIRONMENT is production")
    configure_logging(level=settings.log_level, json_lines=settings.log_json)
    typer.echo(f"Preparing the database ({settings.database_url.split('://', 1)[0]}) …")
    migrate.upgrade(settings.database_url)
    typer.echo(_describe(asyncio.run(_prepare(settings.database_url, settings.media_dir))))
    from siang.app import create_app

    config = uvicorn.Config(
        create_app(settings, long_running=True),
        host=host,
        port=port,
        log_config=None,
        access_log=False,
    )
    asyncio.run(_serve_and_announce(uvicorn.Server(config), f"http://{host}:{port}"))
