"""A small sentence classifier over ACLED sub-event types (and NONE), for typing and filtering.

Two linear heads, averaged: one over TF-IDF word and word-pair features (cheap, sharp on the
lexicon's words), one over sentence embeddings (``encoder.py``: knows wordings the training
sentences never used). Weights live in ``polemos/data/models/event_type.npz`` and are made by
``training/train_classifier.py`` from the sentences in ``training/sentences/``. Inference is
plain numpy plus the ONNX encoder: no pickle, no sklearn needed.
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
                 classes: list[str], emb_coef: np.ndarray | None = None,
                 emb_intercept: np.ndarray | None = None, emb_weight: float = 0.0):
        self.index = {term: i for i, term in enumerate(vocab)}
        self.idf = idf.astype(np.float32)
        self.coef_t = np.ascontiguousarray(coef.T, dtype=np.float32)  # (terms, classes)
        self.intercept = intercept.astype(np.float32)
        self.classes = classes
        self.none = classes.index(NONE)
        self.emb_weight = emb_weight if emb_coef is not None else 0.0
        if emb_coef is not None:
            self.emb_coef_t = np.ascontiguousarray(emb_coef.T, dtype=np.float32)  # (384, classes)
            self.emb_intercept = np.asarray(emb_intercept, dtype=np.float32)

    @classmethod
    @lru_cache(maxsize=1)
    def load(cls) -> "EventTypeClassifier":
        path = resources.files("polemos.data.models").joinpath(MODEL_FILE)
        with path.open("rb") as fh, np.load(fh, allow_pickle=False) as z:
            emb = {k: z[k] for k in ("emb_coef", "emb_intercept", "emb_weight") if k in z.files}
            return cls([str(v) for v in z["vocab"]], z["idf"], z["coef"], z["intercept"],
                       [str(c) for c in z["classes"]], emb.get("emb_coef"), emb.get("emb_intercept"),
                       float(emb.get("emb_weight", 0.0)))

    @property
    def uses_encoder(self) -> bool:
        return self.emb_weight > 0

    def probabilities(self, texts: list[str], vectors: np.ndarray | None = None) -> np.ndarray:
        """Class probabilities, one row per text, columns in ``self.classes`` order.
        ``vectors``: the texts' sentence embeddings when the caller has them already."""
        p = self.lexical_probabilities(texts)
        if not self.uses_encoder or not texts:
            return p
        if vectors is None:
            from .encoder import SentenceEncoder

            vectors = SentenceEncoder.load().encode(texts)
        return self.mix(p, vectors)

    def mix(self, lexical: np.ndarray, vectors: np.ndarray) -> np.ndarray:
        """Both heads averaged, from the TF-IDF head's probabilities and the texts' embeddings."""
        return (1 - self.emb_weight) * lexical + self.emb_weight * self.embedding_probabilities(vectors)

    def embedding_probabilities(self, vectors: np.ndarray) -> np.ndarray:
        """The embedding head alone."""
        return _softmax(vectors @ self.emb_coef_t + self.emb_intercept)

    def lexical_probabilities(self, texts: list[str]) -> np.ndarray:
        """The TF-IDF head alone: cheap enough to run on every sentence."""
        scores = np.tile(self.intercept, (len(texts), 1))
        for row, text in enumerate(texts):
            counts: dict[int, int] = {}
            for term in features(text):
                j = self.index.get(term)
                if j is not None:
                    counts[j] = counts.get(j, 0) + 1
            if not counts:
                continue
            cols = np.fromiter(counts, dtype=np.int64, count=len(counts))
            tf = np.fromiter(counts.values(), dtype=np.float32, count=len(counts))
            w = (1.0 + np.log(tf)) * self.idf[cols]  # sublinear tf-idf, as in training
            w /= np.linalg.norm(w)
            scores[row] += w @ self.coef_t[cols]
        return _softmax(scores)

    def predict(self, texts: list[str]) -> list[Prediction]:
        out = []
        for row in self.probabilities(texts):
            best = int(row.argmax())
            out.append(Prediction(self.classes[best], float(row[best]), float(row[self.none])))
        return out


def _softmax(scores: np.ndarray) -> np.ndarray:
    scores = scores - scores.max(axis=1, keepdims=True)
    p = np.exp(scores)
    return p / p.sum(axis=1, keepdims=True)
