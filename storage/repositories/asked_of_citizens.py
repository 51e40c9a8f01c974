"""Queries the same for consultations and surveys, the two things put to the citizens of some
areas: add one, one by id, a reader's list, the closed ones (for /public and the digests). A
repository names its table and its closed status."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any, ClassVar, Generic, TypeVar

from sqlalchemy import ColumnElement, or_
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

Row = TypeVar("Row")


class AskedRepository(Generic[Row]):
    model: ClassVar[Any]  # Consultation or Survey
    closed_status: ClassVar[Any]

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(self, row: Row) -> Row:
        self.session.add(row)
        await self.session.flush()
        return row

    async def get(self, row_id: int) -> Row | None:
        found: Row | None = await self.session.get(self.model, row_id)
        return found

    async def listed(
        self,
        *,
        agency_ids: frozenset[int] | None = None,
        board_id: int | None = None,
        province_code: str | None = None,
        status: Any = None,
    ) -> Sequence[Row]:
        """Newest first; `agency_ids`/`board_id` limit to those owners, and `province_code` adds
        those asked of that province's citizens (all None: every one)."""
        model = self.model
        statement = select(model).order_by(col(model.id).desc())
        if status is not None:
            statement = statement.where(col(model.status) == status)
        if province_code is not None:
            # The provinces are a JSON list: read and matched here (see `closed`).
            return [
                row
                for row in (await self.session.exec(statement)).all()
                if province_code in row.province_codes
                or (board_id is not None and row.owner_board_id == board_id)
                or (agency_ids is not None and row.owner_agency_id in agency_ids)
            ]
        owners: list[ColumnElement[bool]] = []
        if agency_ids is not None:
            owners.append(col(model.owner_agency_id).in_(list(agency_ids)))
        if board_id is not None:
            owners.append(col(model.owner_board_id) == board_id)
        if owners:
            statement = statement.where(or_(*owners))
        return list((await self.session.exec(statement)).all())

    async def closed(
        self,
        *,
        province_code: str | None = None,
        agency_id: int | None = None,
        closed_from: datetime | None = None,
        closed_to: datetime | None = None,
        limit: int | None = None,
    ) -> list[Row]:
        """The latest closed first: those asked of a province's citizens, or owned by an
        agency, closed in [closed_from, closed_to)."""
        model = self.model
        statement = (
            select(model)
            .where(col(model.status) == self.closed_status)
            .order_by(col(model.closed_at).desc(), col(model.id).desc())
        )
        if agency_id is not None:
            statement = statement.where(col(model.owner_agency_id) == agency_id)
        if closed_from is not None:
            statement = statement.where(col(model.closed_at) >= closed_from)
        if closed_to is not None:
            statement = statement.where(col(model.closed_at) < closed_to)
        if province_code is None:
            statement = statement.limit(limit) if limit is not None else statement
            return list((await self.session.exec(statement)).all())
        # The provinces are a JSON list (one to a few codes); SQLite and PostgreSQL search JSON
        # differently, and an area sees a few consultations a month, so the list is read whole.
        found = [
            row
            for row in (await self.session.exec(statement)).all()
            if province_code in row.province_codes
        ]
        return found[:limit] if limit is not None else found
