"""The `polemos` command: a thin skin over the Python API."""

from __future__ import annotations

import click

from .. import __version__
from .database import events_command, export_command, ingest_command
from .evaluate import evaluate_case2021, evaluate_events, evaluate_snippets
from .evaluate_more import evaluate_indiapolice, evaluate_muc4, evaluate_plover, evaluate_wikievents
from .extract import extract_command
from .geo import evaluate_geo, geoparse
from .timex import evaluate_timex, timex


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="polemos")
def cli() -> None:
    """polemos: conflict news in, ACLED-style events out, offline.

    \b
    Quick start:
      polemos extract report.txt --published 2020-12-13      # events as JSON, no database
      polemos ingest reports/ feed.xml --db polemos.db        # code and store
      polemos events --db polemos.db --country AZ             # query what is stored
      polemos export --db polemos.db --format acled-csv > events.csv
    """


@cli.group()
def evaluate() -> None:
    """Measure polemos against gold data (paths are arguments; nothing is bundled)."""


cli.add_command(extract_command)
cli.add_command(ingest_command)
cli.add_command(events_command)
cli.add_command(export_command)
cli.add_command(geoparse)
cli.add_command(timex)
evaluate.add_command(evaluate_events)
evaluate.add_command(evaluate_case2021)
evaluate.add_command(evaluate_snippets)
evaluate.add_command(evaluate_geo)
evaluate.add_command(evaluate_timex)
evaluate.add_command(evaluate_muc4)
evaluate.add_command(evaluate_wikievents)
evaluate.add_command(evaluate_indiapolice)
evaluate.add_command(evaluate_plover)
