"""The sentence classifier: shared analyzer, numpy inference equal to sklearn's, sane verdicts."""

import json
import sys

import numpy as np
import pytest

from polemos.detect.classifier import NONE, EventTypeClassifier, features

from .conftest import ROOT

sys.path.insert(0, str(ROOT / "training"))
import train_classifier  # noqa: E402


def test_features_are_words_pairs_and_lexicon_hits():
    f = features("Police fired tear gas at 300 protesters")
    assert "police" in f and "0" in f and "tear gas" in f
    assert "__trig:Peaceful protest" in f            # "protesters"
    assert "__cue:protest_intervention" in f         # "tear gas"


def test_numpy_inference_matches_sklearn(tmp_path):
    texts, labels = train_classifier.load(sorted((ROOT / "training" / "sentences").glob("*.jsonl")))
    texts, labels = texts[::4], labels[::4]
    vec, clf = train_classifier.make(min_df=2, max_features=3000, c=5.0)
    x = vec.fit_transform(texts)
    clf.fit(x, labels)
    ours = EventTypeClassifier(list(vec.get_feature_names_out()), vec.idf_, clf.coef_, clf.intercept_,
                               list(clf.classes_))
    probe = texts[:40]
    assert np.allclose(ours.probabilities(probe), clf.predict_proba(vec.transform(probe)), atol=1e-4)
    assert [p.label for p in ours.predict(probe)] == list(clf.predict(vec.transform(probe)))


@pytest.mark.parametrize("text,label", [
    ("Riot police fired tear gas and water cannon to disperse hundreds of students marching on parliament.",
     "Protest with intervention"),
    ("A suicide bomber blew himself up at a checkpoint outside the city, killing four policemen.", "Suicide bomb"),
    ("Gunmen kidnapped eight farmers from their fields and demanded a ransom for their release.",
     "Abduction/forced disappearance"),
    ("Heavy rains triggered floods and landslides that swept away dozens of homes in the hill district.", NONE),
])
def test_shipped_model_on_clear_sentences(text, label):
    [pred] = EventTypeClassifier.load().predict([text])
    assert pred.label == label


def test_shipped_model_is_small_and_complete():
    clf = EventTypeClassifier.load()
    from polemos.model import EVENT_TYPE_OF

    assert set(clf.classes) == set(EVENT_TYPE_OF) | {NONE}
    path = ROOT / "polemos" / "data" / "models" / "event_type.npz"
    assert path.stat().st_size < 5_000_000
