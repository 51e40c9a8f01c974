"""Which urgent messages speak of someone taking their own life (the chat adds 1323)."""

from __future__ import annotations

import pytest

from nlp.self_harm import speaks_of_self_harm


@pytest.mark.parametrize(
    "text",
    [
        "น้องสาวส่งไลน์มาว่าไม่อยากอยู่แล้ว แล้วปิดเครื่อง",
        "ลุงข้างบ้านเอาเชือกขึ้นไปผูกคอที่คานบ้าน",
        "เพื่อนบอกว่าจะกระโดดตึกจากดาดฟ้าหอ",
        "My roommate says she wants to kill herself, she locked the door",
        "我朋友说不想活了",
    ],
)
def test_a_threat_to_take_ones_own_life_is_read(text: str) -> None:
    assert speaks_of_self_harm(text)


@pytest.mark.parametrize(
    "text",
    ["ไฟไหม้บ้านไม้สองหลัง คนติดอยู่ข้างใน", "รถชนคนเจ็บสองคน เลือดออกเยอะ", "ลุงตกต้นมะพร้าว"],
)
def test_other_dangers_are_not(text: str) -> None:
    assert not speaks_of_self_harm(text)
