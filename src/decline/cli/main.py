"""The `decline` command group: global options, lazy subcommands, exit codes.

Subcommands are imported only when they run, so `decline review` never pays for numpy,
matplotlib or Rich. Each subcommand module exposes one Click command named `command`.
"""

from __future__ import annotations

import os
import sys
from importlib import import_module
from pathlib import Path
from typing import Any

import click

from decline.errors import InputError
from decline.exitcodes import ExitCode

# name -> (module, one-line help shown by `decline --help`)
COMMANDS: dict[str, tuple[str, str]] = {
    "compare": ("decline.cli.compare", "Weigh the offers against your priorities (P1)."),
    "write": ("decline.cli.write", "Write a graceful decline for one offer (P2–P7)."),
    "review": ("decline.cli.review", "Check drafts against the principles of a graceful decline."),
    "rules": ("decline.cli.rules", "List the review rules, or print one rule's doc."),
    "init": ("decline.cli.init", "Write a commented example offer file to start from."),
    "config": ("decline.cli.config", "Show the settings in force and where they come from."),
    "demo": ("decline.cli.demo", "Run the whole journey on the bundled example."),
    "add": ("decline.cli.add", "Import offers and contacts into the workspace."),
    "decide": ("decline.cli.decide", "Record that you accept or decline an offer."),
    "status": ("decline.cli.status", "See what is urgent: deadlines, decisions, next steps (P3)."),
    "send": ("decline.cli.send", "Review and send the decline for an offer, never twice."),
    "sent": ("decline.cli.sent", "Confirm a decline you sent yourself; follow-ups start."),
    "followups": ("decline.cli.followups", "Stay connected: list, complete, snooze (P6, P7)."),
    "calendar": ("decline.cli.calendar", "Export deadlines and follow-ups as an .ics calendar."),
    "export": ("decline.cli.export", "Write the whole workspace out (json, toml, csv)."),
    "import": ("decline.cli.import_", "Restore the workspace from a json or toml export."),
    "forget": ("decline.cli.forget", "Remove an offer and everything tied to it."),
    "serve": ("decline.cli.serve", "Open the local web app and HTTP API (127.0.0.1)."),
}


class LazyGroup(click.Group):
    """A group whose subcommands are imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return [name for name, (module, _) in COMMANDS.items() if _available(module)]

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS or not _available(COMMANDS[cmd_name][0]):
            return None
        command = import_module(COMMANDS[cmd_name][0]).command
        assert isinstance(command, click.Command)
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [
            (name, summary) for name, (module, summary) in COMMANDS.items() if _available(module)
        ]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


def _available(module: str) -> bool:
    from importlib.util import find_spec

    return find_spec(module) is not None


class State:
    """What the global options say, handed to every subcommand through the context."""

    def __init__(
        self, db: Path | None, config: Path | None, color: bool, config_explicit: bool = False
    ) -> None:
        self.db = db
        self.config = config
        self.color = color
        self.config_explicit = config_explicit

    def settings(self) -> Any:
        from decline.settings import load_settings

        return load_settings(self.config, explicit=self.config_explicit)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--db",
    type=click.Path(dir_okay=False, path_type=Path),
    envvar="DECLINE_DB",
    help="The workspace database (default: in your user data directory).",
)
@click.option(
    "--config",
    type=click.Path(dir_okay=False, path_type=Path),
    envvar="DECLINE_CONFIG",
    help="The settings file (default: config.toml in your user config directory).",
)
@click.option("--no-color", is_flag=True, help="Plain output, no colour (NO_COLOR is honoured).")
@click.version_option(package_name="decline")
@click.pass_context
def cli(ctx: click.Context, db: Path | None, config: Path | None, no_color: bool) -> None:
    """Weigh a job offer and, when the answer is no, decline it gracefully."""
    color = not no_color and not os.environ.get("NO_COLOR") and sys.stdout.isatty()
    explicit = ctx.get_parameter_source("config") is click.core.ParameterSource.COMMANDLINE
    ctx.obj = State(db=db, config=config, color=color, config_explicit=explicit)
    if not color:
        ctx.color = False


def run(argv: list[str] | None = None) -> None:
    """Run the CLI and exit with one of the codes in `ExitCode`, never a traceback for input."""
    try:
        code = cli.main(args=argv, prog_name="decline", standalone_mode=False)
    except InputError as error:
        click.echo(f"decline: {error}", err=True)
        sys.exit(ExitCode.BAD_INPUT)
    except click.exceptions.Abort:
        click.echo("decline: interrupted", err=True)
        sys.exit(ExitCode.INTERRUPTED)
    except KeyboardInterrupt:
        click.echo("decline: interrupted", err=True)
        sys.exit(ExitCode.INTERRUPTED)
    except click.exceptions.Exit as done:
        sys.exit(done.exit_code)
    except click.ClickException as error:
        error.show()
        sys.exit(ExitCode.BAD_INPUT)
    except BrokenPipeError:
        sys.stderr.close()
        sys.exit(ExitCode.DONE)
    except Exception as error:  # a bug: say so plainly, keep the details for the report
        import traceback

        if os.environ.get("DECLINE_DEBUG"):
            traceback.print_exc()
        click.echo(
            f"decline: internal error ({type(error).__name__}: {error}); "
            "please report it — set DECLINE_DEBUG=1 for details",
            err=True,
        )
        sys.exit(ExitCode.INTERNAL)
    sys.exit(code if isinstance(code, int) else ExitCode.DONE)


if __name__ == "__main__":
    run()
