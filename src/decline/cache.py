"""A cache of what decline derives from its own data files, the way Python keeps bytecode.

Parsing the language files (TOML, in pure Python) and compiling the lexicon's patterns
(Python's `re` parses and compiles every pattern anew in each process) cost a command more
than the rest of its work. Each result is kept in the user's cache folder as `marshal`
data, stamped with its source file's path, size and modification time and with the
Python version, and is used only while all of them still match; anything else (no cache
folder, a read-only disk, a damaged or stale entry) means deriving it again, as without a
cache. Nothing personal is kept: only what the package's and languages' own files say.

`DECLINE_CACHE` names another folder, or `off` to keep nothing.
"""

from __future__ import annotations

import atexit
import builtins
import contextlib
import marshal
import os
import re
import sys
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from decline.userdirs import cache_dir

T = TypeVar("T")
ENVIRONMENT = "DECLINE_CACHE"
_FORMAT = 2


def folder() -> Path | None:
    """Return the cache folder (the platform's usual one), or None when caching is off."""
    chosen = os.environ.get(ENVIRONMENT)
    if chosen is not None:
        return None if chosen.strip().lower() in ("", "off") else Path(chosen)
    try:
        return cache_dir()
    except RuntimeError:  # no home folder to keep it in: nothing is kept
        return None


def _entry(kind: str, source: Path) -> tuple[Path | None, tuple[Any, ...] | None]:
    """Return where `kind` of `source` is kept and the stamp it must carry (None, None
    when caching is off or the source cannot be seen)."""
    where = folder()
    try:
        status = source.stat()
    except OSError:
        return None, None
    stamp = (_FORMAT, sys.version, str(source), status.st_mtime_ns, status.st_size, sys.byteorder)
    if where is None:
        return None, stamp
    name = f"{kind}-{zlib.crc32(str(source).encode('utf-8')):08x}.marshal"
    return where / name, stamp


def load(kind: str, source: Path) -> Any:
    """Return what was kept as `kind` for `source`, or None if nothing current is kept."""
    path, stamp = _entry(kind, source)
    if path is None:
        return None
    try:
        kept = marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return None
    if isinstance(kept, tuple) and len(kept) == 2 and kept[0] == stamp:
        return kept[1]
    return None


def keep(kind: str, source: Path, value: object) -> None:
    """Keep `value` as `kind` for `source` as it is now; a folder that cannot be written,
    or a value that is not plain data, just keeps nothing."""
    path, stamp = _entry(kind, source)
    if path is None:
        return
    try:
        data = marshal.dumps((stamp, value))  # type: ignore[arg-type]
    except ValueError:
        return
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_bytes(data)
        os.replace(temporary, path)
    except OSError:
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)


def derived(kind: str, source: Path, derive: Callable[[], T]) -> T:
    """Return `derive()`, from the cache while `source` and Python are unchanged."""
    kept = load(kind, source)
    if kept is not None:
        value: T = kept
        return value
    value = derive()
    keep(kind, source, value)
    return value


class _Kept:
    """One cache entry that grows: a dict read from the cache at first, with what a process
    adds to it written back once, when the process ends."""

    def __init__(self, kind: str, source: Path) -> None:
        self.kind, self.source = kind, source
        kept = load(kind, source)
        self.values: dict[str, Any] = kept if isinstance(kept, dict) else {}
        self.added = False

    def add(self, key: str, value: object) -> None:
        """Add `value` under `key`, to be kept when the process ends."""
        self.values[key] = value
        if not self.added:
            self.added = True
            atexit.register(self.write)

    def write(self) -> None:
        """Keep the values, the new ones included (atexit)."""
        if self.added:
            keep(self.kind, self.source, self.values)
            self.added = False


class Patterns:
    """Regular expressions compiled once per Python version, not once per process.

    `re.compile` parses a pattern and then builds the code its matching engine runs; the
    code is kept per pattern (as the engine's own `re._compiler` makes it) and handed back
    to the engine, which checks it before use. Any difference in the engine (another
    Python: the stamp differs; a missing internal: the fallback) means `re.compile`.
    Patterns compiled anew are written back when the process ends. The code is kept as
    its 32-bit words in one `bytes` (as the engine holds it), not as a list of numbers:
    a lexicon's hundreds of patterns then read back as many blocks, not 100,000 objects.
    """

    def __init__(self, kind: str, source: Path) -> None:
        self.kept = _Kept(f"{kind}-re", source)
        self.codes: dict[str, tuple[Any, ...]] = self.kept.values

    def compile(self, pattern: str, flags: int = 0) -> re.Pattern[str]:
        """Return `pattern` compiled, as `re.compile(pattern, flags)` would."""
        key = f"{int(flags)}:{pattern}"
        code = self.codes.get(key)
        if code is not None:
            try:
                flags_in_force, words, *groups = code
                compiled: re.Pattern[str] = _sre().compile(
                    pattern, flags_in_force, _words(words), *groups
                )
                return compiled
            except Exception:
                del self.codes[key]
        try:
            code, compiled = _compile(pattern, int(flags))
        except Exception:
            return re.compile(pattern, flags)
        self.kept.add(key, code)
        return compiled

    @property
    def added(self) -> bool:
        """Tell whether this process compiled a pattern the cache did not have."""
        return self.kept.added

    def write(self) -> None:
        """Keep the codes now, the new ones included (otherwise when the process ends)."""
        self.kept.write()


_engine: Any = None


def _sre() -> Any:
    """Return the regular-expression engine (`re`'s own, in C), looked up once: it is
    asked for again for every pattern the cache hands back."""
    global _engine
    if _engine is None:
        from importlib import import_module

        _engine = import_module("_sre")
    return _engine


def _words(kept: bytes | list[int]) -> list[int]:
    """Return the engine's code from its kept form: native 32-bit words in one `bytes`."""
    if isinstance(kept, list):
        return kept
    words = memoryview(kept).cast("I")
    if words.itemsize != 4:  # pragma: no cover - no platform Python supports has this
        raise ValueError("the engine's code words are not 32 bits here")
    return words.tolist()


def _compile(pattern: str, flags: int) -> tuple[tuple[Any, ...], re.Pattern[str]]:
    """Return the engine's arguments for `pattern` (its code as `bytes`) and the pattern
    they compile to: what `re._compiler.compile` does, kept in plain data."""
    from re import _compiler, _parser  # type: ignore[attr-defined]

    parsed = _parser.parse(pattern, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    in_force = flags | int(parsed.state.flags)
    words = [int(word) for word in _compiler._code(parsed, flags)]
    groups = (parsed.state.groups - 1, groupindex, tuple(indexgroup))
    compiled: re.Pattern[str] = _sre().compile(pattern, in_force, words, *groups)
    packed = b"".join(word.to_bytes(4, sys.byteorder) for word in words)
    return (in_force, packed, *groups), compiled


_code_patterns: Patterns | None = None


def compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """Return `re.compile(pattern, flags)`, through one cache for decline's own modules
    (kept per installed copy of decline, which a new version replaces)."""
    global _code_patterns
    if _code_patterns is None:
        _code_patterns = Patterns("code", Path(__file__))
    return _code_patterns.compile(pattern, flags)


class _Sources:
    """Python source compiled once per Python version: the methods `dataclasses` writes.

    `@dataclass` writes each class's `__init__`, `__repr__`, `__eq__`, … as source text
    and compiles it with `exec` in every process; for decline's own classes (and no one
    else's) the compiled code is kept, one entry per module, stamped like any other with
    that module's file, so a command stops paying ~0.5 ms per class.
    """

    def __init__(self) -> None:
        self.modules: dict[str, _Kept] = {}  # module file -> its kept codes

    def exec(self, source: object, scope: Any = None, names: Any = None, /) -> None:
        """Run `source` as `exec` would, from kept code when it is one of decline's."""
        owner = scope.get("__name__", "") if isinstance(scope, dict) else ""
        module = scope.get("__file__") if isinstance(scope, dict) else None
        if (
            isinstance(source, str)
            and isinstance(module, str)
            and (owner == "decline" or owner.startswith("decline."))
        ):
            kept = self.modules.get(module)
            if kept is None:
                kept = self.modules[module] = _Kept("dataclass", Path(module))
            code = kept.values.get(source)
            if code is None:  # compiled as `dataclasses` would: none of this module's futures
                code = builtins.compile(source, "<string>", "exec", dont_inherit=True)
                kept.add(source, code)
            source = code
        builtins.exec(source, scope, names)  # type: ignore[arg-type]


def speed_up_dataclasses() -> None:
    """Have `dataclasses` compile decline's classes through the cache (once per process).

    `dataclasses` calls `exec` by its global name; a module attribute of that name is
    found first, so this changes nothing but where decline's compiled methods come from.
    Other classes, another Python's `dataclasses`, or caching off: the usual `exec`.
    """
    import dataclasses

    if folder() is None or "exec" in vars(dataclasses):
        return
    dataclasses.exec = _Sources().exec  # type: ignore[attr-defined]
