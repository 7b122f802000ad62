"""`polemos evaluate muc4`, `wikievents`, `indiapolice` and `plover`: event detection on outside gold sets."""

from __future__ import annotations

import json
from pathlib import Path

import click


@click.command("muc4")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--limit", type=int, default=None, metavar="N", help="Only the first N messages that have a key.")
@click.option("--no-truecase", "no_truecase", is_flag=True,
              help="Give polemos the upper-case messages as they are (default: sentence case plus "
                   "capitals for names, done in the adapter).")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as one JSON object.")
@click.option("--errors", default=30, show_default=True, help="How many errors to list.")
def evaluate_muc4(paths: tuple[Path, ...], limit: int | None, no_truecase: bool, as_json: bool,
                  errors: int) -> None:
    """Score polemos on MUC-4 terrorism messages: message detection and victim counts.

    PATHS are message files, key files or directories holding both (a file brings the other
    files of its directory). A message is relevant when its key has an accomplished ATTACK,
    BOMBING, KIDNAPPING or ARSON template; polemos detects it when it codes at least one
    political-violence event. Victim counts (killed, injured) of the key's templates are
    compared with the events' fatalities and injured: exact, within 1, null (an event but
    no number) or no event. See polemos/evaluate/muc4.py for the exact rules.

    \b
    Examples:
      polemos evaluate muc4 ../shared/data/muc4/dev --limit 100
      polemos evaluate muc4 ../shared/data/muc4/tst1 ../shared/data/muc4/tst2
      polemos evaluate muc4 ../shared/data/muc4/dev/key-dev-0001.muc4 --no-truecase --json
    """
    from ..evaluate.muc4 import evaluate_muc4 as run, format_report

    try:
        result = run(list(paths), limit, truecase=not no_truecase)
    except FileNotFoundError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(json.dumps(result) if as_json else format_report(result, errors))


@click.command("wikievents")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--limit", type=int, default=None, metavar="N", help="Only the first N documents.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as one JSON object.")
@click.option("--errors", default=30, show_default=True, help="How many errors to list.")
def evaluate_wikievents(path: Path, limit: int | None, as_json: bool, errors: int) -> None:
    """Score polemos on WikiEvents (JSONL): attack, die and injure events and their arguments.

    Document- and mention-level detection P/R/F1 (a polemos political-violence event matches
    a gold Conflict.Attack / Life.Die / Life.Injure mention when one of its evidence
    sentences contains the trigger), then, over matched events, Attacker -> actor1,
    Target/Victim -> actor2 and Place -> location by head-word overlap. See
    polemos/evaluate/wikievents.py for the exact rules.

    \b
    Examples:
      polemos evaluate wikievents ../shared/data/wikievents/dev.jsonl
      polemos evaluate wikievents ../shared/data/wikievents/dev.jsonl --limit 5 --json
    """
    from ..evaluate.wikievents import evaluate_wikievents as run, format_report

    result = run(path, limit)
    click.echo(json.dumps(result) if as_json else format_report(result, errors))


@click.command("indiapolice")
@click.argument("directory", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--limit", type=int, default=None, metavar="N", help="Only the first N documents.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as one JSON object.")
@click.option("--errors", default=30, show_default=True, help="How many misses to list.")
def evaluate_indiapolice(directory: Path, limit: int | None, as_json: bool, errors: int) -> None:
    """Score polemos on IndiaPoliceEvents: police KILL, FORCE and ARREST sentences.

    Sentence recall per label (an event's evidence overlaps the labelled sentence; and its
    sub-type fits the label) and document detection, whose precision is a lower bound
    because the gold marks police actions only. See polemos/evaluate/indiapolice.py.

    \b
    Examples:
      polemos evaluate indiapolice ../shared/data/corpora/india_police_events --limit 200
      polemos evaluate indiapolice ../shared/data/corpora/india_police_events --json
    """
    from ..evaluate.indiapolice import evaluate_indiapolice as run, format_report

    try:
        result = run(directory, limit)
    except FileNotFoundError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(json.dumps(result) if as_json else format_report(result, errors))


@click.command("plover")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--limit", type=int, default=None, metavar="N", help="Only the first N sentences.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as one JSON object.")
@click.option("--errors", default=30, show_default=True, help="How many errors to list.")
def evaluate_plover(path: Path, limit: int | None, as_json: bool, errors: int) -> None:
    """Score polemos on the PLOVER gold-standard sentences (CAMEO-derived, one category each).

    FIGHT, ASSAULT and PROTEST sentences should give an event of a fitting ACLED type;
    threats, demands, rejections, talks, aid and sanctions should give none. Agreements,
    coercion, concessions, retreats and mobilisations may or may not be ACLED events and are
    only shown. See polemos/evaluate/plover.py.

    \b
    Examples:
      polemos evaluate plover ../shared/data/plover/PLOVER_GSR_CAMEO.txt
      polemos evaluate plover ../shared/data/plover/PLOVER_GSR_CAMEO.txt --limit 50 --json
    """
    from ..evaluate.plover import evaluate_plover as run, format_report

    try:
        result = run(path, limit)
    except ValueError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(json.dumps(result) if as_json else format_report(result, errors))
