"""`siang db …`: migrate the schema and load reference data."""

from __future__ import annotations

import asyncio

import typer

from siang.settings import get_settings

# Each command imports what it needs, so `siang --help` and every other command start quickly.
app = typer.Typer(help="Database schema and reference data.", no_args_is_help=True)


@app.command()
def upgrade(revision: str = typer.Argument("head", help="Target revision.")) -> None:
    """Apply migrations up to REVISION (default: the latest)."""
    from storage import migrate

    migrate.upgrade(get_settings().database_url, revision)
    typer.echo(f"database upgraded to {revision}")


@app.command()
def downgrade(revision: str = typer.Argument(..., help="Target revision, or 'base'.")) -> None:
    """Revert migrations down to REVISION ('base' empties the schema)."""
    from storage import migrate

    migrate.downgrade(get_settings().database_url, revision)
    typer.echo(f"database downgraded to {revision}")


@app.command()
def current() -> None:
    """Show the database's current revision."""
    from storage import migrate

    migrate.current(get_settings().database_url)


@app.command()
def seed() -> None:
    """Load provinces, districts, subdistricts, agencies, boards and, when the database has no
    routing rules yet, the starter rules (safe to rerun)."""
    from services.routing import ensure_rules
    from storage.database import Database
    from storage.reference_data import seed_reference_data

    async def run() -> None:
        database = Database(get_settings().database_url)
        try:
            async with database.unit_of_work() as session:
                report = await seed_reference_data(session)
            async with database.unit_of_work() as session:
                rules = await ensure_rules(session)
        finally:
            await database.dispose()
        for name, total in report.totals.items():
            typer.echo(f"{name:<14} {total:>6} ({report.added[name]} new)")
        if rules is not None:
            typer.echo(f"{'routing rules':<14} {len(rules.rules):>6} ({rules.added} new)")

    asyncio.run(run())
