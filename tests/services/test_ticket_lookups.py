"""Finding a ticket by its reference however it is typed."""

from __future__ import annotations

from sqlmodel.ext.asyncio.session import AsyncSession

from services.ticket_lookups import find_by_reference
from storage.models import (
    FeedbackStatus,
)
from tests.services.conftest import (
    file_report,
)

S = FeedbackStatus


async def test_a_reference_is_found_however_it_is_typed(session: AsyncSession) -> None:
    item = await file_report(session)
    body = item.reference.replace("-", "")[2:]
    for typed in (item.reference, item.reference.lower(), f" sg {body[:4]} {body[4:]} ", body):
        found = await find_by_reference(session, typed)
        assert found is not None and found.id == item.id, typed
    wrong_check = item.reference[:-1] + ("2" if item.reference[-1] != "2" else "3")
    assert await find_by_reference(session, wrong_check) is None
    assert await find_by_reference(session, "") is None
