"""One reader per input format. Each yields Article or IngestError, never raises for bad content."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from datetime import date
from typing import Iterator

import feedparser
import lxml.html
import trafilatura

from ..errors import IngestError, InputError
from ..model import Article
from .dates import lenient_date
from .decode import check_size, check_text, decode
from .ids import article_id

Item = Article | IngestError


@dataclass(frozen=True)
class Columns:
    """Which fields of a JSONL object or CSV row hold what. The first name present wins."""

    id: tuple[str, ...] = ("id", "doc_id", "")
    text: tuple[str, ...] = ("text", "body", "content", "doc_text")
    title: tuple[str, ...] = ("title", "headline")
    published: tuple[str, ...] = ("published", "date", "publication_date")
    url: tuple[str, ...] = ("url", "link")
    source: tuple[str, ...] = ("source", "publisher")


def _pick(record: dict, names: tuple[str, ...]) -> object:
    for name in names:
        value = record.get(name)
        if value not in (None, ""):
            return value
    return None


def _article(origin: str, text: str, *, id=None, title=None, url=None, published=None,
             source=None, published_from=None) -> Article:
    check_text(text, origin)
    pub = lenient_date(published)
    return Article(
        id=article_id(id, text),
        text=text,
        title=str(title).strip() if title else None,
        url=str(url) if url else None,
        published=pub,
        source=str(source) if source else None,
        published_from=published_from if pub else None,
        origin=origin,
    )


def read_text(data: bytes, origin: str, stem: str | None, published: date | None) -> Iterator[Item]:
    try:
        check_size(len(data), origin)
        text = decode(data, origin)
        yield _article(origin, text, id=stem, published=published, published_from="input")
    except InputError as exc:
        yield IngestError.from_exception(exc)


def read_html(data: bytes, origin: str, stem: str | None, published: date | None,
              url: str | None = None) -> Iterator[Item]:
    try:
        check_size(len(data), origin, limit=20_000_000)  # pages carry a lot of markup
        html = decode(data, origin)
        doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False)
        text = (doc.text if doc is not None else None) or ""
        if not text.strip():
            raise InputError(origin, "has no main text that could be extracted", "is it an article page?")
        page_date = lenient_date(getattr(doc, "date", None))
        yield _article(
            origin, text, id=stem, title=getattr(doc, "title", None),
            url=getattr(doc, "url", None) or url,
            published=published or page_date,
            source=getattr(doc, "sitename", None),
            published_from="input" if published else "html",
        )
    except InputError as exc:
        yield IngestError.from_exception(exc)


def read_jsonl(data: bytes, origin: str, published: date | None, columns: Columns) -> Iterator[Item]:
    try:
        text = decode(data, origin)
    except InputError as exc:
        yield IngestError.from_exception(exc)
        return
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{origin}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield IngestError(where, f"is not valid JSON ({exc.msg} at column {exc.colno})", "one JSON object per line")
            continue
        if not isinstance(record, dict):
            yield IngestError(where, "is not a JSON object", 'write {"id": ..., "text": ...}')
            continue
        yield _record(record, where, published, columns)


def read_csv(data: bytes, origin: str, published: date | None, columns: Columns,
             delimiter: str = ",") -> Iterator[Item]:
    try:
        text = decode(data, origin)
    except InputError as exc:
        yield IngestError.from_exception(exc)
        return
    csv.field_size_limit(50_000_000)
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    if not any(name in (reader.fieldnames or []) for name in columns.text):
        yield IngestError(origin, f"has no text column (looked for {', '.join(columns.text)})",
                          "name it with --text-column")
        return
    for number, row in enumerate(reader, start=2):
        yield _record(row, f"{origin}:{number}", published, columns)


def _record(record: dict, where: str, published: date | None, columns: Columns) -> Item:
    text = _pick(record, columns.text)
    if not isinstance(text, str) or not text.strip():
        return IngestError(where, "has no text", f"expected a field named {columns.text[0]!r}")
    try:
        check_size(len(text.encode("utf-8")), where)
        given = _pick(record, columns.published)
        return _article(
            where, text,
            id=_pick(record, columns.id),
            title=_pick(record, columns.title),
            url=_pick(record, columns.url),
            source=_pick(record, columns.source),
            published=published or given,
            published_from="input" if (published or given) else None,
        )
    except InputError as exc:
        return IngestError.from_exception(exc)


def _html_to_text(fragment: str) -> str:
    if "<" not in fragment:
        return fragment.strip()
    try:
        return lxml.html.fromstring(fragment).text_content().strip()
    except (lxml.etree.ParserError, ValueError):
        return fragment.strip()


def read_feed(data: bytes, origin: str, published: date | None) -> Iterator[Item]:
    feed = feedparser.parse(data)
    if feed.bozo and not feed.entries:
        yield IngestError(origin, f"is not a readable RSS/Atom feed ({feed.get('bozo_exception')})")
        return
    source = feed.feed.get("title")
    for number, entry in enumerate(feed.entries, start=1):
        where = f"{origin}#{number}"
        body = ""
        if entry.get("content"):
            body = " ".join(c.get("value", "") for c in entry.content)
        body = body or entry.get("summary", "")
        text = _html_to_text(body)
        if not text:
            yield IngestError(where, "has no text in the feed entry")
            continue
        try:
            yield _article(
                where, text,
                id=entry.get("id") or entry.get("link"),
                title=entry.get("title"), url=entry.get("link"), source=source,
                published=published or entry.get("published_parsed") or entry.get("updated_parsed"),
                published_from="input",
            )
        except InputError as exc:
            yield IngestError.from_exception(exc)
