"""`decline import` checks the whole export before it touches anything ("nothing lost").

Each case starts from a real workspace (offers added, one decline sent, one prepared as an
.eml with its review), exports it, breaks one thing in the export, and checks that the
import is exit 2 naming table, row and column, and that the target workspace is exactly as
it was, byte for byte and row for row.
"""

from __future__ import annotations

import copy
import json
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from cli_support import decline, example_offers
from decline.cli.main import run

Capture = pytest.CaptureFixture[str]
Export = dict[str, Any]


def _run(db: Path, *args: str) -> None:
    with pytest.raises(SystemExit) as done:
        run(["--db", str(db), *args])
    assert done.value.code in (0, None), args


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> tuple[Export, Path]:
    """Make, once, an export of a workspace that has been through add, decide, send, sent,
    and another workspace holding different offers for the import to replace."""
    folder = tmp_path_factory.mktemp("made")
    source = folder / "source.db"
    _run(source, "add", str(example_offers()))
    _run(source, "decide", "acme", "decline")
    _run(source, "sent", "acme")
    _run(source, "decide", "beta", "decline")
    _run(source, "send", "beta", "--via", "eml", "-o", str(folder / "beta.eml"))
    _run(source, "export", "-o", str(folder / "export.json"))
    data: Export = json.loads((folder / "export.json").read_text(encoding="utf-8"))
    assert data["tables"]["letters"][-1]["message"]  # the exact bytes, as base64
    offers = folder / "mine.toml"
    text = example_offers().read_text(encoding="utf-8").replace('id = "gamma"', 'id = "delta"')
    offers.write_text(text, encoding="utf-8")
    template = folder / "target.db"
    _run(template, "add", str(offers))
    _run(template, "decide", "acme", "decline")
    _run(template, "sent", "acme")
    return data, template


@pytest.fixture
def exported(made: tuple[Export, Path]) -> Export:
    """Return a fresh copy of the export to break."""
    return copy.deepcopy(made[0])


@pytest.fixture
def target(made: tuple[Export, Path], tmp_path: Path) -> Path:
    """Return a workspace that already holds different offers, to be replaced."""
    path = tmp_path / "target.db"
    shutil.copyfile(made[1], path)
    return path


def rows(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    connection = sqlite3.connect(path)
    try:
        names = [r[0] for r in connection.execute("SELECT name FROM sqlite_master")]
        return {
            name: connection.execute(f"SELECT * FROM {name} ORDER BY rowid").fetchall()
            for name in names
            if not name.startswith("sqlite_") and "_by_" not in name
        }
    finally:
        connection.close()


def import_broken(capsys: Capture, tmp_path: Path, target: Path, data: Export) -> tuple[int, str]:
    """Import `data` into `target`; check nothing changed when refused; return code and err."""
    before_bytes = target.read_bytes()
    before_rows = rows(target)
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    outcome = decline(capsys, target, "import", str(path), "--yes")
    if outcome.code != 0:
        assert target.read_bytes() == before_bytes
        assert rows(target) == before_rows
    assert "Traceback" not in outcome.err
    assert "internal error" not in outcome.err
    return outcome.code, outcome.err


def test_the_untouched_export_imports_and_everything_works_after(
    capsys: Capture, tmp_path: Path, target: Path, exported: Export
) -> None:
    code, err = import_broken(capsys, tmp_path, target, exported)
    assert code == 0, err
    for command in (["status"], ["followups"], ["send", "gamma", "--dry-run"]):
        assert decline(capsys, target, *command).code in (0, 1)


def test_an_export_without_its_letters_table_is_refused_and_nothing_is_lost(
    capsys: Capture, tmp_path: Path, target: Path, exported: Export
) -> None:
    del exported["tables"]["letters"]
    code, err = import_broken(capsys, tmp_path, target, exported)
    assert code == 2
    assert "missing table 'letters'" in err
    assert "the workspace is unchanged" in err
    again = decline(capsys, target, "send", "acme", "--via", "eml", "-o", str(tmp_path / "x.eml"))
    assert again.code == 1  # the record of the sent decline survived: never twice
    assert "already declined" in again.err


def test_empty_tables_wipe_nothing(
    capsys: Capture, tmp_path: Path, target: Path, exported: Export
) -> None:
    exported["tables"] = {}
    code, err = import_broken(capsys, tmp_path, target, exported)
    assert code == 2
    assert "8 problems" in err
    assert len(rows(target)["offers"]) == 3


def _set(table: str, index: int, column: str, value: object) -> Callable[[Export], None]:
    def change(data: Export) -> None:
        data["tables"][table][index][column] = value

    return change


def _drop(table: str, index: int, column: str) -> Callable[[Export], None]:
    def change(data: Export) -> None:
        del data["tables"][table][index][column]

    return change


def _append_copy(table: str, index: int) -> Callable[[Export], None]:
    def change(data: Export) -> None:
        data["tables"][table].append(copy.deepcopy(data["tables"][table][index]))

    return change


# (what is broken, the change, the words the message must hold)
BROKEN: list[tuple[str, Callable[[Export], None], str]] = [
    ("received not a date", _set("offers", 0, "received", "yesterday"), "offers row 1"),
    ("deadline a number", _set("offers", 0, "deadline", 20261127), "column deadline"),
    ("ratings not JSON", _set("offers", 0, "ratings", "{not json"), "column ratings"),
    ("ratings out of range", _set("offers", 0, "ratings", '{"culture": 7}'), "from 1 to 5"),
    ("equity unknown key", _set("offers", 0, "equity", '{"value": 1, "x": 2}'), "'x'"),
    ("commute a list", _set("offers", 0, "commute", "[40]"), "column commute"),
    ("salary as text", _set("offers", 0, "base_salary", "62000"), "column base_salary"),
    ("salary negative", _set("offers", 0, "base_salary", -5), "base_salary"),
    ("offer id malformed", _set("offers", 0, "id", "Acme Corp"), "column id"),
    ("offer without company", _drop("offers", 0, "company"), "column company"),
    ("offer added_at garbage", _set("offers", 0, "added_at", "soon"), "column added_at"),
    ("candidate as a list", _set("candidate", 0, "name", []), "candidate row 1, column name"),
    ("candidate lang", _set("candidate", 0, "lang", "english"), "lang"),
    ("no candidate", lambda d: d["tables"].update(candidate=[]), "candidate: expected one row"),
    ("unknown column", _set("contacts", 0, "nickname", "Mary"), "unknown column"),
    ("contact of no offer", _set("contacts", 0, "offer_id", "nope"), "contacts row 1"),
    ("contact role", _set("contacts", 0, "role", "boss"), "hiring_manager"),
    ("duplicate contact id", _append_copy("contacts", 0), "expected a unique value"),
    ("decision word", _set("decisions", 0, "decision", "maybe"), "accept, decline"),
    ("decided_at garbage", _set("decisions", 0, "decided_at", "x"), "column decided_at"),
    ("letter state", _set("letters", 0, "state", "gone"), "letters row 1, column state"),
    ("letter via", _set("letters", 0, "via", "pigeon"), "column via"),
    ("letter lang", _set("letters", -1, "lang", "xx"), "column lang"),
    ("letter review", _set("letters", -1, "review", "{not json"), "column review"),
    ("letter bytes", _set("letters", -1, "message", "%%% not base64"), "base64"),
    ("letter ready", _set("letters", -1, "ready", 2), "column ready"),
    ("letter ready bool", _set("letters", -1, "ready", True), "column ready"),
    ("letter of no offer", _set("letters", 0, "offer_id", "ghost"), "letters row 1"),
    ("followup due", _set("followups", 0, "due", "next week"), "followups row 1, column due"),
    ("followup letter", _set("followups", 0, "letter_id", 99), "column letter_id"),
    ("followup kind", _set("followups", 0, "kind", "lunch"), "column kind"),
    ("meta not JSON", _set("meta", 0, "value", "{"), "meta"),
    ("meta unknown key", _set("meta", 0, "key", "colour"), "column key"),
    ("priority kind", _set("priorities", 0, "kind", "vibes"), "column kind"),
    ("priority unknown", _set("priorities", 0, "criterion", "vibes"), "vibes"),
    ("unknown table", lambda d: d["tables"].update(extras=[]), "unknown table 'extras'"),
    ("rows not a list", lambda d: d["tables"].update(offers={}), "tables.offers"),
    ("row not a table", lambda d: d["tables"]["offers"].append(3), "offers row 4"),
    ("newer schema", lambda d: d["migrations"].append("0099_future"), "newer version"),
]


@pytest.mark.parametrize(
    ("change", "words"), [case[1:] for case in BROKEN], ids=[case[0] for case in BROKEN]
)
def test_a_broken_value_is_exit_2_naming_where_and_nothing_changes(
    capsys: Capture,
    tmp_path: Path,
    target: Path,
    exported: Export,
    change: Callable[[Export], None],
    words: str,
) -> None:
    change(exported)
    code, err = import_broken(capsys, tmp_path, target, exported)
    assert code == 2, err
    assert words in err
    assert len(err.strip().splitlines()) >= 2  # the summary, then each problem on its line


def test_every_problem_is_listed_at_once(
    capsys: Capture, tmp_path: Path, target: Path, exported: Export
) -> None:
    exported["tables"]["offers"][0]["received"] = "yesterday"
    exported["tables"]["letters"][0]["state"] = "gone"
    exported["tables"]["followups"][0]["due"] = "soon"
    code, err = import_broken(capsys, tmp_path, target, exported)
    assert code == 2
    assert "3 problems" in err
    for found in ("'yesterday'", "'gone'", "'soon'"):
        assert f"found {found}" in err


def test_a_toml_export_keeps_its_empty_tables(capsys: Capture, tmp_path: Path) -> None:
    db = tmp_path / "w.db"
    decline(capsys, db, "add", str(example_offers()))
    out = tmp_path / "e.toml"
    assert decline(capsys, db, "export", "--format", "toml", "-o", str(out)).code == 0
    assert "letters = []" in out.read_text(encoding="utf-8")
    assert decline(capsys, tmp_path / "new.db", "import", str(out)).code == 0
