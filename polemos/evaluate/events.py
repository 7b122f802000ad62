"""Scoring coded events against gold codings in polemos' gold JSON (as in ``seed/``).

Gold: a file holding one document (``{"id", "published", "events": [...]}``) or a list of
them. Texts: a ``.txt`` beside a ``NAME.gold.json`` (``NAME.txt``), or any input polemos reads
(``--texts corpus.jsonl``) whose ids match.

Matching: a predicted event matches a gold event of the same document when both have the same
event type and the same date (gold without a date matches any); pairs are chosen greedily by
how many fields agree. Event precision/recall/F1 count matched pairs. Field scores are over
matched pairs: sub-type, date (a gold ``null``, a date the text leaves vague, accepts
none or one of week or month precision), location (same place name, accents and case ignored, or a name the gazetteer gives the same
spot, as "Deir ez-Zor" for "Deir Ezzor"; a gold
``null`` place accepts a region-level or missing prediction in the right country), country,
fatalities, injured (exact, ``null`` = ``null``), actors (fuzzy name match), claim source (same
country and the same kind of institution: ministry, army, police, government...; the article's
own voice, a claim with no quoted text, is gold's ``null``).
"""

from __future__ import annotations

import json
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from rapidfuzz import fuzz

if TYPE_CHECKING:
    from ..pipeline import Options

FIELDS = ["sub_event_type", "date", "location", "country", "fatalities", "injured", "actor1", "actor2",
          "claim_source"]
INSTITUTIONS = ("ministry", "army", "military", "police", "government", "president", "rebels", "residents",
                "witnesses", "officials", "governor", "spokesman", "statement")


@dataclass
class Doc:
    id: str
    published: str | None
    events: list[dict]
    text_path: Path | None = None


def load_gold(path: Path) -> list[Doc]:
    data = json.loads(path.read_text(encoding="utf-8"))
    docs = data if isinstance(data, list) else [data]
    out = []
    for d in docs:
        text = None
        if path.name.endswith(".gold.json"):
            beside = path.with_name(path.name[: -len(".gold.json")] + ".txt")
            text = beside if beside.exists() else None
        out.append(Doc(id=str(d["id"]), published=d.get("published"), events=d.get("events", []), text_path=text))
    return out


def _plain(s: str | None) -> str:
    s = unicodedata.normalize("NFKD", s or "").encode("ascii", "ignore").decode()
    return " ".join(s.lower().replace("-", " ").split())


def _name(obj) -> str | None:
    return obj.get("name") if isinstance(obj, dict) else obj


def _country_words(text: str) -> set[str]:
    """The countries a name names, by words and runs of up to three ("UK", "United Kingdom")."""
    from ..resolve.geo import country_of

    words = [w.strip(",.'();") for w in (text or "").split()]
    runs = {" ".join(words[i:i + n]) for n in (1, 2, 3) for i in range(len(words) - n + 1)}
    return {c for c in (country_of(r) for r in runs if r[:1].isupper()) if c}


def field_ok(name: str, gold: dict, pred: dict) -> bool:
    loc = pred.get("location") or {}
    if name == "sub_event_type":
        return gold.get("sub_event_type") == pred.get("sub_event_type")
    if name == "date":
        if gold.get("date") is None:  # vague in the text: a week or month estimate says as much
            return pred.get("event_date") is None or (pred.get("time_precision") or 1) >= 2
        return gold.get("date") == pred.get("event_date")
    if name == "location":
        if gold.get("location") is None:
            return not loc or (loc.get("geo_precision") == 3 and loc.get("country") == gold.get("country"))
        return _plain(gold["location"]) == _plain(loc.get("name")) or _same_place(gold, loc)
    if name == "country":
        return gold.get("country") == (loc.get("country") or (pred.get("actor1") or {}).get("country"))
    if name in ("fatalities", "injured"):
        return gold.get(name) == pred.get(name)
    if name in ("actor1", "actor2"):
        g, p = _plain(gold.get(name)), _plain(_name(pred.get(name)))
        if not g or not p:
            return not g and not p
        return fuzz.token_set_ratio(g, p) >= 80
    if name == "claim_source":
        said = pred.get("claim_source")
        g, p = gold.get("claim_source"), _name(said)
        if isinstance(said, dict) and "text" in said and said["text"] is None:
            p = None  # the article's own voice (named after its outlet), which gold writes as null
        if not g or not p:
            return not g and not p
        kinds = lambda s: {k for k in INSTITUTIONS if k in _plain(s)}  # noqa: E731
        return _country_words(g) == _country_words(p) and kinds(g) == kinds(p)
    raise ValueError(name)


def _same_place(gold: dict, loc: dict) -> bool:
    """Whether the gold place name, in the gold country, is a spelling of the predicted place
    ("Deir ez-Zor" and "Deir Ezzor"): the gazetteer knows it by that name at the same spot."""
    from ..resolve.geo import Gazetteer

    if loc.get("latitude") is None or loc.get("country") != gold.get("country"):
        return False
    places = Gazetteer.load().lookup(gold["location"])
    return any(p.country == loc["country"] and p.latitude is not None and
               abs(p.latitude - loc["latitude"]) < 0.05 and abs(p.longitude - loc["longitude"]) < 0.05
               for p in places)


def _agreement(gold: dict, pred: dict) -> int:
    return sum(field_ok(f, gold, pred) for f in FIELDS)


def _matchable(gold: dict, pred: dict) -> bool:
    from ..model import EVENT_TYPE_OF

    same_type = gold.get("event_type") == pred.get("event_type") or \
        EVENT_TYPE_OF.get(gold.get("sub_event_type", "")) == pred.get("event_type")
    return same_type and (gold.get("date") is None or gold.get("date") == pred.get("event_date"))


@dataclass
class Report:
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    fields: Counter = field(default_factory=Counter)
    confusion: Counter = field(default_factory=Counter)  # (gold sub-type, predicted sub-type or "-")
    misses: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        p = self.matched / self.predicted if self.predicted else 0.0
        r = self.matched / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"gold": self.gold, "predicted": self.predicted, "matched": self.matched,
                "precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3),
                "fields": {k: round(self.fields[k] / self.matched, 3) if self.matched else 0.0 for k in FIELDS},
                "confusion": {f"{g} -> {pr}": n for (g, pr), n in sorted(self.confusion.items())},
                "misses": self.misses}


def score_document(gold_events: list[dict], predicted: list[dict], report: Report, doc_id: str) -> None:
    report.gold += len(gold_events)
    report.predicted += len(predicted)
    pairs = sorted(((_agreement(g, p), gi, pi) for gi, g in enumerate(gold_events)
                    for pi, p in enumerate(predicted) if _matchable(g, p)), reverse=True)
    used_g, used_p = set(), set()
    for _, gi, pi in pairs:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi), used_p.add(pi)
        report.matched += 1
        g, p = gold_events[gi], predicted[pi]
        report.confusion[(g["sub_event_type"], p["sub_event_type"])] += 1
        for f in FIELDS:
            ok = field_ok(f, g, p)
            report.fields[f] += ok
            if not ok:
                report.misses.append(f"{doc_id}: {f}: gold {_show(f, g)!r}, got {_show(f, p, pred=True)!r}")
    for gi, g in enumerate(gold_events):
        if gi not in used_g:
            report.confusion[(g["sub_event_type"], "-")] += 1
            report.misses.append(f"{doc_id}: missed {g['sub_event_type']} on {g.get('date')} at {g.get('location')}")
    for pi, p in enumerate(predicted):
        if pi not in used_p:
            report.confusion[("-", p["sub_event_type"])] += 1
            report.misses.append(f"{doc_id}: spurious {p['sub_event_type']} on {p.get('event_date')}: "
                                 f"{p['evidence'][0]['text'][:90]!r}")


def _show(f: str, ev: dict, pred: bool = False):
    if not pred:
        return ev.get(f)
    return {"date": ev.get("event_date"), "location": (ev.get("location") or {}).get("name"),
            "country": (ev.get("location") or {}).get("country")}.get(f, _name(ev.get(f)))


def evaluate_events(gold_paths: list[Path], texts: list[str] | None = None, options: Options | None = None) -> dict:
    """Run polemos on the gold documents' texts and score the events (``options``: the
    pipeline's ``Options``, default ones if None)."""
    from ..ingest import read_articles
    from ..ingest.dates import parse_date
    from ..model import Article
    from ..pipeline import Pipeline

    docs = [d for p in gold_paths for d in load_gold(p)]
    by_id: dict[str, Article] = {}
    if texts:
        by_id = {a.id: a for a in read_articles(texts) if isinstance(a, Article)}
    for d in docs:
        if d.id not in by_id and d.text_path is not None:
            art = next(iter(read_articles([d.text_path])))
            if isinstance(art, Article):
                art.id = d.id
                by_id[d.id] = art
    missing = [d.id for d in docs if d.id not in by_id]
    if missing:
        raise FileNotFoundError(f"no text for gold document(s) {', '.join(missing)}: pass --texts")
    articles = []
    for d in docs:
        art = by_id[d.id]
        if d.published:
            art.published, art.published_from = parse_date(d.published), "input"
        articles.append(art)
    report = Report()
    for d, result in zip(docs, Pipeline(options).run(articles)):
        score_document(d.events, [e.to_dict() for e in result.events], report, d.id)
    return report.as_dict()


def format_report(r: dict, misses: int = 30) -> str:
    lines = [f"events: gold {r['gold']}, predicted {r['predicted']}, matched {r['matched']}  "
             f"P {r['precision']:.3f}  R {r['recall']:.3f}  F1 {r['f1']:.3f}",
             "", "field accuracy over matched events:"]
    lines += [f"  {k:16} {v:.3f}" for k, v in r["fields"].items()]
    lines += ["", "sub-types (gold -> predicted, '-' = none):"]
    lines += [f"  {n:4}  {k}" for k, n in r["confusion"].items()]
    if r["misses"]:
        lines += ["", f"errors ({min(misses, len(r['misses']))} of {len(r['misses'])}):"]
        lines += [f"  {m}" for m in r["misses"][:misses]]
    return "\n".join(lines)
