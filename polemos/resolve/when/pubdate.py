"""Publication dates from datelines near the top of a text, or from a URL path.

``publication_date(text, url)`` returns ``(date, "dateline")``, ``(date, "url")`` or
``(None, None)``. A dateline is a full date (day and month) in the first lines that stands
where datelines stand: after a place name and comma ("BAKU, Dec 13 (Reuters) -",
"LIMA, 10 JAN 90 (EFE) --"), after "Published"/"Updated"/"Posted"/"Date" ("Last updated on:
13 December,2020 05:15 pm", "Published: 2020-12-13"), before a news agency in parentheses, or
alone on its line. A dateline without a year takes the year from the URL, else the latest
year written in the text that does not put the date in the future, else today's year (or the
year before if that date would be in the future).
"""

from __future__ import annotations

import re
from datetime import date

from polemos.resolve.when.tagger import tag

HEAD_CHARS = 600
_CUE_BEFORE = re.compile(
    r"(?:(?:published|updated|posted|date|dated|created|modified|first\s+published)\b[^:\n]{0,20}:?\s*"
    r"|^[ \t]*[A-Z][A-Za-z.'\- ]{1,40},(?:\s*[A-Z][A-Za-z.'\- ]{1,30},)?\s*"
    r"|^[ \t]*(?:[A-Z][a-z]+day,?\s*)?)$",
    re.I | re.M,
)
_CUE_AFTER = re.compile(r"^\s*(?:\(\s*[A-Za-z][\w .&-]{1,30}\)\s*)?(?:[-–—:|]|\n|$|\d{1,2}[:.]\d\d|/)", re.M)
_URL = [
    re.compile(r"/((?:19|20)\d\d)[/-]([01]?\d)[/-]([0-3]?\d)(?:/|$|[^\d])"),
    re.compile(r"[/_-]((?:19|20)\d\d)([01]\d)([0-3]\d)(?:[/_.-]|$)"),
]
_URL_YEAR = re.compile(r"/((?:19|20)\d\d)/")
_FULL = re.compile(r"^(\d{4}|XXXX)-(\d\d)-(\d\d)")


def date_from_url(url: str | None) -> date | None:
    """A date written in a URL path (``/2020/12/13/``, ``-20201213-``), or None."""
    if not url:
        return None
    for rx in _URL:
        m = rx.search(url)
        if m:
            try:
                return date(int(m[1]), int(m[2]), int(m[3]))
            except ValueError:
                continue
    return None


def _year_for(month: int, day: int, text: str, url: str | None) -> int | None:
    today = date.today()
    if url:
        m = _URL_YEAR.search(url)
        if m:
            return int(m[1])
    years = sorted({int(y) for y in re.findall(r"(?<!\d)((?:19|20)\d\d)(?!\d)", text[:5000])}, reverse=True)
    for y in years:
        try:
            if date(y, month, day) <= today:
                return y
        except ValueError:
            return None
    try:
        return today.year if date(today.year, month, day) <= today else today.year - 1
    except ValueError:
        return None


def publication_date(text: str, url: str | None = None) -> tuple[date | None, str | None]:
    """The publication date of an article: ``(date, "dateline" | "url")`` or ``(None, None)``."""
    head = text[:HEAD_CHARS]
    for t in tag(head, None):
        if t.type not in ("DATE", "TIME"):
            continue
        m = _FULL.match(t.value or "")
        if not m:
            continue
        before = head[max(0, t.start - 60) : t.start]
        after = head[t.end : t.end + 40]
        if not ((before.strip() and _CUE_BEFORE.search(before)) or _CUE_AFTER.match(after)):
            continue
        month, day = int(m[2]), int(m[3])
        year = int(m[1]) if m[1] != "XXXX" else _year_for(month, day, text, url)
        if year is None:
            continue
        try:
            return date(year, month, day), "dateline"
        except ValueError:
            continue
    d = date_from_url(url)
    if d is not None:
        return d, "url"
    return None, None
