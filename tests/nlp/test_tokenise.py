"""Thai words come out in order, without the spaces between them."""

from __future__ import annotations

from nlp.normalise import normalise
from nlp.tokenise import segment, tokenise


def test_thai_words_are_split_by_the_dictionary() -> None:
    assert tokenise("ถนนพังมาก ที่ซอย 5") == ["ถนน", "พัง", "มาก", "ที่", "ซอย", "5"]


def test_segment_keeps_spaces_so_pieces_rebuild_the_text() -> None:
    text = "ไฟฟ้าดับ ทั้งซอย"
    assert "".join(segment(text)) == text


def test_normalised_chat_text_tokenises_to_real_words() -> None:
    words = tokenise(normalise("สายไฟฟฟฟขาดดดดด ที่ ถ.พหลโยธิน"))
    assert words[:2] == ["สายไฟ", "ขาด"]
    assert "ถนน" in words


def test_empty_text_has_no_words() -> None:
    assert tokenise("") == []
    assert tokenise("   ") == []


def test_a_polite_particle_is_not_swallowed_by_a_rare_pali_word() -> None:
    # นคะ and นาคะ are in the dictionary; maximal matching took them over ไหน+คะ and นา+คะ
    assert tokenise("ต้องอพยพไปไหนคะ") == ["ต้อง", "อพยพ", "ไป", "ไหน", "คะ"]
    assert tokenise("ซื้อยาคะ") == ["ซื้อ", "ยา", "คะ"]
