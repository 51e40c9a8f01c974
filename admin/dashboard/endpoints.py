"""The /admin pages: server-rendered in Thai (or English, `?lang=en`), working through the same
services as the API. One router gathering the dashboard's parts."""

from __future__ import annotations

from fastapi import APIRouter

from admin.dashboard import (
    assets,
    consultations,
    item,
    item_actions,
    queue,
    signing_in,
    surveys,
    volunteering,
)

router = APIRouter()
for part in (assets, signing_in, queue, item, item_actions, consultations, surveys, volunteering):
    router.include_router(part.router)
