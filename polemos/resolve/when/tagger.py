"""A rule-based TIMEX3 tagger for English news, resolved against the publication date.

``tag(text, published)`` finds temporal expressions with a set of precompiled regexes built
from the lexicon in ``polemos/data/time/lexicon.json``, keeps the longest non-overlapping
matches, and normalises each to a TIMEX3 type and value.

Resolution rules (the reference date is the publication date, "DCT"):

- A bare weekday ("on Friday") is the latest such day on or before the DCT ("Sunday" in a
  Sunday paper is that day), unless a future cue ("will", "next", "scheduled", ...) precedes it
  in the same sentence: then the first such day on or after the DCT.
  A deadline ("until 9 a.m. Tuesday", "by Friday") is ahead too when no past verb or past
  auxiliary stands in its sentence before it or just after it ("Until Thursday, they had not").
- "last Friday" is the latest Friday strictly before the DCT; "next Friday" the first strictly after.
  "the previous Friday" is the Friday before the last day named earlier in the text (the day
  in focus; clock times and "overnight" name no day), else before the DCT.
- "<weekday> last/this/next week": weeks start on SUNDAY (US news usage), so in a paper of Sunday
  2020-12-13 "Tuesday last week" is 2020-12-08, not 2020-12-01. This reading is ambiguous; such
  timexes carry ``ambiguous=True`` so callers can lower the precision.
- A future cue ("will", "scheduled", "planning to/for", "preparing for", ...) counts when it precedes the timex in
  the same sentence: within 60 characters for weekdays, anywhere in the sentence for month names
  and month-days (where "would" and "effective" count too), unless a past clause ("was", "had",
  "who", "since", a participle right before the date) lies between. "next to" is no cue; a cue
  right after "had (been)" is past perfect and does not count.
- A month without a year ("in September") is the latest such month not after the DCT month,
  unless a future cue says otherwise or a deadline word ("by February", "until mid-November")
  names one of the next four months. Otherwise, as for month-days below, the nearest such
  month with future months costing double (one ahead) or four times (beyond): the next two
  months after the DCT month are the coming ones (in an October paper "in December" is two
  months ahead, not ten back, which would be "last December"), unless a past auxiliary or a
  past-tense verb comes before it in the sentence ("who were displaced in November", "fighting
  began in March"; not a commitment verb's infinitive: "decided to admit them in March"). "May" needs a preposition
  ("in May", "by May"). A month and day without a year ("Dec. 13") is the nearest
  such day, future days counting double up to a month ahead and four times beyond (so mostly
  the past, but "Nov. 13" in a paper of Nov. 2 is eleven days ahead rather than a year back);
  "ended Jan. 31" is always the past one. "on the 5th" is the latest 5th on or before the DCT.
- "from X to Y" / "between X and Y": if the ends resolve with Y before X, the one on the far
  side of the DCT moves by a year.
- "that year", "later that year", "the following year/month" take the last year (month) named
  earlier in the text (value), while keeping ``anchor="EVENT"`` for the event dater. So do
  "that day", "earlier that day", "the next day", "the day before" (the last day named, plus
  the shift; "Oct. 12, the day before the crash" is in apposition: Oct. 12) and "that
  quarter". "the day before last Tuesday" is one expression. "April 24 and 25": the bare
  second day shares the month.
- "last February" said in March is a year back (the month just past would be "last month").
- "then current" is PAST_REF; "the 20th century" is "19"; "the full year" is the DCT year and
  "the latest (fiscal) year" the one before.
- Financial quarters: "a year ago" after a quarter means that quarter a year before, but after
  a period of months ("the first nine months") the year before; "the 1988 period" is the
  quarter of the last quarter named, in 1988; "the latest period" is the last completed
  quarter; "the second quarter ended Oct. 31, 1988" takes the year of its end date.
- "early/mid/late November" gets the value of November and ``mod`` START/MID/END.
- Expressions relative to another event ("the day before", "two days later", "hours later",
  "that night") carry ``anchor="EVENT"`` and ``shift`` in days, for the event dater to apply
  to the previous event's date; their value is the last named day plus the shift (above), or
  unresolved (``XXXX-XX-XX``) when no day was named before them.
- Without a publication date, relative expressions get X-ed values ("XXXX-WXX-2" for "Tuesday").

Values follow TimeML/TIMEX3: ``2020-12-08``, ``2020-W49``, ``2020-11``, ``2012-SU``,
``1998-Q3``, ``199`` (the 1990s), ``P3D``, ``PT2H``, ``PXY``, ``PRESENT_REF``, ``PAST_REF``,
``FUTURE_REF``, ``2020-12-11TEV``. Offsets are character offsets into ``text``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Callable

from polemos.model import Timex
from polemos.resolve.when.lexicon import alternation, key, lexicon, number


@dataclass
class TaggedTimex(Timex):
    """A Timex with what the tagger knows beyond TIMEX3 type and value.

    ``mod``: START/MID/END ("early November"); ``anchor``: "DCT" when resolved against the
    publication date, "EVENT" when relative to another event ("the day before"), None for
    absolute expressions; ``shift``: days from the anchor, when known; ``ambiguous``: the
    value is one of several readings ("Tuesday last week").
    """

    mod: str | None = None
    anchor: str | None = None
    shift: int | None = None
    ambiguous: bool = False


LEX = lexicon()
MONTHS: dict[str, int] = LEX["months"]
WEEKDAYS: dict[str, int] = LEX["weekdays"]
UNITS: dict[str, str] = LEX["units"]
SEASONS: dict[str, str] = LEX["seasons"]
POD: dict[str, str] = LEX["parts_of_day"]
ORDINALS: dict[str, int] = LEX["ordinals"]
FUZZY: dict[str, str] = LEX["fuzzy"]
SETS: dict[str, str] = LEX["sets"]
HOLIDAYS: dict[str, str | None] = LEX["holidays"]
MODS: dict[str, str] = LEX["mods"]

# ----------------------------------------------------------------------------- regex pieces
MONTH = alternation(MONTHS, abbrev_period=True)
_wd_full = [w for w in WEEKDAYS if w not in LEX["_weekday_abbrevs_need_period"]]
WEEKDAY = "(?:" + alternation(_wd_full)[3:-1] + "|" + "|".join(
    re.escape(a) + r"\." for a in sorted(LEX["_weekday_abbrevs_need_period"], key=len, reverse=True)
) + ")"
_small = [w for w, v in LEX["numbers"].items() if v < 100 and " " not in w and w not in ("a", "an", "dozen")]
_tens = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_ones = "one|two|three|four|five|six|seven|eight|nine"
NUMWORD = (
    rf"(?:(?:(?:{_tens})(?:[-\s](?:{_ones}))?|{alternation(_small)[3:-1]})"
    rf"(?:[-\s](?:hundred|thousand))?|(?:a|one)\s+(?:hundred|thousand)|a\s+dozen|half\s+a\s+dozen|dozen|a\s+couple\s+of|couple\s+of|a\s+pair\s+of)"
)
NUM = rf"(?:\d{{1,3}}(?:,\d{{3}})*(?:\.\d+)?(?:\s+1/2)?|{NUMWORD}|an?(?=\s))"
VAGUE = r"(?:a\s+few|few|several|many|some|a\s+number\s+of|numerous|countless|a\s+couple|the)"
UNIT = alternation(UNITS)
SEASON = alternation(SEASONS)
PODRE = r"(?:morning|afternoon|evening|night|overnight)"
MOD = r"(?:early|mid-?|middle|late|the\s+(?:end|beginning|start|middle|close)\s+of|(?:end|beginning|start|middle)\s+of)"
YEAR4 = r"(?:1[5-9]\d\d|20\d\d)"
NOYEAR_BEFORE = r"(?<![\d$€£#.,/:])(?<!\d-)"
NOYEAR_AFTER = r"(?![\d%/:]|,\d|\.\d|-\d)"
REL = r"(?:this\s+past|this\s+coming|last|next|this|past|coming|previous)"
DAYWORD = r"(?:yesterday|today|tonight|tomorrow)"

def _cue_rx(cues: list[str]) -> re.Pattern[str]:
    return re.compile(
        r"\b(?:" + "|".join(re.escape(c) for c in cues).replace(r"\ ", r"\s+") + r")\b"
        r"(?!(?<=next)\s+(?:to|door)\b)",
        re.I,
    )


FUTURE_CUE = _cue_rx(LEX["future_cues"])
FUTURE_CUE_WIDE = _cue_rx(LEX["future_cues"] + LEX["future_cues_months"])  # for months: "would be paid in January"
# A cue right after "had (been)" is past perfect ("had been scheduled to expire Friday").
_PLUPERFECT = re.compile(r"\bhad\s+(?:been\s+|not\s+|already\s+)?(?:[a-z]+\s+){0,2}\Z", re.I)
_PAST_BETWEEN = re.compile(r"\b(?:was|were|had|did|since|ago|last|been|which|who)\b", re.I)
_PAST_VERB = re.compile(
    r"\b(?:(?!need|feed|speed|proceed|exceed|succeed|embed)[a-z]{2,}ed|" + "|".join(LEX["past_verbs"]) + r")\b", re.I
)
_COMMIT_TO = re.compile(r"(?:decided|agreed|voted|promised|pledged|vowed|planned|offered|threatened|intended|expected|scheduled|prepared)\s+to\s", re.I)
_PARTICIPLE_BEFORE = re.compile(r"\b(?!need|feed|speed|proceed|exceed|succeed)[a-z]{2,}ed\s+(?:(?:on|in|at|from|of)\s+)?\Z", re.I)
# "next"/"coming" only count as cues when they are not the timex itself; handled by callers.
# A sentence end: not the period of a one-letter abbreviation ("a.m.", "U.S.").
SENT_END = re.compile(r"(?<![.\s][A-Za-z])[.!?]['\"”’)]*\s+(?=[A-Z\"'“‘`(])|;\s|\n\s*\n")

F = re.I | re.X


def _rx(pattern: str) -> re.Pattern[str]:
    # Every rule starts at a word boundary, so a scan never starts inside a word and skips
    # a real match ("to Florida six weeks ago" must not try "a six weeks ago").
    return re.compile(r"(?<![^\W_])(?:" + pattern + ")", F)


# --------------------------------------------------------------------------- resolution help
class Ctx:
    """What the handlers need: the text, the reference date and a future-tense test."""

    __slots__ = ("text", "dct", "upper")

    def __init__(self, text: str, dct: date | None) -> None:
        self.text = text
        self.dct = dct
        # All-caps texts (wire copy, MUC) defeat capitalisation tests.
        letters = [c for c in text[:2000] if c.isalpha()]
        self.upper = bool(letters) and sum(c.isupper() for c in letters) > 0.8 * len(letters)

    def past_clause(self, start: int, reach: int = 60) -> bool:
        """Whether a past auxiliary ("was", "had", ...) or a past-tense verb ("displaced",
        "began") comes before ``start`` in the same sentence, within ``reach`` characters."""
        left = self.text[max(0, start - reach) : start]
        cut = list(SENT_END.finditer(left))
        if cut:
            left = left[cut[-1].end() :]
        if _PAST_BETWEEN.search(left):
            return True
        # "decided to admit them in March": the complement of a commitment verb lies ahead of it
        return any(not _COMMIT_TO.match(left, v.start()) for v in _PAST_VERB.finditer(left))

    def future(self, start: int, end: int, reach: int = 60) -> bool:
        """Whether a future cue precedes ``start`` in the same sentence, within ``reach``
        characters (or follows closely)."""
        left = self.text[max(0, start - reach) : start]
        cut = list(SENT_END.finditer(left))
        if cut:
            left = left[cut[-1].end() :]
        base = max(0, start - reach) + (cut[-1].end() if cut else 0)
        for c in (FUTURE_CUE_WIDE if reach > 60 else FUTURE_CUE).finditer(left):
            if _PLUPERFECT.search(self.text, max(0, base + c.start() - 40), base + c.start()):
                continue
            if reach > 60 and (_PAST_BETWEEN.search(left, c.end()) or _PARTICIPLE_BEFORE.search(left, c.end())):
                continue  # a past clause between cue and timex: "it will ... who was rescued in May"
            return True
        right = self.text[end : end + 25]
        return bool(re.match(r"\s*(?:,\s*)?(?:will|is\s+scheduled|is\s+due|'s\s+deadline)\b", right, re.I))


def _ymd(d: date) -> str:
    return d.isoformat()


def _week(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def _sunday_start(d: date) -> date:
    return d - timedelta(days=d.isoweekday() % 7)


def _add_months(y: int, m: int, n: int) -> tuple[int, int]:
    t = y * 12 + (m - 1) + n
    return t // 12, t % 12 + 1


def _quarter(d: date) -> int:
    return (d.month - 1) // 3 + 1


def _year2(yy: int, dct: date | None) -> int:
    pivot = (dct.year % 100 + 5) if dct else 30
    return 2000 + yy if yy <= pivot else 1900 + yy


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _season_of(d: date) -> tuple[int, str]:
    m = d.month
    if m in (3, 4, 5):
        return d.year, "SP"
    if m in (6, 7, 8):
        return d.year, "SU"
    if m in (9, 10, 11):
        return d.year, "FA"
    return (d.year if m == 12 else d.year - 1), "WI"


_SEASON_ORDER = {"SP": 0, "SU": 1, "FA": 2, "WI": 3}  # WI of year Y: December Y to February Y+1

Result = tuple  # (type, value) or (type, value, extras-dict)
Handler = Callable[[re.Match[str], Ctx], "Result | None"]


def _weekday_date(wd: int, ctx: Ctx, rel: str | None, start: int, end: int) -> date | None:
    dct = ctx.dct
    if dct is None:
        return None
    today = dct.isoweekday()
    back = (today - wd) % 7
    fwd = (wd - today) % 7
    if rel in ("last", "past", "this past", "previous"):
        return dct - timedelta(days=back or 7)
    if rel in ("next", "coming", "this coming"):
        return dct + timedelta(days=fwd or 7)
    if rel == "this":
        return _sunday_start(dct) + timedelta(days=wd % 7)
    if ctx.future(start, end) or (
        _WD_DEADLINE.search(ctx.text, max(0, start - 30), start)
        and not ctx.past_clause(start)
        and not _PAST_BETWEEN.search(SENT_END.split(ctx.text[end : end + 40], 1)[0])  # "Until Thursday, they had not"
    ):
        return dct + timedelta(days=fwd)
    return dct - timedelta(days=back)


# "has given them until 9 a.m. Tuesday": a deadline in a clause that is not past is ahead
_WD_DEADLINE = re.compile(r"\b(?:until|till|by)\s+(?:(?:around|about|at)\s+)?(?:\d{1,2}(?::\d\d)?\s*[ap]\.?m\.?\s*(?:[A-Z]{3}\s+)?)?\Z", re.I)


# A month with a future cue anywhere earlier in its sentence is a coming month ("Qantas will
# double its flights between Australia and India by August"); so is a month at most
# DEADLINE_MONTHS ahead after a deadline word ("pay down the loan by February", "until January").
MONTH_REACH = 250
DEADLINE_MONTHS = 4
_DEADLINE = re.compile(r"\b(?:by|until|till|through|before)\s+(?:(?:early|late|mid|the\s+(?:end|middle|start|beginning)\s+of)[-\s]*)?\Z", re.I)


_ENDED = re.compile(r"\bended\s+\Z", re.I)


def _month_year(month: int, ctx: Ctx, rel: str | None, start: int, end: int) -> str:
    dct = ctx.dct
    if dct is None:
        return f"XXXX-{month:02d}"
    if rel in ("this",):
        y = dct.year
    elif rel in ("last", "past", "this past", "previous"):
        y = dct.year if month < dct.month else dct.year - 1
        if rel == "last" and (dct.month - month) % 12 == 1:
            y -= 1  # the month just past is "last month": "last February" in March is a year earlier
    elif rel in ("next", "coming", "this coming"):
        y = dct.year if month > dct.month else dct.year + 1
    elif ctx.future(start, end, reach=MONTH_REACH) or (0 < (month - dct.month) % 12 <= 2 and not ctx.past_clause(start)) or (
        0 < (month - dct.month) % 12 <= DEADLINE_MONTHS and _DEADLINE.search(ctx.text, max(0, start - 12), start)
    ):
        y = dct.year if month >= dct.month else dct.year + 1
    else:
        y = dct.year if month <= dct.month else dct.year - 1
    return f"{y}-{month:02d}"


def _month_day(month: int, day: int, ctx: Ctx, start: int, end: int) -> str:
    dct = ctx.dct
    if dct is None:
        return f"XXXX-{month:02d}-{day:02d}"
    if _ENDED.search(ctx.text, max(0, start - 10), start):
        # "the fiscal year ended Jan. 31": the latest such day on or before the DCT.
        for y in (dct.year, dct.year - 1):
            d = _safe_date(y, month, day)
            if d is not None and d <= dct:
                return _ymd(d)
    fut = ctx.future(start, end, reach=MONTH_REACH)
    best: tuple[float, date] | None = None
    for y in (dct.year - 1, dct.year, dct.year + 1):
        d = _safe_date(y, month, day)
        if d is None:
            continue
        delta = (d - dct).days
        if fut and delta < 0:
            cost = -delta * 4.0
        elif delta > 0:
            cost = delta * (1.0 if fut else (2.0 if delta <= 31 else 4.0))
        else:
            cost = -delta
        if best is None or cost < best[0]:
            best = (cost, d)
    if best is None:
        return f"XXXX-{month:02d}-{day:02d}"
    return _ymd(best[1])


def _mod(s: str | None) -> str | None:
    if not s:
        return None
    k = key(s).rstrip("-")
    return MODS.get(k) or MODS.get(k + "-") or ("MID" if k.startswith("mid") else None)


def _rel(s: str | None) -> str | None:
    return key(s) if s else None


# ------------------------------------------------------------------------------- the rules
RULES: list[tuple[re.Pattern[str], Handler]] = []


def rule(pattern: str) -> Callable[[Handler], Handler]:
    def deco(fn: Handler) -> Handler:
        RULES.append((_rx(pattern), fn))
        return fn

    return deco


@rule(r"(?<![\d/-])(?P<y>" + YEAR4 + r")-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?![\d])")
def _iso(m: re.Match[str], ctx: Ctx) -> Result | None:
    d = _safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
    return ("DATE", _ymd(d)) if d else None


@rule(r"(?<![\d/.$-])(?P<a>[01]?\d)/(?P<b>[0-3]?\d)/(?P<y>" + YEAR4 + r"|\d\d)(?![\d/])")
def _slash(m: re.Match[str], ctx: Ctx) -> Result | None:
    a, b = int(m["a"]), int(m["b"])
    y = int(m["y"]) if len(m["y"]) == 4 else _year2(int(m["y"]), ctx.dct)
    mon, day = (a, b) if a <= 12 else (b, a)  # US order unless impossible
    d = _safe_date(y, mon, day)
    return ("DATE", _ymd(d), {"ambiguous": a <= 12 and b <= 12 and a != b}) if d else None


_WDPREFIX = rf"(?:(?P<wd>{WEEKDAY}),?\s+)?"
_YEARTAIL = rf"(?:(?:,\s*|\s+)(?P<y>{YEAR4}){NOYEAR_AFTER}|(?:,\s*|\s+)'(?P<y2>\d\d)\b|(?:\s+|,\s*)(?P<y3>\d\d)(?=\s*[(\-–—,.;:]|\s*$)|\s+(?P<ry>this|last|next)\s+year\b)?"


@rule(_WDPREFIX + rf"(?:(?P<rel>last|this|next|this\s+past|this\s+coming)\s+)?(?:the\s+)?(?P<mon>{MONTH})\s*(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?!\d|:\d)" + _YEARTAIL)
def _month_day_rule(m: re.Match[str], ctx: Ctx) -> Result | None:
    return _md(m, ctx)


@rule(_WDPREFIX + rf"(?:the\s+)?(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?:\s+of)?[\s-]*(?P<mon>{MONTH})(?![a-z])" + _YEARTAIL)
def _day_month_rule(m: re.Match[str], ctx: Ctx) -> Result | None:
    return _md(m, ctx)


@rule(r"(?<=\bon\s)the\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)(?=\s*(?:[,.;:)]|$|\s+(?:and|when|as|after|before|at|in|of\s+(?:this|last|that)\s+month)\b))")
def _ordinal_day(m: re.Match[str], ctx: Ctx) -> Result | None:
    """"on the 5th": the latest 5th of a month on or before the DCT (the next one after a future
    cue); "on the 5th of last month" counts from the month before."""
    day = int(m["day"])
    if not 1 <= day <= 31:
        return None
    if ctx.dct is None:
        return ("DATE", f"XXXX-XX-{day:02d}")
    y, mo = ctx.dct.year, ctx.dct.month
    after = ctx.text[m.end() : m.end() + 20].lower()
    if re.match(r"\s+of\s+last\s+month", after):
        y, mo = _add_months(y, mo, -1)
    elif re.match(r"\s+of\s+(?:this|that)\s+month", after):
        pass
    elif ctx.future(m.start(), m.end()):
        if day <= ctx.dct.day:
            y, mo = _add_months(y, mo, 1)
    elif day > ctx.dct.day:
        y, mo = _add_months(y, mo, -1)
    for _ in range(3):  # "the 31st" in a 30-day month: the month before
        d = _safe_date(y, mo, day)
        if d is not None:
            return ("DATE", _ymd(d), {"anchor": "DCT"})
        y, mo = _add_months(y, mo, -1)
    return None


def _md(m: re.Match[str], ctx: Ctx) -> Result | None:
    mon = MONTHS[key(m["mon"])]
    day = int(m["day"])
    if not 1 <= day <= 31:
        return None
    monraw = m["mon"]
    if not ctx.upper and monraw.islower():
        return None
    y = None
    if m["y"]:
        y = int(m["y"])
    elif m["y2"]:
        y = _year2(int(m["y2"]), ctx.dct)
    elif m["y3"]:
        y = _year2(int(m["y3"]), ctx.dct)
    elif m["ry"] and ctx.dct is not None:  # "on 5 July this year"
        y = ctx.dct.year + {"this": 0, "last": -1, "next": 1}[m["ry"].lower()]
    if y is not None:
        d = _safe_date(y, mon, day)
        return ("DATE", _ymd(d)) if d else None
    if _safe_date(2000, mon, day) is None:
        return None
    rel = _rel(m.groupdict().get("rel"))
    if rel and ctx.dct is not None:
        d = _safe_date(ctx.dct.year, mon, day)
        if d is not None and rel in ("last", "this past") and d >= ctx.dct:
            d = _safe_date(ctx.dct.year - 1, mon, day)
        elif d is not None and rel in ("next", "this coming") and d <= ctx.dct:
            d = _safe_date(ctx.dct.year + 1, mon, day)
        if d is not None:
            return ("DATE", _ymd(d), {"anchor": "DCT"})
    return ("DATE", _month_day(mon, day, ctx, m.start(), m.end()), {"anchor": "DCT"})


@rule(
    rf"(?:(?P<mod>{MOD})\s*)?(?:(?P<rel>{REL})\s+)?(?P<mon>{MONTH})(?![a-z])"
    rf"(?:(?:,\s*|\s+of\s+|\s+)(?P<y>{YEAR4}){NOYEAR_AFTER}|\s+(?P<ry>this|last|next)\s+year|\s+of\s+(?P<ry2>this|last|next)\s+year)?"
)
def _month_rule(m: re.Match[str], ctx: Ctx) -> Result | None:
    raw = m["mon"]
    k = key(raw)
    mon = MONTHS[k]
    text = ctx.text
    if not ctx.upper and raw[0].islower():
        return None
    has_ctx = bool(m["mod"] or m["rel"] or m["y"] or m["ry"] or m["ry2"])
    if not has_ctx:
        # A bare month name must look like a date: full name (or "Sept."), and for words that
        # are also common words ("May", "March") a preposition before it.
        if len(k) <= 4 and not raw.endswith(".") and k not in ("june", "july", "may"):
            return None
        before = text[max(0, m.start() - 12) : m.start()].lower()
        if k in ("may", "march") and not re.search(
            r"\b(?:in|since|until|till|by|during|from|through|to|of|before|after|between|and|or|early|late|mid)\s*-?$",
            before,
        ):
            return None
    mod = _mod(m["mod"])
    extras = {"mod": mod} if mod else {}
    if m["y"]:
        return ("DATE", f"{int(m['y'])}-{mon:02d}", extras)
    ry = m["ry"] or m["ry2"]
    if ry:
        if ctx.dct is None:
            return ("DATE", f"XXXX-{mon:02d}", extras)
        y = ctx.dct.year + {"this": 0, "last": -1, "next": 1}[ry.lower()]
        return ("DATE", f"{y}-{mon:02d}", extras)
    extras["anchor"] = "DCT"
    return ("DATE", _month_year(mon, ctx, _rel(m["rel"]), m.start(), m.end()), extras)


@rule(
    rf"(?:(?P<mod>{MOD})\s*)?(?:(?:the\s+)?(?:fiscal|calendar|financial|model)\s+(?:year\s+)?)?"
    rf"{NOYEAR_BEFORE}(?P<y>{YEAR4}){NOYEAR_AFTER}(?:(?P<s>'?s)\b)?"
    rf"|(?:(?P<mod2>{MOD})\s*)?(?:the\s+)?'(?P<dec>\d0)s\b"
)
def _year_rule(m: re.Match[str], ctx: Ctx) -> Result | None:
    mod = _mod(m["mod"] or m["mod2"])
    extras = {"mod": mod} if mod else {}
    if m["dec"]:
        return ("DATE", "19" + m["dec"][0] + "X", extras)
    y = m["y"]
    if m["s"]:
        return ("DATE", y[:3] + "X", extras)  # the 1990s: "199X" (TimeBank's usual form)
    # A four-digit number followed by a counted noun is a quantity, not a year.
    after = ctx.text[m.end() : m.end() + 20]
    if re.match(r"\s+(?:people|persons|troops|soldiers|men|women|children|km|kilometers|miles|meters|metres|feet|tons|tonnes|pounds|dollars|units|shares|employees|workers|votes|acres|hectares)\b", after, re.I):
        return None
    before = ctx.text[max(0, m.start() - 8) : m.start()]
    if re.search(r"(?:No\.|no\.|#|Room|room|Flight|flight)\s*$", before):
        return None
    return ("DATE", y, extras)


_CENTURY_ORD = [o for o, n in ORDINALS.items() if 1 <= n <= 21 and not o[0].isdigit()]


@rule(
    rf"(?:(?P<mod>{MOD})[-\s]*)?(?:the\s+)?(?:(?P<n>[1-9]|1\d|2[01])(?:st|nd|rd|th)|(?P<w>{alternation(_CENTURY_ORD)[3:-1]}))[-\s]+century(?![a-z])"
)
def _century(m: re.Match[str], ctx: Ctx) -> Result | None:
    """"the 20th century" is "19" (TIMEX3: the first two digits of its years); "mid-19th
    century" keeps the modifier."""
    n = int(m["n"]) if m["n"] else ORDINALS[key(m["w"])]
    mod = _mod(m["mod"])
    return ("DATE", f"{n - 1:02d}", {"mod": mod} if mod else {})


@rule(
    rf"(?:(?P<mod>{MOD})\s*)?(?:(?P<rel>{REL}|the)\s+)?(?P<s>{SEASON})(?![a-z])"
    rf"(?:(?:\s+of|,)?\s+(?P<y>{YEAR4}){NOYEAR_AFTER})?"
)
def _season_rule(m: re.Match[str], ctx: Ctx) -> Result | None:
    s = SEASONS[key(m["s"])]
    rel = _rel(m["rel"])
    mod = _mod(m["mod"])
    extras = {"mod": mod} if mod else {}
    if key(m["s"]) in ("fall", "spring") and not (m["y"] or (rel and rel != "the") or m["mod"]):
        before = ctx.text[max(0, m.start() - 12) : m.start()].lower()
        if not re.search(r"\b(?:in|this|last|next|during|until|since|by)\s+(?:the\s+)?$", before):
            return None
    if m["y"]:
        return ("DATE", f"{m['y']}-{s}", extras)
    if ctx.dct is None:
        return ("DATE", f"XXXX-{s}", extras)
    cy, cs = _season_of(ctx.dct)
    order = _SEASON_ORDER[s]
    corder = _SEASON_ORDER[cs]
    if rel == "this":
        y = cy if s == "WI" else ctx.dct.year
    elif rel in ("last", "past", "this past", "previous"):
        y = cy if order < corder else cy - 1
    elif rel in ("next", "coming", "this coming") or ctx.future(m.start(), m.end()):
        y = cy if order > corder else cy + 1
    else:
        y = cy if order <= corder else cy - 1
    extras["anchor"] = "DCT"
    return ("DATE", f"{y}-{s}", extras)


_ORDQ = r"(?:first|second|third|fourth|1st|2nd|3rd|4th|final|last)"


@rule(
    rf"(?:(?P<det>the\s+year-ago|the\s+year-earlier|the|its|this\s+year's|last\s+year's|next\s+year's|this|last|next|that)\s+)?(?:(?P<y0>{YEAR4})\s+)?"
    rf"(?:(?:fiscal|calendar)\s+)?(?P<o>{_ORDQ})[-\s]+(?:fiscal[-\s]+)?(?P<u>quarter|half|period)(?P<pl>s)?(?![a-z])"
    rf"(?:(?:\s+of|,)?\s+(?:fiscal\s+)?(?P<y>{YEAR4}){NOYEAR_AFTER}|\s+of\s+(?P<ry>this|last|next)\s+year)?"
)
def _ord_quarter(m: re.Match[str], ctx: Ctx) -> Result | None:
    o = key(m["o"])
    unit = key(m["u"])
    if unit == "period" and not m["y"]:
        return None
    n = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}.get(o)
    if n is None:
        n = 4 if unit == "quarter" else 2
    if unit == "half" and n > 2:
        return None
    code = f"Q{n}" if unit != "half" else f"H{n}"
    if m["y"] or m["y0"]:
        return ("DATE", f"{m['y'] or m['y0']}-{code}")
    if m["pl"] and unit == "quarter" and not m["det"]:
        return ("DATE", f"XXXX-{code}")  # "in the second and fourth quarters": any year's
    if ctx.dct is None:
        return ("DATE", f"XXXX-{code}")
    det = key(m["det"]) if m["det"] else ""
    ry = m["ry"].lower() if m["ry"] else ""
    y = ctx.dct.year
    if det.startswith("last") or ry == "last" or "year-" in det:
        y -= 1
    elif det.startswith("next") or ry == "next":
        y += 1
    elif not (det.startswith("this") or ry == "this"):
        cur = _quarter(ctx.dct) if unit != "half" else (1 if ctx.dct.month <= 6 else 2)
        if n > cur and not ctx.future(m.start(), m.end()):
            y -= 1
    return ("DATE", f"{y}-{code}", {"anchor": "DCT"})


@rule(rf"the\s+(?P<y>{YEAR4})\s+(?:period|quarter)(?![a-z-])")
def _year_period(m: re.Match[str], ctx: Ctx) -> Result | None:
    return ("DATE", m["y"], {"_qof": int(m["y"])})


@rule(
    r"(?P<det>the|this|last|next|latest|the\s+latest|the\s+current|the\s+most\s+recent|the\s+previous|the\s+past|the\s+year-ago|the\s+year-earlier|"
    r"the\s+comparable|the\s+corresponding|the\s+same|the\s+year\s+earlier|the\s+coming|year-ago|year-earlier|that)\s+(?:fiscal\s+)?(?P<qu>quarter|period)(?![a-z-])"
    r"(?P<tail>\s+(?:of\s+)?(?:last\s+year|a\s+year\s+(?:ago|earlier)))?"
)
def _the_quarter(m: re.Match[str], ctx: Ctx) -> Result | None:
    det = key(m["det"]).replace("the ", "")
    if m["tail"]:
        det = "year-ago"  # "the corresponding period last year"
    if key(m["qu"]) == "period" and det not in ("latest", "year-ago", "year-earlier", "year earlier", "comparable", "corresponding", "same"):
        return None  # "the period" alone is not a quarter
    if det == "corresponding" and not m["tail"]:
        return None
    if det == "that":
        if key(m["qu"]) != "quarter":
            return None
        return ("DATE", "XXXX-QX", {"_relto": ("quarter", 0)})  # "that quarter": the last one named
    if ctx.dct is None:
        return ("DATE", "XXXX-QX")
    y, q = ctx.dct.year, _quarter(ctx.dct)
    extras: dict[str, object] = {"anchor": "DCT"}
    if det in ("this", "current"):
        pass
    elif det in ("next", "coming"):
        q += 1
    elif det in ("year-ago", "year-earlier", "year earlier", "comparable", "same", "corresponding"):
        q -= 1
        y -= 1
        extras["_yearback"] = True
    else:  # the, latest, last, previous, past, most recent: the last completed quarter
        q -= 1
    if q < 1:
        q, y = q + 4, y - 1
    if q > 4:
        q, y = q - 4, y + 1
    return ("DATE", f"{y}-Q{q}", extras)


@rule(
    rf"(?:(?P<mod>earlier|later|early|mid-?|late|the\s+(?:end|beginning|start|middle|rest)\s+of|(?:end|beginning|start|middle)\s+of)\s+)?"
    rf"(?P<rel>this|last|next|past|previous|coming|the\s+past|the\s+previous|the\s+coming|the\s+current|the\s+same|that|the\s+following|the\s+latest|the)\s+(?:full\s+)?(?:fiscal\s+|calendar\s+)?"
    rf"(?P<u>week|weekend|month|year|decade|century|fortnight)(?![a-z-])"
)
def _rel_unit(m: re.Match[str], ctx: Ctx) -> Result | None:
    rel = key(m["rel"]).replace("the ", "") if key(m["rel"]) != "the" else "the"
    u = key(m["u"])
    modw = key(m["mod"]) if m["mod"] else None
    mod = None
    if modw in ("early",) or (modw and ("beginning" in modw or "start" in modw)):
        mod = "START"
    elif modw in ("late",) or (modw and "end" in modw):
        mod = "END"
    elif modw and modw.startswith("mid"):
        mod = "MID"
    extras: dict[str, object] = {"mod": mod} if mod else {}
    if rel in ("same", "following", "that"):
        shift = {"following": {"week": 7, "weekend": None, "month": None, "year": None}.get(u), "same": 0, "that": 0}.get(rel)
        val = {"week": "XXXX-WXX", "weekend": "XXXX-WXX-WE", "month": "XXXX-XX", "year": "XXXX"}.get(u, "XXXX")
        extras.update(anchor="EVENT", shift=shift)
        if u in ("year", "month"):
            extras["_relto"] = (u, 1 if rel == "following" else 0)
        return ("DATE", val, extras)
    if rel == "the" and u in ("decade", "century", "fortnight"):
        return None
    if u in ("decade", "century") and rel in ("past", "last", "previous") and not modw and re.search(
        r"\b(?:over|for|during|throughout|within)\s+\Z", ctx.text[max(0, m.start() - 12) : m.start()], re.I
    ):
        return ("DURATION", "P10Y" if u == "decade" else "P100Y")  # "over the past decade"
    if rel in ("the", "past", "previous") and u in ("year", "month", "week") and re.match(
        r"\s+(?:ended|ending|to|through)\b", ctx.text[m.end() : m.end() + 12]
    ):
        return ("DURATION", {"year": "P1Y", "month": "P1M", "week": "P1W"}[u])  # "the year ended March 31"
    dct = ctx.dct
    step = {"this": 0, "current": 0, "the": 0, "last": -1, "past": -1, "previous": -1, "latest": -1, "next": 1, "coming": 1}[rel]
    extras["anchor"] = "DCT"
    if dct is None:
        return ("DATE", {"week": "XXXX-WXX", "weekend": "XXXX-WXX-WE", "month": "XXXX-XX"}.get(u, "XXXX"), extras)
    if u == "week" or u == "fortnight":
        return ("DATE", _week(dct + timedelta(days=7 * step)), extras)
    if u == "weekend":
        # The weekend on or before the DCT (or the coming one).
        sat = dct - timedelta(days=(dct.isoweekday() - 6) % 7)
        if step > 0 or (step == 0 and ctx.future(m.start(), m.end())):
            sat = dct + timedelta(days=(6 - dct.isoweekday()) % 7 or 7)
        elif step < 0 and dct.isoweekday() in (6, 7):
            sat -= timedelta(days=7)
        return ("DATE", _week(sat) + "-WE", extras)
    if u == "month":
        y, mo = _add_months(dct.year, dct.month, step)
        return ("DATE", f"{y}-{mo:02d}", extras)
    if u == "year":
        return ("DATE", str(dct.year + step), extras)
    if u == "decade":
        return ("DATE", str(dct.year // 10 + step), extras)
    if u == "century":
        return ("DATE", str(dct.year // 100 + step), extras)
    return None


@rule(
    rf"(?:(?P<pod1>(?:early\s+|late\s+|mid-?)?(?:morning|afternoon|evening|(?<!mid)night))\s+(?:of\s+)?)?"
    rf"(?:(?P<rel>{REL})\s+)?(?P<wd>{WEEKDAY})(?P<pos>'s)?"
    rf"(?:\s+(?P<pod>{PODRE}))?"
    rf"(?:,?\s+(?P<wk>(?:last|this|next)\s+week|(?:a\s+)?week\s+ago))?"
)
def _weekday_rule(m: re.Match[str], ctx: Ctx) -> Result | None:
    raw = m["wd"]
    if not ctx.upper and raw.islower():
        return None
    wd = WEEKDAYS[key(raw)]
    rel = _rel(m["rel"])
    wk = key(m["wk"]) if m["wk"] else None
    extras: dict[str, object] = {"anchor": "DCT"}
    podw = m["pod"] or m["pod1"]
    pod = None
    if podw:
        p = key(podw).replace("early ", "").replace("late ", "").replace("mid-", "").replace("mid", "")
        pod = POD.get(p)
    if ctx.dct is None:
        val = f"XXXX-WXX-{wd}"
        if wk or rel:
            extras["ambiguous"] = True
    else:
        if wk:
            start = _sunday_start(ctx.dct)
            if wk.startswith("last") or "ago" in wk:
                start -= timedelta(days=7)
            elif wk.startswith("next"):
                start += timedelta(days=7)
            d = start + timedelta(days=wd % 7)
            extras["ambiguous"] = True
        else:
            d = _weekday_date(wd, ctx, rel, m.start(), m.end())
            assert d is not None
            if rel == "previous":
                extras["_prevwd"] = wd  # "the previous Friday": before the day in focus, if one was named
        val = _ymd(d)
    if pod:
        return ("TIME", val + (pod if pod.startswith("T") else "T" + pod), extras)
    return ("DATE", val, extras)


@rule(
    rf"(?:(?P<pod0>(?:early\s+|late\s+|mid-?)?(?:morning|afternoon|evening))\s+)?(?:(?P<mod>early|late|earlier|later|mid-?)\s*)?(?P<w>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|{DAYWORD})(?P<pos>'s)?"
    rf"(?:\s+(?P<pod>morning|afternoon|evening|night))?"
    rf"|(?:(?P<mod2>early|late|earlier|later)\s+)?(?P<w2>this|last|tomorrow|yesterday)\s+(?P<pod2>morning|afternoon|evening|night)"
    rf"|(?P<on>overnight)(?![\s-]+(?:rate|loan|deposit|trading|market|session|index|lending))"
)
def _dayword(m: re.Match[str], ctx: Ctx) -> Result | None:
    if m["on"]:
        if ctx.dct is None:
            return ("TIME", "XXXX-XX-XXTNI")
        return ("TIME", _ymd(ctx.dct) + "TNI", {"anchor": "DCT", "shift": 0, "_noday": True})
    w = key(m["w"] or m["w2"])
    pod = m["pod"] or m["pod2"] or (re.sub(r"^(?:early|late|mid)[-\s]*", "", key(m["pod0"])) if m["pod0"] else None)
    shift = {
        "yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1, "this": 0, "last": -1,
        "the day before yesterday": -2, "the day after tomorrow": 2,
    }[w]
    if w == "last" and key(pod) != "night":
        shift = -1
    extras: dict[str, object] = {"anchor": "DCT", "shift": shift}
    dct = ctx.dct
    base = _ymd(dct + timedelta(days=shift)) if dct else "XXXX-XX-XX"
    if w == "tonight":
        return ("TIME", base + "TNI", extras)
    if pod:
        return ("TIME", base + "T" + POD[key(pod)], extras)
    return ("DATE", base, extras)


@rule(
    rf"(?:(?P<q>at\s+least|more\s+than|less\s+than|nearly|almost|about|around|some|over|under|up\s+to|roughly|approximately|only|just|within|no\s+more\s+than|fewer\s+than|barely)\s+)?"
    rf"(?:(?P<det>the|its|their|his|her|a)\s+)?(?:(?P<dir>past|last|next|first|previous|coming|following|final|latest|remaining|initial|ensuing|recent|preceding)\s+)?"
    rf"(?:(?P<n>{NUM})|(?P<v>{VAGUE}))(?:\s*(?:-|to|or|and)\s*(?P<n2>{NUM}))?[\s-]*(?:(?:more|additional|full|straight|consecutive|long|whole|entire|trading|business|working|calendar)\s+)?"
    rf"(?P<u>{UNIT})(?![a-z])(?P<half>\s+and\s+a\s+half)?(?P<tail>-(?:long|old))?(?P<orso0>\s+or\s+so)?(?:\s+(?P<after>ago|earlier|later|before|after|from\s+now|hence|back|since|previously|on))?(?P<orso>\s+or\s+so)?"
)
def _quantity(m: re.Match[str], ctx: Ctx) -> Result | None:
    u = UNITS[key(m["u"])]
    raw_n = m["n"]
    n = number(raw_n) if raw_n else None
    if n is not None and m["half"]:
        n += 0.5  # "a minute and a half"
    det = key(m["det"]) if m["det"] else None
    vague = m["v"]
    if vague and key(vague) == "the" and not m["dir"]:
        return None  # "the days" is not a duration
    if raw_n and n is None:
        return None
    if raw_n and key(raw_n) in ("a", "an") and det:
        return None
    if u == "S" and raw_n and key(raw_n) in ("a", "an") and re.match(r"\s+[A-Za-z]", ctx.text[m.end() : m.end() + 3]):
        return None  # "a second bomb": an ordinal, not a time unit
    if u == "Q" and raw_n and re.search(r"-quarters?$", m.group(0), re.I) and not m["dir"] and re.match(r"\s+of\b", ctx.text[m.end() : m.end() + 4]):
        return None  # "three-quarters of the vote" is a fraction
    if u == "D" and raw_n and key(raw_n) in ("one", "some") and not (m["q"] or det or m["dir"] or m["after"] or m["half"]) and re.search(
        r"\b(?:will|would|could|might|may|can|shall|must|should)\s+(?:\w+\s+)?\Z", ctx.text[max(0, m.start() - 20) : m.start()], re.I
    ):
        return ("DATE", "FUTURE_REF")  # "Islam will one day be ..."
    q_word = m["q"]
    if q_word and det in ("the", "its", "their", "his", "her") and key(q_word) in ("over", "within", "some", "under", "around", "about"):
        # "over the past 48 hours": "over" is a preposition here, leave it out.
        ex_start = m.start("det")
    else:
        ex_start = None
    if det and raw_n and not m["dir"] and not m["after"] and key(raw_n) not in ("a", "an"):
        # "a two-year contract", "the two days": TimeML leaves the determiner out.
        ex_start = m.start("n")
    if raw_n and re.fullmatch(r"\d[\d,]*", raw_n) and n is not None and n > 10000:
        return None
    if m["tail"] and key(m["tail"]) == "-old" or re.match(r"\s+old\b", ctx.text[m.end() : m.end() + 5]):
        return None  # an age ("a 6-year-old", "52 years old") is not a time
    after = key(m["after"]) if m["after"] else None
    if after in ("since", "on"):
        after = None
    plural_ok = key(m["u"]).endswith("s") or (n == 1) or m["tail"] or "-" in m.group(0) or n is None
    if not plural_ok and raw_n and not key(raw_n).endswith("1"):
        # "five day" is only a duration as a modifier ("five day strike"); accept.
        pass
    # ---- DATE: an offset from the DCT or from another event
    if after:
        k = n if n is not None else None
        days_per = {"D": 1, "N": 1, "W": 7, "WE": 7, "FN": 14}.get(u)
        sign = -1 if after in ("ago", "earlier", "before", "back", "previously") else 1
        shift = int(k * days_per * sign) if (k is not None and days_per) else (0 if u in ("H", "MIN", "S") else None)
        if after in ("after", "before", "later", "earlier") and not (after == "earlier" and u in ("M", "Q", "Y", "DE")):
            # TimeML: "three days after the attack" is a DURATION ("three days") plus a signal;
            # the shift is kept so an event dater can count from the other event.
            dur = _duration(u, n, m)
            if dur is None:
                return None
            ex: dict[str, object] = {"anchor": "EVENT", "shift": shift}
            if after in ("after", "before"):
                ex["_end"] = m.start("after")
            return ("DURATION", dur, ex)
        if after in ("ago", "from now", "hence", "back") or (after == "earlier" and ctx.dct is not None):
            extras: dict[str, object] = {"anchor": "DCT", "shift": shift}
            dct = ctx.dct
            if dct is None or k is None:
                return ("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", extras)
            ki = int(k)
            if u in ("D", "N"):
                return ("DATE", _ymd(dct + timedelta(days=sign * ki)), extras)
            if u in ("W", "WE", "FN"):
                return ("DATE", _week(dct + timedelta(days=sign * ki * (14 if u == "FN" else 7))), extras)
            if u == "M":
                y, mo = _add_months(dct.year, dct.month, sign * ki)
                return ("DATE", f"{y}-{mo:02d}", extras)
            if u == "Q":
                y, mo = _add_months(dct.year, dct.month, sign * 3 * ki)
                return ("DATE", f"{y}-Q{(mo - 1) // 3 + 1}", extras)
            if u == "Y":
                if ki == 1 and sign < 0:
                    extras["_yearback"] = True  # takes the granularity of a quarter in context
                return ("DATE", str(dct.year + sign * ki), extras)
            if u == "DE":
                return ("DATE", str(dct.year + sign * 10 * ki), extras)
            if u in ("H", "MIN", "S"):
                return ("DATE", _ymd(dct), extras)
            return None
        return ("DATE", "XXXX-XX-XX", {"anchor": "EVENT", "shift": shift})
    dur = _duration(u, n, m)
    if dur is None:
        return None
    return ("DURATION", dur, {"_start": ex_start}) if ex_start is not None else ("DURATION", dur)


def _duration(u: str, n: float | None, m: re.Match[str]) -> str | None:
    """The TIMEX3 duration value of ``n`` units (``n`` None: unspecified, "PXY")."""
    if n is None:
        q = "X"
    elif n == int(n):
        q = str(int(n))
    else:
        q = None
    if m["dir"] and key(m["dir"]) == "recent" and q != "X":
        return None
    t, letter, mult = _DUR_CODE[u]
    if q is None:  # a fraction: 2 1/2 years -> P2Y6M; otherwise lower unit
        assert n is not None
        if letter == "Y" and mult == 1:
            return f"P{int(n)}Y{int(round((n - int(n)) * 12))}M"
        if letter == "H":
            return f"PT{int(n)}H{int(round((n - int(n)) * 60))}M"
        if letter == "D":
            return f"P{int(n)}DT{int(round((n - int(n)) * 24))}H"
        if letter == "M" and t == "T":
            return f"PT{int(n)}M{int(round((n - int(n)) * 60))}S"
        if letter == "M" and mult == 1:
            return f"P{int(n)}M{int(round((n - int(n)) * 30))}D"
        return f"P{t}{n:g}{letter}"
    if q != "X":
        q = str(int(q) * mult)
    return f"P{t}{q}{letter}"


_DUR_CODE = {
    "S": ("T", "S", 1), "MIN": ("T", "M", 1), "H": ("T", "H", 1), "D": ("", "D", 1), "N": ("", "D", 1),
    "W": ("", "W", 1), "WE": ("", "D", 2), "FN": ("", "W", 2), "M": ("", "M", 1), "Q": ("", "Q", 1),
    "Y": ("", "Y", 1), "DE": ("", "Y", 10), "CE": ("", "Y", 100), "MI": ("", "Y", 1000),
}


@rule(
    rf"(?:(?P<pre>recent|coming|the\s+coming|the\s+past|past|the\s+last|the\s+next|the\s+following|the\s+early|the)\s+)?"
    rf"(?P<u>minutes|hours|days|weeks|months|years|decades|centuries)(?![a-z-])(?P<after>\s+(?:ago|earlier|later|before|after))?"
)
def _bare_plural(m: re.Match[str], ctx: Ctx) -> Result | None:
    u = UNITS[key(m["u"])]
    pre = key(m["pre"]) if m["pre"] else None
    after = key(m["after"]) if m["after"] else None
    before = ctx.text[max(0, m.start() - 12) : m.start()].lower()
    if pre == "the" and not after:
        return None
    if after:
        if after == "ago":
            return ("DATE", "PAST_REF", {"anchor": "DCT"})
        shift = 0 if u in ("H", "MIN") else None
        return ("DATE", "XXXX-XX-XX", {"anchor": "EVENT", "shift": shift})
    if pre is None and not re.search(r"\b(?:for|in|over|within|after|took|lasted|last|spent|take|taking|of)\s+$", before):
        return None
    if pre in ("coming", "the coming") and u == "Q":
        return ("DATE", "FUTURE_REF")
    letter = {"MIN": "TXM", "H": "TXH", "D": "XD", "W": "XW", "M": "XM", "Y": "XY", "DE": "XDE", "CE": "XCE"}[u]
    return ("DURATION", "P" + letter)


# Words TimeBank annotators rarely tag ("previously", "soon") are left out: they cost precision.
_FUZZY_OK = [
    k for k in FUZZY
    if (k not in LEX["_fuzzy_needs_context"] or k in ("current", "future")) and k not in LEX["_fuzzy_not_tagged"]
]


@rule(r"(?<![-\w])(?P<f>" + alternation(_FUZZY_OK)[3:-1] + r")(?![-\w])")
def _fuzzy(m: re.Match[str], ctx: Ctx) -> Result | None:
    k = key(m["f"])
    if k == "current":
        # An adjective before a noun ("current account" is finance, "the current crisis" is time).
        after = ctx.text[m.end() : m.end() + 12].lower()
        if re.match(r"\s+(?:account|affairs|events)\b", after) or not re.match(r"\s+[a-z]", after):
            return None
        then = re.search(r"\bthen[-\s]\Z", ctx.text[max(0, m.start() - 5) : m.start()], re.I)
        if then:
            # "the then current chairman": current at a past time
            return ("DATE", "PAST_REF", {"_start": m.start() - (len(then.group(0)))})
    if k == "future":
        before = ctx.text[max(0, m.start() - 6) : m.start()].lower()
        if not re.search(r"\b(?:the|in)\s+$", before):
            return None
    return ("DATE", FUZZY[k])


@rule(
    rf"(?P<s>{alternation([k for k in SETS if k not in LEX['_sets_not_tagged']])[3:-1]})(?![a-z])"
    rf"|(?:(?P<freq>once|twice|(?:{NUMWORD}|\d+)\s+times)\s+)?(?P<q>every|each|a|per)\s+(?:(?P<other>other|single)\s+)?(?:(?P<n>{NUM})\s+)?"
    rf"(?P<u>{UNIT}|(?P<wd>{WEEKDAY})|(?P<mon>{MONTH})|(?P<pod>morning|afternoon|evening|night))(?![a-z])"
)
def _set(m: re.Match[str], ctx: Ctx) -> Result | None:
    if m["s"]:
        return ("SET", SETS[key(m["s"])])
    q = key(m["q"])
    if q in ("a", "per") and not m["freq"]:
        # "$5 a year", "once a week": only with a frequency or after an amount.
        before = ctx.text[max(0, m.start() - 20) : m.start()]
        if not re.search(r"(?:\d|percent|%|cents?|dollars?)\s*$", before, re.I):
            return None
        if m["wd"] or m["mon"] or m["pod"]:
            return None
    if m["wd"]:
        return ("SET", f"XXXX-WXX-{WEEKDAYS[key(m['wd'])]}")
    if m["mon"]:
        if len(key(m["mon"])) <= 4 and key(m["mon"]) not in ("june", "july"):
            return None
        return ("SET", f"XXXX-{MONTHS[key(m['mon'])]:02d}")
    if m["pod"]:
        return ("SET", "XXXX-XX-XXT" + POD[key(m["pod"])])
    u = UNITS[key(m["u"])]
    n = number(m["n"]) if m["n"] else 1
    if n is None:
        return None
    n = int(n) * (2 if m["other"] and key(m["other"]) == "other" else 1)
    code = {"S": "PT{}S", "MIN": "PT{}M", "H": "PT{}H", "D": "P{}D", "N": "P{}D", "W": "P{}W", "WE": "P{}WE",
            "FN": "P{}W", "M": "P{}M", "Q": "P{}Q", "Y": "P{}Y", "DE": "P{}0Y", "CE": "P{}00Y", "MI": "P{}000Y"}[u]
    if u == "FN":
        n *= 2
    return ("SET", code.format(n))


_CLOCK = (
    r"(?:(?P<h>[01]?\d|2[0-3])(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ap>a\.?\s?m\b\.?|p\.?\s?m\b\.?)"
    r"|(?P<h2>[01]?\d|2[0-3]):(?P<mi2>[0-5]\d)(?![\d/])"
    r"|(?P<h3>[0-2]\d)(?P<mi3>[0-5]\d)\s*(?:GMT|UTC|Z\b|hrs\b|hours\s+(?:GMT|local))"
    rf"|(?P<h4>{NUMWORD}|\d{{1,2}})(?:\s+o'clock)?\s+in\s+the\s+(?P<pod4>morning|afternoon|evening)"
    r"|(?P<h5>[01]?\d)\s+o'clock"
    r"|(?P<noon>noon|midnight|midday))"
)


@rule(
    rf"(?:(?:around|about|at|approximately|shortly\s+(?:after|before))\s+)?{_CLOCK}"
    r"(?:\s*\(?(?P<tz>EST|EDT|CST|CDT|PST|PDT|GMT|UTC|local\s+time|local)\)?)?"
)
def _clock(m: re.Match[str], ctx: Ctx) -> Result | None:
    if m["noon"]:
        t = "12:00" if key(m["noon"]) != "midnight" else "24:00"
    else:
        hs = m["h"] or m["h2"] or m["h3"] or m["h4"] or m["h5"]
        h = int(hs) if hs.isdigit() else int(number(hs) or -1)
        if not 0 <= h <= 24:
            return None
        mi = int(m["mi"] or m["mi2"] or m["mi3"] or 0)
        ap = key(m["ap"] or "").replace(".", "").replace(" ", "")
        if ap == "pm" and h < 12:
            h += 12
        if ap == "am" and h == 12:
            h = 0
        if m["pod4"] and key(m["pod4"]) in ("afternoon", "evening") and h < 12:
            h += 12
        t = f"{h:02d}:{mi:02d}"
    base = _ymd(ctx.dct) if ctx.dct else "XXXX-XX-XX"
    # Leave the prepositions out of the span, as TimeML does.
    return ("TIME", f"{base}T{t}", {"anchor": "DCT", "shift": 0, "_strip": True, "_clock": True})


@rule(
    r"(?P<w>the\s+(?:day|night|evening|morning|week|month|year)\s+(?:before|after|earlier|later)|the\s+(?:next|following|previous|preceding|same)\s+(?:day|night|evening|morning|afternoon)"
    r"|that\s+(?:day|night|evening|morning|afternoon)|the\s+previous\s+(?:week|month)|(?:later|earlier)\s+that\s+(?:day|night|evening|morning|afternoon|week|month)"
    r"|(?:hours|minutes|moments|days|weeks|months)\s+(?:later|afterwards|after|earlier|before)(?=[\s,.;])"
    r"|earlier\s+in\s+the\s+(?:day|week|month)|the\s+night\s+of)"
)
def _event_relative(m: re.Match[str], ctx: Ctx) -> Result | None:
    w = key(m["w"])
    if w == "the night of":
        return None
    unit = next((u for u in ("day", "night", "evening", "morning", "afternoon", "week", "month", "year") if u in w), "day")
    if w.startswith(("hours", "minutes", "moments", "shortly", "soon")):
        return ("DATE", "XXXX-XX-XX", {"anchor": "EVENT", "shift": 0})
    if w.startswith(("days", "weeks", "months", "not long")):
        return ("DATE", "XXXX-XX-XX", {"anchor": "EVENT", "shift": None})
    back = any(x in w for x in ("before", "earlier", "previous", "preceding"))
    fwd = any(x in w for x in ("after", "later", "next", "following"))
    step = {"day": 1, "night": 1, "evening": 1, "morning": 1, "afternoon": 1, "week": 7}.get(unit)
    if "same" in w or w.startswith("that ") or w.startswith(("later that", "earlier that")) or w.startswith("earlier in"):
        shift: int | None = 0
    elif step is None:
        shift = None
    else:
        shift = -step if back else (step if fwd else 0)
    if unit in ("week",):
        val = "XXXX-WXX"
    elif unit == "month":
        val = "XXXX-XX"
    elif unit == "year":
        val = "XXXX"
    else:
        val = "XXXX-XX-XX"
    typ = "TIME" if unit in ("night", "evening", "morning", "afternoon") else "DATE"
    if typ == "TIME":
        val += "T" + POD[unit]
    extras: dict[str, object] = {"anchor": "EVENT", "shift": shift}
    if step == 1 and shift is not None:
        extras["_relto"] = ("day", shift)  # the value is filled from the last day named before
    return (typ, val, extras)


@rule(r"(?:the\s+)?(?:year-earlier|year-ago)(?:\s+(?:period|level|levels|results|figure|figures))?(?![a-z-])")
def _year_ago_adj(m: re.Match[str], ctx: Ctx) -> Result | None:
    if ctx.dct is None:
        return ("DATE", "XXXX", {"_yearback": True})
    return ("DATE", str(ctx.dct.year - 1), {"anchor": "DCT", "_yearback": True})


_TEEN = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
_SPELLED_PREFIX = re.compile(rf"(?<![^\W_])(?:(?P<mon>{MONTH})|(?:the\s+)?(?P<sea>{SEASON})\s+of)\s+\Z", re.I)


@rule(
    rf"(?P<the>the\s+year\s+)?(?:(?P<c>nineteen|twenty)[-\s]+(?P<yy>(?:{_tens})(?:[-\s](?:{_ones}))?|{_TEEN}|o[-\s](?:{_ones})|hundred)"
    rf"|two\s+thousand(?:\s+and)?(?:[-\s]+(?P<yy2>{_TEEN}|{_ones}))?)(?![a-z-])"
)
def _spelled_year(m: re.Match[str], ctx: Ctx) -> Result | None:
    """A year in words ("nineteen ninety-seven"), with a month or season named before it."""
    after = ctx.text[m.end() : m.end() + 15]
    pre = None if m["the"] else _SPELLED_PREFIX.search(ctx.text, max(0, m.start() - 24), m.start())
    if pre and pre["mon"] and not ctx.upper and pre["mon"][0].islower():
        pre = None
    if not (m["the"] or pre) and re.match(r"\s+(?!and\b|to\b|or\b|when\b|as\b|in\b|on\b|at\b)[a-z]", after):
        return None  # "two thousand people"
    if m["c"]:
        yy = key(m["yy"]).replace("o ", "").replace("o-", "")
        n = 0 if yy == "hundred" else number(yy)
        if n is None:
            return None
        y = int(number(m["c"]) or 0) * 100 + int(n)
    else:
        y = 2000 + int((number(m["yy2"]) if m["yy2"] else 0) or 0)
    if pre and pre["mon"]:
        return ("DATE", f"{y}-{MONTHS[key(pre['mon'])]:02d}", {"_start": pre.start()})  # "January nineteen ninety-seven"
    if pre:
        return ("DATE", f"{y}-{SEASONS[key(pre['sea'])]}", {"_start": pre.start()})  # "the winter of nineteen ninety-four"
    return ("DATE", str(y))


@rule(r"(?P<h>" + alternation([h for h in HOLIDAYS]) [3:-1] + r")(?![a-z])(?:\s+(?P<y>" + YEAR4 + r"))?")
def _holiday(m: re.Match[str], ctx: Ctx) -> Result | None:
    k = key(m["h"])
    md = HOLIDAYS[k]
    if not ctx.upper and m["h"][0].islower():
        return None
    if md is None:
        rule_fn = _MOVABLE.get(k)
        if rule_fn is None:
            return ("DATE", f"{m['y']}" if m["y"] else "XXXX-XX-XX")
        if m["y"]:
            return ("DATE", _ymd(rule_fn(int(m["y"]))))
        if ctx.dct is None:
            return ("DATE", "XXXX-XX-XX")
        fut = ctx.future(m.start(), m.end())
        before = ctx.text[max(0, m.start() - 6) : m.start()].lower()
        y = ctx.dct.year
        d = rule_fn(y)
        if d > ctx.dct and not fut:
            d = rule_fn(y - 1)
        elif d < ctx.dct and (fut or "next" in before):
            d = rule_fn(y + 1)
        if "last" in before and d >= ctx.dct:
            d = rule_fn(y - 1)
        return ("DATE", _ymd(d), {"anchor": "DCT"})
    mon, day = (int(x) for x in md.split("-"))
    if m["y"]:
        return ("DATE", f"{m['y']}-{md}")
    return ("DATE", _month_day(mon, day, ctx, m.start(), m.end()), {"anchor": "DCT"})


def _nth_weekday(y: int, month: int, wd: int, n: int) -> date:
    """The n-th (n > 0) or last (n = -1) ISO weekday ``wd`` of a month."""
    if n > 0:
        first = date(y, month, 1)
        return first + timedelta(days=(wd - first.isoweekday()) % 7 + 7 * (n - 1))
    nxt = date(y + (month == 12), month % 12 + 1, 1)
    last = nxt - timedelta(days=1)
    return last - timedelta(days=(last.isoweekday() - wd) % 7)


def _easter(y: int) -> date:
    """Western Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = y % 19, y // 100, y % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    mm = (a + 11 * h + 19 * l_) // 433
    month = (h + l_ - 7 * mm + 90) // 25
    return date(y, month, (h + l_ - 7 * mm + 33 * month + 19) % 32)


_MOVABLE: dict[str, Callable[[int], date]] = {
    "thanksgiving": lambda y: _nth_weekday(y, 11, 4, 4),
    "thanksgiving day": lambda y: _nth_weekday(y, 11, 4, 4),
    "labor day": lambda y: _nth_weekday(y, 9, 1, 1),
    "easter": _easter,
}


# ---------------------------------------------------------------------------- the tagger
_STRIP_LEAD = re.compile(r"(?:around|about|at|approximately|shortly\s+(?:after|before))\s+", re.I)
_FULLWORD_DOT = re.compile(r"(?:\b[A-Za-z]{5,}|\b(?:May|may|MAY|pm|am|PM|AM|\d+))\.\Z")
_JOIN = re.compile(r"\s*(?:,\s*|\s+on\s+|\s+)\Z")


def tag(text: str, published: date | None) -> list[Timex]:
    """The temporal expressions of ``text`` as TIMEX3 (``TaggedTimex``), in text order."""
    ctx = Ctx(text, published)
    cands: list[tuple[int, int, str, str, dict[str, object]]] = []
    for rx, fn in RULES:
        for m in rx.finditer(text):
            if m.end() == m.start():
                continue
            if (m.start() > 0 and text[m.start() - 1].isalnum()) or (m.end() < len(text) and text[m.end() - 1].isalnum() and text[m.end()].isalnum()):
                continue
            r = fn(m, ctx)
            if r is None:
                continue
            extras: dict[str, object] = dict(r[2]) if len(r) > 2 else {}
            s, e = m.start(), m.end()
            start_at = extras.pop("_start", None)
            if isinstance(start_at, int):
                s = start_at
            end_at = extras.pop("_end", None)
            if isinstance(end_at, int):
                e = end_at
            if extras.pop("_strip", False):
                lead = _STRIP_LEAD.match(text, s)
                if lead:
                    s = lead.end()
            cands.append((s, e, r[0], r[1], extras))
    # Longest first; ties go to the earlier rule (sort is stable).
    cands.sort(key=lambda c: c[0] - c[1])
    taken: list[tuple[int, int, str, str, dict[str, object]]] = []
    occupied = bytearray(len(text) + 1)
    for c in cands:
        s, e = c[0], c[1]
        if any(occupied[s:e]):
            continue
        occupied[s:e] = b"\x01" * (e - s)
        taken.append(c)
    taken.sort()
    taken = _merge_time_date(text, taken)
    taken = _elided_days(text, taken)
    taken = _year_back(taken)
    taken = _relative_to_named(text, taken)
    taken = _ranges(text, taken, published)
    taken = _clock_days(text, taken)
    out: list[Timex] = []
    for s, e, typ, val, ex in taken:
        while e > s and text[e - 1] in " ,":
            e -= 1
        if e - s > 3 and text[e - 2 : e] in ("'s", "’s") and text[e - 3].isalpha():
            e -= 2  # the possessive is not part of the timex: "Friday's attack"
        if text[e - 1] == "." and _FULLWORD_DOT.search(text, s, e):
            e -= 1  # a sentence full stop after a full word, not an abbreviation's period
        out.append(
            TaggedTimex(
                text=text[s:e], start=s, end=e, type=typ, value=val,
                mod=ex.get("mod"), anchor=ex.get("anchor"), shift=ex.get("shift"),  # type: ignore[arg-type]
                ambiguous=bool(ex.get("ambiguous", False)),
            )
        )
    return out


_QUARTER_VALUE = re.compile(r"(\d{4})-Q(\d)$")


_MONTHS_PERIOD = re.compile(r"P\d+M")


def _year_back(items: list) -> list:
    """"a year ago" takes the granularity of the reporting period last named before it: after a
    quarter it is that quarter a year before (TimeML usage); after a period of months ("in
    the first nine months") there is no such calendar unit, so it stays the year before."""
    last_q: re.Match[str] | None = None
    out = []
    for s, e, typ, val, ex in items:
        if ex.get("_yearback") and last_q is not None:
            val = f"{int(last_q.group(1)) - 1}-Q{last_q.group(2)}"
        elif ex.get("_qof") and last_q is not None:
            val = f"{ex['_qof']}-Q{last_q.group(2)}"  # "the 1988 period" after "the third quarter"
        elif typ == "DATE":
            q = _QUARTER_VALUE.match(val)
            if q and not ex.get("_yearback"):
                last_q = q
        elif typ == "DURATION" and _MONTHS_PERIOD.fullmatch(val):
            last_q = None  # "the first nine months": the comparison is no longer with a quarter
        out.append((s, e, typ, val, ex))
    return out


_DAY_VALUE = re.compile(r"\d{4}-\d\d-\d\d")
_YM_VALUE = re.compile(r"(\d{4})(?:-(\d\d)(?:-\d\d)?)?(?:T|$)")
_WEEK_OF = re.compile(r"the\s+week\s+of\s+\Z", re.I)
_ENDED_GAP = re.compile(r",?\s+(?:ended|ending)\s+", re.I)
_DAY_BEFORE = re.compile(r"the\s+day\s+(?:before|after)\s+", re.I)


_RANGE_GAP = re.compile(r"\s*(?:to|until|till|through|and|-|–|—)\s*", re.I)
_RANGE_FROM = re.compile(r"\b(?:from|between)\s+\Z", re.I)


def _ranges(text: str, items: list, dct: date | None) -> list:
    """"from Dec. 28 to Jan. 3", "between March and May": both ends were resolved on their own
    against the DCT; when that puts the end before the start, the start moves a year back if it
    lies after the DCT, else the end moves a year forward."""
    out = list(items)
    for i in range(len(out) - 1):
        s1, e1, t1, v1, x1 = out[i]
        s2, e2, t2, v2, x2 = out[i + 1]
        if x1.get("anchor") != "DCT" or x2.get("anchor") != "DCT" or t1 != "DATE" or t2 != "DATE":
            continue
        if not _RANGE_GAP.fullmatch(text, e1, s2) or not _RANGE_FROM.search(text, max(0, s1 - 10), s1):
            continue
        if not (re.fullmatch(r"\d{4}-\d\d(?:-\d\d)?", v1) and re.fullmatch(r"\d{4}-\d\d(?:-\d\d)?", v2)) or len(v1) != len(v2):
            continue
        if v2 >= v1:
            continue
        if dct is not None and v1 > _ymd(dct)[: len(v1)]:
            out[i] = (s1, e1, t1, str(int(v1[:4]) - 1) + v1[4:], x1)
        else:
            out[i + 1] = (s2, e2, t2, str(int(v2[:4]) + 1) + v2[4:], x2)
    return out


def _relative_to_named(text: str, items: list) -> list:
    """Dates named relative to an earlier date of the text.

    "that year", "the same year", "later that year", "the following year" / "month" take the
    last year (month) named before them: "fled in June 1998 and returned later that year" is
    1998. They keep ``anchor="EVENT"`` so the event dater still counts from the previous
    event. "the week of March 6" is the ISO week of that day.
    """
    last_y: int | None = None
    last_ym: tuple[int, int] | None = None
    last_d: date | None = None
    last_q: str | None = None
    out = []
    for i, (s, e, typ, val, ex) in enumerate(items):
        rel = ex.get("_relto")
        q = _QUARTER_VALUE.match(val) if ex.get("anchor") == "DCT" else None
        if q and i + 1 < len(items) and _DAY_VALUE.match(items[i + 1][3]) and _ENDED_GAP.fullmatch(text, e, items[i + 1][0]):
            val = f"{items[i + 1][3][:4]}-Q{q.group(2)}"  # "the second quarter ended Oct. 31, 1988"
        if rel:
            u, step = rel  # type: ignore[misc]
            nxt = items[i + 1] if i + 1 < len(items) else None
            if u == "day" and nxt is not None and _DAY_VALUE.fullmatch(nxt[3]) and _DAY_BEFORE.fullmatch(text, s, nxt[0]):
                # "the day before last Tuesday('s hearing)": one expression, counted from that day
                d = _safe_date(int(nxt[3][:4]), int(nxt[3][5:7]), int(nxt[3][8:10]))
                if d is not None:
                    d += timedelta(days=step)
                    items[i + 1] = (s, nxt[1], "DATE", _ymd(d), {"anchor": nxt[4].get("anchor"), "shift": None})
                    continue
            if u == "year" and last_y is not None:
                val = str(last_y + step)
            elif u == "month" and last_ym is not None:
                y, mo = _add_months(last_ym[0], last_ym[1], step)
                val = f"{y}-{mo:02d}"
            elif u == "quarter" and last_q is not None:
                val = last_q
            elif u == "day" and last_d is not None:
                if out and _DAY_VALUE.match(out[-1][3]) and re.fullmatch(r",\s*", text[out[-1][1] : s]):
                    step = 0  # in apposition: "Oct. 12, the day before the crash" is Oct. 12
                last_d = last_d + timedelta(days=step)
                val = _ymd(last_d) + (val[10:] if len(val) > 10 else "")
        elif typ in ("DATE", "TIME"):
            if ex.get("_prevwd") and last_d is not None:
                wd = int(ex["_prevwd"])  # type: ignore[call-overload]
                val = _ymd(last_d - timedelta(days=(last_d.isoweekday() - wd) % 7 or 7)) + val[10:]
            ym = _YM_VALUE.match(val)
            if ym:
                last_y = int(ym.group(1))
                last_ym = (last_y, int(ym.group(2))) if ym.group(2) else None
            if _QUARTER_VALUE.match(val):
                last_q = val
            if _DAY_VALUE.match(val) and not (ex.get("_clock") or ex.get("_noday")):
                last_d = _safe_date(int(val[:4]), int(val[5:7]), int(val[8:10]))
            if _DAY_VALUE.fullmatch(val) and _WEEK_OF.search(text, max(0, s - 14), s):
                w = _WEEK_OF.search(text, max(0, s - 14), s)
                assert w is not None
                d = _safe_date(int(val[:4]), int(val[5:7]), int(val[8:10]))
                if d is not None:
                    s, val = w.start(), _week(d)
                    while out and out[-1][1] > s:
                        out.pop()  # "the week" alone, now inside the longer expression
        out.append((s, e, typ, val, ex))
    return out


def _clock_days(text: str, items: list) -> list:
    """A clock time alone ("at 10:35 a.m.") takes the day named nearest to it in the same
    sentence ("... (0735 GMT) Friday"), else stays on the publication day."""
    out = list(items)
    for i, (s, e, typ, val, ex) in enumerate(items):
        if not ex.get("_clock"):
            continue
        best: tuple[int, str] | None = None
        for s2, e2, typ2, val2, ex2 in items:
            if typ2 not in ("DATE", "TIME") or not _DAY_VALUE.match(val2) or (s2, e2) == (s, e) or ex2.get("_clock"):
                continue  # another lone clock time names no day
            a, b = (e, s2) if s2 >= e else (e2, s)
            if b - a > 60 or SENT_END.search(text, a, b):
                continue
            if best is None or b - a < best[0]:
                best = (b - a, val2[:10])
        if best is not None and "T" in val:
            out[i] = (s, e, typ, best[1] + "T" + val.split("T", 1)[1], ex)
    return out


_ELIDED_DAY = re.compile(
    r"\s*(?:and|or|to|through|-|–)\s*(?P<d>[0-3]?\d)(?:st|nd|rd|th)?(?![\d:/%])(?=\s*(?:[.,;:)]|$)|\s+(?:in|at|on|when|and)\b)"
)


def _elided_days(text: str, items: list) -> list:
    """"April 24 and 25", "March 3 to 5": the second day shares the month (and year) of the
    first. Only a bare day number followed by punctuation or a preposition counts, so "April 24
    and 25 people" stays a count."""
    out = list(items)
    for s, e, typ, val, ex in items:
        if typ != "DATE" or not _DAY_VALUE.fullmatch(val) or not text[s:e].rstrip()[-1:].isdigit():
            continue
        m = _ELIDED_DAY.match(text, e)
        if not m or any(s2 < m.end() and m.start("d") < e2 for s2, e2, *_ in items):
            continue
        d = _safe_date(int(val[:4]), int(val[5:7]), int(m["d"]))
        if d is not None and d > _safe_date(int(val[:4]), int(val[5:7]), int(val[8:10])):  # type: ignore[operator]
            out.append((m.start("d"), m.end("d"), "DATE", _ymd(d), {k: v for k, v in ex.items() if k == "anchor"}))
    out.sort(key=lambda c: c[0])
    return out


def _merge_time_date(text: str, items: list) -> list:
    """Join a clock time and the day right after it ("10 p.m. Wednesday", "5 p.m. EST, Nov. 6")."""
    out: list = []
    i = 0
    while i < len(items):
        cur = items[i]
        if i + 1 < len(items) and cur[2] == "TIME" and re.search(r"T\d", cur[3]):
            nxt = items[i + 1]
            gap = text[cur[1] : nxt[0]]
            if nxt[2] == "DATE" and re.fullmatch(r"\s*,?\s*(?:on\s+)?", gap) and re.match(r"(?:\d{4}|X{4})-\d\d-\d\d$|XXXX-WXX-\d$", nxt[3]):
                t = cur[3].split("T", 1)[1]
                ex = dict(nxt[4])
                out.append((cur[0], nxt[1], "TIME", f"{nxt[3]}T{t}", ex))
                i += 2
                continue
        out.append(cur)
        i += 1
    return out
