"""The settings file: app-level defaults (`config.toml` in the user config directory).

Precedence (docs/design.md): command-line options > the offer file or workspace > this file >
built-in defaults. Secrets never live here: the SMTP password comes from the environment
or the system keyring.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from decline import languages
from decline.errors import InputError

TONES = ("warm", "formal", "brief")
SECURITIES = ("starttls", "ssl", "none")

_KNOWN: dict[str, tuple[str, ...]] = {
    "defaults": ("tone", "channel", "lang"),
    "review": ("ignore",),
    "smtp": ("host", "port", "security", "user", "sender"),
}


@dataclass(frozen=True)
class SmtpSettings:
    """Where to deliver mail; never the password."""

    host: str | None = None
    port: int | None = None
    security: str = "starttls"
    user: str | None = None
    sender: str | None = None


@dataclass(frozen=True)
class Settings:
    """The settings in force, and the file they came from (None: built-in defaults)."""

    path: Path | None = None
    tone: str = "warm"
    channel: str = "email"
    lang: str | None = None
    review_ignore: tuple[str, ...] = ()
    smtp: SmtpSettings = field(default_factory=SmtpSettings)
    exists: bool = False


def default_path() -> Path:
    """Return the settings file's path: `DECLINE_CONFIG`, else the platform's config dir."""
    env = os.environ.get("DECLINE_CONFIG")
    if env:
        return Path(env)
    from decline.userdirs import config_dir

    return config_dir() / "config.toml"


def _choice(path: Path, section: str, key: str, value: object, choices: tuple[str, ...]) -> str:
    if not isinstance(value, str) or value not in choices:
        raise InputError(
            f"{path}: [{section}] {key}: expected one of {', '.join(choices)}, found {value!r}"
        )
    return value


def _channel(path: Path, value: object) -> str:
    """Return a known letter channel: the writer's registry is the one list of them."""
    from decline.writer.channels import NAMES

    return _choice(path, "defaults", "channel", value, NAMES)


def __getattr__(name: str) -> tuple[str, ...]:
    """Give `CHANNELS` from the writer's registry, loaded only when asked for."""
    if name == "CHANNELS":
        from decline.writer.channels import NAMES

        return NAMES
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def load_settings(path: Path | None = None, *, explicit: bool = False) -> Settings:
    """Read the settings file; a missing file gives the built-in defaults.

    `explicit` says the user named the file (`--config`), so a missing one is an error.
    """
    path = path or default_path()
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        if explicit:
            raise InputError(f"{path}: settings file not found") from None
        return Settings(path=path)
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"{path}: cannot read the settings file ({error})") from None
    import tomllib

    try:
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as error:
        raise InputError(f"{path}: not valid TOML: {error}") from None
    for section, table in data.items():
        if section not in _KNOWN:
            raise InputError(
                f"{path}: unknown section [{section}]; expected one of "
                + ", ".join(f"[{name}]" for name in _KNOWN)
            )
        if not isinstance(table, dict):
            raise InputError(f"{path}: [{section}] must be a table, found {table!r}")
        for key in table:
            if key not in _KNOWN[section]:
                raise InputError(
                    f"{path}: unknown key {key!r} in [{section}]; expected one of "
                    + ", ".join(_KNOWN[section])
                )
    defaults = data.get("defaults", {})
    review = data.get("review", {})
    smtp = data.get("smtp", {})
    ignore = review.get("ignore", [])
    if not isinstance(ignore, list) or not all(isinstance(code, str) for code in ignore):
        raise InputError(
            f"{path}: [review] ignore: expected a list of rule codes, found {ignore!r}"
        )
    port = smtp.get("port")
    if port is not None and (not isinstance(port, int) or not 0 < port < 65536):
        raise InputError(f"{path}: [smtp] port: expected a number 1–65535, found {port!r}")
    for key in ("host", "user", "sender"):
        if key in smtp and not isinstance(smtp[key], str):
            raise InputError(f"{path}: [smtp] {key}: expected text, found {smtp[key]!r}")
    return Settings(
        path=path,
        exists=True,
        tone=_choice(path, "defaults", "tone", defaults.get("tone", "warm"), TONES),
        channel=_channel(path, defaults.get("channel", "email")),
        lang=(
            _choice(path, "defaults", "lang", defaults["lang"], languages.available())
            if "lang" in defaults
            else None
        ),
        review_ignore=tuple(code.strip().upper() for code in ignore),
        smtp=SmtpSettings(
            host=smtp.get("host"),
            port=port,
            security=_choice(
                path, "smtp", "security", smtp.get("security", "starttls"), SECURITIES
            ),
            user=smtp.get("user"),
            sender=smtp.get("sender"),
        ),
    )
