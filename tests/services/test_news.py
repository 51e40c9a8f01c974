"""Who hears about consultations and surveys: per area and topic, opted in, stopped at will."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from nlp.categories import LABELS
from services import consultations, news, surveys
from services.consultations import NewConsultation
from services.errors import InvalidInputError
from services.news import Subscribed
from services.surveys import NewSurvey, Question
from services.topics import CODES, TOPICS, topic_of_category
from storage.models import OutboundMessage
from tests.services.conftest import NOW, add_citizen

LATER = NOW + timedelta(days=7)


async def _citizen_with(session: AsyncSession, *topics: str, province: str = "50") -> int:
    citizen = await add_citizen(session)
    assert citizen.id is not None
    await news.subscribe(session, citizen.id, province_code=province, topics=topics)
    return citizen.id


async def _poll(session: AsyncSession, *topics: str) -> int:
    body = NewConsultation(
        title="น้ำท่วมซ้ำซาก",
        question="ควรขุดลอกคลองแม่ข่าก่อนหน้าฝนไหม",
        options=["ควร", "ไม่ควร"],
        province_codes=["50"],
        closes_at=LATER,
        topics=list(topics),
    )
    poll = await consultations.create(session, body, now=NOW)
    assert poll.id is not None
    return poll.id


async def _receivers(session: AsyncSession, kind: str, key: str) -> set[int]:
    rows = await session.exec(
        select(OutboundMessage).where(
            col(OutboundMessage.kind) == kind, col(OutboundMessage.dedupe_key).contains(key)
        )
    )
    return {row.citizen_id for row in rows.all() if row.citizen_id is not None}


class TestTopics:
    def test_every_nlp_category_belongs_to_exactly_one_topic(self) -> None:
        covered = [category for topic in TOPICS for category in topic.categories]
        assert sorted(covered) == sorted(LABELS)
        assert topic_of_category("น้ำท่วม") == "water"

    def test_names_fit_a_chat_button(self) -> None:
        for topic in TOPICS:
            assert len(topic.name_th) <= 20 and len(topic.name_en) <= 20, topic
        assert len(CODES) <= 10


class TestAudience:
    async def test_a_consultation_reaches_only_those_opted_in_for_its_area_and_topic(
        self, session: AsyncSession
    ) -> None:
        water = await _citizen_with(session, "water")
        water_and_health = await _citizen_with(session, "health", "water")
        everything = await _citizen_with(session)
        education = await _citizen_with(session, "education")
        await _citizen_with(session, "water", province="10")  # another province
        poll = await _poll(session, "water", "environment")

        assert await consultations.publish(session, poll, now=NOW) == 3
        reached = await _receivers(session, "consultation", f"consultation:{poll}:")
        assert reached == {water, water_and_health, everything}
        assert education not in reached

    async def test_a_consultation_naming_no_topic_reaches_only_those_who_chose_every_topic(
        self, session: AsyncSession
    ) -> None:
        await _citizen_with(session, "water")
        everything = await _citizen_with(session)
        poll = await _poll(session)
        assert await consultations.publish(session, poll, now=NOW) == 1
        assert await _receivers(session, "consultation", f"consultation:{poll}:") == {everything}

    async def test_a_survey_honours_topics_too(self, session: AsyncSession) -> None:
        roads = await _citizen_with(session, "roads")
        await _citizen_with(session, "health")
        body = NewSurvey(
            title="รถเมล์เชียงใหม่",
            questions=[Question("ใช้รถเมล์บ่อยแค่ไหน", ("ทุกวัน", "บางวัน"))],
            province_codes=["50"],
            closes_at=LATER,
            topics=["roads"],
        )
        survey = await surveys.create(session, body, now=NOW)
        assert survey.id is not None and survey.topics == ["roads"]
        assert await surveys.publish(session, survey.id, now=NOW) == 1
        assert await _receivers(session, "survey", f"survey:{survey.id}:") == {roads}

    async def test_unknown_topics_are_refused(self, session: AsyncSession) -> None:
        with pytest.raises(InvalidInputError, match="Unknown topic 'weather'"):
            await _poll(session, "water", "weather")
        citizen = await add_citizen(session)
        assert citizen.id is not None
        with pytest.raises(InvalidInputError):
            await news.subscribe(session, citizen.id, province_code="50", topics=["weather"])


class TestSubscribe:
    async def test_topics_add_up_and_every_topic_covers_them_all(
        self, session: AsyncSession
    ) -> None:
        citizen = await add_citizen(session)
        assert citizen.id is not None

        async def pick(*topics: str) -> news.Outcome:
            assert citizen.id is not None
            return await news.subscribe(session, citizen.id, province_code="50", topics=topics)

        assert await pick("water") == news.Outcome(Subscribed.NEW, ("water",))
        assert await pick("roads") == news.Outcome(Subscribed.WIDENED, ("roads", "water"))
        assert await pick("water") == news.Outcome(Subscribed.ALREADY, ("roads", "water"))
        assert await pick() == news.Outcome(Subscribed.WIDENED, ())
        assert await pick("health") == news.Outcome(Subscribed.ALREADY, ())
        [only] = await news.subscriptions(session, citizen.id)
        assert (only.province_code, only.district_code, only.topics) == ("50", "", ())

    async def test_an_area_that_does_not_exist_is_refused(self, session: AsyncSession) -> None:
        citizen = await add_citizen(session)
        assert citizen.id is not None
        with pytest.raises(InvalidInputError):
            await news.subscribe(session, citizen.id, province_code="99")
        with pytest.raises(InvalidInputError):  # a Bangkok district under Chiang Mai
            await news.subscribe(session, citizen.id, province_code="50", district_code="1001")

    async def test_one_area_stops_and_the_others_go_on(self, session: AsyncSession) -> None:
        citizen = await add_citizen(session)
        other = await add_citizen(session)
        assert citizen.id is not None and other.id is not None
        await news.subscribe(session, citizen.id, province_code="50", topics=["water"])
        await news.subscribe(session, citizen.id, province_code="10")
        chiang_mai, bangkok = await news.subscriptions(session, citizen.id)
        assert not await news.unsubscribe_one(session, other.id, chiang_mai.id)  # not theirs
        assert await news.unsubscribe_one(session, citizen.id, chiang_mai.id)
        assert not await news.unsubscribe_one(session, citizen.id, chiang_mai.id)  # gone
        assert await news.subscriptions(session, citizen.id) == [bangkok]
        poll = await _poll(session, "water")
        assert await consultations.publish(session, poll, now=NOW) == 0
        assert await news.unsubscribe(session, citizen.id) == 1
