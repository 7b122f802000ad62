"""Writing events out: a readable table, CSV, JSONL, GeoJSON and ACLED's own CSV layout."""

from __future__ import annotations

import csv
import json
from typing import IO, Iterable

import pycountry

# ACLED's interaction codes by actor sector.
INTER = {"MIL": 1, "POL": 1, "GOV": 1, "REB": 2, "PMG": 3, "UAG": 3, "IMG": 4, "RIO": 5, "PRO": 6,
         "CVL": 7, "EXT": 8}

ACLED_COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
]

FLAT_COLUMNS = [
    "event_id", "event_date", "time_precision", "event_type", "sub_event_type", "actor1", "actor2",
    "location", "admin1", "country", "latitude", "longitude", "geo_precision", "fatalities",
    "injured", "claim_source", "evidence", "article_id",
]


def _name(obj: dict | None) -> str | None:
    return (obj or {}).get("name")


def flat(ev: dict) -> dict:
    """One event as a flat row (names only, first evidence sentence)."""
    loc = ev.get("location") or {}
    return {
        "event_id": ev["event_id"], "event_date": ev.get("event_date"),
        "time_precision": ev.get("time_precision"), "event_type": ev["event_type"],
        "sub_event_type": ev["sub_event_type"], "actor1": _name(ev.get("actor1")),
        "actor2": _name(ev.get("actor2")), "location": loc.get("name"), "admin1": loc.get("admin1"),
        "country": loc.get("country") or (ev.get("actor1") or {}).get("country"),
        "latitude": loc.get("latitude"), "longitude": loc.get("longitude"),
        "geo_precision": loc.get("geo_precision"), "fatalities": ev.get("fatalities"),
        "injured": ev.get("injured"), "claim_source": _name(ev.get("claim_source")),
        "evidence": (ev.get("evidence") or [{}])[0].get("text"), "article_id": ev.get("article_id"),
    }


def write_jsonl(events: Iterable[dict], out: IO[str]) -> None:
    for ev in events:
        out.write(json.dumps(ev, ensure_ascii=False) + "\n")


def write_csv(events: Iterable[dict], out: IO[str]) -> None:
    writer = csv.DictWriter(out, fieldnames=FLAT_COLUMNS, extrasaction="ignore")
    writer.writeheader()
    for ev in events:
        writer.writerow(flat(ev))


def geojson(events: Iterable[dict]) -> dict:
    """A FeatureCollection of the events that have coordinates."""
    features = []
    for ev in events:
        loc = ev.get("location") or {}
        if loc.get("latitude") is None or loc.get("longitude") is None:
            continue
        props = flat(ev)
        props.pop("latitude"), props.pop("longitude")
        features.append({"type": "Feature", "properties": props,
                         "geometry": {"type": "Point", "coordinates": [loc["longitude"], loc["latitude"]]}})
    return {"type": "FeatureCollection", "features": features}


def write_geojson(events: Iterable[dict], out: IO[str]) -> None:
    json.dump(geojson(events), out, ensure_ascii=False)
    out.write("\n")


def _country(iso2: str | None) -> tuple[str | None, int | None]:
    c = pycountry.countries.get(alpha_2=iso2) if iso2 else None
    if c is None:
        return None, None
    return getattr(c, "common_name", None) or c.name, int(c.numeric)


def acled_row(ev: dict) -> dict:
    """One event in ACLED's export columns."""
    loc = ev.get("location") or {}
    a1, a2 = ev.get("actor1") or {}, ev.get("actor2") or {}
    iso2 = loc.get("country") or a1.get("country")
    country, numeric = _country(iso2)
    inter1, inter2 = INTER.get(a1.get("sector") or ""), INTER.get(a2.get("sector") or "")
    interaction = int(f"{min(inter1, inter2)}{max(inter1, inter2)}") if inter1 and inter2 else (
        inter1 * 10 if inter1 else None)
    evidence = " ".join(e["text"] for e in ev.get("evidence") or [])
    return {
        "event_id_cnty": ev["event_id"], "event_date": ev.get("event_date"),
        "year": (ev.get("event_date") or "")[:4] or None, "time_precision": ev.get("time_precision"),
        "disorder_type": ev["disorder_type"], "event_type": ev["event_type"],
        "sub_event_type": ev["sub_event_type"], "actor1": a1.get("name"), "assoc_actor_1": None,
        "inter1": inter1, "actor2": a2.get("name"), "assoc_actor_2": None, "inter2": inter2,
        "interaction": interaction,
        "civilian_targeting": "Civilian targeting" if a2.get("sector") == "CVL" else None,
        "iso": numeric, "region": None, "country": country, "admin1": loc.get("admin1"),
        "admin2": loc.get("admin2"), "admin3": None, "location": loc.get("name"),
        "latitude": loc.get("latitude"), "longitude": loc.get("longitude"),
        "geo_precision": loc.get("geo_precision"), "source": ev.get("source") or _name(ev.get("claim_source")),
        "source_scale": None, "notes": evidence, "fatalities": ev.get("fatalities") or 0,
        "tags": None, "timestamp": None,
    }


def write_acled_csv(events: Iterable[dict], out: IO[str]) -> None:
    writer = csv.DictWriter(out, fieldnames=ACLED_COLUMNS)
    writer.writeheader()
    for ev in events:
        writer.writerow(acled_row(ev))


def table(events: Iterable[dict], width: int = 160) -> str:
    """A plain-text table for the terminal."""
    cols = [("date", 10), ("sub_event_type", 26), ("location", 16), ("cc", 2), ("actor1", 26),
            ("actor2", 26), ("dead", 4), ("hurt", 4), ("claim_source", 30)]
    lines = ["  ".join(name.ljust(w) for name, w in cols), "  ".join("-" * w for _, w in cols)]
    for ev in events:
        row = flat(ev)
        values = [row["event_date"], row["sub_event_type"], row["location"], row["country"], row["actor1"],
                  row["actor2"], row["fatalities"], row["injured"], row["claim_source"]]
        cells = []
        for (name, w), v in zip(cols, values):
            s = "" if v is None else str(v)
            cells.append((s[: w - 1] + "…" if len(s) > w else s).ljust(w))
        lines.append("  ".join(cells).rstrip()[:width])
    return "\n".join(lines)
