"""Digest subscriptions and deliveries (admins), and the signed public page of a full digest."""

from __future__ import annotations

import asyncio
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Response, status
from fastapi.responses import HTMLResponse

from admin.auth.dependencies import AdminUser
from admin.dependencies import SessionDep, SettingsDep
from admin.digests import subscriptions
from admin.digests.links import read_digest_token
from admin.digests.render import render_page
from admin.digests.service import DigestSettings, digest_for, subject_by_key
from admin.digests.weeks import IsoWeek
from services.errors import NotFoundError
from storage.types import utcnow

router = APIRouter(prefix="/digests", tags=["digests"])
page_router = APIRouter(tags=["digests"])


def digest_settings(settings: SettingsDep) -> DigestSettings:
    return DigestSettings(
        public_base_url=str(settings.public_base_url),
        secret_key=settings.secret_key,
        timezone=settings.timezone,
    )


@router.get("/subscriptions", response_model=list[subscriptions.SubscriptionPublic])
async def list_subscriptions(
    _admin: AdminUser,
    session: SessionDep,
    board: Annotated[str | None, Query(max_length=100, description="province code or name")] = None,
    agency: Annotated[str | None, Query(max_length=60, description="agency code")] = None,
) -> list[subscriptions.SubscriptionPublic]:
    """Who receives digests, optionally for one board or agency."""
    return await subscriptions.list_subscriptions(session, board=board, agency=agency)


@router.post(
    "/subscriptions",
    response_model=subscriptions.SubscriptionPublic,
    status_code=status.HTTP_201_CREATED,
)
async def add_subscription(
    _admin: AdminUser, session: SessionDep, body: subscriptions.SubscriptionCreate
) -> subscriptions.SubscriptionPublic:
    """Send a board's or an agency's weekly digest to an e-mail address, LINE group or
    Telegram chat."""
    return await subscriptions.add_subscription(session, body)


@router.delete("/subscriptions/{subscription_id}", status_code=status.HTTP_204_NO_CONTENT)
async def remove_subscription(
    _admin: AdminUser,
    session: SessionDep,
    subscription_id: Annotated[int, Path(ge=1, le=2**31 - 1)],
) -> Response:
    """Stop sending that digest there."""
    await subscriptions.remove_subscription(session, subscription_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get("/deliveries", response_model=list[subscriptions.DeliveryPublic])
async def list_deliveries(
    _admin: AdminUser,
    session: SessionDep,
    week: Annotated[str | None, Query(max_length=8, description="2026-W47")] = None,
    failed_only: bool = False,
) -> list[subscriptions.DeliveryPublic]:
    """What was queued for whom and how the outbox delivered it: sent, waiting, or failed
    (with the error, and when it is tried again)."""
    return await subscriptions.list_deliveries(session, week=week, failed_only=failed_only)


@page_router.get("/digests/{token}", response_class=HTMLResponse, include_in_schema=False)
async def digest_page(
    session: SessionDep,
    settings: Annotated[DigestSettings, Depends(digest_settings)],
    token: Annotated[str, Path(max_length=1000)],
) -> HTMLResponse:
    """The full digest behind a link sent to a board's chat group (aggregates and redacted
    quotes only, so the signed link is the only key)."""
    subject_key, week_text = read_digest_token(settings.secret_key, token)
    try:
        week = IsoWeek.parse(week_text)
    except ValueError as bad:
        raise NotFoundError("no such digest") from bad
    subject = await subject_by_key(session, subject_key)
    digest = await digest_for(session, settings, subject=subject, week=week, now=utcnow())
    return HTMLResponse(await asyncio.to_thread(render_page, digest, zone=settings.zone))
