"""One registry of letter channels: one entry each, an unknown one refused, no import cycle."""

from __future__ import annotations

import ast
import dataclasses
from pathlib import Path

import pytest

from decline.errors import InputError
from decline.settings import CHANNELS as SETTINGS_CHANNELS
from decline.settings import load_settings
from decline.writer import channels
from decline.writer.composer import compose
from decline.writer.letter import Letter
from writer_support import FULL_CANDIDATE, FULL_OFFER

WRITER = Path(channels.__file__).parent


def _imports(module: Path) -> set[str]:
    """Return every module `module` imports, at run time or for type checking alike."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(module.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def test_channels_and_the_writer_never_import_the_composer() -> None:
    for name in ("channels.py", "writing.py"):
        imported = _imports(WRITER / name)
        assert "decline.writer.composer" not in imported, name
        assert "decline.writer" not in imported or name != "channels.py"


def test_the_settings_file_knows_exactly_the_registered_channels() -> None:
    assert SETTINGS_CHANNELS == tuple(channels.CHANNELS) == channels.NAMES


@pytest.mark.parametrize("name", ["sms", "", "Email", "phone "])
def test_an_unknown_channel_is_an_error_naming_the_field_never_a_fall_through(name: str) -> None:
    with pytest.raises(InputError) as raised:
        compose(FULL_OFFER, FULL_CANDIDATE, channel=name)
    assert raised.value.field == "channel"
    assert "email, letter, linkedin, phone" in str(raised.value)


def test_an_unknown_channel_in_the_settings_file_names_the_file_and_the_choices(
    tmp_path: Path,
) -> None:
    path = tmp_path / "config.toml"
    path.write_text('[defaults]\nchannel = "sms"\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"\[defaults\] channel: expected one of email, letter"):
        load_settings(path)


def test_adding_a_channel_is_one_entry(monkeypatch: pytest.MonkeyPatch) -> None:
    def text_message(writer: object, _: object) -> Letter:
        email = channels.CHANNELS["email"].build(writer, _)  # type: ignore[arg-type]
        return dataclasses.replace(email, channel="sms", subject=None)

    registry = {**channels.CHANNELS, "sms": channels.Channel("sms", text_message, False)}
    monkeypatch.setattr(channels, "CHANNELS", registry)
    letter = compose(FULL_OFFER, FULL_CANDIDATE, channel="sms")
    assert letter.channel == "sms"
    assert letter.subject is None
    assert "Acme Analytics" in letter.body


@pytest.mark.parametrize("name", list(channels.CHANNELS))
def test_every_registered_channel_composes_in_every_tone(name: str) -> None:
    for tone in ("warm", "formal", "brief"):
        letter = compose(FULL_OFFER, FULL_CANDIDATE, channel=name, tone=tone)
        assert letter.channel == name
        assert letter.body.strip()
        mail = letter.follow_up or letter
        assert (mail.subject is not None) == channels.CHANNELS[name].makes_email


def test_a_channel_for_one_person_refuses_an_offer_with_nobody_named() -> None:
    nobody = dataclasses.replace(FULL_OFFER, contacts=())
    needs_one = [name for name, entry in channels.CHANNELS.items() if entry.needs_person]
    assert needs_one == ["linkedin"]
    with pytest.raises(InputError, match="goes to one person") as raised:
        compose(nobody, FULL_CANDIDATE, channel="linkedin")
    assert raised.value.field == "channel"
