"""Parsing the publication dates that inputs carry."""

from __future__ import annotations

import re
import time
from datetime import date, datetime

from ..errors import BadDateError

_ISO_PREFIX = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")


def parse_date(value: str, what: str = "date") -> date:
    """A YYYY-MM-DD date (a longer ISO timestamp is cut to its day)."""
    m = _ISO_PREFIX.match(value or "")
    if not m:
        raise BadDateError(f"{what} {value!r} is not a date: use YYYY-MM-DD, e.g. 2020-12-13")
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError as exc:
        raise BadDateError(f"{what} {value!r} is not a valid date ({exc})") from None


def lenient_date(value: object) -> date | None:
    """A date from a corpus field, or None when it cannot be read (the pipeline then looks in the text)."""
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    if isinstance(value, time.struct_time):
        return date(value.tm_year, value.tm_mon, value.tm_mday)
    text = str(value)
    try:
        return parse_date(text)
    except BadDateError:
        pass
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        return None
