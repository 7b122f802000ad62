"""CLI commands for dates: ``polemos timex`` and ``polemos evaluate timex``."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from polemos.cli.options import published_date, report_skipped


@click.command("timex")
@click.argument("inputs", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["jsonl", "table"]), default="jsonl", show_default=True,
              help="jsonl: one JSON object per document; table: one line per expression.")
@click.option("--published", callback=published_date, metavar="YYYY-MM-DD",
              help="Publication date for every input (else each document's own, its dateline or URL).")
def timex(inputs: tuple[str, ...], fmt: str, published) -> None:
    """Tag time expressions (TIMEX3) in INPUT... and resolve them to calendar values.

    INPUT is a .txt, .html, .jsonl or .csv file, a directory of those, a URL, or - for
    standard input. Relative expressions ("last Friday", "two days ago") are resolved against
    the publication date: --published, else the document's own date, else a dateline near
    the top ("BAKU, Dec 13 (Reuters) -") or a date in its URL; without one they stay
    unresolved (e.g. XXXX-WXX-5).

    \b
    Output (jsonl), in input order:
      {"id": "...", "timexes": [{"text": "Tuesday last week", "start": 210, "end": 227,
                                "type": "DATE", "value": "2020-12-08"}, ...]}

    \b
    Examples:
      polemos timex report.txt --published 2020-12-13
      polemos timex corpus.jsonl --format table
      echo "Clashes broke out on Friday evening." | polemos timex - --published 2020-12-13
    """
    from polemos.ingest import Article, read_articles
    from polemos.resolve.when import publication_date, tag

    failed = 0
    for item in read_articles(list(inputs), published=published):
        if not isinstance(item, Article):
            report_skipped("timex", item, fmt)
            failed += 1
            continue
        pub = item.published
        if pub is None:
            pub, _ = publication_date(item.text, item.url)
        found = tag(item.text, pub)
        if fmt == "jsonl":
            rec = {
                "id": item.id,
                "timexes": [
                    {"text": t.text, "start": t.start, "end": t.end, "type": t.type, "value": t.value}
                    for t in found
                ],
            }
            sys.stdout.write(json.dumps(rec, ensure_ascii=False) + "\n")
        else:
            for t in found:
                click.echo(f"{item.id}\t{t.start}\t{t.end}\t{t.type:<8}\t{t.value}\t{t.text}")
    if failed:
        sys.exit(1)


@click.command("timex")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the scores as one JSON object.")
@click.option("--worst", default=25, show_default=True, help="How many of the most frequent errors to list.")
def evaluate_timex(paths: tuple[Path, ...], as_json: bool, worst: int) -> None:
    """Score the time tagger on TimeML files (.tml), TempEval-3 style.

    PATH is a .tml file or a directory searched for them. Each document's TEXT is tagged
    with its creation time (DCT) as publication date; reported are strict and relaxed span
    P/R/F1, type and value accuracy, value F1 (relaxed F1 x value accuracy), and the most
    frequent misses, spurious tags and wrong values.

    \b
    Example:
      polemos evaluate timex data/time/TimeBank data/time/AQUAINT
    """
    from polemos.evaluate.timeml import evaluate_timeml, format_report, timeml_files

    if not timeml_files(list(paths)):
        raise click.UsageError("no .tml files found in " + ", ".join(map(str, paths)))
    result = evaluate_timeml(list(paths), worst=worst)
    if as_json:
        click.echo(json.dumps(result, ensure_ascii=False))
    else:
        click.echo(format_report(result))
