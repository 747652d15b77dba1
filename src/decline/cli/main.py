"""The `decline` command group: global options, lazy subcommands, exit codes.

Subcommands are imported only when they run, so `decline review` never pays for Babel,
Starlette, iCalendar or the workspace. Each subcommand module exposes one Click command
named `command`.
"""

from __future__ import annotations

import gc
import os
import signal
import sys


def _exit_interrupted(signum: int, frame: object) -> None:
    """Leave at once with exit 3: Ctrl-C before `run` has set up its own handling, or after."""
    try:
        os.write(2, b"decline: interrupted\n")
    finally:
        os._exit(3)  # ExitCode.INTERRUPTED, before anything else is imported


def _is_entry_point() -> bool:
    """Tell whether this process is the `decline` command (not a test importing the CLI)."""
    program = sys.argv[0] if sys.argv else ""
    name = os.path.basename(program)
    return name in ("decline", "decline.exe") or program.endswith(
        os.path.join("decline", "__main__.py")
    )


# Ctrl-C during the imports below must not print a traceback: until `run` takes over, an
# interrupt simply ends the process with exit 3. (Before this line, Python is still
# starting and handles it itself.) A parent may have started us with SIGINT blocked; a
# Ctrl-C pending since then is delivered here, to this handler.
if _is_entry_point():
    # A command's start-up creates tens of thousands of objects (modules, classes,
    # functions) and no garbage worth a collection: the collector runs 70 times less often.
    gc.set_threshold(50_000, 20, 100)
    signal.signal(signal.SIGINT, _exit_interrupted)
    if hasattr(signal, "pthread_sigmask"):  # not on Windows
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})

from importlib import import_module  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

import click  # noqa: E402

from decline import cache  # noqa: E402
from decline.errors import InputError  # noqa: E402
from decline.exitcodes import ExitCode  # noqa: E402

cache.speed_up_dataclasses()  # here, not in `import decline`: after the Ctrl-C handler

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
        if cmd_name not in COMMANDS:
            return None
        module = COMMANDS[cmd_name][0]
        try:
            command = import_module(module).command
        except ModuleNotFoundError as missing:  # a command left out of this build
            if missing.name != module:
                raise
            return None
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
    previous = signal.getsignal(signal.SIGINT)
    signal.signal(signal.SIGINT, signal.default_int_handler)  # Ctrl-C: KeyboardInterrupt
    try:
        code = _run(argv)
    except KeyboardInterrupt:  # while reporting another error
        code = _interrupted()
    finally:
        # once the outcome is known, a late Ctrl-C must not turn into a traceback either
        signal.signal(signal.SIGINT, previous)
    if _is_entry_point():
        # The process ends next. Python's exit runs full garbage collections over every
        # object still alive (the modules, classes and functions of the start-up: 7–9 ms,
        # more than many commands' own work), only to free memory the system takes back
        # anyway; frozen, they are skipped. Files, sockets and the workspace are closed by
        # then, and the atexit steps (the cache's writes) still run.
        gc.freeze()
    sys.exit(code)


def _run(argv: list[str] | None) -> int:
    try:
        code = cli.main(args=argv, prog_name="decline", standalone_mode=False)
    except InputError as error:
        click.echo(f"decline: {error}", err=True)
        return ExitCode.BAD_INPUT
    except click.exceptions.Abort as abort:
        # click.confirm(abort=True) raises Abort both for "n" and for Ctrl-C at the prompt;
        # only the second is an interruption ("n" is an answer: nothing changed).
        if isinstance(abort.__context__, KeyboardInterrupt):
            return _interrupted()
        click.echo("Nothing changed.", err=True)
        return ExitCode.NEGATIVE
    except KeyboardInterrupt:
        return _interrupted()
    except click.exceptions.Exit as done:
        return done.exit_code
    except click.ClickException as error:
        error.show()
        return ExitCode.BAD_INPUT
    except BrokenPipeError:
        sys.stderr.close()
        return ExitCode.DONE
    except Exception as error:  # a bug: say so plainly, keep the details for the report
        import traceback

        if os.environ.get("DECLINE_DEBUG"):
            traceback.print_exc()
        click.echo(
            f"decline: internal error ({type(error).__name__}: {error}); "
            "please report it — set DECLINE_DEBUG=1 for details",
            err=True,
        )
        return ExitCode.INTERNAL
    return code if isinstance(code, int) else ExitCode.DONE


def _interrupted() -> int:
    click.echo("decline: interrupted", err=True)
    return ExitCode.INTERRUPTED


if __name__ == "__main__":
    run()
