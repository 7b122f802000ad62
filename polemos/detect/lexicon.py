"""The extraction lexicons (data files in polemos/data/lexicons), loaded once."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.language import Language
from spacy.matcher import PhraseMatcher


def _load(name: str) -> dict:
    data = json.loads(resources.files("polemos.data.lexicons").joinpath(name).read_text("utf-8"))
    data.pop("_comment", None)
    return data


@dataclass(frozen=True)
class Lexicons:
    triggers: dict[str, list[str]]
    cues: dict[str, frozenset[str]]
    actors: dict


@lru_cache(maxsize=1)
def lexicons() -> Lexicons:
    cues = {k: frozenset(v) for k, v in _load("cues.json").items()}
    return Lexicons(triggers=_load("triggers.json"), cues=cues, actors=_load("actors.json"))


_MATCHERS: dict[int, PhraseMatcher] = {}


def trigger_matcher(nlp: Language) -> PhraseMatcher:
    """A PhraseMatcher over lower-cased tokens, one label per sub-type (or generic kind)."""
    key = id(nlp)
    if key not in _MATCHERS:
        matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        for label, phrases in lexicons().triggers.items():
            if phrases:
                matcher.add(label, [nlp.make_doc(p) for p in sorted(set(phrases))])
        _MATCHERS[key] = matcher
    return _MATCHERS[key]


_PUNCT = re.compile(r"[^\w\s'’-]+")


def _padded(text: str) -> str:
    """`` text `` with punctuation and line breaks as single spaces, so "pulled out." and
    "(tear gas)" match."""
    return f" {' '.join(_PUNCT.sub(' ', text).split())} "


def _phrases_in(padded: str, cue: str) -> int:
    """How many phrases of the cue list occur in ``padded`` (from ``_padded``)."""
    return sum(f" {phrase} " in padded for phrase in lexicons().cues[cue])


def cue_in(text: str, cue: str) -> bool:
    """Whether lower-cased ``text`` contains any phrase of the cue list (word-bounded)."""
    padded = _padded(text)
    return any(f" {phrase} " in padded for phrase in lexicons().cues[cue])


def is_sports(text: str) -> bool:
    """Whether lower-cased ``text`` is about sport: one unambiguous word ("football", "league"),
    or two words that are sporty only together ("squad" alone may defuse bombs)."""
    padded = _padded(text)
    return _phrases_in(padded, "sports") >= 1 or _phrases_in(padded, "sports_ambiguous") >= 2


def sports_story(text: str) -> bool:
    """Whether lower-cased ``text`` (a whole story) is a sports story: three sporty words in
    all, so its "clashes" and "fights" are games."""
    padded = _padded(text)
    cues = lexicons().cues
    return sum(padded.count(f" {p} ") for p in cues["sports"] | cues["sports_ambiguous"]) >= 3
