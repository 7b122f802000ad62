"""Throughput of polemos extract against a bare spaCy parse of the same texts, in one run.

    python benchmarks/throughput.py ../shared/data/corpora/guardian_syria.csv --limit 100

Both sides get the same texts and batch size, after a warm-up. The bare side is the same
English pipeline with nothing added; the polemos side is everything `polemos extract` does
(parse, detection, dates, places, actors, merging, JSON output). Each side runs --repeat
times and the fastest run counts. Prints articles/s, words/s and the cost ratio.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import spacy

from polemos import nlp as nlp_stage
from polemos.ingest import read_articles
from polemos.model import Article
from polemos.pipeline import Pipeline


def bare_parse(nlp, texts: list[str], batch_size: int) -> None:
    for _ in nlp.pipe(texts, batch_size=batch_size):
        pass


def polemos_extract(pipe: Pipeline, articles: list[Article]) -> int:
    n = 0
    for result in pipe.run(articles):
        n += len(json.dumps(result.to_dict()))
    return n


def best_of(repeat: int, fn) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", type=Path, help="a corpus polemos can read (.csv, .jsonl, directory)")
    ap.add_argument("--limit", type=int, default=100, help="articles to use (default 100)")
    ap.add_argument("--repeat", type=int, default=2, help="runs per side; the fastest counts")
    ap.add_argument("--batch-size", type=int, default=32)
    args = ap.parse_args()

    articles = [a for a in read_articles([args.corpus]) if isinstance(a, Article)][: args.limit]
    if not articles:
        raise SystemExit(f"{args.corpus}: no readable articles")
    texts = [a.text for a in articles]
    words = sum(len(t.split()) for t in texts)

    bare = spacy.load(next(n for n in nlp_stage.MODEL_NAMES if spacy.util.is_package(n)))
    pipe = Pipeline()
    bare_parse(bare, texts[:5], args.batch_size)  # warm-up: caches, lazy loads, gazetteer
    polemos_extract(pipe, articles[:5])

    t_bare = best_of(args.repeat, lambda: bare_parse(bare, texts, args.batch_size))
    t_pol = best_of(args.repeat, lambda: polemos_extract(pipe, articles))
    print(f"corpus: {args.corpus}  articles: {len(articles)}  words: {words}")
    print(f"{'':16}{'seconds':>10}{'articles/s':>12}{'words/s':>10}")
    for name, t in (("bare spaCy", t_bare), ("polemos extract", t_pol)):
        print(f"{name:16}{t:10.2f}{len(articles) / t:12.1f}{words / t:10.0f}")
    print(f"cost ratio (polemos / bare spaCy): {t_pol / t_bare:.2f}")


if __name__ == "__main__":
    main()
