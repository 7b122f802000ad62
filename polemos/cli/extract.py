"""`polemos extract`: code documents and print their events (no database)."""

from __future__ import annotations

import json
import sys

import click

from .options import column_options, columns_from, max_age_option, min_confidence_option, published_option, report_skipped, untimed_option


@click.command("extract")
@click.argument("inputs", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["jsonl", "table"]), default="jsonl", show_default=True,
              help="jsonl: one JSON object per document (the output contract); table: for reading.")
@published_option
@max_age_option
@min_confidence_option
@untimed_option
@column_options
def extract_command(inputs: tuple[str, ...], fmt: str, published, max_age_days: int, min_confidence: float, drop_untimed: str, untimed_after: int, **columns) -> None:
    """Find and code the events in INPUT... and print them, in input order.

    INPUT is a .txt, .html, .jsonl, .csv or RSS/Atom file, a directory of those, an http(s)
    URL of a feed or page, or - for standard input. A document that cannot be read is
    reported on standard error and, in jsonl, as {"id", "error"} in its place; the others
    go on, and the exit status is 1.

    \b
    Output (jsonl), one line per document:
      {"id": "karabakh", "published": "2020-12-13", "events": [
        {"event_id": "...", "disorder_type": "Political violence", "event_type": "Battles",
         "sub_event_type": "Armed clash", "event_date": "2020-12-11", "time_precision": 1,
         "date_text": "on Friday evening", "actor1": {...}, "actor2": {...},
         "location": {"name": "Hadrut", "country": "AZ", "latitude": 39.52, ...},
         "fatalities": null, "injured": 6, "claim_source": {"name": "Government of Armenia", ...},
         "evidence": [{"text": "...", "start": 1010, "end": 1150}], "confidence": 0.8}]}

    \b
    Examples:
      polemos extract report.txt --published 2020-12-13
      polemos extract page.html --format table
      polemos extract corpus.csv --text-column body --published-column date
      cat report.txt | polemos extract - --published 2020-12-13
      polemos extract archive.jsonl --max-age-days 0      # keep background events too
      polemos extract features.csv --drop-untimed always  # undated late asides are past, in every long article
    """
    from ..export import table
    from ..ingest import Article, read_articles
    from ..pipeline import Options, Pipeline

    items = read_articles(list(inputs), published=published, columns=columns_from(columns))
    failed = 0
    for item in Pipeline(Options(max_age_days=max_age_days or None,
                                min_confidence=min_confidence or None,
                                drop_untimed=drop_untimed, untimed_past_sentence=untimed_after)).process(items):
        if not hasattr(item, "article"):
            failed += 1
            report_skipped("extract", item, fmt)
            continue
        if fmt == "jsonl":
            sys.stdout.write(json.dumps(item.to_dict(), ensure_ascii=False) + "\n")
        else:
            art = item.article
            click.echo(f"\n{art.id}  published {art.published or 'unknown'}  {art.title or ''}")
            click.echo(table([e.to_dict() for e in item.events]) if item.events else "  (no events)")
        sys.stdout.flush()
    if failed:
        click.echo(f"polemos extract: {failed} input(s) could not be read", err=True)
        sys.exit(1)
