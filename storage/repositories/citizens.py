"""Queries about citizens: who they are per channel, their conversation, and what the PDPA lets
them ask for (a copy of their data, erasure)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import String, cast, delete, func, update
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from storage.models import (
    Agency,
    Board,
    Channel,
    Citizen,
    ConversationState,
    DeliveryStatus,
    FeedbackItem,
    FeedbackMedia,
    InboundEvent,
    InternalNote,
    OutboundMessage,
    RecipientType,
    RoutingCorrection,
    StatusChange,
)
from storage.upsert import insert_one_if_new

ANSWERED_IN_CONVERSATION = "answered in the conversation"


class CitizenRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def by_channel_user(self, channel: Channel, channel_user_id: str) -> Citizen | None:
        statement = select(Citizen).where(
            col(Citizen.channel) == channel, col(Citizen.channel_user_id) == channel_user_id
        )
        return (await self.session.exec(statement)).first()

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

    async def agency_names(self, agency_ids: Sequence[int]) -> dict[int, Agency]:
        if not agency_ids:
            return {}
        statement = select(Agency).where(col(Agency.id).in_(set(agency_ids)))
        return {agency.id: agency for agency in await self.session.exec(statement) if agency.id}

    async def board(self, board_id: int | None) -> Board | None:
        return None if board_id is None else await self.session.get(Board, board_id)

    async def mark_citizen_message_delivered(
        self, *, feedback_id: int, citizen_id: int, kind: str, now: datetime
    ) -> int:
        """Settle a queued citizen message that went out as the conversation's own reply
        (skipped, with `ANSWERED_IN_CONVERSATION` as the reason), so it is not sent twice."""
        statement = (
            update(OutboundMessage)
            .where(
                col(OutboundMessage.feedback_id) == feedback_id,
                col(OutboundMessage.citizen_id) == citizen_id,
                col(OutboundMessage.kind) == kind,
                col(OutboundMessage.recipient_type) == RecipientType.CITIZEN.value,
                col(OutboundMessage.status) == DeliveryStatus.PENDING.value,
            )
            .values(status=DeliveryStatus.SKIPPED.value, last_error=ANSWERED_IN_CONVERSATION)
        )
        result = await self.session.exec(statement)
        return int(result.rowcount or 0)

    # A copy of their data, and PDPA erasure ----------------------------------------------

    async def items_of(self, citizen_id: int) -> Sequence[FeedbackItem]:
        statement = select(FeedbackItem).where(col(FeedbackItem.citizen_id) == citizen_id)
        return (await self.session.exec(statement)).all()

    async def citizen_media(self, feedback_ids: Sequence[int]) -> Sequence[FeedbackMedia]:
        if not feedback_ids:
            return []
        statement = select(FeedbackMedia).where(
            col(FeedbackMedia.feedback_id).in_(list(feedback_ids)),
            col(FeedbackMedia.added_by) == "citizen",
        )
        return (await self.session.exec(statement)).all()

    async def delete_media(self, media_ids: Sequence[int]) -> None:
        if media_ids:
            await self.session.exec(
                delete(FeedbackMedia).where(col(FeedbackMedia.id).in_(list(media_ids)))
            )

    async def media_keys_in_use(self, storage_keys: Sequence[str]) -> set[str]:
        """The keys some remaining photo row still uses (files are stored once per content)."""
        if not storage_keys:
            return set()
        statement = select(col(FeedbackMedia.storage_key)).where(
            col(FeedbackMedia.storage_key).in_(list(storage_keys))
        )
        return set((await self.session.exec(statement)).all())

    async def status_changes_of(self, feedback_ids: Sequence[int]) -> Sequence[StatusChange]:
        statement = (
            select(StatusChange)
            .where(col(StatusChange.feedback_id).in_(feedback_ids))
            .order_by(col(StatusChange.id))
        )
        return (await self.session.exec(statement)).all()

    async def internal_notes_of(self, feedback_ids: Sequence[int]) -> Sequence[InternalNote]:
        statement = (
            select(InternalNote)
            .where(col(InternalNote.feedback_id).in_(feedback_ids))
            .order_by(col(InternalNote.id))
        )
        return (await self.session.exec(statement)).all()

    async def routing_corrections_of(
        self, feedback_ids: Sequence[int]
    ) -> Sequence[RoutingCorrection]:
        statement = select(RoutingCorrection).where(
            col(RoutingCorrection.feedback_id).in_(feedback_ids)
        )
        return (await self.session.exec(statement)).all()

    async def follower_ids(self, feedback_ids: Sequence[int]) -> list[int]:
        """Other people's items filed as repeats of these (their notices quote these items)."""
        statement = select(col(FeedbackItem.id)).where(
            col(FeedbackItem.duplicate_of_id).in_(feedback_ids)
        )
        return [int(i) for i in (await self.session.exec(statement)).all() if i is not None]

    async def messages_about(self, feedback_ids: Sequence[int]) -> Sequence[OutboundMessage]:
        statement = select(OutboundMessage).where(
            col(OutboundMessage.feedback_id).in_(feedback_ids)
        )
        return (await self.session.exec(statement)).all()

    async def count_messages_to(self, citizen_id: int) -> int:
        """Messages sent to the citizen (replies, status changes, questions about a fix)."""
        statement = select(func.count()).where(
            col(OutboundMessage.citizen_id) == citizen_id,
            col(OutboundMessage.status) == DeliveryStatus.SENT.value,
        )
        return int((await self.session.exec(statement)).one())

    async def forget_inbound_events(
        self, channel: Channel, channel_user_id: str, pseudonym: str
    ) -> int:
        """Blank the raw events that carry this platform id: an event of this person loses its
        payload, any body that names them is dropped, and a web chat id inside an event id is
        replaced by the pseudonym. The rows stay, so a late redelivery is still recognised."""
        escaped = channel_user_id.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        needle = f"%{escaped}%"
        in_payload = cast(col(InboundEvent.payload), String).like(needle, escape="\\")
        in_body = col(InboundEvent.raw_body).like(needle, escape="\\")
        in_id = col(InboundEvent.external_id).like(needle, escape="\\")
        statement = select(InboundEvent).where(
            col(InboundEvent.channel) == channel.value, in_payload | in_body | in_id
        )
        events = (await self.session.exec(statement)).all()
        for event in events:
            if channel_user_id in json.dumps(event.payload, ensure_ascii=False):
                event.payload, event.error = {"erased": True}, None
            # The body may hold other people's events of the same delivery: it goes as a whole.
            event.raw_body = "" if channel_user_id in event.raw_body else event.raw_body
            event.external_id = event.external_id.replace(channel_user_id, pseudonym)
            self.session.add(event)
        await self.session.flush()
        return len(events)

    async def forget_outbox_target(self, citizen: Citizen, pseudonym: str) -> None:
        """The citizen's messages lose their platform id and their content; nothing pending goes
        out (the erasure's own answer is queued after this, and forgets its target once sent)."""
        assert citizen.id is not None
        await self.session.flush()  # changes made to loaded rows first; these updates win
        theirs = (col(OutboundMessage.citizen_id) == citizen.id) | (
            (col(OutboundMessage.channel) == citizen.channel.value)
            & (col(OutboundMessage.target) == citizen.channel_user_id)
        )
        await self.session.exec(
            update(OutboundMessage)
            .where(
                theirs,
                col(OutboundMessage.status).in_(
                    [DeliveryStatus.PENDING.value, DeliveryStatus.FAILED.value]
                ),
            )
            .values(status=DeliveryStatus.SKIPPED.value, last_error="citizen erased")
        )
        await self.session.exec(
            update(OutboundMessage)
            .where(theirs)
            .values(target=pseudonym, payload={"erased": True}, next_attempt_at=None)
            .execution_options(synchronize_session=False)
        )

    async def delete_conversation(self, citizen_id: int) -> None:
        await self.session.exec(
            delete(ConversationState).where(col(ConversationState.citizen_id) == citizen_id)
        )
