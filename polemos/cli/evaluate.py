"""`polemos evaluate events`: event coding against gold JSON."""

from __future__ import annotations

import json
from pathlib import Path

import click

from .options import untimed_option


@click.command("events")
@click.argument("gold", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--texts", multiple=True, metavar="INPUT",
              help="Where the gold documents' texts are (ids must match); default: NAME.txt beside NAME.gold.json.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as one JSON object.")
@click.option("--errors", default=30, show_default=True, help="How many errors to list.")
@untimed_option
def evaluate_events(gold: tuple[Path, ...], texts: tuple[str, ...], as_json: bool, errors: int,
                    drop_untimed: str, untimed_after: int) -> None:
    """Score event coding against gold codings: event P/R/F1, field accuracy, sub-type confusion.

    \b
    Examples:
      polemos evaluate events ../shared/data/seed/karabakh-2020-12-13.gold.json
      polemos evaluate events examples/sample_gold.json --texts examples/sample_corpus.jsonl
      polemos evaluate events benchmarks/guardian/test.json --texts guardian_syria.csv --drop-untimed never
    """
    from ..evaluate.events import evaluate_events as run, format_report
    from ..pipeline import Options

    try:
        result = run(list(gold), list(texts) or None, Options(drop_untimed=drop_untimed, untimed_past_sentence=untimed_after))
    except FileNotFoundError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(json.dumps(result) if as_json else format_report(result, errors))


def snippet_options(f):
    """--mode, --limit and --json, shared by the commands that score labelled snippets."""
    f = click.option("--json", "as_json", is_flag=True, help="Print the scores as one JSON object.")(f)
    f = click.option("--limit", type=int, default=None, metavar="N", help="Only the first N snippets.")(f)
    return click.option("--mode", type=click.Choice(["pipeline", "classifier"]), default="pipeline",
                        show_default=True,
                        help="pipeline: the label of polemos' most confident event (NONE if none); "
                             "classifier: the sentence classifier alone.")(f)


@click.command("case2021")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@snippet_options
def evaluate_case2021(path: Path, mode: str, limit: int | None, as_json: bool) -> None:
    """Score sub-event typing on CASE-2021 Task 2 snippets (TSV: id, EventSnippet, SubType).

    Weighted F1 over the 25 ACLED sub-types, per-type scores, the share of disaster snippets
    coded as conflict events, and the most frequent confusions.

    \b
    Example:
      polemos evaluate case2021 ../shared/data/case2021/dev.tsv
      polemos evaluate case2021 ../shared/data/case2021/dev.tsv --mode classifier
    """
    from ..evaluate.case2021 import evaluate_case2021 as run, format_report

    result = run(path, mode, limit)
    click.echo(json.dumps(result) if as_json else format_report(result))


@click.command("snippets")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@snippet_options
def evaluate_snippets(path: Path, mode: str, limit: int | None, as_json: bool) -> None:
    """Score sub-event typing on labelled snippets (JSON Lines: {"text": ..., "label": ...},
    the label an ACLED sub-event type or NONE).

    Weighted F1 over the sub-types present, per-type scores, the share of NONE snippets coded
    as events, and the most frequent confusions.

    \b
    Example (the test half of the project's held-out set, never used for tuning):
      polemos evaluate snippets benchmarks/heldout/test.jsonl
    """
    from ..evaluate.snippets import evaluate_snippets as run, format_report

    try:
        result = run(path, mode, limit)
    except ValueError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(json.dumps(result) if as_json else format_report(result, path.name))
