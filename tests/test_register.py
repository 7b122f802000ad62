"""The register model: a feature reads as background, a police report as news, both naming violence."""

import json
import sys

import numpy as np
import pytest

from polemos import nlp as nlp_stage
from polemos.detect.register import RegisterModel, feature_names, features

from .conftest import ROOT

sys.path.insert(0, str(ROOT / "training"))
import train_register  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures"


def _probability(text: str) -> float:
    doc = nlp_stage.load()(text)
    return RegisterModel.load().probability(doc, len(nlp_stage.doc_sents(doc)))


def test_a_feature_reads_as_background_and_a_police_report_as_news():
    assert _probability((FIXTURES / "untimed_feature.txt").read_text()) > 0.5
    assert _probability((FIXTURES / "untimed_blotter.txt").read_text()) < 0.5


def test_a_column_in_the_first_person_reads_as_background():
    column = " ".join([
        "I still remember the night the militia came to our village.",
        "We had no warning, and my father hid us in the grain store.",
        "Why do we keep telling ourselves that the war is over?",
        "Since 2015 the killings have never really stopped; they have only moved.",
        "Perhaps the ministers in the capital believe their own speeches.",
        "But anyone who has buried a brother knows better than that.",
        "The talks that begin next month would be the fourth attempt in a decade.",
        "Each time, the guns fell silent for a few weeks and then spoke again.",
        "My neighbour lost two sons, one to the rebels and one to the army.",
        "She says she no longer cares who wins, only that it ends.",
        "That is not despair; it is the clearest politics I know.",
        "If peace comes, it will be because people like her demanded it.",
    ])
    assert _probability(column) > 0.8


def test_features_are_rates_that_do_not_grow_with_length():
    text = (FIXTURES / "untimed_blotter.txt").read_text()
    nlp = nlp_stage.load()
    once, twice = nlp(text), nlp(text + "\n" + text)
    a = features(once, len(nlp_stage.doc_sents(once)))
    b = features(twice, len(nlp_stage.doc_sents(twice)))
    names = feature_names()
    assert len(a) == len(names)
    rates = [i for i, n in enumerate(names) if n != "sentences_log"]
    assert np.allclose(a[rates], b[rates], atol=0.02)


def test_a_model_trained_on_other_features_is_refused():
    zeros = np.zeros(3)
    with pytest.raises(ValueError, match="train_register.py"):
        RegisterModel(["quotes", "years", "modal"], zeros, zeros + 1, zeros, 0.0)


def test_training_rejects_an_unknown_register_naming_the_line(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps({"register": "report", "kind": "wire", "text": "Gunmen killed two."}) + "\n"
                   + json.dumps({"register": "opinion", "kind": "column", "text": "I think."}) + "\n")
    with pytest.raises(SystemExit, match="bad.jsonl:2"):
        train_register.load([bad])
