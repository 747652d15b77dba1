"""Put a comparison into words: money, numbers and sentences in the user's language.

The words are data (`languages/<lang>/messages.toml`); a language's folder brings its own.
Faces (the CLI, the web app) share these sentences, so each says the same thing the same way.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from decline import languages as registry
from decline.cache import compile as compile_pattern
from decline.errors import InputError
from decline.evaluate.results import Comparison
from decline.languages import formats

_SHELL_UNSAFE = compile_pattern(r"[^\w@%+=:,./-]", re.ASCII)  # shlex's own test


def languages() -> tuple[str, ...]:
    """Return the languages `compare` speaks (one messages file each)."""
    return registry.available()


@cache
def messages(lang: str) -> dict[str, Any]:
    """Return the words for `lang`."""
    if lang not in languages():
        raise InputError(f"--lang: expected one of {', '.join(languages())}, found {lang!r}")
    return registry.read(lang, "messages.toml")


class Words:
    """Formats money, numbers and sentences for one language."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.data = messages(lang)
        self.locale = str(self.data["locale"])

    def text(self, key: str, **values: object) -> str:
        """Return the sentence `key` with its placeholders filled in."""
        return str(self.data["text"][key]).format(**values)

    def row(self, key: str, **values: object) -> str:
        """Return the row label `key` with its placeholders filled in."""
        return str(self.data["rows"][key]).format(**values)

    def criterion(self, name: str) -> str:
        """Return a criterion's name; a custom criterion keeps the user's own name."""
        return str(self.data["criteria"].get(name, name.replace("_", " ").capitalize()))

    def money(self, amount: float, currency: str | None) -> str:
        """Return an amount without decimals, in the language's currency format."""
        return formats.money(round(amount), currency, self.locale)

    def number(self, value: float, digits: int = 1) -> str:
        """Return a number with `digits` decimals in the language's format."""
        return formats.number(value, digits, self.locale)

    def share(self, value: float) -> str:
        """Return a share (0–1) as a percentage."""
        return formats.share(value, self.locale)


def weights_line(comparison: Comparison, words: Words) -> str:
    """Say where the weights come from."""
    if comparison.ahp is not None:
        return words.text("weights_ahp", cr=words.number(comparison.ahp.cr, 3))
    if "equal_weights" in comparison.notes:
        return words.text("weights_equal")
    return words.text("weights_direct")


def ahp_warning(comparison: Comparison, words: Words) -> str | None:
    """Name the most inconsistent AHP judgement and the value that would fit, if any."""
    ahp = comparison.ahp
    if ahp is None or ahp.worst is None or ahp.suggested_value is None:
        return None
    i, j = ahp.worst
    first, second = comparison.ahp_order[i], comparison.ahp_order[j]
    return words.text(
        "ahp_inconsistent",
        cr=words.number(ahp.cr, 2),
        first=first,
        second=second,
        given=_fraction(_given(comparison, first, second)),
        suggested=_fraction(ahp.suggested_value),
    )


def _given(comparison: Comparison, first: str, second: str) -> float:
    for (a, b), value in comparison.judgements.items():
        if (a, b) == (first, second):
            return value
        if (a, b) == (second, first):
            return 1 / value
    return 1.0


def _fraction(value: float) -> str:
    if value >= 1:
        return f"{value:g}" if value != round(value) else str(round(value))
    return f"1/{round(1 / value)}" if abs(1 / value - round(1 / value)) < 1e-6 else f"{value:.3g}"


def recommendation_lines(comparison: Comparison, words: Words) -> list[str]:
    """Say which offer to accept, which to decline, and whether it is a close call."""
    best = comparison.offers[0]
    lines = [words.text("recommend", company=best.offer.company, score=words.number(best.score))]
    if comparison.recommendation.decline:
        names = ", ".join(
            comparison.result(i).offer.company for i in comparison.recommendation.decline
        )
        lines.append(words.text("decline", companies=names))
    if comparison.recommendation.close_call:
        lines.append(words.text("close_call"))
    return lines


def sensitivity_lines(comparison: Comparison, words: Words) -> list[str]:
    """Say, one plain sentence each, what would change the answer."""
    if len(comparison.offers) < 2:
        return []
    leader = comparison.offers[0]
    company = {r.id: r.offer.company for r in comparison.offers}
    share = comparison.sensitivity.win_probability[leader.id]
    lines = [words.text("win", company=leader.offer.company, share=words.share(share))]
    for move in comparison.sensitivity.break_even:
        if move.field == "base_salary":
            amount = words.money(move.change, move.currency)
            lines.append(
                words.text(
                    "break_even_salary",
                    company=company[move.offer],
                    amount=amount,
                    other=company[move.overtakes],
                )
            )
        else:
            lines.append(
                words.text(
                    "break_even_commute",
                    company=company[move.offer],
                    minutes=words.number(move.change, 0),
                    other=company[move.overtakes],
                )
            )
    flip = comparison.sensitivity.flip_weight
    if flip is None:
        lines.append(words.text("no_flip"))
    else:
        lines.append(
            words.text(
                "flip",
                criterion=words.criterion(flip.criterion).lower(),
                before=words.share(flip.before),
                after=words.share(flip.after),
                company=company[flip.offer],
            )
        )
    return lines


def estimate_lines(comparison: Comparison, words: Words) -> list[str]:
    """Say which figures are estimates or missing (offers sharing one are named together)."""
    companies: dict[str, list[str]] = {}
    for result in comparison.offers:
        for code in result.estimates:
            companies.setdefault(code, []).append(result.offer.company)
    lines = []
    for code, names in companies.items():
        kind, _, criterion = code.partition(":")
        lines.append(
            words.text(
                f"estimate_{kind}",
                company=", ".join(names),
                criterion=words.criterion(criterion).lower(),
            )
        )
    if "commute_hours_only" in comparison.notes:
        lines.append(words.text("note_commute_hours_only"))
    return lines


def shell_quoted(word: str) -> str:
    """Return `word` as one word of a POSIX shell command line, as `shlex.quote` writes it
    (without importing shlex, for the one function every table needs)."""
    if not word:
        return "''"
    if _SHELL_UNSAFE.search(word) is None:
        return word
    return "'" + word.replace("'", "'\"'\"'") + "'"


def next_commands(comparison: Comparison, offers_path: str) -> list[str]:
    """Return the `decline write` command for each offer to decline."""
    return [
        f"decline write {shell_quoted(offers_path)} --offer {offer_id} --reason other_offer"
        for offer_id in comparison.recommendation.decline
    ]
