"""Options shared by several commands."""

from __future__ import annotations

import json
import sys

import click

from ..errors import BadDateError
from ..ingest import Columns
from ..ingest.dates import parse_date


def published_date(ctx: click.Context, param: click.Parameter, value: str | None):
    """Click callback: a YYYY-MM-DD option value as a date, or a usage error naming it."""
    if value is None:
        return None
    try:
        return parse_date(value, f"--{param.name.replace('_', '-')}")
    except BadDateError as exc:
        raise click.BadParameter(str(exc)) from None


def published_option(f):
    return click.option("--published", callback=published_date, metavar="YYYY-MM-DD",
                        help="Publication date for every input (else each document's own, "
                             "a dateline or a date in its URL).")(f)


def max_age_option(f):
    return click.option("--max-age-days", default=60, show_default=True, metavar="N",
                        help="Leave out events dated N days or more before publication: a story's "
                             "background, coded from its own reports (0: keep every event).")(f)


def min_confidence_option(f):
    return click.option("--min-confidence", default=0.45, show_default=True, type=click.FloatRange(0, 1),
                        metavar="X", help="In articles of 12 sentences or more, leave out events less sure "
                                          "than X but the surest: violence named in passing (0: keep every event).")(f)


def untimed_option(f):
    """--drop-untimed and --untimed-after: which events told once, late and with no time of
    their own are background (the pipeline's ``Options.drop_untimed``)."""
    f = click.option("--untimed-after", default=4, show_default=True, type=click.IntRange(1), metavar="N",
                     help="Where --drop-untimed starts: events past the first N sentences.")(f)
    return click.option("--drop-untimed", type=click.Choice(["auto", "always", "never"]), default="auto",
                        show_default=True,
                        help="In articles of 12 sentences or more that date none of their events, leave out "
                             "events told only once, late, with no time of their own: past context. auto: "
                             "only where the register model reads the article as background (analysis, "
                             "opinion, feature, profile), not as hard news; always; never.")(f)


def column_options(f):
    """--text-column etc. for JSONL and CSV corpora whose fields have other names."""
    for name, default in reversed(list(Columns.__dataclass_fields__.items())):
        f = click.option(f"--{name}-column", f"{name}_column", metavar="NAME", default=None,
                         help=f"Field holding the {name} in JSONL/CSV input "
                              f"(default: the first of {', '.join(repr(x) for x in default.default if x) or repr('')}).")(f)
    return f


def columns_from(kwargs: dict) -> Columns:
    given = {name: (kwargs.pop(f"{name}_column"),) for name in list(Columns.__dataclass_fields__)
             if kwargs.get(f"{name}_column")}
    for name in Columns.__dataclass_fields__:
        kwargs.pop(f"{name}_column", None)
    return Columns(**given)


def report_skipped(command: str, item, fmt: str) -> None:
    """An input that could not be read: a message on standard error and, in JSONL, an
    ``{"id": null, "origin", "error"}`` line in its place, so output lines match the inputs."""
    click.echo(f"polemos {command}: skipped {item}", err=True)
    if fmt == "jsonl":
        sys.stdout.write(json.dumps({"id": None, "origin": item.origin, "error": str(item)}) + "\n")
