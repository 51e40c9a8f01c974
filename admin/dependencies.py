"""Request-scoped dependencies: the app's runtime, and one session per request, committed in
one place before the answer is sent."""

from __future__ import annotations

from typing import Annotated
from zoneinfo import ZoneInfo

from fastapi import Depends, Request

from admin.feedback.media import MediaReader, MediaStore
from admin.runtime import AdminRuntime, AdminSettings, AnalyzerProvider
from services.runtime import SessionDep as SessionDep
from services.runtime import request_session as get_session  # noqa: F401 - one for every package
from services.runtime import runtime_of


def get_runtime(request: Request) -> AdminRuntime:
    return runtime_of(request.app, AdminRuntime)  # type: ignore[type-abstract]


RuntimeDep = Annotated[AdminRuntime, Depends(get_runtime)]


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


SettingsDep = Annotated[AdminSettings, Depends(get_settings)]
ZoneDep = Annotated[ZoneInfo, Depends(get_zone)]
MediaDep = Annotated[MediaReader, Depends(get_media)]
MediaStoreDep = Annotated[MediaStore, Depends(get_media_store)]
AnalyzerDep = Annotated[AnalyzerProvider, Depends(get_analyzer)]
