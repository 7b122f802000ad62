"""A small sentence classifier over ACLED sub-event types (and NONE), for typing and filtering.

Linear model over TF-IDF word and word-pair features; weights live in
``polemos/data/models/event_type.npz`` and are made by ``training/train_classifier.py`` from the
sentences in ``training/sentences/``. Inference is plain numpy: no pickle, no sklearn needed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import numpy as np

NONE = "NONE"
MODEL_FILE = "event_type.npz"

_TOKEN = re.compile(r"[a-z]+(?:['-][a-z]+)*|\d+")


@lru_cache(maxsize=1)
def _lexicon_phrases() -> dict[str, list[str]]:
    """Trigger and cue phrases by feature name, from the detection lexicons."""
    from .lexicon import lexicons

    lex = lexicons()
    phrases: dict[str, list[str]] = {}
    for label, words in lex.triggers.items():
        for w in words:
            phrases.setdefault(" ".join(_TOKEN.findall(w.lower())), []).append(f"__trig:{label}")
    for cue in ("irrealis", "sports", "protest_intervention", "protest_lethal", "protest_violent"):
        for w in lex.cues[cue]:
            phrases.setdefault(" ".join(_TOKEN.findall(w.lower())), []).append(f"__cue:{cue}")
    return phrases


def features(text: str) -> list[str]:
    """The analyzer shared by training and inference: words, numbers as '0', word pairs, and
    the detection lexicon's trigger and cue phrases found in the text (so the classifier
    shares the lexicon's synonyms)."""
    words = ["0" if w[0].isdigit() else w for w in _TOKEN.findall(text.lower())]
    out = words + [f"{a} {b}" for a, b in zip(words, words[1:])]
    phrases = _lexicon_phrases()
    for n in (1, 2, 3):
        for i in range(len(words) - n + 1):
            hit = phrases.get(" ".join(words[i : i + n]))
            if hit:
                out += hit
    return out


@dataclass(frozen=True)
class Prediction:
    label: str
    probability: float
    none_probability: float


class EventTypeClassifier:
    """Predicts the ACLED sub-event type a text reports, or NONE."""

    def __init__(self, vocab: list[str], idf: np.ndarray, coef: np.ndarray, intercept: np.ndarray,
                 classes: list[str]):
        self.index = {term: i for i, term in enumerate(vocab)}
        self.idf = idf.astype(np.float32)
        self.coef = coef.astype(np.float32)  # (classes, terms)
        self.intercept = intercept.astype(np.float32)
        self.classes = classes
        self.none = classes.index(NONE)

    @classmethod
    @lru_cache(maxsize=1)
    def load(cls) -> "EventTypeClassifier":
        path = resources.files("polemos.data.models").joinpath(MODEL_FILE)
        with path.open("rb") as fh, np.load(fh, allow_pickle=False) as z:
            return cls([str(v) for v in z["vocab"]], z["idf"], z["coef"], z["intercept"],
                       [str(c) for c in z["classes"]])

    def _vectors(self, texts: list[str]) -> np.ndarray:
        x = np.zeros((len(texts), len(self.idf)), dtype=np.float32)
        for row, text in enumerate(texts):
            for term in features(text):
                j = self.index.get(term)
                if j is not None:
                    x[row, j] += 1.0
        nz = x > 0
        x[nz] = (1.0 + np.log(x[nz]))  # sublinear tf, as in training
        x *= self.idf
        norms = np.linalg.norm(x, axis=1, keepdims=True)
        return x / np.where(norms == 0, 1.0, norms)

    def probabilities(self, texts: list[str]) -> np.ndarray:
        """Class probabilities, one row per text, columns in ``self.classes`` order."""
        if not texts:
            return np.zeros((0, len(self.classes)), dtype=np.float32)
        scores = self._vectors(texts) @ self.coef.T + self.intercept
        scores -= scores.max(axis=1, keepdims=True)
        p = np.exp(scores)
        return p / p.sum(axis=1, keepdims=True)

    def predict(self, texts: list[str]) -> list[Prediction]:
        out = []
        for row in self.probabilities(texts):
            best = int(row.argmax())
            out.append(Prediction(self.classes[best], float(row[best]), float(row[self.none])))
        return out
