"""The sentence encoder and the classifier's embedding head."""

import numpy as np

from polemos.detect.classifier import EventTypeClassifier
from polemos.detect.encoder import SentenceEncoder


def test_vectors_are_unit_length_and_order_free():
    enc = SentenceEncoder.load()
    texts = ["Rebels seized the town after a day of fighting.", "Floods swept away homes.", "Talks resume."]
    v = enc.encode(texts)
    assert v.shape == (3, 384)
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-4)
    # Batches are sorted by length inside encode: each row must still belong to its text.
    assert np.allclose(enc.encode(texts[::-1])[::-1], v, atol=1e-4)


def test_paraphrases_are_nearer_than_other_events():
    v = SentenceEncoder.load().encode([
        "Insurgents captured the district headquarters after government troops fled.",
        "The militants took control of the district centre when soldiers abandoned it.",
        "Heavy rain flooded the market and washed away stalls.",
    ])
    assert v[0] @ v[1] > v[0] @ v[2] + 0.1


def test_shipped_model_averages_both_heads():
    clf = EventTypeClassifier.load()
    assert clf.uses_encoder and 0 < clf.emb_weight < 1
    texts = ["A drone strike hit a vehicle carrying militants near the border, killing three."]
    vectors = SentenceEncoder.load().encode(texts)
    mixed = clf.probabilities(texts, vectors)
    expected = (1 - clf.emb_weight) * clf.lexical_probabilities(texts) + clf.emb_weight * clf.embedding_probabilities(vectors)
    assert np.allclose(mixed, expected, atol=1e-6)
    assert np.allclose(mixed.sum(axis=1), 1.0, atol=1e-5)
    assert clf.classes[int(mixed.argmax())] == "Air/drone strike"
