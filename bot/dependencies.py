"""Request-scoped dependencies of the chat endpoints: the app's runtime and what it holds."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import Depends, Request
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.intake import ConversationHandler
from bot.media import MediaStorage
from bot.runtime import ChatRuntime, ChatSettings
from services.runtime import runtime_of


def get_runtime(request: Request) -> ChatRuntime:
    return runtime_of(request.app, ChatRuntime)  # type: ignore[type-abstract]


RuntimeDep = Annotated[ChatRuntime, Depends(get_runtime)]


async def get_session(runtime: RuntimeDep) -> AsyncIterator[AsyncSession]:
    """The request's unit of work (`Database.unit_of_work`), committed before the answer."""
    async with runtime.database.unit_of_work() as session:
        yield session


def get_settings(runtime: RuntimeDep) -> ChatSettings:
    return runtime.settings


def get_media(runtime: RuntimeDep) -> MediaStorage:
    return runtime.media


def get_conversations(runtime: RuntimeDep) -> ConversationHandler:
    return runtime.conversations


# scope="function": committed before the answer is sent, as in `admin.dependencies`.
SessionDep = Annotated[AsyncSession, Depends(get_session, scope="function")]
SettingsDep = Annotated[ChatSettings, Depends(get_settings)]
MediaDep = Annotated[MediaStorage, Depends(get_media)]
ConversationsDep = Annotated[ConversationHandler, Depends(get_conversations)]
