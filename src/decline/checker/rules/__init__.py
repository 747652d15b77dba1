"""The review rules, one module each; `RULES` lists them in code order.

The list is explicit (no file-system scanning or plugins at import time), so a new rule
is one module plus one line here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from importlib import import_module
from types import ModuleType

from decline.checker.analysis import Analysis
from decline.checker.rule import Finding, Rule

# One line per rule, in code order: a new rule is one module plus one line here.
_NAMES = (
    "d201_no_gratitude",
    "d301_no_clear_decision",
    "d302_too_long",
    "d303_late_reply",
    "d304_unprofessional_tone",
    "d305_repeated_opening",
    "d401_not_addressed_by_name",
    "d402_no_regret",
    "d501_oversharing",
    "d502_reason_runs_long",
    "d503_negative_about_company",
    "d504_grovelling",
    "d601_no_stay_connected",
    "d701_no_door_open",
    "d702_burning_bridges",
    "d703_reads_ungraceful",
    "d901_unfilled_placeholder",
)
MODULES: tuple[ModuleType, ...] = tuple(import_module(f"{__name__}.{name}") for name in _NAMES)

Check = Callable[[Analysis], Iterator[Finding]]

RULES: tuple[Rule, ...] = tuple(module.RULE for module in MODULES)
CHECKS: tuple[tuple[Rule, Check], ...] = tuple((module.RULE, module.check) for module in MODULES)
BY_CODE: dict[str, Rule] = {rule.code: rule for rule in RULES}
