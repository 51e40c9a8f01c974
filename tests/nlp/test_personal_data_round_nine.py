"""The classes the ninth round closed: a nickname the tokeniser cut into a word and a lone letter
after a form of address (ลุงหมา|น), a nickname after บ้าน, ของ or ร้าน and a kinship word, and
their look-alikes that must stay. All example messages are team-written for these tests."""

from __future__ import annotations

import pytest

from nlp.personal_data import redact


@pytest.mark.parametrize(
    ("text", "secrets"),
    [
        # a nickname cut into a word and a lone letter, after a form of address
        ("ลุงหมานริมคลองเผาขยะทุกเย็น ควันเข้าบ้าน", ["หมาน"]),
        ("น้าหมาน อปพร. ช่วยยกของตอนน้ำท่วม", ["หมาน"]),
        ("ขอชื่นชมหมอมินจากอนามัยบ้านนา", ["มิน"]),
        # a nickname after บ้าน, ของ or ร้าน and a kinship word, standing alone
        ("ไฟไหม้บ้านลุงหมาน ช่วยด้วย", ["หมาน"]),
        ("หมาของป้าส้ม กัดเด็กแถวนี้", ["ส้ม"]),
    ],
)
def test_round_nine_classes_are_masked(text: str, secrets: list[str]) -> None:
    masked = redact(text).text
    for secret in secrets:
        assert secret not in masked, masked


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # a kinship word and a dog, or a word that says which house
        ("น้องหมาโดนรถชนหน้าปากซอย", ["หมา"]),
        ("ลุงหมาเดินหายจากบ้าน", ["หมา"]),
        ("ไปบ้านยายตอนเย็น ถนนมืดมาก", ["ตอนเย็น"]),
        ("บ้านลุงริมน้ำ น้ำเข้าแล้ว", ["ริมน้ำ"]),
        ("ไฟดับที่บ้านพี่สาว", ["พี่สาว"]),
        ("ของน้องเองค่ะ ไม่ได้ขโมยมา", ["ของน้องเอง"]),
        ("บ้านยายเก่า หลังคารั่ว", ["บ้านยายเก่า"]),
        ("บ้านลุงมีหมาดุ", ["มีหมา"]),
        ("ไปบ้านยายโคราช รถติดมาก", ["โคราช"]),
    ],
)
def test_round_nine_look_alikes_stay(text: str, kept: list[str]) -> None:
    masked = redact(text).text
    for word in kept:
        assert word in masked, masked
