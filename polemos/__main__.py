from polemos.cli.main import cli

cli()
