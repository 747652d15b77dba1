"""Generate `docs/rules.md` from the rules themselves (`make docs`); a test keeps it current."""

from __future__ import annotations

from decline.checker.lexicon import load
from decline.checker.rules import RULES


def render() -> str:
    """Return the rules reference as Markdown."""
    english = load("en")
    lines = [
        "# Review rules",
        "",
        "Generated from `src/decline/checker/rules/` by `make docs`; do not edit by hand.",
        "Codes are stable and never reused: `D` + the principle's digit + two digits;",
        "`D9xx` are readiness checks that belong to no principle.",
        "",
        "| code | name | principle | severity |",
        "|---|---|---|---|",
    ]
    for rule in RULES:
        grades = "/".join(dict.fromkeys(g.value for g, _ in rule.grades)) or rule.severity.value
        lines.append(f"| {rule.code} | {rule.name} | {rule.principle or '—'} | {grades} |")
    for rule in RULES:
        doc = rule.doc.strip().splitlines()
        lines += ["", f"## {rule.code} {rule.name}", "", f"**{doc[0]}**", ""]
        lines.append(
            f"Principle: {rule.principle or 'none (readiness)'} · severity: {rule.severity}"
        )
        if rule.grades:
            lines += ["", "Grades:"]
            lines += [f"- {severity.value}: {when}" for severity, when in rule.grades]
        lines += ["", *[line.replace("## ", "### ") for line in doc[1:]]]
        messages = english.messages[rule.code]
        lines += [
            "",
            f"Message: {messages['message']}",
            "",
            f"Suggestion: {messages['suggestion']}",
        ]
    return "\n".join(lines).rstrip() + "\n"


if __name__ == "__main__":
    print(render(), end="")
