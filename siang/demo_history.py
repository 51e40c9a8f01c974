"""The demo's older history: finished tickets week by week for a year and a half before the
recent reports, so weekly charts have a past, last year has something to compare with, and the
public page's times, ratings and reopenings rest on hundreds of items.

Each history item copies what filing and routing decided for the same report in the same place
(category, agency, board, sentiment, urgency, redacted text, service level) from an item the
demo filed through `services.filing`, and gets the life an agency and a citizen would have
given it, as the history rows the services write. They are written in bulk: filing a thousand
items one by one through the services would take most of a minute, and `siang demo` should
answer in seconds.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlmodel.ext.asyncio.session import AsyncSession

from services.ticket_notes import facts
from services.ticket_references import random_reference
from storage.models import ActorType, Channel, Citizen, FeedbackItem, StatusChange
from storage.models import FeedbackStatus as S
from storage.repositories import bulk_loads

FIRST_WEEK, LAST_WEEK = 9, 78  # weeks before now: after the recent reports, back 70 weeks
WEEKLY_NOW, WEEKLY_THEN = 20.0, 15.0  # items a week now and 78 weeks ago: growth of some 30 %
CLOSE_AFTER = timedelta(days=14)  # an unrated resolution is closed by the system then
RESOLUTION_NOTE = "ดำเนินการแก้ไขเรียบร้อยแล้ว ขอบคุณที่แจ้งครับ"
REJECT_NOTE = "ตรวจสอบแล้วไม่พบปัญหาตามที่แจ้ง หากยังพบอยู่โปรดแจ้งพร้อมภาพถ่าย"
REOPEN_NOTE = "ยังไม่ได้แก้จริง ปัญหายังอยู่เหมือนเดิม"
# What filing decided for a report, copied onto its history items.
COPIED = (
    "kind", "original_text", "redacted_text", "language", "category", "categories",
    "province_code", "district_code", "subdistrict_code", "location_text", "sentiment",
    "sentiment_score", "urgency", "hazards", "agency_id", "board_id", "routing_rule_id",
    "routing_facts",
)  # fmt: skip


@dataclass
class HistoryReport:
    filed: int = 0
    resolved: int = 0
    rated: int = 0
    confirmed: int = 0
    reopened: int = 0
    rejected: int = 0
    merged: int = 0
    still_open: int = 0


def weekly_count(weeks_ago: int, rng: random.Random) -> int:
    """Items in a week: growing over time, more in the rainy season (June to October)."""
    trend = WEEKLY_THEN + (WEEKLY_NOW - WEEKLY_THEN) * (LAST_WEEK - weeks_ago) / LAST_WEEK
    season = 1 + 0.35 * math.sin(2 * math.pi * ((52 - weeks_ago % 52) / 52))
    return max(1, round(trend * season + rng.uniform(-2, 2)))


class _Life:
    """One history item's steps: (status, actor, when, note, facts) in order."""

    def __init__(self, item: FeedbackItem, official_id: int) -> None:
        self.item, self.official_id = item, official_id
        self.steps: list[StatusChange] = []
        self.merged_into: str | None = None  # the reference of the report it was merged into

    def step(
        self,
        to: S,
        when: datetime,
        actor: ActorType,
        note: str | None = None,
        note_facts: dict[str, object] | None = None,
    ) -> None:
        user = {ActorType.OFFICIAL: self.official_id}.get(actor)
        self.steps.append(
            StatusChange(
                feedback_id=0,  # set once the item is stored
                from_status=self.item.status if self.steps else None,
                to_status=to,
                actor_type=actor,
                actor_user_id=user,
                agency_id=self.item.agency_id,
                note=note,
                note_facts=note_facts,
                created_at=when,
            )
        )
        self.item.status = to
        self.item.updated_at = when


async def _free_references(session: AsyncSession, count: int) -> list[str]:
    taken = await bulk_loads.taken_references(session)
    found: list[str] = []
    while len(found) < count:
        reference = random_reference()
        if reference not in taken:
            taken.add(reference)
            found.append(reference)
    return found


async def write_history(
    session: AsyncSession,
    *,
    template_ids: list[int],
    official_id: int,
    citizen_prefix: str,
    now: datetime,
    rng: random.Random,
) -> HistoryReport:
    """Add the finished weekly history of the reports the demo filed as `template_ids` (their
    repeats left out). Rows go in as a few multi-row statements (about 0.1 s per thousand
    items, where the ORM's unit of work took over ten)."""
    report = HistoryReport()
    templates = list(await bulk_loads.leads_among(session, template_ids))
    plan: list[tuple[FeedbackItem, datetime]] = []
    for weeks_ago in range(LAST_WEEK, FIRST_WEEK - 1, -1):
        week_start = now - timedelta(weeks=weeks_ago)
        for _ in range(weekly_count(weeks_ago, rng)):
            plan.append((rng.choice(templates), week_start + timedelta(days=rng.uniform(0, 7))))
    plan.sort(key=lambda pair: pair[1])
    names = [f"{citizen_prefix}h{number:04d}" for number in range(len(plan))]
    citizens = [
        Citizen(channel=Channel.WEB, channel_user_id=name, notifications_enabled=False)
        for name in names
    ]
    for citizen, (_, created) in zip(citizens, plan, strict=True):
        citizen.created_at = created
    await bulk_loads.insert_rows(session, Citizen, citizens)
    citizen_ids = await bulk_loads.citizen_ids(session, names)
    references = await _free_references(session, len(plan))
    lives: list[_Life] = []
    last_open: dict[tuple[str | None, str | None], tuple[FeedbackItem, datetime]] = {}
    for (template, created), reference, name in zip(plan, references, names, strict=True):
        service_level = (template.due_at or template.created_at) - template.created_at
        item = FeedbackItem(
            **{field: getattr(template, field) for field in COPIED},
            reference=reference,
            channel=Channel.WEB,
            citizen_id=citizen_ids[name],
            status=S.RECEIVED,
            due_at=created + service_level if template.due_at else None,
            created_at=created,
            updated_at=created,
        )
        life = _Life(item, official_id)
        _live(life, last_open, rng, report)
        lives.append(life)
        report.filed += 1
    await bulk_loads.insert_rows(session, FeedbackItem, [life.item for life in lives])
    item_ids = await bulk_loads.item_ids(session, references)
    merged = [
        {"item_id": item_ids[life.item.reference], "lead_id": item_ids[life.merged_into]}
        for life in lives
        if life.merged_into
    ]
    await bulk_loads.set_duplicates(session, merged)
    for life in lives:
        for step in life.steps:
            step.feedback_id = item_ids[life.item.reference]
    await bulk_loads.insert_rows(
        session, StatusChange, [step for life in lives for step in life.steps]
    )
    return report


def _live(
    life: _Life,
    last_open: dict[tuple[str | None, str | None], tuple[FeedbackItem, datetime]],
    rng: random.Random,
    report: HistoryReport,
) -> None:
    """The life a filed item had: merged into an open report of the same problem, rejected,
    still open (overdue), or resolved, then confirmed, rated, reopened or closed."""
    item, created = life.item, life.item.created_at
    life.step(S.RECEIVED, created, ActorType.SYSTEM)
    life.step(S.ROUTED, created, ActorType.SYSTEM)
    key = (item.category, item.district_code)
    earlier = last_open.get(key)
    roll = rng.random()
    if earlier and created - earlier[1] < timedelta(days=5) and roll < 0.5:
        lead = earlier[0]
        life.merged_into = lead.reference
        item.closed_at = created + timedelta(hours=rng.randint(2, 20))
        life.step(
            S.CLOSED,
            item.closed_at,
            ActorType.OFFICIAL,
            note_facts=facts.merged(into=lead.reference),
        )
        report.merged += 1
        return
    accepted = created + timedelta(hours=rng.randint(2, 30))
    if roll < 0.08:
        life.step(S.REJECTED, accepted, ActorType.OFFICIAL, REJECT_NOTE)
        item.closed_at = accepted + CLOSE_AFTER
        life.step(S.CLOSED, item.closed_at, ActorType.SYSTEM, note_facts=facts.auto_closed(days=14))
        report.rejected += 1
        return
    life.step(S.ACCEPTED, accepted, ActorType.OFFICIAL, "รับเรื่องแล้ว")
    if roll > 0.975:  # a few never got further: still open, long past their due date
        report.still_open += 1
        return
    last_open[key] = (item, created)
    started = accepted + timedelta(hours=rng.randint(4, 48))
    life.step(S.IN_PROGRESS, started, ActorType.OFFICIAL, "กำลังดำเนินการ")
    resolved = started + timedelta(hours=rng.lognormvariate(math.log(60), 0.8))
    item.resolved_at = resolved
    life.step(S.RESOLVED, resolved, ActorType.OFFICIAL, RESOLUTION_NOTE)
    report.resolved += 1
    answered = resolved + timedelta(hours=rng.randint(3, 72))
    answer = rng.random()
    if answer < 0.09:
        item.reopen_count = 1
        item.resolved_at = None
        life.step(
            S.ACCEPTED,
            answered,
            ActorType.CITIZEN,
            REOPEN_NOTE,
            facts.reopened_by_citizen(),
        )
        report.reopened += 1
        resolved = answered + timedelta(days=rng.uniform(1, 5))
        item.resolved_at = resolved
        life.step(S.RESOLVED, resolved, ActorType.OFFICIAL, "แก้ไขซ้ำเรียบร้อย ตรวจสอบหน้างานแล้ว")
        answered = resolved + timedelta(hours=rng.randint(3, 72))
    if answer < 0.5:
        item.citizen_confirmed_fix = True
        report.confirmed += 1
    if answer < 0.7:
        item.rating = rng.choices((5, 4, 3, 2, 1), weights=(38, 30, 16, 10, 6))[0]
        item.closed_at = answered
        life.step(S.CLOSED, answered, ActorType.CITIZEN, note_facts=facts.rated(rating=item.rating))
        report.rated += 1
        return
    item.closed_at = resolved + CLOSE_AFTER
    life.step(S.CLOSED, item.closed_at, ActorType.SYSTEM, note_facts=facts.auto_closed(days=14))
