"""The user's folders decline keeps its files in: settings, workspace, cache.

The answers are platformdirs' `user_config_dir("decline")`, `user_data_dir("decline")` and
`user_cache_dir("decline")` (as of platformdirs 4.14), worked out here on Linux and macOS,
where they are a few environment variables and the home folder: importing platformdirs
costs a command ~5 ms, about as much as its own work. Elsewhere (Windows, iOS, an Android
app) platformdirs itself answers.

- Linux and other Unix: `$XDG_CONFIG_HOME`, `$XDG_DATA_HOME`, `$XDG_CACHE_HOME` when set to
  an absolute path, else `~/.config`, `~/.local/share`, `~/.cache`; then `decline`.
- macOS: the same variables first, else `~/Library/Application Support` (settings and
  data) and `~/Library/Caches`; then `decline`.
"""

from __future__ import annotations

import os
import posixpath
import sys
from pathlib import Path

APP = "decline"

# kind -> (its XDG variable, the default on Linux and other Unix, the default on macOS)
_PLACES: dict[str, tuple[str, str, str]] = {
    "config": ("XDG_CONFIG_HOME", "~/.config", "~/Library/Application Support"),
    "data": ("XDG_DATA_HOME", "~/.local/share", "~/Library/Application Support"),
    "cache": ("XDG_CACHE_HOME", "~/.cache", "~/Library/Caches"),
}


def config_dir() -> Path:
    """Return the folder of the settings file (platformdirs' `user_config_dir`)."""
    return Path(user_dir("config"))


def data_dir() -> Path:
    """Return the folder of the workspace (platformdirs' `user_data_dir`)."""
    return Path(user_dir("data"))


def cache_dir() -> Path:
    """Return the folder of the cache (platformdirs' `user_cache_dir`)."""
    return Path(user_dir("cache"))


def user_dir(kind: str, platform: str = sys.platform) -> str:
    """Return the user's `kind` folder for decline ("config", "data" or "cache"), as
    platformdirs would on `platform`; RuntimeError when there is no home folder to go by."""
    variable, unix, macos = _PLACES[kind]
    if platform in ("win32", "ios") or _maybe_android_app():
        return _from_platformdirs(kind)
    base = os.environ.get(variable, "")
    if not posixpath.isabs(base):  # unset, empty or relative: the platform's default
        base = _expand_user(macos if platform == "darwin" else unix)
    return os.path.join(base, APP)


def _maybe_android_app() -> bool:
    """Tell whether platformdirs might take this for an Android app (it then decides)."""
    return hasattr(sys, "getandroidapilevel") or (
        os.environ.get("ANDROID_DATA") == "/data" and os.environ.get("ANDROID_ROOT") == "/system"
    )


def _from_platformdirs(kind: str) -> str:
    import platformdirs

    if kind == "config":
        return platformdirs.user_config_dir(APP)
    if kind == "data":
        return platformdirs.user_data_dir(APP)
    return platformdirs.user_cache_dir(APP)


def _expand_user(path: str) -> str:
    """Expand the leading `~` of `path` as platformdirs does: like `os.path.expanduser`, but
    a relative `HOME` counts as unset (the account's home folder is looked up instead)."""
    home = os.environ.get("HOME")
    if home is not None and not _is_absolute(home):
        expanded = path
        try:
            import pwd

            expanded = pwd.getpwuid(os.getuid()).pw_dir.rstrip("/") + path[1:] or "/"
        except (ImportError, KeyError):
            pass
    else:
        expanded = os.path.expanduser(path)
    if not _is_absolute(expanded):
        raise RuntimeError(
            f"could not determine the home directory for {path!r}, set an absolute HOME or "
            "XDG variable"
        )
    return expanded


def _is_absolute(path: str) -> bool:
    return posixpath.isabs(path) or Path(path).is_absolute()
