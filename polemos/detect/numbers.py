"""Reading counts of people from tokens: "at least 11", "two soldiers and three civilians", "dozens"."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

from spacy.tokens import Token

_DIGITS = re.compile(r"^\d{1,3}(,\d{3})+$|^\d+$")


@lru_cache(maxsize=1)
def _words() -> dict:
    return json.loads(resources.files("polemos.data.lexicons").joinpath("numbers.json").read_text("utf-8"))


def word_value(text: str) -> int | None:
    """The value of one number token: '5,000', 'eleven', 'twenty-five', 'dozens'."""
    w = text.lower().strip()
    if _DIGITS.match(w):
        return int(w.replace(",", ""))
    words = _words()
    if w in words["units"]:
        return words["units"][w]
    if w in words["vague"]:
        return words["vague"][w]
    if "-" in w:
        parts = [words["units"].get(p) for p in w.split("-")]
        if all(p is not None for p in parts):
            return sum(parts)
    return None


def _numeral_value(tok: Token) -> int | None:
    """Value of a numeral token together with its own numeral children ('five thousand', '2 million')."""
    words = _words()
    value = word_value(tok.text)
    scale = words["scales"].get(tok.lower_)
    if scale:
        base = [word_value(c.text) for c in tok.children if c.dep_ in ("compound", "nummod", "quantmod") and c.i < tok.i]
        base = [b for b in base if b is not None]
        return (base[0] if base else 1) * scale
    if value is None:
        return None
    for child in tok.children:
        s = words["scales"].get(child.lower_)
        if s and child.i > tok.i:
            value *= s
    return value


def count_of(noun: Token) -> int | None:
    """How many people a noun phrase denotes, summing conjuncts ('six Jesuits and two maids' = 8).

    Returns None when the phrase carries no count at all.
    """
    total = 0
    found = False
    heads = [noun, *_conjuncts(noun)]
    if len(heads) > 1 and _alternatives(noun, heads[1:]):
        # "several, and maybe dozens", "ten or twenty": rival estimates, the lowest is firm
        counts = [n for n in (_single_count(h) for h in heads) if n is not None]
        return min(counts) if counts else None
    for head in heads:
        if head is not noun and head.lower_ in HURT_NOUNS:
            continue  # "the bodies of 14 soldiers and more than 30 wounded": the wounded are no dead
        n = _single_count(head)
        if n is not None:
            total += n
            found = True
    return total if found else None


HURT_NOUNS = {"wounded", "injured", "hurt"}


HEDGES = {"maybe", "perhaps", "possibly", "even", "probably"}


def _alternatives(first: Token, others: list[Token]) -> bool:
    """Whether conjoined counts are rival estimates of one group, not groups to add up."""
    return any(c.dep_ == "cc" and c.lower_ == "or" for c in first.children) or any(
        c.dep_ == "advmod" and c.lower_ in HEDGES for o in others for c in o.children)


def counted_one_by_one(noun: Token) -> bool:
    """Whether ``count_of(noun)`` counted people one by one ("the mayor and his bodyguard",
    "a journalist") rather than read a figure ("two", "dozens"): such a count is a floor."""
    words = _words()
    for head in [noun, *_conjuncts(noun)]:
        if head.pos_ == "NUM" or head.lower_ in words["vague"] or any(
                c.dep_ in ("nummod", "quantmod") or (c.dep_ == "amod" and c.pos_ == "NUM") for c in head.children):
            return False
    return True


def _conjuncts(tok: Token) -> list[Token]:
    return [c for c in tok.conjuncts if c.i > tok.i]


def _single_count(noun: Token) -> int | None:
    words = _words()
    if noun.lower_ in words["nobody"] or noun.lower_ == "no":
        return 0
    if noun.ent_type_ == "PERSON" and noun.pos_ == "PROPN":
        return 1  # "Roberto Navas died": one named person
    # The noun itself may be the number ("killing 11", "dozens were hurt", "another sustained").
    own = _numeral_value(noun) if noun.pos_ in ("NUM", "PRON", "DET", "ADJ", "NOUN") else None
    if own is not None and (noun.pos_ == "NUM" or noun.lower_ in words["vague"] or noun.lower_ == "another"):
        return own
    for child in noun.children:
        if child.dep_ in ("nummod", "quantmod") or (child.dep_ == "amod" and child.pos_ == "NUM"):
            v = _numeral_value(child)
            if v is not None:
                return v
        if child.dep_ == "det" and child.lower_ in ("no",):
            return 0
        if child.dep_ == "det" and child.lower_ == "another":
            return 1
        if child.dep_ == "det" and child.lower_ in ("a", "an", "one") and noun.tag_ == "NN":
            return 1
    if noun.tag_ == "NN" and noun.lower_ in words["one_person"] and any(
            c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in ("the", "this", "that")) for c in noun.children):
        return 1  # "the mayor", "his bodyguard", "Torrado's son": one person
    # "dozens of people", "one of the soldiers", "hundreds of civilians"
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.i < noun.i:
        return _numeral_value(head.head)
    return None
