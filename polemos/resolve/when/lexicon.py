"""The temporal lexicon (``polemos/data/time/lexicon.json``), loaded once, plus regex helpers."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parents[2] / "data" / "time" / "lexicon.json"


@lru_cache(maxsize=1)
def lexicon() -> dict[str, Any]:
    """The lexicon as a dict (keys starting with ``_`` are notes or auxiliary lists)."""
    with DATA.open(encoding="utf-8") as fh:
        return json.load(fh)


def alternation(words: object, abbrev_period: bool = False) -> str:
    """A non-capturing regex alternation of ``words``, longest first.

    With ``abbrev_period`` an optional trailing period is allowed after each word, so
    "Dec" and "Dec." both match while the key stays "dec".
    """
    items = sorted({str(w) for w in words}, key=len, reverse=True)
    dot = r"\.?" if abbrev_period else ""
    parts = []
    for w in items:
        esc = re.escape(w).replace(r"\ ", r"\s+").replace(r"\-", r"[-\s]?")
        parts.append(esc + dot)
    return "(?:" + "|".join(parts) + ")"


def key(s: str) -> str:
    """Normalise matched text to a lexicon key: lower case, single spaces, no trailing period."""
    return re.sub(r"\s+", " ", s.lower()).rstrip(".").strip()


_UNITS = {
    "": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9,
}


def number(s: str) -> float | None:
    """The value of a number written in digits or words ("24", "twenty-four", "a couple of",
    "2 1/2", "two thousand"); None for vague quantities ("several", "a few")."""
    k = key(s).replace(",", "")
    if not k:
        return None
    m = re.fullmatch(r"(\d+(?:\.\d+)?)(?:\s+1/2|\s*½)?", k)
    if m:
        v = float(m.group(1))
        if "1/2" in k or "½" in k:
            v += 0.5
        return v
    nums: dict[str, int] = lexicon()["numbers"]
    if k in nums:
        return float(nums[k])
    if k.startswith("a "):
        k = k[2:]
    total = 0
    cur = 0
    for w in re.split(r"[\s-]+", k):
        if w in ("and", "of"):
            continue
        if w in ("a", "an") and cur == 0:
            cur = 1
        elif w == "hundred":
            cur = max(cur, 1) * 100
        elif w == "thousand":
            total += max(cur, 1) * 1000
            cur = 0
        elif w in nums and nums[w] < 100:
            cur += nums[w]
        else:
            return None
    v = total + cur
    return float(v) if v else None
