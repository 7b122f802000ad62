"""Types shared by every stage of the flow.

Stages pass these along and never reach back into an earlier stage. Everything a
user or another tool sees (CLI JSON, database rows, the Python API) is built from
them; ``to_dict`` gives the output contract of DESIGN.md.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date
from typing import Any

# ACLED's typology, spelled exactly. Keys are event types, values their sub-types.
TYPOLOGY: dict[str, tuple[str, ...]] = {
    "Battles": (
        "Armed clash",
        "Government regains territory",
        "Non-state actor overtakes territory",
    ),
    "Explosions/Remote violence": (
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    ),
    "Violence against civilians": (
        "Sexual violence",
        "Attack",
        "Abduction/forced disappearance",
    ),
    "Protests": (
        "Peaceful protest",
        "Protest with intervention",
        "Excessive force against protesters",
    ),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": (
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    ),
}

EVENT_TYPE_OF: dict[str, str] = {sub: et for et, subs in TYPOLOGY.items() for sub in subs}

DISORDER_TYPE_OF: dict[str, str] = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Protests": "Demonstrations",
    "Riots": "Demonstrations",
    "Strategic developments": "Strategic developments",
}


@dataclass
class Article:
    """One input document. ``text`` is exactly what offsets refer to."""

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    published: date | None = None
    source: str | None = None
    # Where ``published`` came from: "input", "html", "dateline", "url" or None (unknown).
    published_from: str | None = None
    origin: str | None = None  # the file, URL or line it was read from, for error messages


@dataclass
class Span:
    """A stretch of an article's text, by character offsets."""

    text: str
    start: int
    end: int


@dataclass
class Timex:
    """A TIMEX3 temporal expression (types DATE, TIME, DURATION, SET)."""

    text: str
    start: int
    end: int
    type: str
    value: str | None


@dataclass
class Place:
    """A gazetteer entry."""

    name: str
    country: str | None  # ISO 3166-1 alpha-2
    admin1: str | None = None
    admin2: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geonameid: int | None = None
    feature: str | None = None  # "country", "admin1", "admin2", "city", "region", ...
    population: int | None = None


@dataclass
class Toponym:
    """A place name in a text and the place it was resolved to (``place`` None if unresolved)."""

    text: str
    start: int
    end: int
    place: Place | None = None

    def to_dict(self) -> dict[str, Any]:
        p = self.place
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "name": p.name if p else None,
            "country": p.country if p else None,
            "admin1": p.admin1 if p else None,
            "latitude": p.latitude if p else None,
            "longitude": p.longitude if p else None,
            "geonameid": p.geonameid if p else None,
            "feature": p.feature if p else None,
        }


@dataclass
class Actor:
    name: str | None  # normalised, ACLED style: "Military Forces of Azerbaijan"
    text: str | None = None  # the words it came from
    country: str | None = None
    sector: str | None = None  # MIL, GOV, REB, POL, CVL, PRO, RIO, ...


# Sectors of the state's forces and of every armed actor, state or not.
STATE_SECTORS = frozenset({"MIL", "POL", "GOV"})
ARMED_SECTORS = frozenset({"MIL", "POL", "REB", "UAG", "PMG", "IMG", "EXT"})


@dataclass
class Location:
    name: str | None
    country: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geonameid: int | None = None
    geo_precision: int | None = None  # ACLED: 1 town, 2 near town/district, 3 region
    text: str | None = None


@dataclass
class Claim:
    name: str | None  # normalised: "Ministry of Defence of Azerbaijan"
    text: str | None = None


@dataclass
class Mention:
    """One report of an event inside one article, as the extractor found it."""

    article_id: str
    sub_event_type: str
    trigger: Span
    sentence: Span
    actor1: Actor | None = None
    actor2: Actor | None = None
    fatalities: int | None = None
    injured: int | None = None
    claim: Claim | None = None
    date: date | None = None
    date_text: str | None = None
    time_precision: int | None = None
    location: Location | None = None
    confidence: float = 0.5
    # The dead were counted one by one ("the mayor and his bodyguard"): a floor that a
    # figure elsewhere in the story ("killing four") may raise, not a rival claim.
    dead_one_by_one: bool = False
    # The dead were a vague many ("dozens of fighters", counted 12): a figure given elsewhere
    # for the same dead ("32 Houthi fighters and 14 soldiers") replaces it.
    dead_vaguely: bool = False

    @property
    def event_type(self) -> str:
        return EVENT_TYPE_OF[self.sub_event_type]


@dataclass
class Event:
    """One real-world occurrence, merged from one or more mentions."""

    event_id: str
    sub_event_type: str
    event_date: date | None
    time_precision: int | None
    date_text: str | None
    actor1: Actor | None
    actor2: Actor | None
    location: Location | None
    fatalities: int | None
    fatalities_low: int | None
    fatalities_high: int | None
    injured: int | None
    claim_source: Claim | None
    evidence: list[Span] = field(default_factory=list)
    confidence: float = 0.5
    mentions: list[Mention] = field(default_factory=list)

    @property
    def event_type(self) -> str:
        return EVENT_TYPE_OF[self.sub_event_type]

    @property
    def disorder_type(self) -> str:
        return DISORDER_TYPE_OF[self.event_type]

    def to_dict(self) -> dict[str, Any]:
        """The EVENT object of the output contract (DESIGN.md)."""

        def plain(obj: Any) -> Any:
            return None if obj is None else dataclasses.asdict(obj)

        return {
            "event_id": self.event_id,
            "disorder_type": self.disorder_type,
            "event_type": self.event_type,
            "sub_event_type": self.sub_event_type,
            "event_date": self.event_date.isoformat() if self.event_date else None,
            "time_precision": self.time_precision,
            "date_text": self.date_text,
            "actor1": plain(self.actor1),
            "actor2": plain(self.actor2),
            "location": plain(self.location),
            "fatalities": self.fatalities,
            "fatalities_low": self.fatalities_low,
            "fatalities_high": self.fatalities_high,
            "injured": self.injured,
            "claim_source": plain(self.claim_source),
            "evidence": [dataclasses.asdict(s) for s in self.evidence],
            "confidence": round(self.confidence, 3),
        }


@dataclass
class Result:
    """What the pipeline made of one article."""

    article: Article
    events: list[Event] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    toponyms: list[Toponym] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.article.id,
            "published": self.article.published.isoformat() if self.article.published else None,
            "events": [e.to_dict() for e in self.events],
        }
