"""Citizens: who they are per channel, and their conversation state."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, func
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from storage.models import (
    Channel,
    Citizen,
    ConversationState,
)
from storage.upsert import insert_one_if_new


class CitizenRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def by_channel_user(self, channel: Channel, channel_user_id: str) -> Citizen | None:
        statement = select(Citizen).where(
            col(Citizen.channel) == channel, col(Citizen.channel_user_id) == channel_user_id
        )
        return (await self.session.exec(statement)).first()

    async def any_with_id_prefix(self, prefix: str) -> bool:
        """Whether some citizen's platform id starts with `prefix` (the demo's citizens do)."""
        statement = (
            select(col(Citizen.id)).where(col(Citizen.channel_user_id).startswith(prefix)).limit(1)
        )
        return (await self.session.exec(statement)).first() is not None

    async def count_without_id_prefix(self, prefix: str) -> int:
        statement = select(func.count()).where(
            col(Citizen.channel_user_id).startswith(prefix).is_(False)
        )
        return int((await self.session.exec(statement)).one())

    async def get_or_create(
        self, channel: Channel, channel_user_id: str, *, language: str, now: datetime
    ) -> Citizen:
        """The citizen behind a platform id, created on first contact (safe under races)."""
        found = await self.by_channel_user(channel, channel_user_id)
        if found is not None:
            return found
        table = Citizen.__table__  # type: ignore[attr-defined]
        fresh = Citizen(channel=channel, channel_user_id=channel_user_id, language=language)
        row = fresh.model_dump(exclude={"id"})
        row["channel"] = channel.value
        row["consent_state"] = fresh.consent_state.value
        row["created_at"] = now
        await insert_one_if_new(self.session, table, row, returning=table.c.id)
        created = await self.by_channel_user(channel, channel_user_id)
        assert created is not None
        return created

    async def conversation(self, citizen_id: int, *, now: datetime) -> ConversationState:
        """The citizen's conversation state row, created idle when missing."""
        statement = select(ConversationState).where(col(ConversationState.citizen_id) == citizen_id)
        found = (await self.session.exec(statement)).first()
        if found is not None:
            return found
        state = ConversationState(citizen_id=citizen_id, data={}, updated_at=now)
        self.session.add(state)
        await self.session.flush()
        return state

    async def delete_conversation(self, citizen_id: int) -> None:
        await self.session.exec(
            delete(ConversationState).where(col(ConversationState.citizen_id) == citizen_id)
        )
