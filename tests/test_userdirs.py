"""decline's user folders are the ones platformdirs names, without importing it."""

from __future__ import annotations

from pathlib import Path

import platformdirs
import pytest
from platformdirs.macos import MacOS
from platformdirs.unix import Unix

from decline import cache, settings, userdirs
from decline.workspace import store

KINDS = ("config", "data", "cache")
VARIABLES = ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME")


def _platformdirs(cls: type[Unix] | type[MacOS], kind: str) -> str:
    dirs = cls("decline")
    return {"config": dirs.user_config_dir, "data": dirs.user_data_dir}.get(
        kind, dirs.user_cache_dir
    )


ENVIRONMENTS = {
    "nothing set": {},
    "absolute XDG": {name: f"/xdg/{name.lower()}" for name in VARIABLES},
    "relative XDG": dict.fromkeys(VARIABLES, "relative/xdg"),
    "empty XDG": dict.fromkeys(VARIABLES, ""),
    "blank XDG": dict.fromkeys(VARIABLES, "  "),
    "home with a slash": {"HOME": "/home/someone/"},
    "relative home": {"HOME": "somewhere"},
    "empty home": {"HOME": ""},
    "root home": {"HOME": "/"},
}


@pytest.mark.parametrize("environment", ENVIRONMENTS.values(), ids=ENVIRONMENTS.keys())
@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize(("platform", "cls"), [("linux", Unix), ("darwin", MacOS)])
def test_the_folders_are_platformdirs_answers(
    monkeypatch: pytest.MonkeyPatch,
    environment: dict[str, str],
    kind: str,
    platform: str,
    cls: type[Unix] | type[MacOS],
) -> None:
    monkeypatch.setenv("HOME", "/home/someone")
    for name in VARIABLES:
        monkeypatch.delenv(name, raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    assert userdirs.user_dir(kind, platform) == _platformdirs(cls, kind)


def test_no_home_folder_is_an_error_as_in_platformdirs(monkeypatch: pytest.MonkeyPatch) -> None:
    import pwd

    def unknown(uid: int) -> None:
        raise KeyError(uid)

    monkeypatch.setenv("HOME", "relative")
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setattr(pwd, "getpwuid", unknown)
    with pytest.raises(RuntimeError) as theirs:
        Unix("decline").user_cache_dir  # noqa: B018
    with pytest.raises(RuntimeError) as ours:
        userdirs.user_dir("cache", "linux")
    assert str(ours.value) == str(theirs.value)
    monkeypatch.delenv(cache.ENVIRONMENT, raising=False)
    assert cache.folder() is None  # no cache, rather than no command


def test_elsewhere_platformdirs_answers(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", "/xdg/config")
    assert userdirs.user_dir("config", "win32") == platformdirs.user_config_dir("decline")
    monkeypatch.setenv("ANDROID_DATA", "/data")
    monkeypatch.setenv("ANDROID_ROOT", "/system")
    assert userdirs.user_dir("data", "linux") == platformdirs.user_data_dir("decline")


def test_settings_workspace_and_cache_use_them(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DECLINE_CONFIG", raising=False)
    monkeypatch.delenv(cache.ENVIRONMENT, raising=False)
    for name in VARIABLES:
        monkeypatch.setenv(name, f"/xdg/{name.lower()}")
    assert settings.default_path() == Path(platformdirs.user_config_dir("decline"), "config.toml")
    assert store.default_path() == Path(platformdirs.user_data_dir("decline"), "decline.db")
    assert cache.folder() == Path(platformdirs.user_cache_dir("decline"))
