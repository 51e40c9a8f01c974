"""Fit the TF-IDF vocabularies of a head: word 1–2-grams and character n-grams.

The analysers are the very functions the predict path uses (``nlp.text_model``), so a text is
cut into the same n-grams in training and in service.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.sparse import csr_matrix, hstack
from sklearn.feature_extraction.text import TfidfVectorizer

from nlp.ngram_codes import gram_codes
from nlp.text_model import TextInput, encode_vocabulary
from nlp.tokenise import tokenise


@dataclass(frozen=True, slots=True)
class FeatureSpec:
    char_range: tuple[int, int] = (1, 4)
    min_df: int = 2


class Analysers:
    """Caches each text's word and character n-grams (training reads every text many times)."""

    def __init__(self, char_range: tuple[int, int]) -> None:
        self.char_range = char_range
        self._inputs: dict[str, TextInput] = {}

    def _input(self, text: str) -> TextInput:
        found = self._inputs.get(text)
        if found is None:
            found = self._inputs[text] = TextInput(text, tokenise(text))
        return found

    def words(self, text: str) -> list[str]:
        return self._input(text).word_grams

    def chars(self, text: str) -> list[str]:
        return self._input(text).char_grams(*self.char_range)


class TextFeaturiser:
    """Two TF-IDF blocks (words, characters), each L2-normalised, side by side."""

    def __init__(self, spec: FeatureSpec, analysers: Analysers | None = None) -> None:
        self.spec = spec
        self._analysers = analysers or Analysers(spec.char_range)
        self.words = TfidfVectorizer(
            analyzer=self._analysers.words, sublinear_tf=True, min_df=spec.min_df, dtype=np.float32
        )
        self.chars = TfidfVectorizer(
            analyzer=self._analysers.chars, sublinear_tf=True, min_df=spec.min_df, dtype=np.float32
        )

    def fit_transform(self, texts: list[str]) -> csr_matrix:
        return hstack([self.words.fit_transform(texts), self.chars.fit_transform(texts)]).tocsr()

    def transform(self, texts: list[str]) -> csr_matrix:
        return hstack([self.words.transform(texts), self.chars.transform(texts)]).tocsr()

    def arrays(self, prefix: str) -> dict[str, np.ndarray]:
        """The vocabularies and idf vectors in the bundle's on-disk form, rows in matrix order:
        word n-grams as UTF-8 lines, character n-grams as their 64-bit codes."""
        words = _in_row_order(self.words.vocabulary_)
        chars = _in_row_order(self.chars.vocabulary_)
        codes = gram_codes(chars)
        if len(np.unique(codes)) != len(codes):
            raise ValueError("two character n-grams share a code; change the code base")
        return {
            f"{prefix}.word_vocab": encode_vocabulary(words),
            f"{prefix}.word_idf": self.words.idf_.astype(np.float32),
            f"{prefix}.char_codes": codes,
            f"{prefix}.char_idf": self.chars.idf_.astype(np.float32),
        }


def _in_row_order(vocabulary: dict[str, int]) -> list[str]:
    return sorted(vocabulary, key=vocabulary.__getitem__)


def shared_analysers(char_range: tuple[int, int]) -> Analysers:
    """One n-gram cache to share between featurisers fitted on overlapping texts (CV folds)."""
    return Analysers(char_range)
