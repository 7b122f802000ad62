"""Whether a long article is news or background (analysis, opinion, feature, profile, review).

A feature recalls violence long past and names no day ("her brother was killed in an
ambush"), and hard news tells fresh incidents one after another without a day either ("in
another incident, a trader was shot dead"). Both use the same violent words, so the model
reads how the article is written, not what it is about. Its inputs are rates over the
whole parsed article: quotation, first and second person, questions, years, tense, modals,
attribution, and the frequencies of common function words. The word groups are in
``polemos/data/lexicons/register.json``.

It is a logistic regression trained by ``training/train_register.py`` on articles we wrote
(``training/articles/``). The weights live in ``polemos/data/models/register.npz``. Inference
is plain numpy over the spaCy parse the pipeline already made.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

import numpy as np
from spacy.tokens import Doc

MODEL_FILE = "register.npz"
BACKGROUND = "background"
REPORT = "report"

_YEAR = re.compile(r"(?:19|20)\d\d$")
_WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
_QUOTES = set("\"“”")


@lru_cache(maxsize=1)
def _lexicon() -> dict:
    return json.loads(resources.files("polemos.data.lexicons").joinpath("register.json").read_text("utf-8"))


@lru_cache(maxsize=1)
def word_groups() -> dict[str, frozenset[str]]:
    """The register lexicon's word groups, by name (``function_words`` excluded)."""
    return {k: frozenset(v) for k, v in _lexicon().items() if not k.startswith("_") and k != "function_words"}


@lru_cache(maxsize=1)
def function_words() -> tuple[str, ...]:
    return tuple(_lexicon()["function_words"])


def feature_names() -> list[str]:
    """The names of ``features``' columns, in order (kept in the model file to catch drift)."""
    return (["sentences_log", "tokens_per_sentence", "quotes", "questions", "years", "weekdays",
             "numbers", "proper_nouns", "adjectives", "present_share", "past_perfect", "passive"]
            + sorted(word_groups()) + [f"fw:{w}" for w in function_words()])


def features(doc: Doc, sentences: int) -> np.ndarray:
    """The article's register features (``sentences``: how many sentences it has)."""
    groups = word_groups()
    fw_index = {w: i for i, w in enumerate(function_words())}
    group_names = sorted(groups)
    group_counts = dict.fromkeys(group_names, 0)
    fw = np.zeros(len(fw_index), dtype=np.float64)
    words = quotes = questions = years = weekdays = numbers = propn = adj = 0
    finite = present = past_perfect = passive = 0
    for tok in doc:
        if tok.is_punct or tok.is_space:
            quotes += tok.text in _QUOTES
            questions += tok.text == "?"
            continue
        words += 1
        lower = tok.lower_
        for name in group_names:
            if lower in groups[name]:
                group_counts[name] += 1
        j = fw_index.get(lower)
        if j is not None:
            fw[j] += 1
        years += bool(_YEAR.match(tok.text))
        weekdays += lower in _WEEKDAYS
        numbers += tok.like_num
        propn += tok.pos_ == "PROPN"
        adj += tok.pos_ == "ADJ"
        if tok.tag_ in ("VBZ", "VBP", "VBD", "MD"):
            finite += 1
            present += tok.tag_ in ("VBZ", "VBP")
        if tok.dep_ == "auxpass":
            passive += 1
        elif lower == "had" and tok.dep_ == "aux" and tok.head.tag_ == "VBN":
            past_perfect += 1
    n = max(sentences, 1)
    w = max(words, 1)
    head = [np.log(n), words / n / 30, quotes / n, questions / n, years / n, weekdays / n,
            numbers / w * 10, propn / w * 10, adj / w * 10, present / max(finite, 1),
            past_perfect / n, passive / n]
    return np.array(head + [group_counts[g] / w * 100 for g in group_names] + list(fw / w * 10),
                    dtype=np.float64)


class RegisterModel:
    """Tells a parsed article's register: ``probability`` of background, 0 to 1."""

    def __init__(self, names: list[str], mean: np.ndarray, scale: np.ndarray, coef: np.ndarray,
                 intercept: float):
        if names != feature_names():
            raise ValueError(f"{MODEL_FILE} was trained on other features than register.py computes: "
                             "retrain it with `python training/train_register.py`")
        self.mean, self.scale, self.coef, self.intercept = mean, scale, coef, intercept

    @classmethod
    @lru_cache(maxsize=1)
    def load(cls) -> "RegisterModel":
        path = resources.files("polemos.data.models").joinpath(MODEL_FILE)
        with path.open("rb") as fh, np.load(fh, allow_pickle=False) as z:
            return cls([str(v) for v in z["names"]], z["mean"], z["scale"], z["coef"], float(z["intercept"]))

    def probability(self, doc: Doc, sentences: int) -> float:
        """How likely ``doc`` is background rather than news."""
        x = (features(doc, sentences) - self.mean) / self.scale
        return float(1 / (1 + np.exp(-(x @ self.coef + self.intercept))))
