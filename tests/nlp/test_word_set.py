"""`WordSet` answers `word in words` exactly as pythainlp's frozenset of the same file does."""

from __future__ import annotations

from pythainlp.corpus import get_corpus

from nlp.word_set import THAI_WORDS_FILE, WordSet, _plain_lines, thai_words


def test_the_thai_dictionary_holds_every_word_pythainlp_reads_and_no_other() -> None:
    listed = get_corpus(THAI_WORDS_FILE)
    words = thai_words()
    assert all(word in words for word in listed)
    near_misses = {word[:-1] for word in listed} | {word + "ๆ" for word in listed}
    assert all((word in words) == (word in listed) for word in near_misses)
    assert "" not in words and " " not in words and None not in words and 1 not in words


def test_empty_lines_repeated_words_and_words_sharing_a_crc() -> None:
    # "plumless" and "buckeroo" have the same CRC-32
    words = WordSet("ถนน\n\nplumless\nถนน\nbuckeroo\n".encode())
    assert "ถนน" in words and "plumless" in words and "buckeroo" in words
    assert "" not in words and "ถน" not in words and "\ud800" not in words
    assert "buckeroo" not in WordSet(b"plumless")


def test_a_file_with_other_line_breaks_is_cut_as_str_splitlines_cuts_it() -> None:
    text = "ก\r\nข\u2028ค\x85ง\rจ"
    assert _plain_lines(text.encode()) == "\n".join(text.splitlines()).encode()
    assert "ข" in WordSet(_plain_lines(text.encode()))
    assert _plain_lines("ก\nข\n".encode()) == "ก\nข\n".encode()
