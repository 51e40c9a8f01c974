"""Request-scoped dependencies of the chat endpoints: the app's runtime and what it holds."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from bot.intake import ConversationHandler
from bot.media import MediaStorage
from bot.runtime import ChatRuntime, ChatSettings
from services.runtime import SessionDep as SessionDep
from services.runtime import request_session as get_session  # noqa: F401 - one for every package
from services.runtime import runtime_of


def get_runtime(request: Request) -> ChatRuntime:
    return runtime_of(request.app, ChatRuntime)  # type: ignore[type-abstract]


# The dependencies are asynchronous, though they await nothing: FastAPI runs a plain `def`
# dependency in its thread pool, a thread hop per request that took a tenth of a webhook's
# time in a burst (py-spy, bench/webhook_burst.py).
async def _runtime(request: Request) -> ChatRuntime:
    return get_runtime(request)


RuntimeDep = Annotated[ChatRuntime, Depends(_runtime)]


async def get_settings(runtime: RuntimeDep) -> ChatSettings:
    return runtime.settings


async def get_media(runtime: RuntimeDep) -> MediaStorage:
    return runtime.media


async def get_conversations(runtime: RuntimeDep) -> ConversationHandler:
    return runtime.conversations


SettingsDep = Annotated[ChatSettings, Depends(get_settings)]
MediaDep = Annotated[MediaStorage, Depends(get_media)]
ConversationsDep = Annotated[ConversationHandler, Depends(get_conversations)]
