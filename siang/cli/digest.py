"""`siang digest …`: build one digest to files, or send a week's digests to every subscriber."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import TYPE_CHECKING, Annotated
from zoneinfo import ZoneInfo

import typer

from siang.settings import get_settings

if TYPE_CHECKING:
    from admin.digests.delivery import SendReport
    from admin.digests.weeks import IsoWeek

app = typer.Typer(help="Weekly digests for provincial boards and agencies.", no_args_is_help=True)


def _week(value: str | None) -> IsoWeek:
    from admin.digests.weeks import IsoWeek
    from storage.types import utcnow

    if value is None:
        return IsoWeek.last_completed(utcnow(), ZoneInfo(get_settings().timezone))
    try:
        return IsoWeek.parse(value)
    except ValueError as bad:
        raise typer.BadParameter(str(bad), param_hint="--week") from bad


WEEK_HELP = "ISO week, like 2026-W47 (default: the week that just ended)."


@app.command("build")
def build(
    out: Annotated[
        Path, typer.Option("--out", help="Folder for digest.html, digest.pdf, digest.json.")
    ],
    board: str | None = typer.Option(
        None, "--board", help="The board's province: Thai or English name, or code."
    ),
    agency: str | None = typer.Option(None, "--agency", help="An agency code instead."),
    week: str | None = typer.Option(None, "--week", help=WEEK_HELP),
) -> None:
    """Build one board's (or agency's) digest for a week and write it as HTML, PDF and JSON."""
    from admin.digests.service import agency_subject, board_subject, digest_for, write_digest_files
    from services.errors import NotFoundError
    from siang.digests import digest_settings
    from storage.database import Database
    from storage.types import utcnow

    if (board is None) == (agency is None):
        raise typer.BadParameter("give exactly one of --board or --agency")
    the_week = _week(week)
    settings = get_settings()

    async def run() -> list[Path]:
        database = Database(settings.database_url)
        try:
            async with database.unit_of_work() as session:
                subject = (
                    await board_subject(session, board)
                    if board is not None
                    else await agency_subject(session, agency or "")
                )
                digest = await digest_for(
                    session, digest_settings(settings), subject=subject, week=the_week, now=utcnow()
                )
        finally:
            await database.dispose()
        return await write_digest_files(digest, out, zone=ZoneInfo(settings.timezone))

    try:
        paths = asyncio.run(run())
    except NotFoundError as missing:
        typer.echo(f"error: {missing.message}", err=True)
        raise typer.Exit(2) from missing
    for path in paths:
        typer.echo(str(path))


def _print_report(report: SendReport) -> None:
    zone = ZoneInfo(get_settings().timezone)
    typer.echo(
        f"week {report.week}: {report.subjects} digests, {report.queued} queued for delivery, "
        f"{report.waiting} waiting in the outbox, {report.already_done} already delivered, "
        f"{len(report.failed)} failed"
    )
    for failure in report.failed:
        retry = (
            f", tried again at {failure.retry_at.astimezone(zone):%Y-%m-%d %H:%M %z}"
            if failure.retry_at
            else ""
        )
        typer.echo(
            f"  FAILED {failure.subject} {failure.channel} {failure.target} "
            f"(attempt {failure.attempts}{retry}): {failure.error}",
            err=True,
        )


@app.command("send")
def send(week: str | None = typer.Option(None, "--week", help=WEEK_HELP)) -> None:
    """Queue a week's digests of every board and subscribed agency for their subscribers.

    The outbox delivers them (the app or `siang worker`, within a minute) and retries failures;
    a rerun queues nothing twice and reports what was delivered, what waits and what failed.
    Exit code 1 if any failed.
    """
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
    )

    from admin.digests.content import DigestSubject
    from admin.digests.delivery import all_subjects
    from siang.digests import digest_sender
    from storage.database import Database
    from storage.types import utcnow

    the_week = _week(week)
    settings = get_settings()

    async def run() -> SendReport:
        database = Database(settings.database_url)
        try:
            subjects: list[DigestSubject] = await all_subjects(database)
            with Progress(
                TextColumn("[bold]{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                TextColumn("{task.fields[current]}"),
            ) as progress:
                task = progress.add_task(f"digests {the_week}", total=len(subjects), current="")

                def advance(subject: DigestSubject) -> None:
                    progress.update(task, advance=1, current=subject.info.name)

                return await digest_sender(database, settings).send_week(
                    the_week, now=utcnow(), subjects=subjects, progress=advance
                )
        finally:
            await database.dispose()

    report = asyncio.run(run())
    _print_report(report)
    if not report.ok:
        raise typer.Exit(1)
