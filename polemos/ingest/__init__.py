"""Ingest: files, directories, standard input, feeds and URLs in; Article objects out.

    >>> for item in read_articles(["reports/", "feed.xml"]):
    ...     print(item.id if isinstance(item, Article) else f"skipped {item}")

Bad inputs come out as ``IngestError`` values in their place, so a batch goes on.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import Callable, Iterable, Iterator

import httpx

from ..errors import IngestError
from ..model import Article
from .readers import Columns, Item, read_csv, read_feed, read_html, read_jsonl, read_text

__all__ = ["read_articles", "Columns", "Article", "IngestError", "SUFFIXES"]

Reader = Callable[[bytes, str, str | None, date | None, Columns], Iterator[Item]]

# The registry of formats by file suffix; a directory is walked for these.
READERS: dict[str, Reader] = {
    ".txt": lambda data, origin, stem, pub, cols: read_text(data, origin, stem, pub),
    ".text": lambda data, origin, stem, pub, cols: read_text(data, origin, stem, pub),
    ".html": lambda data, origin, stem, pub, cols: read_html(data, origin, stem, pub),
    ".htm": lambda data, origin, stem, pub, cols: read_html(data, origin, stem, pub),
    ".jsonl": lambda data, origin, stem, pub, cols: read_jsonl(data, origin, pub, cols),
    ".ndjson": lambda data, origin, stem, pub, cols: read_jsonl(data, origin, pub, cols),
    ".csv": lambda data, origin, stem, pub, cols: read_csv(data, origin, pub, cols),
    ".tsv": lambda data, origin, stem, pub, cols: read_csv(data, origin, pub, cols, delimiter="\t"),
    ".xml": lambda data, origin, stem, pub, cols: read_feed(data, origin, pub),
    ".rss": lambda data, origin, stem, pub, cols: read_feed(data, origin, pub),
    ".atom": lambda data, origin, stem, pub, cols: read_feed(data, origin, pub),
}
SUFFIXES = tuple(READERS)

FETCH_TIMEOUT = 30.0
MAX_FETCH_BYTES = 20_000_000


def read_articles(
    inputs: Iterable[str | Path],
    published: date | None = None,
    columns: Columns | None = None,
) -> Iterator[Item]:
    """Yield an Article (or an IngestError) for each document in ``inputs``, in order.

    ``inputs`` are paths to files or directories, ``-`` for standard input, or http(s) URLs
    of feeds or pages. ``published`` overrides every document's own publication date.
    """
    columns = columns or Columns()
    for given in inputs:
        name = str(given)
        if name == "-":
            yield from _read_bytes(sys.stdin.buffer.read(), "<stdin>", None, published, columns, sniff=True)
        elif name.startswith(("http://", "https://")):
            yield from _read_url(name, published, columns)
        else:
            yield from _read_path(Path(name), published, columns)


def _read_path(path: Path, published: date | None, columns: Columns) -> Iterator[Item]:
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in READERS)
        if not files:
            yield IngestError(str(path), "has no readable files", f"looked for {', '.join(SUFFIXES)}")
        for file in files:
            yield from _read_path(file, published, columns)
        return
    if not path.exists():
        yield IngestError(str(path), "does not exist")
        return
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield IngestError(str(path), f"cannot be read ({exc.strerror})")
        return
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        yield from _read_bytes(data, str(path), path.stem, published, columns, sniff=True)
    else:
        yield from reader(data, str(path), path.stem, published, columns)


def _sniff(data: bytes) -> str:
    head = data.lstrip()[:512].lower()
    if head.startswith(b"{"):
        return ".jsonl"
    if head.startswith(b"<?xml") and (b"<rss" in head or b"<feed" in head or b"<rdf" in head):
        return ".xml"
    if head.startswith((b"<rss", b"<feed")):
        return ".xml"
    if head.startswith((b"<!doctype html", b"<html", b"<?xml", b"<")):
        return ".html"
    return ".txt"


def _read_bytes(data: bytes, origin: str, stem: str | None, published: date | None,
                columns: Columns, sniff: bool) -> Iterator[Item]:
    kind = _sniff(data) if sniff else ".txt"
    yield from READERS[kind](data, origin, stem, published, columns)


def _read_url(url: str, published: date | None, columns: Columns) -> Iterator[Item]:
    try:
        with httpx.Client(timeout=FETCH_TIMEOUT, follow_redirects=True,
                          headers={"User-Agent": "polemos/0.1 (+feed reader)"}) as client:
            response = client.get(url)
            response.raise_for_status()
    except httpx.HTTPStatusError as exc:
        yield IngestError(url, f"answered HTTP {exc.response.status_code}", "check the address")
        return
    except httpx.HTTPError as exc:
        yield IngestError(url, f"could not be fetched ({type(exc).__name__}: {exc})", "check the address and the network")
        return
    data = response.content[:MAX_FETCH_BYTES]
    ctype = response.headers.get("content-type", "").lower()
    if any(k in ctype for k in ("rss", "atom", "xml")) and "html" not in ctype:
        yield from read_feed(data, url, published)
    elif "html" in ctype:
        yield from read_html(data, url, None, published, url=url)
    else:
        yield from _read_bytes(data, url, None, published, columns, sniff=True)
