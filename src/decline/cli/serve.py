"""`decline serve`: the local web app and HTTP API, on 127.0.0.1 unless told otherwise.

Another host (a LAN address, 0.0.0.0) is refused without `--token`, since anyone who can
reach it could read the workspace; with a token, every request outside `/v2/` needs it.
"""

from __future__ import annotations

import click

from decline.cli.main import State
from decline.errors import InputError


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8765, show_default=True, type=click.IntRange(0, 65535))
@click.option("--open", "open_browser", is_flag=True, help="Open the app in your browser.")
@click.option(
    "--token",
    envvar="DECLINE_TOKEN",
    metavar="T",
    help="Require this token (needed to listen beyond loopback; or DECLINE_TOKEN).",
)
@click.pass_obj
def command(state: State, host: str, port: int, open_browser: bool, token: str | None) -> None:
    """Open the local web app and HTTP API (127.0.0.1)."""
    from decline.web.guard import is_loopback
    from decline.workspace.store import Workspace, default_path

    if not is_loopback(host) and not token:
        raise InputError(
            f"--host {host}: listening beyond this machine needs --token T "
            "(anyone who can reach the address could read your workspace)"
        )
    if token is not None and len(token) < 8:
        raise InputError("--token: use at least 8 characters")
    db_path = state.db or default_path()
    Workspace.open(db_path).close()  # a bad workspace fails here, with one line
    from decline.web import create_app, server

    app = create_app(db_path, token=token, host=host, settings=state.settings())
    shown = "127.0.0.1" if host in ("0.0.0.0", "::") else host
    shown = f"[{shown}]" if ":" in shown else shown
    address = f"http://{shown}:{port}/"
    link = f"{address}?token={token}" if token else address
    click.echo(f"decline: serving {db_path} at {link}  (Ctrl-C stops)", err=True)
    if open_browser:
        import threading
        import webbrowser

        threading.Timer(1.0, webbrowser.open, args=(link,)).start()
    server.run(app, host, port)
