"""Speed of the TIMEX3 tagger: milliseconds per 1,000 words on a corpus.

    python benchmarks/timex_speed.py /work/shared/data/corpora/guardian_syria.csv [--repeat 3]

The corpus is a CSV with a ``text`` column (a ``date``/``published`` column, if present, is
used as the publication date), a JSONL file with ``text`` (and ``published``), or a directory
of .txt files. Prints words, documents, and the best of ``--repeat`` runs in ms per 1,000 words
on one core (the tagger is single-threaded and never loads spaCy).
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from datetime import date
from pathlib import Path


def _date(value: object) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def load(path: Path) -> list[tuple[str, date | None]]:
    """(text, publication date) pairs from a CSV, JSONL or a directory of .txt files."""
    docs: list[tuple[str, date | None]] = []
    if path.is_dir():
        for p in sorted(path.rglob("*.txt")):
            docs.append((p.read_text(encoding="utf-8", errors="replace"), None))
    elif path.suffix.lower() in (".jsonl", ".ndjson"):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                rec = json.loads(line)
                docs.append((rec.get("text") or "", _date(rec.get("published") or rec.get("date"))))
    else:
        csv.field_size_limit(sys.maxsize)
        with path.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                docs.append((row.get("text") or "", _date(row.get("date") or row.get("published"))))
    return [d for d in docs if d[0].strip()]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)

    from polemos.resolve.when import tag

    docs = load(args.corpus)
    words = sum(len(t.split()) for t, _ in docs)
    if not words:
        print("no text found in", args.corpus, file=sys.stderr)
        return 1
    tag("warm up on Friday, 13 December 2020.", date(2020, 12, 13))
    best = float("inf")
    n = 0
    for _ in range(max(1, args.repeat)):
        t0 = time.perf_counter()
        n = sum(len(tag(text, pub)) for text, pub in docs)
        best = min(best, time.perf_counter() - t0)
    ms = best * 1000 / (words / 1000)
    print(f"{len(docs)} documents, {words} words, {n} timexes")
    print(f"{ms:.2f} ms per 1,000 words (best of {args.repeat})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
