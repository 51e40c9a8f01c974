"""`siang routing …`: load routing rules from a YAML file (validated) and show the active ones."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Annotated

import typer

from siang.settings import get_settings

app = typer.Typer(help="Routing rules: which agency gets which feedback.", no_args_is_help=True)


@app.command()
def load(
    file: Annotated[
        Path | None, typer.Argument(help="A rules YAML file (default: the starter rules).")
    ] = None,
    keep_others: Annotated[
        bool,
        typer.Option(
            "--keep-others", help="Keep active rules the file does not name (default: off)."
        ),
    ] = False,
) -> None:
    """Validate FILE against the agency catalogue and store its rules (rerunning changes nothing)."""
    from services.routing import STARTER_RULES, RuleFileError, load_rules
    from storage.database import Database

    path = file or STARTER_RULES

    async def run() -> None:
        database = Database(get_settings().database_url)
        try:
            async with database.unit_of_work() as session:
                report = await load_rules(session, path, replace=not keep_others)
        finally:
            await database.dispose()
        typer.echo(
            f"{len(report.rules)} rules from {path.name}: {report.added} added, "
            f"{report.updated} updated, {report.unchanged} unchanged, "
            f"{report.deactivated} switched off"
        )

    try:
        asyncio.run(run())
    except RuleFileError as error:
        for problem in error.problems:
            typer.echo(problem, err=True)
        typer.echo(f"{len(error.problems)} problem(s); nothing was loaded.", err=True)
        raise typer.Exit(1) from None


@app.command()
def show(
    category: str | None = typer.Option(None, help="Only rules that apply to this category."),
    as_json: bool = typer.Option(False, "--json", help="One JSON object per rule."),
) -> None:
    """List the active rules, first tried first, with how many provinces each can serve."""
    from services.routing import coverage
    from storage.database import Database
    from storage.models import Agency
    from storage.repositories.routing_rules import RoutingRuleRepository

    async def run() -> None:
        database = Database(get_settings().database_url)
        try:
            async with database.unit_of_work() as session:
                rules = await RoutingRuleRepository(session).active()
                served = await coverage(session, category)
                agencies = {
                    rule.agency_id: await session.get(Agency, rule.agency_id)
                    for rule in rules
                    if rule.agency_id is not None
                }
        finally:
            await database.dispose()
        for rule in rules:
            if category is not None and rule.category not in (None, category):
                continue
            named = agencies.get(rule.agency_id) if rule.agency_id else None
            target = named.code if named else f"type:{rule.agency_type_code}"
            row = {
                "name": rule.name,
                "priority": rule.priority,
                "category": rule.category,
                "keywords": rule.keywords,
                "province": rule.province_code,
                "district": rule.district_code,
                "agency": target,
                "provinces_served": served.get(rule.name, 0),
            }
            if as_json:
                typer.echo(json.dumps(row, ensure_ascii=False))
            else:
                area = rule.district_code or rule.province_code or "ทั่วประเทศ"
                words = f" คำ:{','.join(rule.keywords)}" if rule.keywords else ""
                typer.echo(
                    f"{rule.priority:>5}  {rule.name:<40} {rule.category or '*':<22} "
                    f"{area:<10} → {target} ({row['provinces_served']} จังหวัด){words}"
                )

    asyncio.run(run())
