"""Every example of every rule, run as a test; and the rules' structure."""

from __future__ import annotations

import re

import pytest

from decline import review
from decline.checker.lexicon import available, load
from decline.checker.rule import Example, Rule, Severity
from decline.checker.rules import MODULES, RULES

CASES = [
    pytest.param(rule, example, kind, id=f"{rule.code}-{kind}-{index}")
    for rule in RULES
    for kind, examples in (("bad", rule.bad), ("good", rule.good))
    for index, example in enumerate(examples)
]


@pytest.mark.parametrize(("rule", "example", "kind"), CASES)
def test_example(rule: Rule, example: Example, kind: str) -> None:
    text, spans = example.text_and_spans()
    report = review(
        text,
        example.lang,
        received=example.received,
        deadline=example.deadline,
        today=example.today,
    )
    found = sorted((f.offset, f.length) for f in report.findings if f.rule == rule.code)
    if kind == "good":
        assert found == [], f"{rule.code} flagged a good example: {found}"
    else:
        assert found == sorted(spans), f"{rule.code}: expected {spans}, found {found}"


def test_codes_are_unique_and_well_formed() -> None:
    codes = [rule.code for rule in RULES]
    assert len(codes) == len(set(codes))
    names = [rule.name for rule in RULES]
    assert len(names) == len(set(names))
    for rule in RULES:
        assert re.fullmatch(r"[a-z]+(?:-[a-z]+)*", rule.name)
        digit = rule.code[1]
        if digit == "9":
            assert rule.principle is None
        else:
            assert rule.principle == f"P{digit}"


@pytest.mark.parametrize("module", MODULES, ids=[m.RULE.code for m in MODULES])
def test_every_rule_has_examples_and_a_doc(module: object) -> None:
    rule: Rule = module.RULE  # type: ignore[attr-defined]
    assert rule.bad, "a rule needs at least one bad example"
    assert rule.good, "a rule needs at least one good example"
    doc = rule.doc
    for section in ("## What it does", "## Why it matters", "## Example", "## Use instead"):
        assert section in doc, f"{rule.code} doc lacks {section}"
    summary = doc.strip().splitlines()[0]
    assert summary.endswith(".")
    assert len(summary) < 80


@pytest.mark.parametrize("code", available())
def test_every_rule_has_messages_in_every_language(code: str) -> None:
    lexicon = load(code)
    for rule in RULES:
        assert rule.code in lexicon.messages, f"{code} lacks messages for {rule.code}"
        table = lexicon.messages[rule.code]
        assert table["message"]
        assert table["suggestion"]
        for severity, _ in rule.grades:
            assert isinstance(severity, Severity)


def test_bad_examples_cover_both_languages() -> None:
    langs = {example.lang for rule in RULES for example in rule.bad}
    assert langs >= set(available())
