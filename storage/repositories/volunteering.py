"""Queries over volunteer programmes and the citizens who signed up to them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy
from sqlalchemy import ColumnElement, func, or_, update
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from storage.models import (
    Citizen,
    ProgrammeStatus,
    SignUpStatus,
    VolunteerProgramme,
    VolunteerSignUp,
)
from storage.upsert import insert_one_if_new

# Sign-ups that hold a place: confirmed, and those whose attendance was recorded.
HOLDING_A_PLACE = (SignUpStatus.CONFIRMED, SignUpStatus.ATTENDED, SignUpStatus.NO_SHOW)


@dataclass(frozen=True, slots=True)
class Recipient:
    """A signed-up citizen to send a message to."""

    sign_up_id: int
    citizen_id: int
    channel: str
    channel_user_id: str


@dataclass(frozen=True, slots=True)
class SignUpCounts:
    confirmed: int = 0
    waitlisted: int = 0
    cancelled: int = 0
    attended: int = 0
    no_show: int = 0


class VolunteerRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    # --- programmes --------------------------------------------------------------------------

    async def add(self, programme: VolunteerProgramme) -> VolunteerProgramme:
        self.session.add(programme)
        await self.session.flush()
        return programme

    async def get(self, programme_id: int) -> VolunteerProgramme | None:
        return await self.session.get(VolunteerProgramme, programme_id)

    async def lock(self, programme_id: int) -> VolunteerProgramme | None:
        """The programme read fresh and locked until the transaction ends (PostgreSQL: FOR
        UPDATE), so two sign-ups or cancellations of one programme take turns and the count of
        places they read is the one they write against. SQLite has one writer at a time."""
        statement = (
            select(VolunteerProgramme)
            .where(col(VolunteerProgramme.id) == programme_id)
            .with_for_update()
            .execution_options(populate_existing=True)
        )
        return (await self.session.exec(statement)).first()

    async def listed(
        self, *, agency_ids: frozenset[int] | None = None, province_code: str | None = None
    ) -> Sequence[VolunteerProgramme]:
        """Soonest first; limited to those agencies' or that province's (None: every one)."""
        statement = select(VolunteerProgramme).order_by(
            col(VolunteerProgramme.starts_at), col(VolunteerProgramme.id)
        )
        if agency_ids is not None:
            statement = statement.where(
                col(VolunteerProgramme.owner_agency_id).in_(list(agency_ids))
            )
        if province_code is not None:
            statement = statement.where(col(VolunteerProgramme.province_code) == province_code)
        return (await self.session.exec(statement)).all()

    async def open_in(
        self, areas: Sequence[tuple[str, str | None]], *, now: datetime, limit: int
    ) -> Sequence[VolunteerProgramme]:
        """Published programmes not yet started in any of these (province, district) areas: a
        programme for a whole province is in each of its districts; soonest first."""
        if not areas:
            return []
        where: list[ColumnElement[bool]] = []
        for province, district in areas:
            here = col(VolunteerProgramme.province_code) == province
            if district:
                here = here & (
                    col(VolunteerProgramme.district_code).is_(None)
                    | (col(VolunteerProgramme.district_code) == district)
                )
            where.append(here)
        statement = (
            select(VolunteerProgramme)
            .where(
                or_(*where),
                col(VolunteerProgramme.status) == ProgrammeStatus.PUBLISHED,
                col(VolunteerProgramme.starts_at) > now,
            )
            .order_by(col(VolunteerProgramme.starts_at), col(VolunteerProgramme.id))
            .limit(limit)
        )
        return (await self.session.exec(statement)).all()

    # --- sign-ups ----------------------------------------------------------------------------

    async def sign_up(self, sign_up_id: int) -> VolunteerSignUp | None:
        return await self.session.get(VolunteerSignUp, sign_up_id)

    async def sign_up_of(self, programme_id: int, citizen_id: int) -> VolunteerSignUp | None:
        statement = select(VolunteerSignUp).where(
            col(VolunteerSignUp.programme_id) == programme_id,
            col(VolunteerSignUp.citizen_id) == citizen_id,
        )
        return (await self.session.exec(statement)).first()

    async def add_sign_up_if_new(self, sign_up: VolunteerSignUp) -> VolunteerSignUp | None:
        """Insert the citizen's first sign-up; None when they have one (a redelivered tap)."""
        table = VolunteerSignUp.__table__  # type: ignore[attr-defined]
        row = sign_up.model_dump(exclude={"id"})
        new_id = await insert_one_if_new(self.session, table, row, returning=table.c.id)
        return None if new_id is None else await self.sign_up(int(new_id))

    async def places_taken(self, programme_id: int) -> int:
        statement = select(func.count()).where(
            col(VolunteerSignUp.programme_id) == programme_id,
            col(VolunteerSignUp.status).in_(HOLDING_A_PLACE),
        )
        return int((await self.session.exec(statement)).one())

    def _waiting(self, programme_id: int) -> ColumnElement[bool]:
        return (col(VolunteerSignUp.programme_id) == programme_id) & (
            col(VolunteerSignUp.status) == SignUpStatus.WAITLISTED
        )

    async def first_waiting(self, programme_id: int) -> VolunteerSignUp | None:
        statement = (
            select(VolunteerSignUp)
            .where(self._waiting(programme_id))
            .order_by(col(VolunteerSignUp.signed_up_at), col(VolunteerSignUp.id))
            .limit(1)
        )
        return (await self.session.exec(statement)).first()

    async def waiting_position(self, sign_up: VolunteerSignUp) -> int:
        """1 for the first on the waiting list."""
        statement = select(func.count()).where(
            self._waiting(sign_up.programme_id),
            or_(
                col(VolunteerSignUp.signed_up_at) < sign_up.signed_up_at,
                (col(VolunteerSignUp.signed_up_at) == sign_up.signed_up_at)
                & (col(VolunteerSignUp.id) <= sign_up.id),
            ),
        )
        return int((await self.session.exec(statement)).one())

    async def of_programme(self, programme_id: int) -> Sequence[VolunteerSignUp]:
        """In the order they signed up."""
        statement = (
            select(VolunteerSignUp)
            .where(col(VolunteerSignUp.programme_id) == programme_id)
            .order_by(col(VolunteerSignUp.signed_up_at), col(VolunteerSignUp.id))
        )
        return (await self.session.exec(statement)).all()

    async def counts(self, programme_ids: Sequence[int]) -> dict[int, SignUpCounts]:
        """Sign-ups by status, per programme (one query for a whole list)."""
        if not programme_ids:
            return {}
        statement = (
            select(VolunteerSignUp.programme_id, VolunteerSignUp.status, func.count())
            .where(col(VolunteerSignUp.programme_id).in_(list(programme_ids)))
            .group_by(col(VolunteerSignUp.programme_id), col(VolunteerSignUp.status))
        )
        found: dict[int, dict[str, int]] = {}
        for programme_id, status, count in (await self.session.exec(statement)).all():
            found.setdefault(programme_id, {})[SignUpStatus(status).value] = int(count)
        return {pid: SignUpCounts(**found.get(pid, {})) for pid in programme_ids}

    async def of_citizen(
        self, citizen_id: int
    ) -> Sequence[tuple[VolunteerSignUp, VolunteerProgramme]]:
        """The citizen's sign-ups with their programmes, the soonest programme first."""
        statement = (
            select(VolunteerSignUp, VolunteerProgramme)
            .join(
                VolunteerProgramme, col(VolunteerProgramme.id) == col(VolunteerSignUp.programme_id)
            )
            .where(col(VolunteerSignUp.citizen_id) == citizen_id)
            .order_by(col(VolunteerProgramme.starts_at), col(VolunteerSignUp.id))
        )
        return [
            (sign_up, programme)
            for sign_up, programme in (await self.session.exec(statement)).all()
        ]

    def _recipients(self) -> Any:
        return (
            sqlalchemy.select(
                col(VolunteerSignUp.id),
                col(Citizen.id),
                col(Citizen.channel),
                col(Citizen.channel_user_id),
            )
            .join(Citizen, col(Citizen.id) == col(VolunteerSignUp.citizen_id))
            .where(col(Citizen.erased_at).is_(None), col(Citizen.notifications_enabled).is_(True))
            .order_by(col(VolunteerSignUp.id))
        )

    async def recipients(
        self, programme_id: int, statuses: Sequence[SignUpStatus]
    ) -> Sequence[Recipient]:
        """The signed-up citizens in those states who still accept messages."""
        statement = self._recipients().where(
            col(VolunteerSignUp.programme_id) == programme_id,
            col(VolunteerSignUp.status).in_(list(statuses)),
        )
        return [
            Recipient(int(sid), int(cid), str(channel), str(uid))
            for sid, cid, channel, uid in (await self.session.execute(statement)).all()
        ]

    async def recipient_of(self, sign_up_id: int) -> Recipient | None:
        """The citizen behind one sign-up, if they still accept messages."""
        statement = self._recipients().where(col(VolunteerSignUp.id) == sign_up_id)
        row = (await self.session.execute(statement)).first()
        return (
            None if row is None else Recipient(int(row[0]), int(row[1]), str(row[2]), str(row[3]))
        )

    async def due_reminders(
        self, *, starting_after: datetime, starting_by: datetime
    ) -> Sequence[tuple[VolunteerSignUp, VolunteerProgramme, Citizen]]:
        """Confirmed sign-ups not yet reminded, of published programmes starting in the window."""
        statement = (
            select(VolunteerSignUp, VolunteerProgramme, Citizen)
            .join(
                VolunteerProgramme, col(VolunteerProgramme.id) == col(VolunteerSignUp.programme_id)
            )
            .join(Citizen, col(Citizen.id) == col(VolunteerSignUp.citizen_id))
            .where(
                col(VolunteerSignUp.status) == SignUpStatus.CONFIRMED,
                col(VolunteerSignUp.reminded_at).is_(None),
                col(VolunteerProgramme.status) == ProgrammeStatus.PUBLISHED,
                col(VolunteerProgramme.starts_at) > starting_after,
                col(VolunteerProgramme.starts_at) <= starting_by,
            )
            .order_by(col(VolunteerSignUp.id))
        )
        return [tuple(row) for row in (await self.session.exec(statement)).all()]  # type: ignore[misc]

    async def forget_citizen(self, citizen_id: int) -> None:
        """PDPA erasure: the sign-ups lose what the citizen gave the organiser; their status
        stays, so a programme's counts still add up."""
        await self.session.exec(
            update(VolunteerSignUp)
            .where(col(VolunteerSignUp.citizen_id) == citizen_id)
            .values(contact=None)
            .execution_options(synchronize_session=False)
        )
