"""The language of a message is read from its letters; keyboard mashing is told from words."""

from __future__ import annotations

import pytest

from nlp.language import detect_language, is_gibberish
from nlp.text_model import TextInput


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("ไฟทางดับทั้งซอยเลยค่ะ", "th"),
        ("ไฟ dark มากกก ช่วยด้วย", "th"),  # English words mixed into Thai are usual
        ("The street light outside my condo is broken", "en"),
        ("ໄຟຟ້າດັບໝົດບ້ານ", "lo"),
        ("ភ្លើងដាច់", "km"),
        ("路灯坏了很久了", "zh"),
        ("မီးပျက်နေတယ်", "my"),
        ("😡😡😡", "none"),
        ("", "none"),
        ("0812345678 ?!", "none"),
    ],
)
def test_the_language_is_the_script_of_the_letters(text: str, language: str) -> None:
    assert detect_language(text) == language


@pytest.mark.parametrize(
    "text", ["ฟหกดฟหกดเ่าสว", "asdfghjkl", "ๆๆๆๆ", "กดกดกดกดกด", "ฟฟฟฟหกด่าสวว", "กฟหกดเ้่าสวง"]
)
def test_keyboard_mashing_is_gibberish(text: str) -> None:
    assert is_gibberish(TextInput.of(text))


@pytest.mark.parametrize(
    "text",
    # "ห้างว่างเหงา", "ดาวสว่าง": words typed with the home row's letters alone
    [
        *("ถนนพังมากๆ", "สวัสดีครับ", "ไฟ dark มาก", "hello, the road is flooded", "BTS อโศก"),
        *("ห้างว่างเหงา", "ดาวสว่างมาก"),
    ],
)
def test_words_are_not_gibberish(text: str) -> None:
    assert not is_gibberish(TextInput.of(text))
