"""Build a filtered list as CSV or XLSX: the citizen's words only for those who may read them."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlmodel.ext.asyncio.session import AsyncSession

from admin.audit.service import AuditAction, record
from admin.auth.scope import Principal
from admin.printable import printable
from services.errors import InvalidInputError
from storage.repositories.feedback_queue import FeedbackFilter, FeedbackQueueRepository, FeedbackRow

MAX_ROWS = 100_000
_BATCH = 1_000

COLUMNS = (
    "reference",
    "created_at",
    "status",
    "kind",
    "channel",
    "category",
    "province_code",
    "province",
    "district_code",
    "district",
    "agency_code",
    "agency",
    "board",
    "sentiment",
    "urgency",
    "due_at",
    "resolved_at",
    "rating",
    "text",
    "text_is_redacted",
)


@dataclass(frozen=True)
class ExportRows:
    rows: list[list[str | int | None]]
    originals: int  # how many rows carry the citizen's original words


def _local(moment: datetime | None, zone: ZoneInfo) -> str | None:
    return moment.astimezone(zone).isoformat(timespec="seconds") if moment else None


def _line(
    row: FeedbackRow, *, principal: Principal, zone: ZoneInfo
) -> tuple[list[str | int | None], bool]:
    item = row.item
    personal = principal.may_read_personal_data(agency_id=item.agency_id)
    return [
        item.reference,
        _local(item.created_at, zone),
        item.status.value,
        item.kind.value,
        item.channel.value,
        item.category,
        item.province_code,
        row.province_name,
        item.district_code,
        row.district_name,
        row.agency_code,
        row.agency_name,
        row.board_name,
        item.sentiment.value if item.sentiment else None,
        item.urgency.value,
        _local(item.due_at, zone),
        _local(item.resolved_at, zone),
        item.rating,
        item.original_text if personal else item.redacted_text,
        "no" if personal else "yes",
    ], personal


async def export_rows(
    session: AsyncSession, *, principal: Principal, filters: FeedbackFilter, zone: ZoneInfo
) -> ExportRows:
    """Every matching item in scope, newest first, and an audit entry saying what left the system."""
    queue = FeedbackQueueRepository(session)
    lines: list[list[str | int | None]] = []
    originals = 0
    after: tuple[datetime, int] | None = None
    while True:
        batch: Sequence[FeedbackRow] = await queue.page(
            scope=principal.feedback_scope, filters=filters, after=after, limit=_BATCH
        )
        for row in batch:
            line, personal = _line(row, principal=principal, zone=zone)
            lines.append(line)
            originals += personal
        if len(lines) > MAX_ROWS:
            raise InvalidInputError(
                f"more than {MAX_ROWS:,} items match; narrow the filters (e.g. a date range)"
            )
        if len(batch) < _BATCH:
            break
        last = batch[-1].item
        assert last.id is not None
        after = (last.created_at, last.id)
    await record(
        session,
        principal=principal,
        action=AuditAction.PERSONAL_DATA_EXPORTED if originals else AuditAction.FEEDBACK_EXPORTED,
        entity_type="feedback",
        detail={
            "rows": len(lines),
            "original_text_rows": originals,
            "filters": _described(filters),
        },
    )
    return ExportRows(rows=lines, originals=originals)


def _described(filters: FeedbackFilter) -> dict[str, object]:
    """The filters as plain JSON for the audit log (only those that were set)."""
    described: dict[str, object] = {}
    for name, value in vars(filters).items():
        if value in (None, ()):
            continue
        if isinstance(value, datetime):
            described[name] = value.isoformat()
        elif isinstance(value, tuple):
            described[name] = [str(v) for v in value]
        else:
            described[name] = value
    return described


def to_csv(rows: list[list[str | int | None]]) -> bytes:
    """UTF-8 with a byte-order mark, so spreadsheet programs show Thai correctly."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(COLUMNS)
    writer.writerows([_cell(v) for v in row] for row in rows)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _cell(value: str | int | None) -> str | int | None:
    if not isinstance(value, str):
        return value
    value = printable(value)  # a control character made the workbook a 500 for everyone
    # A leading = + - @ would make a spreadsheet run the text as a formula.
    return "'" + value if value[:1] in ("=", "+", "-", "@") else value


def to_xlsx(rows: list[list[str | int | None]]) -> bytes:
    from openpyxl import Workbook  # loaded for the first XLSX export, not at start

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("feedback")
    sheet.append(list(COLUMNS))
    for row in rows:
        sheet.append([_cell(v) for v in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
