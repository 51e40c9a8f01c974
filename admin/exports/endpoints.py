"""GET /api/v1/exports/feedback.csv and .xlsx: the filtered queue as a file."""

from __future__ import annotations

from fastapi import APIRouter, Response

from admin.auth.dependencies import CurrentUser
from admin.dependencies import SessionDep, ZoneDep
from admin.exports import service
from admin.feedback.filters import FeedbackFilterDep
from storage.types import utcnow

router = APIRouter(prefix="/exports", tags=["exports"])

_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _attachment(extension: str) -> dict[str, str]:
    name = f"siang-feedback-{utcnow():%Y%m%d-%H%M}.{extension}"
    return {"Content-Disposition": f'attachment; filename="{name}"'}


@router.get(
    "/feedback.csv",
    response_class=Response,
    responses={200: {"content": {"text/csv": {}}, "description": "UTF-8 CSV with a header row."}},
)
async def export_csv(
    principal: CurrentUser, session: SessionDep, filters: FeedbackFilterDep, zone: ZoneDep
) -> Response:
    """The queue's filtered items as CSV; original text only where the caller may read it."""
    exported = await service.export_rows(session, principal=principal, filters=filters, zone=zone)
    return Response(
        service.to_csv(exported.rows),
        media_type="text/csv; charset=utf-8",
        headers=_attachment("csv"),
    )


@router.get(
    "/feedback.xlsx",
    response_class=Response,
    responses={200: {"content": {_XLSX: {}}, "description": "An Excel workbook."}},
)
async def export_xlsx(
    principal: CurrentUser, session: SessionDep, filters: FeedbackFilterDep, zone: ZoneDep
) -> Response:
    """The queue's filtered items as an Excel workbook (one sheet, one row per item)."""
    exported = await service.export_rows(session, principal=principal, filters=filters, zone=zone)
    return Response(service.to_xlsx(exported.rows), media_type=_XLSX, headers=_attachment("xlsx"))
