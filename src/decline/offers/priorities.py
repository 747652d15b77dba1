"""Read `[priorities]`: direct weights, or AHP pairwise judgements on Saaty's 1–9 scale."""

from __future__ import annotations

from collections.abc import Collection
from itertools import combinations
from typing import Any, Protocol

from decline.errors import show as _show
from decline.offers import RANGES, Priorities, Range, builtin_criteria
from decline.offers.lines import Path as KeyPath


class _Reader(Protocol):
    """What reading `[priorities]` asks of the offer file's reader (`offers.parsing`).

    A protocol, so this module depends on nothing but the models: the parser calls it,
    never the other way round.
    """

    def problem(self, where: KeyPath, message: str) -> None: ...

    def suggest(self, name: str, known: Collection[str]) -> str: ...

    def table(self, raw: object, where: KeyPath, ctx: str, key: str) -> dict[str, Any] | None: ...

    def number(
        self,
        table: dict[str, Any],
        key: str,
        where: KeyPath,
        ctx: str,
        field: str,
        *,
        expected: str | None = None,
    ) -> float | None: ...


MAX_AHP_CRITERIA = 15
Known = dict[str, None]  # the criterion names, in order, with a set's quick lookup
_EXACT = 1e-9  # "1/9" as a float may fall a hair outside the scale
_SCALE = Range(RANGES["priorities.pairwise.PAIR"].text, 1 / 9 - _EXACT, 9 + _EXACT)


def _judgement(value: object) -> float | None:
    """Return a pairwise judgement as a number: 3, 0.2 or the text "1/3"."""
    if isinstance(value, bool):
        return None
    number: object = value
    if isinstance(value, str) and len(value) <= 40:  # "1/3", "0.333…": never a long text
        top, _, bottom = value.partition("/")
        try:
            number = float(top) / float(bottom) if bottom else float(top)
        except (ValueError, ZeroDivisionError):
            return None
    return float(number) if _SCALE.accepts(number) else None  # type: ignore[arg-type]


def _check_name(reader: _Reader, name: str, where: tuple[str, ...], known: Known) -> bool:
    """Say whether `name` is a criterion (built in, or rated by some offer); report it if not."""
    if name in known:
        return True
    reader.problem(
        where,
        f"[priorities] {_show(name)}: expected a built-in criterion "
        f"({', '.join(builtin_criteria())}) or one some offer rates in `ratings`, "
        f"found {_show(name)}{reader.suggest(name, known)}",
    )
    return False


def read_priorities(reader: _Reader, raw: object, rated: set[str]) -> Priorities:
    """Validate `[priorities]` and return the weights or the pairwise judgements."""
    table = reader.table(raw, ("priorities",), "", "[priorities]")
    if table is None:
        return Priorities()
    builtins = builtin_criteria()
    known = dict.fromkeys([*builtins, *sorted(rated - set(builtins))])
    pairwise_raw = table.get("pairwise")
    direct = {k: v for k, v in table.items() if k != "pairwise"}
    if pairwise_raw is not None and direct:
        reader.problem(
            ("priorities",),
            "[priorities]: expected either direct weights or [priorities.pairwise] judgements, "
            f"found both (weights for {', '.join(direct)})",
        )
        return Priorities()
    if pairwise_raw is not None:
        return Priorities(pairwise=_read_pairwise(reader, pairwise_raw, known))
    weights: dict[str, float] = {}
    for name in direct:
        where = ("priorities", name)
        if not _check_name(reader, name, where, known):
            continue
        value = reader.number(table, name, ("priorities",), "[priorities] ", "priorities.NAME")
        if value is not None:
            weights[name] = value
    if weights and not any(weights.values()):
        reader.problem(("priorities",), "[priorities]: expected some weight above 0, found all 0")
    return Priorities(weights=weights)


def _read_pairwise(reader: _Reader, raw: object, known: Known) -> dict[tuple[str, str], float]:
    where = ("priorities", "pairwise")
    table = reader.table(raw, where, "", "[priorities.pairwise]")
    if table is None:
        return {}
    ctx = "[priorities.pairwise] "
    judgements: dict[tuple[str, str], float] = {}
    seen: dict[frozenset[str], str] = {}
    names: dict[str, None] = {}  # in order of first mention
    for key, value in table.items():
        here = (*where, key)
        parts = key.split("/")
        if len(parts) != 2 or not all(p.strip() for p in parts) or parts[0] == parts[1]:
            reader.problem(
                here, f'{ctx}{_show(key)}: expected a pair of two criteria such as "growth/commute"'
            )
            continue
        first, second = (p.strip() for p in parts)
        if not all(_check_name(reader, n, here, known) for n in (first, second)):
            continue
        pair = frozenset((first, second))
        if pair in seen:
            reader.problem(
                here,
                f"{ctx}{_show(key)}: expected each pair once, found it again (as {seen[pair]!r}); "
                "the reciprocal is implied",
            )
            continue
        seen[pair] = key
        number = _judgement(value)
        if number is None:
            reader.problem(
                here,
                f"{ctx}{_show(key)}: expected {_SCALE.text}, found {_show(value)}",
            )
            continue
        judgements[(first, second)] = number
        names.update(dict.fromkeys((first, second)))
    if len(names) > MAX_AHP_CRITERIA:
        reader.problem(
            where, f"{ctx}expected at most {MAX_AHP_CRITERIA} criteria, found {len(names)}"
        )
        return judgements  # the missing pairs of too many criteria would be a flood
    for first, second in combinations(names, 2):
        if frozenset((first, second)) not in seen:
            reader.problem(
                where,
                f'{ctx}missing judgement "{first}/{second}": expected every pair of the '
                f"{len(names)} criteria named, once",
            )
    return judgements
