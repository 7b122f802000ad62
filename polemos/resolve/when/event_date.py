"""The date of one event mention, from the time expression that governs its clause.

``event_date(sent, trigger, timexes, published, published_known=True, previous=None)``:

1. Governing expression: among the sentence's timexes, the one whose dependency path to the
   trigger is shortest, where the path may not pass through a reporting verb ("said on Sunday
   that ... were injured" does not date the injury) and a step across coordinated clauses
   (``conj``) costs extra. "Sunday" in "said on Sunday that six were injured in clashes after
   skirmishes broke out on Friday evening" attaches to "said": the clashes get Friday.
2. Otherwise a timex elsewhere in the sentence that does not attach to a reporting verb.
3. Otherwise a timex attached to a reporting verb ("said on Sunday"), precision 2: the report
   day bounds the event.
4. Otherwise the previous event's date (``previous``), when given: the sentence continues it.
5. Otherwise the publication date, precision 2 (3 when ``published_known`` is False).

Conversion to ACLED time precision: a day is 1; a week ("last week") is its first day not after
publication, 2; "early/mid/late November" is the 1st/15th/25th (never after publication), 2; a
bare month is its 15th (never after publication), 3. Ambiguous readings ("Tuesday last week")
lose one step (1 -> 2). When the publication date is not known, every expression resolved
against it loses one step. Expressions relative to another event ("the day before", "two days
later", "hours later") count from ``previous``. DURATION and SET values, years, quarters,
seasons, PRESENT_REF/PAST_REF and dates after publication are never event dates.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, Sequence

from polemos.model import Timex
from polemos.nlp import doc_text
from polemos.resolve.when.lexicon import lexicon

REPORTING = frozenset(lexicon()["reporting_verbs"])
_RECENT_REF = re.compile(r"\b(?:%s)\b" % "|".join(map(re.escape, lexicon()["recent_refs"])), re.I)
_RECENT_SPAN = re.compile(r"\b(?:%s)\b" % "|".join(map(re.escape, lexicon()["recent_span_words"])), re.I)
_SHORT_SPAN = re.compile(r"^PT?(?:\d+|X)[HDW]$")  # hours, days or weeks: "PT24H", "P8D", "PXW"
_DAY = re.compile(r"^(\d{4})-(\d\d)-(\d\d)")
_WEEK = re.compile(r"^(\d{4})-W(\d\d?)(-WE)?$")
_MONTH = re.compile(r"^(\d{4})-(\d\d)$")
_YEAR = re.compile(r"^(\d{4})$")
# Before a year, these make it a date: "in 2016", "since early 2015", "a 2015 airstrike".
_YEAR_PREP = re.compile(r"\b(?:(?:in|since|during|until|by|of|from)\s+(?:early\s+|late\s+|mid-)?|(?:a|an|the|its|their)\s+)\Z",
                        re.I)
# A start verb dates when a run of fighting began, not the day it is told of ("fighting, which
# began on 19 June, continued into Saturday").
_START_VERBS = frozenset({"begin", "start", "launch", "erupt"})
_MOD_DAY = {"START": 1, "MID": 15, "END": 25}


@dataclass
class EventDate:
    """An event's date with ACLED time precision (1 day, 2 week/part of month, 3 month)."""

    date: date | None
    precision: int | None
    text: str | None = None
    # How it was found: "clause" (governs the event's clause), "sentence" (elsewhere in the
    # sentence), "previous" (carried over), "report" (the report's day), "published" (fallback).
    basis: str | None = field(default=None, compare=False)
    value: str | None = field(default=None, compare=False)  # the TIMEX3 value it rests on


def _resolve(t: Timex, published: date | None, previous: EventDate | None,
             before: str = "") -> tuple[date, int] | None:
    """A timex as (date, precision), or None when it cannot date an event. ``before``: the
    text just before it."""
    anchor = getattr(t, "anchor", None)
    shift = getattr(t, "shift", None)
    if anchor == "EVENT":
        if previous is None or previous.date is None or shift is None:
            return None
        return previous.date + timedelta(days=shift), max(previous.precision or 1, 1)
    if t.type not in ("DATE", "TIME") or not t.value:
        return None
    v = t.value
    m = _DAY.match(v)
    if m:
        try:
            d = date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None
        return d, 1
    m = _WEEK.match(v)
    if m:
        try:
            monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
        except ValueError:
            return None
        d = monday + timedelta(days=5) if m[3] else monday
        if published is not None and d > published and monday <= published:
            d = published
        return d, 2
    m = _MONTH.match(v)
    if m:
        y, mo = int(m[1]), int(m[2])
        mod = getattr(t, "mod", None)
        day = _MOD_DAY.get(mod or "", 15)
        d = date(y, mo, min(day, calendar.monthrange(y, mo)[1]))
        if published is not None and d > published and date(y, mo, 1) <= published:
            d = published
        return d, (2 if mod else 3)
    m = _YEAR.match(v)
    if m and published is not None and 1900 <= int(m[1]) < published.year and (
            not t.text.isdigit() or _YEAR_PREP.search(before)):
        # "seized the town in 2019", "a 2015 airstrike", "last year": an earlier year alone. ACLED has no year
        # precision, so the middle of the year at month precision (3); such events are
        # background. A bare number with no "in" before it ("fired 1649 rounds") dates nothing.
        return date(int(m[1]), 7, 1), 3
    return None


def _finish(res: tuple[date, int], t: Timex | None, published_known: bool) -> tuple[date, int]:
    d, p = res
    if t is not None and getattr(t, "ambiguous", False):
        p += 1
    if t is not None and not published_known and getattr(t, "anchor", None) == "DCT":
        p += 1
    return d, min(p, 3)


def _tokens(doc: Any, t: Timex) -> list[Any]:
    span = doc.char_span(t.start, t.end, alignment_mode="expand")
    return list(span) if span is not None else []


def _head(tokens: list[Any]) -> Any:
    ids = {tok.i for tok in tokens}
    for tok in tokens:
        if tok.head.i not in ids or tok.head.i == tok.i:
            return tok
    return tokens[0]


def _ancestors(tok: Any) -> list[Any]:
    chain = [tok]
    while chain[-1].head.i != chain[-1].i and len(chain) < 60:
        chain.append(chain[-1].head)
    return chain


def _is_reporting(tok: Any) -> bool:
    """A reporting verb that introduces a clause ("said on Sunday that ..."). One whose object
    is a noun ("reported fighting near Hadrut on Saturday") shares its dates with that noun."""
    if not (tok.pos_ in ("VERB", "AUX") and (tok.lemma_.lower() in REPORTING or tok.lower_ in REPORTING)):
        return False
    return any(c.dep_ in ("ccomp", "parataxis", "xcomp") for c in tok.children) or not any(
        c.dep_ == "dobj" for c in tok.children)


def _path_cost(t_head: Any, trigger: Any) -> float | None:
    """Cost of the dependency path timex -> trigger; None if it runs through a reporting verb
    that is not the trigger itself."""
    up_t = _ancestors(t_head)
    up_g = _ancestors(trigger)
    pos_g = {tok.i: n for n, tok in enumerate(up_g)}
    for n, tok in enumerate(up_t):
        if tok.i in pos_g:
            lca, dt, dg = tok, n, pos_g[tok.i]
            break
    else:
        return None
    if lca.i != trigger.i and _is_reporting(lca):
        return None
    cost = float(dt + dg)
    for tok in up_g[:dg] + up_t[:dt]:
        if tok.dep_ == "conj":
            cost += 3
        if tok.dep_ in ("ccomp", "parataxis") and tok.i != trigger.i:
            cost += 1
    if any(tok.lemma_.lower() in _START_VERBS and tok.i != trigger.i for tok in up_t[1:dt]):
        cost += 2
    return cost


_CLOCK = re.compile(r"^(?:about |around |shortly |just |after |before )*\d{1,2}(?:[.:]\d\d)?\s*"
                    r"(?:a\.?m\.?|p\.?m\.?|hrs|hours|gmt|local time)?$", re.I)


def _right_after_reporting(first: Any) -> bool:
    """Whether a timex follows a reporting verb directly ("said on Friday", "said late on Monday")."""
    i = first.i - 1
    while i >= 0 and first.doc[i].lower_ in ("on", "late", "early", "in", "this", "last"):
        i -= 1
    return i >= 0 and first.doc[i].lemma_.lower() in REPORTING and first.doc[i].pos_ in ("VERB", "AUX")


def _through_reporting(t_head: Any, trigger: Any) -> bool:
    """Whether the timex and the trigger meet at a reporting verb: "In a statement read late
    on Monday, the general staff said the assailants arrived at dawn" dates the statement."""
    up_g = {tok.i for tok in _ancestors(trigger)}
    lca = next((tok for tok in _ancestors(t_head) if tok.i in up_g), None)
    return lca is not None and lca.i != trigger.i and _is_reporting(lca)


def _attached_to_reporting(t_head: Any) -> bool:
    for tok in _ancestors(t_head)[1:]:
        if tok.pos_ in ("VERB", "AUX"):
            return _is_reporting(tok)
    return False


def told_recently(sent: Any, timexes: Sequence[Timex]) -> bool:
    """Whether ``sent`` (a spaCy Span) holds a vague timex of the recent past: "recently",
    "a few days ago", "in the past 8 days" (see the lexicon's ``_recent_note``)."""
    for t in timexes:
        if t.start < sent.start_char or t.end > sent.end_char:
            continue
        if t.value == "PAST_REF" and _RECENT_REF.search(t.text):
            return True
        if t.type == "DURATION" and _SHORT_SPAN.match(t.value or "") and _RECENT_SPAN.search(t.text):
            return True
    return False


def event_date(
    sent: Any,
    trigger: Any,
    timexes: Sequence[Timex],
    published: date | None,
    published_known: bool = True,
    previous: EventDate | None = None,
) -> EventDate:
    """The date of the event whose word is ``trigger`` (a spaCy Token) in ``sent`` (a Span).

    ``timexes`` are the article's (character offsets into ``sent.doc.text``); see the module
    docstring for the rules.
    """
    doc = sent.doc
    inside = [t for t in timexes if t.start >= sent.start_char and t.end <= sent.end_char]
    governed: list[tuple[float, int, Timex, tuple[date, int]]] = []
    free: list[tuple[int, Timex, tuple[date, int]]] = []
    reporting: list[tuple[int, Timex, tuple[date, int]]] = []
    for t in inside:
        if t.type == "TIME" and _CLOCK.match(t.text):
            continue  # "shortly after 10 p.m." is the hour of a day told elsewhere, not a day
        res = _resolve(t, published, previous, doc_text(doc)[max(0, t.start - 12):t.start])
        if res is None or (published is not None and res[0] > published):
            continue
        toks = _tokens(doc, t)
        if not toks:
            continue
        head = _head(toks)
        if head.dep_ == "poss" and head.head.i not in (trigger.i, trigger.head.i) and trigger.i != head.head.head.i:
            continue  # "protesting against the rigging of this month's election": the election's date
        distance = abs(t.start - trigger.idx)
        cost = _path_cost(head, trigger)
        if cost is None and _YEAR.match(t.value or ""):
            continue  # a year only dates the clause it belongs to ("the capital since 1972")
        if cost is not None:
            governed.append((cost, distance, t, res))
        elif _attached_to_reporting(head) or _through_reporting(head, trigger):
            reporting.append((distance, t, res))
            continue
        if cost is not None and _right_after_reporting(toks[0]) and toks[0].i < trigger.i:
            # "police said on Friday they had arrested four men": the parser may hang the day on
            # the arrest, but it is the day they said so
            governed.pop()
            reporting.append((distance, t, res))
        else:
            free.append((distance, t, res))
    if governed:
        _, _, t, res = min(governed, key=lambda g: (g[0], g[1]))
        d, p = _finish(res, t, published_known)
        return EventDate(d, p, _with_preposition(doc_text(doc), t), "clause", t.value)
    if free:
        _, t, res = min(free, key=lambda f: f[0])
        d, p = _finish(res, t, published_known)
        return EventDate(d, p, _with_preposition(doc_text(doc), t), "sentence", t.value)
    if reporting:
        # "The coalition said separately on Sunday that air defences had intercepted a drone":
        # the report's day (at week precision) says more than the last event told before
        _, t, res = min(reporting, key=lambda f: f[0])
        d, p = _finish(res, t, published_known)
        return EventDate(d, max(p, 2), _with_preposition(doc_text(doc), t), "report", t.value)
    if previous is not None and previous.date is not None:
        return EventDate(previous.date, previous.precision, previous.text, "previous", previous.value)
    if published is not None:
        return EventDate(published, 2 if published_known else 3, None, "published")
    return EventDate(None, None, None, None)


_PREP = re.compile(r"(?:\b(?:on|in|at|during|since|by|from|into|over|until|before|after|late|early)\s+)$", re.I)


def _with_preposition(text: str, t: Timex) -> str:
    """The timex text with its preposition, as ACLED notes quote it ("on November 26")."""
    m = _PREP.search(text, max(0, t.start - 10), t.start)
    return text[m.start() : t.end] if m else t.text
