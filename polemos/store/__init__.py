"""Store: articles, mentions and events in SQLite (default) or any SQLAlchemy database.

    >>> store = Store("polemos.db")            # a file; or "postgresql://..." for a server
    >>> store.add(result)                      # one article's results, in one transaction
    >>> store.events(country="AZ", since=date(2020, 12, 1))

Each article is written in its own transaction, so a run killed halfway leaves only whole
articles behind, and re-running skips what is already stored (by id and by content hash).
"""

from __future__ import annotations

import dataclasses
import json
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any, Iterable

from sqlalchemy import (Column, Date, DateTime, Float, ForeignKey, Integer, MetaData, String, Table,
                        Text, create_engine, event, func, or_, select)
from sqlalchemy.engine import Engine

from ..ingest.ids import content_hash
from ..model import Result

metadata = MetaData()

articles = Table(
    "articles", metadata,
    Column("id", String, primary_key=True),
    Column("content_hash", String(40), nullable=False, unique=True),
    Column("title", Text), Column("url", Text), Column("source", Text),
    Column("published", Date), Column("published_from", String(16)),
    Column("origin", Text), Column("text", Text, nullable=False),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
)

events = Table(
    "events", metadata,
    Column("event_id", String, primary_key=True),
    Column("article_id", String, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("disorder_type", String(32)), Column("event_type", String(40), index=True),
    Column("sub_event_type", String(48)),
    Column("event_date", Date, index=True), Column("time_precision", Integer), Column("date_text", Text),
    Column("actor1", Text), Column("actor1_country", String(2)), Column("actor1_sector", String(8)),
    Column("actor2", Text), Column("actor2_country", String(2)), Column("actor2_sector", String(8)),
    Column("location", Text), Column("admin1", Text), Column("admin2", Text),
    Column("country", String(2), index=True),
    Column("latitude", Float), Column("longitude", Float), Column("geo_precision", Integer),
    Column("fatalities", Integer), Column("fatalities_low", Integer), Column("fatalities_high", Integer),
    Column("injured", Integer), Column("claim_source", Text), Column("confidence", Float),
    Column("data", Text, nullable=False),  # the full EVENT object of the output contract
)

mentions = Table(
    "mentions", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("article_id", String, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("event_id", String, ForeignKey("events.event_id", ondelete="CASCADE"), index=True),
    Column("sub_event_type", String(48)), Column("trigger", Text),
    Column("trigger_start", Integer), Column("trigger_end", Integer),
    Column("evidence", Text), Column("evidence_start", Integer), Column("evidence_end", Integer),
    Column("event_date", Date), Column("claim_source", Text), Column("data", Text, nullable=False),
)


def _engine(target: str | Path) -> Engine:
    url = str(target)
    if "://" not in url:
        url = f"sqlite:///{Path(url).expanduser()}"
    engine = create_engine(url, future=True)
    if engine.dialect.name == "sqlite":
        @event.listens_for(engine, "connect")
        def _pragmas(conn, _record):  # noqa: ANN001 - DBAPI connection
            cur = conn.cursor()
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA journal_mode=WAL")
            cur.close()
    return engine


def _jsonable(obj: Any) -> Any:
    if dataclasses.is_dataclass(obj):
        return _jsonable(dataclasses.asdict(obj))
    if isinstance(obj, dict):
        return {k: _jsonable(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [_jsonable(v) for v in obj]
    if isinstance(obj, date):
        return obj.isoformat()
    return obj


class Store:
    """A polemos database. The schema is created on first use."""

    def __init__(self, target: str | Path = "polemos.db"):
        self.target = str(target)
        self.engine = _engine(target)
        metadata.create_all(self.engine)

    def __repr__(self) -> str:
        return f"Store({self.target!r})"

    def known(self) -> tuple[set[str], set[str]]:
        """Ids and content hashes of the stored articles (to skip them before parsing)."""
        with self.engine.connect() as conn:
            rows = conn.execute(select(articles.c.id, articles.c.content_hash)).all()
        return {r.id for r in rows}, {r.content_hash for r in rows}

    def add(self, result: Result) -> bool:
        """Store one article with its mentions and events; False if it was already there."""
        art = result.article
        digest = content_hash(art.text)
        with self.engine.begin() as conn:
            exists = conn.execute(select(articles.c.id).where(
                or_(articles.c.id == art.id, articles.c.content_hash == digest))).first()
            if exists:
                return False
            conn.execute(articles.insert().values(
                id=art.id, content_hash=digest, title=art.title, url=art.url, source=art.source,
                published=art.published, published_from=art.published_from, origin=art.origin,
                text=art.text, ingested_at=datetime.now(timezone.utc)))
            for ev in result.events:
                d = ev.to_dict()
                loc = d["location"] or {}
                a1, a2 = d["actor1"] or {}, d["actor2"] or {}
                conn.execute(events.insert().values(
                    event_id=ev.event_id, article_id=art.id, disorder_type=d["disorder_type"],
                    event_type=d["event_type"], sub_event_type=d["sub_event_type"],
                    event_date=ev.event_date, time_precision=ev.time_precision, date_text=ev.date_text,
                    actor1=a1.get("name"), actor1_country=a1.get("country"), actor1_sector=a1.get("sector"),
                    actor2=a2.get("name"), actor2_country=a2.get("country"), actor2_sector=a2.get("sector"),
                    location=loc.get("name"), admin1=loc.get("admin1"), admin2=loc.get("admin2"),
                    country=loc.get("country") or a1.get("country"),
                    latitude=loc.get("latitude"), longitude=loc.get("longitude"),
                    geo_precision=loc.get("geo_precision"),
                    fatalities=ev.fatalities, fatalities_low=ev.fatalities_low,
                    fatalities_high=ev.fatalities_high, injured=ev.injured,
                    claim_source=(d["claim_source"] or {}).get("name"), confidence=ev.confidence,
                    data=json.dumps(dict(d, article_id=art.id, source=art.source, url=art.url,
                                         published=art.published.isoformat() if art.published else None))))
                for m in ev.mentions:
                    conn.execute(mentions.insert().values(
                        article_id=art.id, event_id=ev.event_id, sub_event_type=m.sub_event_type,
                        trigger=m.trigger.text, trigger_start=m.trigger.start, trigger_end=m.trigger.end,
                        evidence=m.sentence.text, evidence_start=m.sentence.start,
                        evidence_end=m.sentence.end, event_date=m.date,
                        claim_source=m.claim.name if m.claim else None,
                        data=json.dumps(_jsonable(m))))
        return True

    def events(self, *, country: str | None = None, since: date | None = None, until: date | None = None,
               event_type: str | None = None, actor: str | None = None,
               limit: int | None = None) -> list[dict]:
        """Stored events as contract dicts (plus article_id, source, url, published), by date."""
        q = select(events.c.data).order_by(events.c.event_date, events.c.event_id)
        if country:
            q = q.where(func.upper(events.c.country) == country.upper())
        if since:
            q = q.where(events.c.event_date >= since)
        if until:
            q = q.where(events.c.event_date <= until)
        if event_type:
            pattern = f"%{event_type.lower()}%"
            q = q.where(or_(func.lower(events.c.event_type).like(pattern),
                            func.lower(events.c.sub_event_type).like(pattern)))
        if actor:
            pattern = f"%{actor.lower()}%"
            q = q.where(or_(func.lower(events.c.actor1).like(pattern), func.lower(events.c.actor2).like(pattern),
                            func.lower(events.c.data).like(pattern)))
        if limit:
            q = q.limit(limit)
        with self.engine.connect() as conn:
            return [json.loads(r.data) for r in conn.execute(q)]

    def counts(self) -> dict[str, int]:
        with self.engine.connect() as conn:
            return {t.name: conn.execute(select(func.count()).select_from(t)).scalar_one()
                    for t in (articles, mentions, events)}

    def add_all(self, results: Iterable[Result]) -> int:
        return sum(self.add(r) for r in results)
