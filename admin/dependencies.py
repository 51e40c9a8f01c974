"""Request-scoped dependencies: the app's runtime, and one session per request, committed in
one place before the answer is sent."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Annotated
from zoneinfo import ZoneInfo

from fastapi import Depends, Request
from sqlmodel.ext.asyncio.session import AsyncSession

from admin.feedback.media import MediaReader, MediaStore
from admin.runtime import AdminRuntime, AdminSettings, AnalyzerProvider
from services.runtime import runtime_of


def get_runtime(request: Request) -> AdminRuntime:
    return runtime_of(request.app, AdminRuntime)  # type: ignore[type-abstract]


RuntimeDep = Annotated[AdminRuntime, Depends(get_runtime)]


async def get_session(runtime: RuntimeDep) -> AsyncIterator[AsyncSession]:
    """The request's unit of work: commits when the endpoint has returned, rolls back if it
    raised, and then wakes delivery for the messages it queued (`Database.unit_of_work`)."""
    async with runtime.database.unit_of_work() as session:
        yield session


def get_settings(runtime: RuntimeDep) -> AdminSettings:
    return runtime.settings


def get_zone(runtime: RuntimeDep) -> ZoneInfo:
    """Where the officials are: dates are read and shown in this zone."""
    return ZoneInfo(runtime.settings.timezone)


def get_media(runtime: RuntimeDep) -> MediaReader:
    return runtime.media


def get_media_store(runtime: RuntimeDep) -> MediaStore:
    return runtime.media


def get_analyzer(runtime: RuntimeDep) -> AnalyzerProvider:
    return runtime.analyzer


# scope="function": the commit happens before the answer is sent (the default, "request", runs
# it after), so a failed commit is an error answer, never a 2xx for work that was undone.
SessionDep = Annotated[AsyncSession, Depends(get_session, scope="function")]
SettingsDep = Annotated[AdminSettings, Depends(get_settings)]
ZoneDep = Annotated[ZoneInfo, Depends(get_zone)]
MediaDep = Annotated[MediaReader, Depends(get_media)]
MediaStoreDep = Annotated[MediaStore, Depends(get_media_store)]
AnalyzerDep = Annotated[AnalyzerProvider, Depends(get_analyzer)]
