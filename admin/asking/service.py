"""The officials' API's work that is the same for consultations and surveys, for one kind of
thing asked (`AskedApi`): finding one the reader may read or manage, the reader's list, the
audited creation, and publishing or closing with what it queued; and the fields the API shows
of either (`public_fields`)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from sqlmodel.ext.asyncio.session import AsyncSession

from admin.asking import owners
from admin.asking.areas import area_names
from admin.audit.service import record
from admin.auth.scope import Principal
from storage.repositories.asked_of_citizens import AskedRepository


async def public_fields(session: AsyncSession, asked: owners.Asked) -> dict[str, Any]:
    """The API's fields of a consultation or a survey that are the same for both: its areas by
    name, topics, status, owner (an agency's code, or a board's province) and times."""
    agency, board_province = await owners.owner_names(
        session, asked.owner_agency_id, asked.owner_board_id
    )
    return {
        "provinces": await area_names(session, list(asked.province_codes), districts=False),
        "districts": await area_names(session, list(asked.district_codes), districts=True),
        "topics": [str(topic) for topic in asked.topics],
        "status": asked.status.value,
        "agency": agency,
        "board_province": board_province,
        "created_at": asked.created_at,
        "closes_at": asked.closes_at,
        "published_at": asked.published_at,
        "closed_at": asked.closed_at,
    }


AskedRow = TypeVar("AskedRow", bound=owners.Asked)
Public = TypeVar("Public")


@dataclass(frozen=True)
class AskedApi(Generic[AskedRow, Public]):
    """One kind of thing asked: its word ("consultation", "survey": the audit's entity type and
    its actions' prefix, and the word in a refusal), its repository, and how the API shows
    one."""

    noun: str
    repository: Callable[[AsyncSession], AskedRepository[AskedRow]]
    public: Callable[[AsyncSession, AskedRow], Awaitable[Public]]

    async def readable(
        self, session: AsyncSession, principal: Principal, asked_id: int
    ) -> AskedRow:
        found = await self.repository(session).get(asked_id)
        return owners.readable(principal, found, noun=self.noun, asked_id=asked_id)

    async def visible(
        self, session: AsyncSession, principal: Principal, *, status: Any = None
    ) -> list[AskedRow]:
        """Those the principal may read (`owners.may_read`), newest first."""
        return await owners.visible_in(self.repository(session).listed, principal, status=status)

    async def listed(
        self, session: AsyncSession, principal: Principal, *, status: Any
    ) -> list[Public]:
        found = await self.visible(session, principal, status=status)
        return [await self.public(session, asked) for asked in found]

    async def one(self, session: AsyncSession, principal: Principal, asked_id: int) -> Public:
        return await self.public(session, await self.readable(session, principal, asked_id))

    async def created(
        self, session: AsyncSession, principal: Principal, asked: AskedRow, *, provinces: list[str]
    ) -> Public:
        """The new one as the API shows it, its creation audited with its title and provinces."""
        await record(
            session,
            principal=principal,
            action=f"{self.noun}.created",
            entity_type=self.noun,
            entity_id=asked.id,
            detail={"title": asked.title, "provinces": provinces},
        )
        return await self.public(session, asked)

    async def moved(
        self,
        session: AsyncSession,
        principal: Principal,
        asked_id: int,
        step: Callable[[], Awaitable[int]],
        *,
        action: str,
    ) -> tuple[Public, int]:
        """Publish or close (`step`, audited as `<noun>.<action>` with how many messages it
        queued) one the principal manages; it as the API shows it now, and that number."""
        found = await self.repository(session).get(asked_id)
        owners.managed(principal, found, noun=self.noun, asked_id=asked_id)
        queued = await step()
        await record(
            session,
            principal=principal,
            action=f"{self.noun}.{action}",
            entity_type=self.noun,
            entity_id=asked_id,
            detail={"queued": queued},
        )
        return await self.one(session, principal, asked_id), queued
