"""`decline config`: the settings in force and where they come from."""

from __future__ import annotations

import click

from decline.cli.main import State


@click.command("config")
@click.pass_obj
def command(state: State) -> None:
    """Show the settings in force: the file they come from, then each value."""
    settings = state.settings()
    origin = "" if settings.exists else "  (not present: built-in defaults in force)"
    click.echo(f"# settings file: {settings.path}{origin}")
    click.echo("[defaults]")
    click.echo(f'tone = "{settings.tone}"')
    click.echo(f'channel = "{settings.channel}"')
    lang = f'"{settings.lang}"' if settings.lang else '"auto"  # from the offer file or letter'
    click.echo(f"lang = {lang}")
    click.echo("\n[review]")
    click.echo("ignore = [" + ", ".join(f'"{code}"' for code in settings.review_ignore) + "]")
    smtp = settings.smtp
    click.echo("\n[smtp]  # the password comes from DECLINE_SMTP_PASSWORD or the keyring")
    click.echo(f'host = "{smtp.host or ""}"')
    click.echo(f"port = {smtp.port or 0}")
    click.echo(f'security = "{smtp.security}"')
    click.echo(f'user = "{smtp.user or ""}"')
