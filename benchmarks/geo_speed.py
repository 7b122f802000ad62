"""Geoparsing speed: gazetteer load time and geoparse cost relative to the spaCy parse.

    python benchmarks/geo_speed.py ../shared/data/corpora/guardian_syria.csv --limit 100
    python benchmarks/geo_speed.py ../shared/data/geo/GWN-dev.xml

Reads a CSV with a ``text`` column, a geo evaluation XML file, or .txt files.
"""

from __future__ import annotations

import argparse
import csv
import resource
import sys
import time
from pathlib import Path


def texts(paths: list[Path]) -> list[str]:
    out = []
    csv.field_size_limit(sys.maxsize)
    for p in paths:
        if p.suffix == ".csv":
            with open(p, encoding="utf-8", newline="") as f:
                out += [row["text"] for row in csv.DictReader(f) if row.get("text")]
        elif p.suffix == ".xml":
            from polemos.evaluate.geo import read

            out += [d.text for d in read(p)]
        else:
            out.append(p.read_text(encoding="utf-8"))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="+", type=Path)
    ap.add_argument("--limit", type=int, default=None)
    args = ap.parse_args()

    from polemos.resolve.geo.gazetteer import Gazetteer, default_path

    if not default_path().exists():
        t = time.perf_counter()
        Gazetteer.load()
        print(f"gazetteer build: {time.perf_counter() - t:.1f} s (first use only)")
    t = time.perf_counter()
    gaz = Gazetteer(default_path())  # a fresh instance: what a new process pays
    print(f"gazetteer load: {time.perf_counter() - t:.3f} s")

    from polemos.nlp import load
    from polemos.resolve.geo import Geoparser

    nlp = load()
    gp = Geoparser(gaz)
    docs = texts(args.paths)[: args.limit]
    nlp("warm up the pipeline in Baku.")
    parse = geo = 0.0
    n_top = n_chars = 0
    for text in docs:
        t0 = time.perf_counter()
        doc = nlp(text)
        t1 = time.perf_counter()
        n_top += len(gp.toponyms(doc))
        t2 = time.perf_counter()
        parse += t1 - t0
        geo += t2 - t1
        n_chars += len(text)
    print(f"{len(docs)} documents, {n_chars / 1e6:.2f} M characters, {n_top} toponyms")
    print(f"spaCy parse: {parse:.2f} s; geoparse: {geo:.2f} s "
          f"(+{100 * geo / parse:.1f}% of the parse)")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory (whole process, with spaCy): {rss:.0f} MB")


if __name__ == "__main__":
    main()
