"""Stable article ids: the one given, else a hash of the text."""

from __future__ import annotations

import hashlib
import re

_SPACE = re.compile(r"\s+")


def content_hash(text: str) -> str:
    """A hash of the text that ignores differences in whitespace."""
    return hashlib.sha1(_SPACE.sub(" ", text).strip().encode("utf-8")).hexdigest()


def article_id(given: object, text: str) -> str:
    if given is not None and str(given).strip():
        return str(given).strip()
    return content_hash(text)[:16]
