"""`decline rules [CODE]`: list the review rules, or print one rule's doc."""

from __future__ import annotations

import click

from decline.errors import InputError


@click.command("rules")
@click.argument("code", required=False)
def command(code: str | None) -> None:
    """List every review rule, or print the doc of one (e.g. `decline rules D503`)."""
    from decline.checker.lexicon import load
    from decline.checker.rules import BY_CODE, RULES

    if code is None:
        click.echo(f"{'code':<6}{'principle':<11}{'severity':<20}name")
        for rule in RULES:
            grades = "/".join(dict.fromkeys(g.value for g, _ in rule.grades))
            severity = grades or rule.severity.value
            click.echo(f"{rule.code:<6}{rule.principle or '—':<11}{severity:<20}{rule.name}")
        return
    found = BY_CODE.get(code.strip().upper())
    if found is None:
        import difflib

        near = difflib.get_close_matches(code.upper(), BY_CODE, n=1)
        hint = f"; did you mean {near[0]}?" if near else f"; the codes are {', '.join(BY_CODE)}"
        raise InputError(f"no rule {code!r}{hint}")
    rule = found
    messages = load("en").messages[rule.code]
    click.echo(f"{rule.code} {rule.name} — {rule.principle or 'readiness'}, {rule.severity}")
    click.echo("")
    click.echo(rule.doc.strip())
    if rule.grades:
        click.echo("\n## Grades")
        for severity, when in rule.grades:
            click.echo(f"    {severity.value}: {when}")
    click.echo(f"\n## Message\n    {messages['message']}\n    {messages['suggestion']}")
