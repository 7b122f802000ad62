"""Bytes to text, and the checks every article's text must pass."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

import charset_normalizer

from ..errors import InputError

# A news article is a few kB; 2 MB of text is already a book. Bigger inputs are almost
# always a wrong file (a dump, a log) and would stall the parser, so they are refused.
MAX_ARTICLE_BYTES = 2_000_000

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def decode(data: bytes, origin: str) -> str:
    """Decode bytes as UTF-8, else the detected encoding; refuse binary data."""
    if not data.strip():
        raise InputError(origin, "is empty", "nothing to read")
    sample = data[:8192]
    if b"\x00" in sample and not (sample.startswith(b"\xff\xfe") or sample.startswith(b"\xfe\xff")):
        raise InputError(origin, "looks like a binary file, not text", "give a .txt, .html, .jsonl or .csv file")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    # English text that is not UTF-8 is almost always Windows-1252 (a superset of Latin-1
    # for printable text); detectors guess wildly from a few accented letters.
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        pass
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise InputError(origin, "is not text in any known encoding", "convert it to UTF-8")
    return str(best)


def check_size(size: int, origin: str, limit: int = MAX_ARTICLE_BYTES) -> None:
    if size > limit:
        raise InputError(
            origin,
            f"is {size / 1e6:.1f} MB, more than the {limit / 1e6:.0f} MB limit for one article",
            "split it into articles, e.g. as JSONL with one article per line",
        )


@lru_cache(maxsize=1)
def _english_words() -> frozenset[str]:
    text = resources.files("polemos.data.lexicons").joinpath("english_stopwords.txt").read_text("utf-8")
    return frozenset(w for w in text.split() if not w.startswith("#"))


def check_text(text: str, origin: str) -> None:
    """Refuse text polemos cannot code: empty, or not English."""
    if not text.strip():
        raise InputError(origin, "has no text", "nothing to code")
    words = _WORD.findall(text[:20000])
    if len(words) < 8:
        return  # too short to judge the language; let it through
    latin = sum(1 for w in words if w.isascii())
    common = sum(1 for w in words if w.lower() in _english_words())
    if latin / len(words) < 0.5 or common / len(words) < 0.08:
        raise InputError(origin, "does not look like English", "polemos codes English text only")
