"""The database session: what a failed statement tells the logs."""

from __future__ import annotations

import pytest
from sqlalchemy.exc import IntegrityError

from storage.database import Database
from storage.models import Channel, FeedbackItem


async def test_a_failed_statement_does_not_carry_the_citizens_words(database: Database) -> None:
    """Its message is logged and kept as an event's error: the row's values stay out of it."""
    phone = "081-234-5678"
    with pytest.raises(IntegrityError) as failed:
        async with database.unit_of_work() as session:
            for _ in range(2):  # the same reference twice
                session.add(
                    FeedbackItem(
                        reference="SG-TWICE-1",
                        channel=Channel.LINE,
                        original_text=f"ผมชื่อสมชาย โทร {phone}",
                    )
                )
                await session.flush()
    assert phone not in str(failed.value) and "สมชาย" not in str(failed.value)
