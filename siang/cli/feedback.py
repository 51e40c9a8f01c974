"""`siang feedback …`: look at stored feedback from the terminal or a script."""

from __future__ import annotations

import asyncio
import json
from typing import TYPE_CHECKING

import typer

from siang.settings import get_settings

if TYPE_CHECKING:
    from storage.repositories.feedback_items import FeedbackSummaryRow

app = typer.Typer(help="Stored feedback items.", no_args_is_help=True)


def _summary(row: FeedbackSummaryRow) -> dict[str, object]:
    item = row.item
    return {
        "id": item.id,
        "reference": item.reference,
        "status": item.status.value,
        "channel": item.channel.value,
        "kind": item.kind.value,
        "category": item.category,
        "province": row.province,
        "district": row.district,
        "agency": row.agency_code,
        "agency_name": row.agency_name,
        "created_at": item.created_at.isoformat(),
    }


@app.command("list")
def list_feedback(
    as_json: bool = typer.Option(False, "--json", help="One JSON array, for scripts."),
    limit: int = typer.Option(100, min=1, help="At most this many, newest first."),
) -> None:
    """List feedback items: reference, status, channel, kind, category, place and agency."""
    from storage.database import Database
    from storage.repositories.feedback_items import FeedbackItemRepository

    async def fetch() -> list[dict[str, object]]:
        database = Database(get_settings().database_url)
        try:
            async with database.unit_of_work() as session:
                rows = await FeedbackItemRepository(session).summaries(limit=limit)
        finally:
            await database.dispose()
        return [_summary(row) for row in rows]

    items = asyncio.run(fetch())
    if as_json:
        typer.echo(json.dumps(items, ensure_ascii=False, indent=2))
        return
    if not items:
        typer.echo("no feedback yet")
    for item in items:
        typer.echo(
            f"{item['reference']:<12} {item['status']:<12} {item['channel']:<9} "
            f"{item['category'] or '-':<14} {item['district'] or '-':<16} {item['agency'] or '-'}"
        )
