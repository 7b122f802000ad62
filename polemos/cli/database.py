"""`polemos ingest`, `polemos events`, `polemos export`: the database side."""

from __future__ import annotations

import sys

import click

from .options import column_options, columns_from, max_age_option, min_confidence_option, published_date, published_option, untimed_option

DB_OPTION = click.option("--db", default="polemos.db", show_default=True, envvar="POLEMOS_DB",
                         help="SQLite file, or a SQLAlchemy URL (postgresql://...). Env: POLEMOS_DB.")


@click.command("ingest")
@click.argument("inputs", nargs=-1, required=True)
@DB_OPTION
@published_option
@max_age_option
@min_confidence_option
@untimed_option
@column_options
@click.option("--batch-size", default=32, show_default=True, metavar="N", help="Articles parsed per batch.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar or summary.")
def ingest_command(inputs: tuple[str, ...], db: str, published, max_age_days: int, min_confidence: float, drop_untimed: str, untimed_after: int, batch_size: int, quiet: bool,
                   **columns) -> None:
    """Code INPUT... and store articles, mentions and events in the database.

    Articles already stored (same id or same text) are skipped before parsing, so
    re-running adds nothing, and a run that was killed completes where it stopped. Each
    article is stored in its own transaction. Unreadable inputs are reported and skipped;
    the exit status is then 1.

    \b
    Examples:
      polemos ingest examples/sample_corpus.jsonl
      polemos ingest reports/ --db conflict.db
      polemos ingest https://example.org/feed.xml
      polemos ingest corpus.csv --text-column body --published-column date
    """
    from tqdm import tqdm

    from ..ingest import Article, read_articles
    from ..ingest.ids import content_hash
    from ..pipeline import Options, Pipeline
    from ..store import Store

    store = Store(db)
    ids, hashes = store.known()
    stats = {"new": 0, "skipped": 0, "failed": 0, "events": 0}

    def todo():
        for item in read_articles(list(inputs), published=published, columns=columns_from(columns)):
            if isinstance(item, Article) and (item.id in ids or content_hash(item.text) in hashes):
                stats["skipped"] += 1
                continue
            yield item

    bar = tqdm(unit=" articles", disable=True if quiet else None, file=sys.stderr, desc="ingest")
    for result in Pipeline(Options(batch_size=batch_size, max_age_days=max_age_days or None,
                                min_confidence=min_confidence or None,
                                drop_untimed=drop_untimed, untimed_past_sentence=untimed_after)).process(todo()):
        bar.update(1)
        if not hasattr(result, "article"):
            stats["failed"] += 1
            bar.write(f"polemos ingest: skipped {result}", file=sys.stderr)
            continue
        if store.add(result):
            stats["new"] += 1
            stats["events"] += len(result.events)
        else:
            stats["skipped"] += 1
    bar.close()
    if not quiet:
        click.echo(f"{stats['new']} new article(s) with {stats['events']} event(s), "
                   f"{stats['skipped']} already stored, {stats['failed']} failed; database: {store.target}",
                   err=True)
    if stats["failed"]:
        sys.exit(1)


def _query_options(f):
    f = click.option("--limit", type=int, default=None, metavar="N", help="At most N events.")(f)
    f = click.option("--actor", metavar="TEXT", help="Actor name or words containing TEXT.")(f)
    f = click.option("--type", "event_type", metavar="TEXT",
                     help="Event type or sub-type containing TEXT, e.g. Battles, 'air/drone'.")(f)
    f = click.option("--until", callback=published_date, metavar="YYYY-MM-DD", help="Events on or before.")(f)
    f = click.option("--since", callback=published_date, metavar="YYYY-MM-DD", help="Events on or after.")(f)
    f = click.option("--country", metavar="CC", help="ISO 3166 alpha-2 code, e.g. AZ.")(f)
    return DB_OPTION(f)


def _open(db: str):
    from pathlib import Path

    from ..store import Store

    if "://" not in db and not Path(db).exists():
        raise click.ClickException(f"{db}: no such database; create it with `polemos ingest INPUT --db {db}`")
    return Store(db)


@click.command("events")
@_query_options
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "jsonl", "geojson"]), default="table",
              show_default=True)
def events_command(db, country, since, until, event_type, actor, limit, fmt) -> None:
    """List stored events, oldest first, filtered by country, dates, type and actor.

    \b
    Examples:
      polemos events
      polemos events --country AZ --since 2020-12-01 --type Battles
      polemos events --actor "Al Shabaab" --format csv > shabaab.csv
      polemos events --format geojson > events.geojson
    """
    from ..export import table, write_csv, write_geojson, write_jsonl

    found = _open(db).events(country=country, since=since, until=until, event_type=event_type,
                             actor=actor, limit=limit)
    if fmt == "table":
        click.echo(table(found))
        click.echo(f"\n{len(found)} event(s)", err=True)
    else:
        {"csv": write_csv, "jsonl": write_jsonl, "geojson": write_geojson}[fmt](found, sys.stdout)


@click.command("export")
@_query_options
@click.option("--format", "fmt", type=click.Choice(["acled-csv", "csv", "jsonl", "geojson"]),
              default="acled-csv", show_default=True)
@click.option("--output", "-o", type=click.File("w", encoding="utf-8"), default="-",
              help="File to write (default: standard output).")
def export_command(db, country, since, until, event_type, actor, limit, fmt, output) -> None:
    """Export stored events, e.g. with ACLED's column names for existing ACLED workflows.

    \b
    Examples:
      polemos export --format acled-csv -o events.csv
      polemos export --country SO --since 2024-01-01 --format geojson -o somalia.geojson
    """
    from ..export import write_acled_csv, write_csv, write_geojson, write_jsonl

    found = _open(db).events(country=country, since=since, until=until, event_type=event_type,
                             actor=actor, limit=limit)
    {"acled-csv": write_acled_csv, "csv": write_csv, "jsonl": write_jsonl,
     "geojson": write_geojson}[fmt](found, output)
