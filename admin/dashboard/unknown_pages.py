"""Any other address under /admin: the dashboard's own "page not found", with the way back, for
an official who followed an old link or mistyped one (not the API's JSON error). Included after
every dashboard router, so it takes only what none of them has."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import Response

from admin.auth.scope import Principal
from admin.dashboard.pages import not_found, shown_to_reader
from admin.dependencies import SessionDep

router = APIRouter(prefix="/admin", include_in_schema=False)


@router.api_route("/{address:path}", methods=["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"])
async def unknown_page(request: Request, session: SessionDep, address: str) -> Response:
    if request.method not in ("GET", "HEAD"):  # a form or a script: the plain 404, as before
        raise HTTPException(status_code=404)
    return await shown_to_reader(request, session, lambda principal: _not_found(request, principal))


async def _not_found(request: Request, principal: Principal) -> Response:
    return not_found(request, principal, "")
