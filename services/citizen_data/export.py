"""A copy of everything Siang holds about one citizen (the PDPA right of access).

Who they are on their channel, their consent, each report as they wrote it (with its place,
photos, rating and every status update with the official's note as it was sent to them), the
picks kept for retraining, their volunteer sign-ups (with what they gave the organiser) and how
many messages went to them. Read-only: nothing is changed.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

from sqlmodel.ext.asyncio.session import AsyncSession

from services import volunteering
from storage.models import Citizen, ConsentState, FeedbackItem, StatusChange
from storage.repositories import outbound_messages
from storage.repositories.feedback_items import FeedbackItemRepository
from storage.repositories.feedback_media import FeedbackMediaRepository
from storage.repositories.labelled_examples import LabelledExampleRepository
from storage.repositories.status_changes import StatusChangeRepository


@dataclass(frozen=True)
class StatusUpdate:
    status: str
    at: datetime
    note: str | None  # as the agency wrote it (the reporter is told their own item's notes)


@dataclass(frozen=True)
class ReportCopy:
    reference: str
    kind: str
    category: str | None
    status: str
    text: str  # as the citizen wrote it
    place: str | None
    province_code: str | None
    district_code: str | None
    subdistrict_code: str | None
    latitude: float | None
    longitude: float | None
    photos: int
    rating: int | None
    rating_comment: str | None
    filed_at: datetime
    updates: tuple[StatusUpdate, ...]


@dataclass(frozen=True)
class PickCopy:
    """A category or kind the citizen chose, kept (text masked) to retrain the NLP."""

    field: str
    chosen: str
    text: str
    at: datetime


@dataclass(frozen=True)
class SignUpCopy:
    """A volunteer sign-up: the programme, how it stands, and what was given to the organiser."""

    programme: str
    place: str
    starts_at: datetime
    status: str
    waiting_position: int | None
    contact: str | None
    signed_up_at: datetime


@dataclass(frozen=True)
class CitizenData:
    channel: str
    platform_id: str
    display_name: str | None
    language: str
    consent: ConsentState
    consent_at: datetime | None
    notifications: bool
    first_seen: datetime
    last_seen: datetime | None
    reports: tuple[ReportCopy, ...]
    picks: tuple[PickCopy, ...]
    volunteering: tuple[SignUpCopy, ...]
    messages_sent: int

    @property
    def photos(self) -> int:
        return sum(report.photos for report in self.reports)

    def as_json(self) -> dict[str, Any]:
        """The copy as JSON values (ISO dates), for a file or an API answer."""
        copy: dict[str, Any] = _jsonable(asdict(self))
        return copy


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _jsonable(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(item) for item in value]
    if isinstance(value, datetime):
        return value.isoformat()
    return value


def _report(item: FeedbackItem, photos: int, changes: list[StatusChange]) -> ReportCopy:
    return ReportCopy(
        reference=item.reference,
        kind=item.kind.value,
        category=item.category,
        status=item.status.value,
        text=item.original_text,
        place=item.location_text,
        province_code=item.province_code,
        district_code=item.district_code,
        subdistrict_code=item.subdistrict_code,
        latitude=item.latitude,
        longitude=item.longitude,
        photos=photos,
        rating=item.rating,
        rating_comment=item.rating_comment,
        filed_at=item.created_at,
        updates=tuple(
            StatusUpdate(status=change.to_status.value, at=change.created_at, note=change.note)
            for change in changes
        ),
    )


async def export_citizen_data(session: AsyncSession, citizen: Citizen) -> CitizenData:
    """Everything held about `citizen`, their reports oldest first."""
    assert citizen.id is not None
    items = await FeedbackItemRepository(session).all_of_citizen(citizen.id)
    item_ids = [item.id for item in items if item.id is not None]
    photos = Counter(
        photo.feedback_id for photo in await FeedbackMediaRepository(session).of_citizen(item_ids)
    )
    changes: dict[int, list[StatusChange]] = {}
    for change in await StatusChangeRepository(session).of_items(item_ids):
        changes.setdefault(change.feedback_id, []).append(change)
    picks = await LabelledExampleRepository(session).of_citizen(citizen.id)
    sign_ups = await volunteering.history(session, citizen.id)
    return CitizenData(
        channel=citizen.channel.value,
        platform_id=citizen.channel_user_id,
        display_name=citizen.display_name,
        language=citizen.language,
        consent=citizen.consent_state,
        consent_at=citizen.consent_at,
        notifications=citizen.notifications_enabled,
        first_seen=citizen.created_at,
        last_seen=citizen.last_seen_at,
        reports=tuple(
            _report(item, photos[item.id], changes.get(item.id, []))
            for item in sorted(items, key=lambda item: (item.created_at, item.id or 0))
            if item.id is not None
        ),
        picks=tuple(
            PickCopy(
                field=pick.field, chosen=pick.chosen, text=pick.redacted_text, at=pick.created_at
            )
            for pick in picks
        ),
        volunteering=tuple(
            SignUpCopy(
                programme=entry.programme.title,
                place=entry.programme.place,
                starts_at=entry.programme.starts_at,
                status=entry.sign_up.status.value,
                waiting_position=entry.position,
                contact=entry.sign_up.contact,
                signed_up_at=entry.sign_up.signed_up_at,
            )
            for entry in sign_ups
        ),
        messages_sent=await outbound_messages.count_sent_to(session, citizen.id),
    )
