"""The language registry: languages are folders of data, complete when they load."""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from decline import languages
from decline.errors import InputError

ROOT = Path(__file__).resolve().parent.parent
FILES = ("meta.toml", "lexicon.toml", "phrases.toml", "followups.toml", "messages.toml", "ui.toml")


def copy_of_english(root: Path, code: str) -> Path:
    """Copy English's data files into `root/code`: a language just like it."""
    folder = root / code
    folder.mkdir(parents=True)
    for name in FILES:
        shutil.copyfile(languages.PACKAGED / "en" / name, folder / name)
    return folder


def without_line(path: Path, line: str) -> None:
    """Remove one line (exactly once) from a data file."""
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    found = [index for index, each in enumerate(lines) if each.startswith(line)]
    assert len(found) == 1, (path, line, found)
    del lines[found[0]]
    path.write_text("".join(lines), encoding="utf-8")


def test_the_packaged_languages_are_found() -> None:
    assert {"en", "it"} <= set(languages.available())
    assert languages.meta("it").native_name == "Italiano"
    assert languages.meta("it").registers == ("lei", "tu")
    assert languages.meta("en").subject_label == "Subject"


@pytest.mark.parametrize("code", languages.available())
def test_every_packaged_language_is_complete(code: str) -> None:
    """Each language has every file and every key English has (checked as each loads)."""
    from decline.checker.lexicon import load
    from decline.evaluate.explain import messages
    from decline.web.i18n import Words
    from decline.workspace.followups import phrases
    from decline.writer.phrasebook import phrasebook, registers

    for name in FILES:
        assert (languages.folder(code) / name).is_file(), name
    assert load(code).code == code
    assert messages(code)
    assert phrases(code)
    assert Words(code)("app.title") != "app.title"
    for register in registers(code) or (None,):
        assert phrasebook(code, register).lang == code


# (file, the line taken out, the key then missing, how the code loads that file)
MISSING: list[tuple[str, str, str, Callable[[str], Any]]] = [
    ("phrases.toml", "list_and = ", "meta.list_and", lambda code: _phrasebook(code)),
    ("followups.toml", "first_name = ", "fallback.first_name", lambda code: _followups(code)),
    ("messages.toml", "growth = ", "criteria.growth", lambda code: _messages(code)),
    ("ui.toml", "skip = ", "app.skip", lambda code: _ui(code)),
    ("lexicon.toml", "checklist = ", "labels.checklist", lambda code: _lexicon(code)),
]


def _phrasebook(code: str) -> Any:
    from decline.writer.phrasebook import phrasebook

    return phrasebook(code)


def _followups(code: str) -> Any:
    from decline.workspace.followups import phrases

    return phrases(code)


def _messages(code: str) -> Any:
    from decline.evaluate.explain import messages

    return messages(code)


def _ui(code: str) -> Any:
    from decline.web.i18n import Words

    return Words(code)("app.title")


def _lexicon(code: str) -> Any:
    from decline.checker.lexicon import load

    return load(code)


@pytest.mark.parametrize(("name", "line", "key", "loader"), MISSING, ids=[m[0] for m in MISSING])
def test_a_missing_key_is_an_error_when_the_file_loads(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    line: str,
    key: str,
    loader: Callable[[str], Any],
) -> None:
    """Never English words in another language's letter: the gap is named, at load time."""
    code = "y" + "abcde"[[each[0] for each in MISSING].index(name)]
    folder = copy_of_english(tmp_path, code)
    without_line(folder / name, line)
    monkeypatch.setenv(languages.ENVIRONMENT, str(tmp_path))
    with pytest.raises(InputError) as raised:
        loader(code)
    message = str(raised.value)
    assert str(folder / name) in message
    assert repr(key) in message
    assert f"en/{name}" in message


def test_a_complete_copy_loads(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The check above is about the missing key, not about copies: a whole copy loads."""
    copy_of_english(tmp_path, "yz")
    monkeypatch.setenv(languages.ENVIRONMENT, str(tmp_path))
    for _, _, _, loader in MISSING:
        assert loader("yz")


def test_a_register_beyond_the_default_may_change_only_some_tables() -> None:
    from decline.writer.phrasebook import phrasebook

    tu = phrasebook("it", "tu")
    assert tu.register == "tu"
    assert tu.data["warm"]["salutation"] != phrasebook("it").data["warm"]["salutation"]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ('native_name = "Yy"\n', "name"),
        ('name = "Yy"\nnative_name = ""\n', "native_name"),
        (
            'name = "Y"\nnative_name = "Y"\nlocale = "en"\nregisters = "lei"\n',
            "registers",
        ),
    ],
)
def test_a_bad_meta_file_names_its_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str, found: str
) -> None:
    (tmp_path / "yy").mkdir()
    (tmp_path / "yy" / "meta.toml").write_text(text, encoding="utf-8")
    monkeypatch.setenv(languages.ENVIRONMENT, str(tmp_path))
    with pytest.raises(InputError, match=rf"meta\.toml: {found}: expected"):
        languages.meta("yy")


def test_meta_refuses_an_unknown_key_and_bad_toml(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = copy_of_english(tmp_path, "yy")
    meta = folder / "meta.toml"
    meta.write_text(meta.read_text("utf-8") + 'colour = "blue"\n', encoding="utf-8")
    bad = copy_of_english(tmp_path, "yx") / "meta.toml"
    bad.write_text("name = ", encoding="utf-8")
    monkeypatch.setenv(languages.ENVIRONMENT, str(tmp_path))
    with pytest.raises(InputError, match="unknown key 'colour'"):
        languages.meta("yy")
    with pytest.raises(InputError, match=r"yx/meta\.toml: not valid TOML"):
        languages.meta("yx")


def test_only_folders_with_meta_are_languages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "zz").mkdir()  # no meta.toml: not a language
    (tmp_path / "notes").mkdir()  # not a language code
    monkeypatch.setenv(languages.ENVIRONMENT, f"{tmp_path}{os.pathsep}/nowhere")
    assert "zz" not in languages.available()
    with pytest.raises(InputError, match=r"unsupported language 'zz'; expected one of .*en"):
        languages.folder("zz")


def test_a_folder_on_the_path_replaces_the_packaged_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = copy_of_english(tmp_path, "it")
    monkeypatch.setenv(languages.ENVIRONMENT, str(tmp_path))
    assert languages.folder("it") == folder
    assert languages.meta("it").native_name == "English"


def test_mail_headers_in_any_language_are_known_in_every_letter() -> None:
    """An English letter pasted from an Italian mail client keeps its subject line."""
    from decline.checker.document import parse
    from decline.checker.lexicon import load

    english = load("en")
    assert not any("oggetto" in pattern for pattern, _ in english.entries["subject"])
    text = (
        "Da: Alex Rivera\nA: Maria Rossi\nOggetto: The offer\n\n"
        "Dear Maria,\nThank you for the offer. I have decided not to accept it.\n\n"
        "Best regards,\nAlex"
    )
    document = parse(text, english)
    assert document.subject is not None
    assert text[slice(*document.subject)] == "Oggetto: The offer"
    assert document.salutation is not None
    assert text[slice(*document.salutation)].startswith("Dear Maria")


def test_no_code_lists_the_languages() -> None:
    """Adding a language adds a folder: no list of codes in the code or the templates."""
    pair = re.compile(r"""["'](?:en|it)["']\s*,\s*["'](?:en|it)["']""")
    # The learned layer names the languages a trained model has a say in: a fact about the
    # model (what it was trained and measured on), not a list of the languages decline speaks.
    about_a_model = {"learned.py", "train.py"}
    found = [
        f"{path.relative_to(ROOT)}:{number}"
        for pattern in ("*.py", "*.html")
        for path in sorted((ROOT / "src" / "decline").rglob(pattern))
        if path.name not in about_a_model
        for number, line in enumerate(path.read_text("utf-8").splitlines(), 1)
        if pair.search(line)
    ]
    assert not found, found


def test_a_broken_lexicon_names_its_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from decline.checker.lexicon import load

    lacking = copy_of_english(tmp_path, "yl") / "lexicon.toml"
    lacking.write_text(
        re.sub(r"(?m)^grovel = \[", "grovelling = [", lacking.read_text("utf-8")), "utf-8"
    )
    broken = copy_of_english(tmp_path, "ym") / "lexicon.toml"
    broken.write_text("[patterns\n", encoding="utf-8")
    monkeypatch.setenv(languages.ENVIRONMENT, str(tmp_path))
    with pytest.raises(
        InputError, match=r"yl/lexicon\.toml: \[patterns\] lacks categories: grovel"
    ):
        load("yl")
    with pytest.raises(InputError, match=r"ym/lexicon\.toml: not valid TOML"):
        load("ym")


def test_a_missing_file_is_an_error_not_english(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Follow-ups once fell back to English's file; now the missing file is named."""
    folder = copy_of_english(tmp_path, "yf")
    (folder / "followups.toml").unlink()
    monkeypatch.setenv(languages.ENVIRONMENT, str(tmp_path))
    with pytest.raises(InputError, match=r"yf/followups\.toml: cannot read it"):
        _followups("yf")
