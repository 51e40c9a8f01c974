"""`train_all` reads CSVs shaped like the shared data and writes a verified, reproducible bundle."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from nlp import text_model
from nlp.categories import CategoryClassifier
from nlp.evaluation import evaluate_classifiers
from nlp.sentiment import SentimentClassifier
from nlp.stored_grams import StoredGrams
from nlp.text_model import (
    BUNDLE_FILE,
    RECORD_FILE,
    HeadWeights,
    ModelBundle,
    TextInput,
    encode_vocabulary,
)
from nlp.tokenise import tokenise
from nlp.training import TrainingReport, train_all
from nlp.training.datasets import LabelledText
from nlp.training.heads import train_category_head, train_sentiment_head
from nlp.training.ticket_style import train_category_heads
from tests.fixtures.training_data import (
    CATEGORY_TEMPLATES,
    PLACES,
    SENTIMENT_TEMPLATES,
    write_training_data,
)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return write_training_data(tmp_path / "data")


@pytest.fixture(scope="module")
def shared_data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_training_data(tmp_path_factory.mktemp("training") / "data")


@pytest.fixture(scope="module")
def trained(shared_data: Path) -> TrainingReport:
    """One training for the tests that read its output (a training takes seconds)."""
    return train_all(shared_data, shared_data.parent / "model")


def test_training_writes_a_bundle_the_classifiers_load(trained: TrainingReport) -> None:
    report = trained
    assert report.bundle == report.out_dir / BUNDLE_FILE
    assert report.rows["traffy_type.csv"] == 24
    assert CategoryClassifier.load(report.out_dir).predict("ถนนหน้าบ้านเป็นหลุมลึก")[0].label == "ถนน"
    assert SentimentClassifier.load(report.out_dir).read("ร้านนี้อร่อยมาก ประทับใจ").score > 0.0
    record = json.loads((report.out_dir / RECORD_FILE).read_text(encoding="utf-8"))
    names = {source["file"] for source in record["training_files"]}
    assert names == {
        "traffy_type.csv",
        "wisesight_sentiment.csv",
        "categories.csv",
        "sentiment.csv",
        "civic.jsonl",
    }
    # Sentiment also learns from citizens: the team's civic examples and every Traffy report.
    by_source = record["heads"]["sentiment"]["rows_by_source"]
    assert by_source["traffy_type.csv"] == 24
    assert by_source["wisesight_sentiment.csv"] == 32
    assert by_source["sentiment.csv"] > 100
    assert (report.out_dir / "RECORD.md").read_text(encoding="utf-8").count("sha256") >= 1


def test_the_civic_test_half_is_never_trained_on() -> None:
    from nlp.training.civic import read_corpus
    from nlp.training.datasets import civic_training_items

    messages = read_corpus()
    split_of = {message.id: message.split for message in messages}
    category, sentiment = civic_training_items()
    assert category and sentiment
    assert {split_of[item.group] for item in [*category, *sentiment]} == {"train"}
    test_texts = {message.text for message in messages if message.split == "test"}
    assert len(test_texts) > 1000
    trained = {item.text for item in [*category, *sentiment]}
    from nlp.normalise import normalise

    assert not trained & {normalise(text) for text in test_texts}


def test_english_messages_of_the_civic_train_half_are_learnt_as_they_are_served(
    tmp_path: Path,
) -> None:
    from nlp.english_gloss import english_reading
    from nlp.normalise import normalise
    from nlp.training.datasets import civic_training_items

    row: dict[str, object] = {
        "intent": "complaint",
        "sentiment": "negative",
        "urgency": "normal",
        "hazards": [],
        "also": [],
        "province": None,
        "district": None,
        "subdistrict": None,
        "mask": [],
        "keep": [],
    }
    english = "Rubbish bins overflowing on our street for a week"
    rows = [
        {**row, "id": "x-1", "text": english, "category": "ความสะอาด", "language": "en"},
        {**row, "id": "x-2", "text": "ขยะล้นถังมาอาทิตย์นึงแล้ว", "category": "ความสะอาด"},
        {**row, "id": "x-3", "text": english + " again", "category": "ความสะอาด"}
        | {"language": "en", "split": "test"},
    ]
    corpus = tmp_path / "civic.jsonl"
    corpus.write_text(
        "\n".join(json.dumps({"split": "train", **r}, ensure_ascii=False) for r in rows) + "\n",
        encoding="utf-8",
    )
    category, sentiment = civic_training_items(corpus)
    assert [item.text for item in category] == [
        normalise(english_reading(english)),
        "ขยะล้นถังมาอาทิตย์นึงแล้ว",
    ]
    assert "ขยะ" in category[0].text  # the Thai words for its civic terms come with it
    assert [item.group for item in sentiment] == ["x-2"]  # sentiment still learns Thai only


def test_training_is_reproducible_byte_for_byte_and_the_cli_keeps_given_figures(
    trained: TrainingReport, shared_data: Path, tmp_path: Path
) -> None:
    """`siang nlp train` in a process of its own writes the same bundle, byte for byte, and
    keeps the figures it was given in the record (one training, two promises)."""
    figures = tmp_path / "figures.json"
    figures.write_text(json.dumps({"wisesight_macro_f1": 0.6012}), encoding="utf-8")
    out = tmp_path / "again"
    command = [sys.executable, "-m", "siang", "nlp", "train", "--data", str(shared_data)]
    command += ["--out", str(out), "--figures", str(figures)]
    again = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert again.returncode == 0, again.stderr
    assert (out / BUNDLE_FILE).read_bytes() == trained.bundle.read_bytes()
    record = json.loads((out / RECORD_FILE).read_text(encoding="utf-8"))
    assert record["figures"] == {"wisesight_macro_f1": 0.6012}
    assert "0.6012" in (out / "RECORD.md").read_text(encoding="utf-8")


def test_training_without_the_category_file_says_what_is_missing(
    data_dir: Path, tmp_path: Path
) -> None:
    (data_dir / "traffy_type.csv").unlink()
    with pytest.raises(FileNotFoundError, match=r"traffy_type\.csv"):
        train_all(data_dir, tmp_path / "model")


def test_evaluation_cross_validates_every_classifier(data_dir: Path) -> None:
    figures = evaluate_classifiers(data_dir, folds=2)
    assert figures["traffy_type"]["n"] == 24
    assert 0.0 <= figures["traffy_type"]["macro_f1"] <= 1.0
    assert figures["wisesight"]["n"] == 32
    assert set(figures["wisesight"]["f1_per_class"]) == {"neg", "neu", "pos", "q"}
    assert figures["traffy_tickets"]["n"] == 0
    assert figures["team_messages"]["urgency"]["n"] > 0


def test_served_scores_are_the_trained_models_scores() -> None:
    """The predict path (one shared table for both heads, only the message's own n-grams)
    gives what scikit-learn's TF-IDF and the stored float16 weights give, for seen and unseen
    words, repeated words and an empty text."""
    categories = [
        LabelledText(template.format(place=place), (label,), "traffy_type.csv")
        for label, template in CATEGORY_TEMPLATES.items()
        for place in PLACES
    ]
    feelings = [
        LabelledText(template.format(place=place), (label,), "wisesight_sentiment.csv")
        for label, template in SENTIMENT_TEMPLATES.items()
        for place in PLACES
    ]
    trained = [
        train_category_head(categories, list(CATEGORY_TEMPLATES), calibrate=False),
        train_sentiment_head(feelings, list(SENTIMENT_TEMPLATES), tune=False),
    ]
    bundle = ModelBundle([head.stored() for head in trained])
    texts = [
        "ถนนหน้าตลาดสดเป็นหลุมลึก หลุมลึก หลุมลึก",
        "ร้านข้างวัดอร่อยมาก แต่ที่จอดรถไม่มี",
        "Pothole!! ซอยใหม่ 12/3",
        "",
    ]
    for head in trained:
        stored = head.stored()
        expected = (
            head.featuriser.transform(texts) @ stored.read_weights().astype(np.float32)
            + stored.bias
        )
        served = [bundle.head(head.name).decision(TextInput(t, tokenise(t))) for t in texts]
        assert np.allclose(served, expected, atol=1e-5)


def test_word_ngrams_with_the_same_internal_bytes_are_told_apart() -> None:
    """The bundle finds word n-grams by a hash of their UTF-8 bytes: "00" (two ASCII digits)
    and "〰" (one character whose internal two bytes are those digits) are different words."""
    head = HeadWeights(
        name="words",
        labels=["digits", "wavy"],
        char_range=(1, 1),
        word_grams=["00", "〰"],
        char_codes=np.zeros(0, dtype=np.uint64),
        word_idf=np.ones(2, dtype=np.float32),
        char_idf=np.zeros(0, dtype=np.float32),
        weights=np.array([[1.0, 0.0], [0.0, 1.0]], dtype=np.float16),
        bias=np.zeros(2, dtype=np.float32),
        output="softmax",
    )
    words = ModelBundle([head]).head("words")
    assert words.decision(TextInput("00", ["00"])).tolist() == [1.0, 0.0]
    assert words.decision(TextInput("〰", ["〰"])).tolist() == [0.0, 1.0]
    assert words.decision(TextInput("0", ["0"])).tolist() == [0.0, 0.0]


def test_heads_that_know_few_ngrams_keep_only_their_rows_and_score_the_same() -> None:
    """A head that knows most of the shared n-grams keeps them in shared order; the others
    share one smaller table over the n-grams one of them knows, through one row map. Each word
    scores its own weight, and a word a head lacks scores nothing for that head."""

    def head(name: str, grams: list[str], labels: int) -> HeadWeights:
        rng = np.random.default_rng(len(grams))
        return HeadWeights(
            name=name,
            labels=[f"{name}{i}" for i in range(labels)],
            char_range=(1, 1),
            word_grams=grams,
            char_codes=np.zeros(0, dtype=np.uint64),
            word_idf=np.ones(len(grams), dtype=np.float32),
            char_idf=np.zeros(0, dtype=np.float32),
            weights=rng.normal(size=(len(grams), labels)).astype(np.float16),
            bias=np.zeros(labels, dtype=np.float32),
            output="sigmoid",
        )

    everything = [f"w{i}" for i in range(20)]
    heads = [head("wide", everything, 3), head("narrow", everything[:4], 2)]
    heads.append(head("other", everything[2:6], 4))
    bundle = ModelBundle(heads)
    assert [len(group.members) for group in bundle._groups] == [1, 2]
    assert bundle._groups[1].table.shape == (7, 6)  # w0..w5 and the zero row
    for stored in heads:
        for row, gram in enumerate(everything):
            decision = bundle.head(stored.name).decision(TextInput(gram, [gram]))
            known = gram in stored.word_grams
            expected = stored.read_weights()[stored.word_grams.index(gram)] if known else 0.0
            assert np.allclose(decision, np.asarray(expected, dtype=np.float32)), (stored.name, row)


# A dark, dangerous soi: public safety in Traffy's tickets, street lighting in citizens' chat.
_TICKET_TEMPLATE = "ซอย{place}มืด อันตราย"
_CHAT_TEMPLATE = "สวัสดีค่ะ ซอย{place}มืดมากเลยค่ะ อันตรายนะคะ ช่วยดูให้หน่อยค่ะ 🙏"
_MORE_PLACES = [f"{place} {n}" for place in PLACES for n in range(1, 4)]


def _two_conventions() -> list[LabelledText]:
    """Team-made stand-ins: the same problem filed under Traffy's label in tickets and the
    corpus's label in chat, beside the fixture's other Traffy topics."""
    tickets = [
        LabelledText(template.format(place=place), (label,), "traffy_type.csv")
        for label, template in CATEGORY_TEMPLATES.items()
        for place in _MORE_PLACES
    ]
    tickets += [
        LabelledText(_TICKET_TEMPLATE.format(place=place), ("ความปลอดภัย",), "traffy_type.csv")
        for place in _MORE_PLACES
    ]
    chat = [
        LabelledText(_CHAT_TEMPLATE.format(place=place), ("แสงสว่าง",), "civic.jsonl", f"c{i}")
        for i, place in enumerate(_MORE_PLACES)
    ]
    return tickets + chat


def test_the_category_head_reads_tickets_by_traffys_convention_and_chat_by_the_corpus() -> None:
    """Trained on both, the served classifier files a ticket-written dark soi as public safety
    (Traffy's label) and the same problem written as chat as street lighting (the corpus's), and
    its ticket-style head tells the two kinds of writing apart."""
    labels = ["ถนน", "น้ำท่วม", "ต้นไม้", "ความปลอดภัย", "แสงสว่าง"]
    heads = train_category_heads(_two_conventions(), labels, source_weights={"civic.jsonl": 6.0})
    assert [head.name for head in heads] == ["category", "category_tickets", "ticket_style"]
    classifier = CategoryClassifier(ModelBundle([head.stored() for head in heads]))
    ticket = "ซอยหลังวัดมืด อันตราย"
    chat = "สวัสดีค่ะ ซอยหลังวัดมืดมากเลยค่ะ อันตรายนะคะ ช่วยดูให้หน่อยค่ะ 🙏"
    assert classifier.predict(ticket)[0].label == "ความปลอดภัย"
    assert classifier.predict(chat)[0].label == "แสงสว่าง"
    style = ModelBundle([heads[2].stored()]).head("ticket_style")
    assert style.probabilities(TextInput.of(ticket))[0] > 0.5
    assert style.probabilities(TextInput.of(chat))[0] < 0.5


def test_served_category_scores_add_the_ticket_correction_in_the_ticket_styles_share() -> None:
    """The served scores are the shared head's plus the ticket-style probability times the
    correction, as scikit-learn's TF-IDF and the stored float16 weights give them."""
    heads = train_category_heads(
        _two_conventions(), ["ถนน", "น้ำท่วม", "ต้นไม้", "ความปลอดภัย", "แสงสว่าง"]
    )
    classifier = CategoryClassifier(ModelBundle([head.stored() for head in heads]))
    texts = ["ซอยหลังวัดมืด อันตราย", "ถนนข้างวัดเป็นหลุมค่ะ 🙏", "Pothole!!", ""]
    features = heads[0].featuriser.transform(texts)
    shared, correction, style = (head.stored() for head in heads)
    ticket_like = 1 / (
        1 + np.exp(-(features @ style.read_weights().astype(np.float32) + style.bias))
    )
    expected = features @ shared.read_weights().astype(np.float32) + shared.bias
    expected += ticket_like * (features @ correction.read_weights().astype(np.float32))
    served = [classifier.decision(TextInput(t, tokenise(t))) for t in texts]
    assert np.allclose(served, expected, atol=1e-5)


def test_a_bundle_with_the_ticket_correction_but_no_style_head_is_refused() -> None:
    labels = ["ถนน", "น้ำท่วม", "ต้นไม้", "ความปลอดภัย", "แสงสว่าง"]
    heads = train_category_heads(_two_conventions(), labels, calibrate=False)
    with pytest.raises(ValueError, match="style head"):
        CategoryClassifier(ModelBundle([head.stored() for head in heads[:2]]))


def test_without_citizens_chat_the_category_head_is_one_head() -> None:
    tickets = [item for item in _two_conventions() if item.source == "traffy_type.csv"]
    heads = train_category_heads(tickets, ["ถนน", "น้ำท่วม", "ต้นไม้", "ความปลอดภัย"])
    assert [head.name for head in heads] == ["category"]


def test_a_stored_vocabulary_reads_and_hashes_as_the_list_it_was_saved_from() -> None:
    grams = ["ถนน", "ถนน พัง", "00", "〰", "a b", ""]
    stored = StoredGrams(encode_vocabulary(grams))
    assert len(stored) == len(grams) and list(stored) == grams and stored[-1] == ""
    assert stored[1:3] == grams[1:3] and stored.index("〰") == 3 and "a b" in stored
    assert stored.hashes().tolist() == [hash(gram.encode("utf-8")) for gram in grams]
    assert len(StoredGrams(encode_vocabulary([]))) == 0


def test_two_different_word_ngrams_sharing_a_hash_are_refused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Only hashes are kept, so heads in which two different n-grams hash alike are refused
    (here the hash is made to be the n-gram's length), whether their vocabularies are lists or
    read from a bundle; the same n-gram in two heads is no collision."""

    def head(name: str, grams: Sequence[str]) -> HeadWeights:
        return HeadWeights(
            name=name,
            labels=["yes"],
            char_range=(1, 1),
            word_grams=grams,
            char_codes=np.zeros(0, dtype=np.uint64),
            word_idf=np.ones(len(grams), dtype=np.float32),
            char_idf=np.zeros(0, dtype=np.float32),
            weights=np.ones((len(grams), 1), dtype=np.float16),
            bias=np.zeros(1, dtype=np.float32),
            output="sigmoid",
        )

    monkeypatch.setattr(text_model, "_word_hash", len)
    monkeypatch.setattr(StoredGrams, "hashes", lambda self: np.array([len(g) for g in self]))
    for kind in (list, lambda grams: StoredGrams(encode_vocabulary(grams))):
        ModelBundle([head("one", kind(["ab", "c"])), head("other", kind(["ab", "def"]))])
        with pytest.raises(ValueError, match="share a hash"):
            ModelBundle([head("one", kind(["ab", "c"])), head("other", kind(["cd"]))])
        with pytest.raises(ValueError, match="share a hash"):
            ModelBundle([head("one", kind(["ab", "cd"]))])
