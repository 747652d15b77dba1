"""`python -m decline` runs the CLI."""

from decline.cli.main import run

run()
