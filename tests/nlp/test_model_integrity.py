"""The model bundle is loaded only when its bytes are the ones the training record names."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest

from nlp.categories import CategoryClassifier
from nlp.sentiment import SentimentClassifier
from nlp.text_model import BUNDLE_FILE, MODEL_DIR, RECORD_FILE, ModelIntegrityError, sha256_of


@pytest.fixture
def model_copy(tmp_path: Path) -> Path:
    for name in (BUNDLE_FILE, RECORD_FILE):
        shutil.copy(MODEL_DIR / name, tmp_path / name)
    return tmp_path


def test_the_shipped_bundle_matches_its_record() -> None:
    record = json.loads((MODEL_DIR / RECORD_FILE).read_text(encoding="utf-8"))
    assert record["artefacts"][BUNDLE_FILE]["sha256"] == sha256_of(MODEL_DIR / BUNDLE_FILE)
    assert CategoryClassifier.load(MODEL_DIR).predict("ถนนพัง")


def test_the_record_names_the_training_files_by_hash() -> None:
    record = json.loads((MODEL_DIR / RECORD_FILE).read_text(encoding="utf-8"))
    files = {source["file"]: source for source in record["training_files"]}
    assert {"traffy_type.csv", "wisesight_sentiment.csv", "categories.csv"} <= set(files)
    assert all(len(source["sha256"]) == 64 and source["used_rows"] > 0 for source in files.values())


def test_the_bundle_is_plain_arrays_not_a_pickle() -> None:
    with np.load(MODEL_DIR / BUNDLE_FILE, allow_pickle=False) as arrays:
        assert all(arrays[name].dtype != object for name in arrays.files)


def test_a_tampered_bundle_is_refused(model_copy: Path) -> None:
    bundle = model_copy / BUNDLE_FILE
    data = bytearray(bundle.read_bytes())
    data[len(data) // 2] ^= 0xFF
    bundle.write_bytes(bytes(data))
    with pytest.raises(ModelIntegrityError, match="SHA-256"):
        CategoryClassifier.load(model_copy)
    with pytest.raises(ModelIntegrityError):
        SentimentClassifier.load(model_copy / BUNDLE_FILE)


def test_a_bundle_without_its_record_is_refused(model_copy: Path) -> None:
    (model_copy / RECORD_FILE).unlink()
    with pytest.raises(ModelIntegrityError, match="no usable record"):
        CategoryClassifier.load(model_copy)


def test_a_copy_with_its_record_loads(model_copy: Path) -> None:
    assert SentimentClassifier.load(model_copy).predict("ดีมากครับ")
