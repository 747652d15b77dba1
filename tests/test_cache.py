"""decline's cache of derived data: used only while current, never wrong, never required."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from decline import cache
from decline.checker import lexicon

ROOT = Path(__file__).resolve().parents[1]
DRAFT = ROOT / "src" / "decline" / "data" / "drafts" / "graceful.txt"
TEXTS = [
    DRAFT.read_text(encoding="utf-8"),
    "Dear Ms. Rossi, thank you for the offer; after careful thought I must decline it. "
    "The commute would be a nightmare and frankly the salary was disappointing.",
    "Gentile dottoressa, La ringrazio per la proposta, ma ho deciso di non accettare. "
    "Resto a disposizione per future opportunità. Cordiali saluti",
]


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    where = tmp_path / "cache"
    monkeypatch.setenv(cache.ENVIRONMENT, str(where))
    return where


def test_a_derived_value_is_kept_until_its_source_changes(folder: Path, tmp_path: Path) -> None:
    source = tmp_path / "data.toml"
    source.write_text("a = 1\n", encoding="utf-8")
    calls: list[int] = []

    def derive() -> dict[str, object]:
        calls.append(1)
        return {"text": source.read_text(encoding="utf-8"), "n": len(calls)}

    first = cache.derived("t", source, derive)
    assert cache.derived("t", source, derive) == first
    assert len(calls) == 1  # the second answer came from the cache
    source.write_text("a = 22\n", encoding="utf-8")  # another size: stale
    assert cache.derived("t", source, derive) == {"text": "a = 22\n", "n": 2}
    os.utime(source, ns=(1, 1))  # same size, another time: stale too
    assert cache.derived("t", source, derive)["n"] == 3


def test_a_damaged_entry_or_a_folder_that_cannot_be_written_only_costs_time(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "data.toml"
    source.write_text("x\n", encoding="utf-8")
    cache.derived("t", source, lambda: [1, 2])
    (entry,) = folder.iterdir()
    entry.write_bytes(b"\x00garbage")
    assert cache.derived("t", source, lambda: [3]) == [3]
    assert cache.derived("t", source, lambda: [4]) == [3]  # rewritten, and current again
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv(cache.ENVIRONMENT, str(blocker / "cache"))  # cannot be a folder
    assert cache.derived("t", source, lambda: [5]) == [5]
    assert cache.derived("t", source, lambda: [6]) == [6]
    assert not list(tmp_path.glob("a-file*/**"))


def test_off_keeps_nothing(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(cache.ENVIRONMENT, "off")
    assert cache.folder() is None
    source = tmp_path / "data.toml"
    source.write_text("x\n", encoding="utf-8")
    calls: list[int] = []

    def derive() -> int:
        calls.append(1)
        return len(calls)

    assert [cache.derived("t", source, derive) for _ in range(2)] == [1, 2]


def test_cached_patterns_behave_exactly_like_re_compile(folder: Path) -> None:
    """Every lexicon pattern, compiled from its kept code, has the same flags and groups and
    finds the same matches as `re.compile` on letters in both languages."""
    for code in lexicon.available():
        loaded = lexicon.load(code)
        scans = [a.scan for alts in loaded.alternatives.values() for a in alts]
        source = lexicon.source_path(code)
        writer = cache.Patterns(f"test-{code}", source)
        for scan in scans:
            writer.compile(scan)
        writer.write()
        reader = cache.Patterns(f"test-{code}", source)
        assert len(reader.codes) == len(set(scans))  # all read back from the file
        for scan in scans:
            kept, fresh = reader.compile(scan), re.compile(scan)
            assert (kept.pattern, kept.flags, kept.groups, kept.groupindex) == (
                fresh.pattern,
                fresh.flags,
                fresh.groups,
                fresh.groupindex,
            )
            for text in TEXTS:
                lowered = text.lower()
                found = [m.span() for m in kept.finditer(lowered)]
                assert found == [m.span() for m in fresh.finditer(lowered)], scan
        assert reader.added == 0  # nothing compiled anew


def test_a_kept_code_the_engine_refuses_falls_back_to_re(folder: Path, tmp_path: Path) -> None:
    source = tmp_path / "lexicon.toml"
    source.write_text("x\n", encoding="utf-8")
    patterns = cache.Patterns("bad", source)
    patterns.codes["0:thank(s| you)"] = (32, [1, 2, 3], 1, {}, (None, None))  # not valid code
    compiled = patterns.compile("thank(s| you)")
    assert compiled.search("many thanks").group(1) == "s"  # type: ignore[union-attr]
    patterns.compile("decline", re.IGNORECASE)
    assert patterns.compile("decline", re.IGNORECASE).search("DECLINE")


def test_the_command_keeps_its_cache_and_reads_it_back(tmp_path: Path) -> None:
    where = tmp_path / "cache"
    env = {**os.environ, cache.ENVIRONMENT: str(where), "NO_COLOR": "1"}
    argv = [sys.executable, "-m", "decline", "review", str(DRAFT)]

    def run() -> str:
        done = subprocess.run(argv, capture_output=True, text=True, env=env, timeout=60)
        assert done.returncode == 0, done.stderr
        return done.stdout

    first = run()
    kinds = {path.name.split("-")[0] for path in where.iterdir()}
    assert {"toml", "lexicon", "code"} <= kinds
    assert run() == first
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    env[cache.ENVIRONMENT] = str(blocker / "cache")  # a cache that cannot be written
    assert run() == first


DATACLASSES = """
import dataclasses, pickle, sys
from pathlib import Path
import decline.cli.main  # the command installs the cache for decline's dataclasses
from decline.offers import Contact

@dataclasses.dataclass(frozen=True)
class Outside:  # not decline's: compiled as usual, never kept
    outside_field_name: int = 1

ana = Contact(name="Ana Ruiz", email="ana@example.com")
again = Contact(name="Ana Ruiz", email="ana@example.com")
try:
    ana.name = "Bo"  # frozen
    frozen = False
except dataclasses.FrozenInstanceError:
    frozen = True
print(repr(ana), ana == again, hash(ana) == hash(again), frozen, Outside() == Outside(),
      pickle.loads(pickle.dumps(ana)) == ana)
print(Contact.__init__.__annotations__)  # the fields' own annotations, not generated names
"""


def test_decline_dataclasses_come_from_the_cache_and_behave_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    where = tmp_path / "cache"

    def run(chosen: str) -> str:
        env = {**os.environ, cache.ENVIRONMENT: chosen}
        done = subprocess.run([sys.executable, "-c", DATACLASSES], capture_output=True,
                              text=True, env=env, timeout=60, check=False)  # fmt: skip
        assert done.returncode == 0, done.stderr
        return done.stdout

    plain = run("off")
    assert not where.exists()
    assert run(str(where)) == plain  # compiled and kept
    kept = list(where.glob("dataclass-*.marshal"))
    assert kept  # one entry per module of decline's that defines a dataclass
    assert run(str(where)) == plain  # from the cache
    first, annotations = plain.splitlines()
    assert "Contact(name='Ana Ruiz'" in first
    assert first.split(")", 1)[1].split() == ["True"] * 5
    assert "'name': 'str'" in annotations
    assert "dataclass" not in annotations
    monkeypatch.setenv(cache.ENVIRONMENT, str(where))
    sources = [cache.load("dataclass", Path(decline_file)) for decline_file in _modules(where)]
    texts = "".join(text for codes in sources if codes for text in codes)
    assert "__init__" in texts
    assert "outside_field_name" not in texts
    # a damaged entry is compiled again, with the same result
    kept[0].write_bytes(b"not marshal")
    assert run(str(where)) == plain


def _modules(where: Path) -> list[str]:
    """Return the module files whose dataclass entries are in `where`."""
    import marshal

    return [marshal.loads(path.read_bytes())[0][2] for path in where.glob("dataclass-*")]
