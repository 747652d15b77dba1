"""Offers, priorities, exchange rates, decisions and the comparison: one function per action.

The CLI (`decline add`, `decide`, `compare`), the web pages and the HTTP API call these
with typed values and render what they return; an `InputError` they raise names its
`field` (``replace``, ``fx.GBP``, ``candidate.email``, ``offer`` …), so the web shows it
beside that input and the CLI prints it as one line. Nothing here knows about Click,
Starlette or a terminal.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from decline.errors import InputError
from decline.offers import CANDIDATE_FIELDS, Offer, OfferSet, Priorities, builtin_criteria

if TYPE_CHECKING:
    import sqlite3

    from decline.evaluate.results import Comparison
    from decline.settings import Settings
    from decline.workspace.catalog import AddSummary

SAMPLES = 10_000
"""Weightings the sensitivity samples, in every face (CLI, API and page alike)."""
SEED = 0


class ReplaceNeeded(InputError):
    """Adding these offers would replace stored ones that differ: the person must confirm.

    `offers` maps each offer id that would be replaced to its recorded decision (or None).
    Its `field` is ``replace``: the CLI asks (or wants `--yes`), the web shows a
    confirmation step.
    """

    def __init__(self, message: str, offers: Mapping[str, str | None]) -> None:
        super().__init__(message, field="replace")
        self.offers = dict(offers)


@dataclass(frozen=True)
class AddResult:
    """What adding an offer file did, and the decisions kept on the offers it replaced."""

    summary: AddSummary
    kept_decisions: dict[str, str]


def _decisions(connection: sqlite3.Connection) -> dict[str, str]:
    rows = connection.execute("SELECT offer_id, decision FROM decisions")
    return {row["offer_id"]: row["decision"] for row in rows}


def would_replace(connection: sqlite3.Connection, offers: OfferSet) -> dict[str, str | None]:
    """Return the stored offers `offers` would change, each with its recorded decision."""
    from decline.workspace.catalog import get_offer, offer_ids

    stored = set(offer_ids(connection))
    decisions = _decisions(connection)
    return {
        offer.id: decisions.get(offer.id)
        for offer in offers.offers
        if offer.id in stored and get_offer(connection, offer.id) != offer
    }


def replace_message(replaced: Mapping[str, str | None]) -> str:
    """Say which offers an import would replace and what happens to their decisions."""
    parts = [
        f"{offer_id} (its recorded decision, {decision}, is kept: record it again if the "
        "new terms change it)"
        if decision
        else offer_id
        for offer_id, decision in replaced.items()
    ]
    return f"this would replace {len(parts)} stored offer(s) with different terms: " + "; ".join(
        parts
    )


def add_offers(
    connection: sqlite3.Connection, offers: OfferSet, now: str, *, replace: bool = False
) -> AddResult:
    """Store an offer file (validated whole by its parser), updating offers by id.

    An offer whose id is stored with different terms is replaced only with `replace`;
    otherwise ReplaceNeeded lists them (and their decisions) and nothing changes. A
    replaced offer keeps its recorded decision, and the result says so.
    """
    from decline.workspace.catalog import add_offer_set

    replaced = would_replace(connection, offers)
    if replaced and not replace:
        raise ReplaceNeeded(replace_message(replaced), replaced)
    summary = add_offer_set(connection, offers, now)
    kept = {offer_id: decision for offer_id, decision in replaced.items() if decision}
    return AddResult(summary, kept)


def stored_offer(connection: sqlite3.Connection, offer_id: str) -> Offer:
    """Return one stored offer; NotFoundError (field ``offer``) naming the known ids."""
    from decline.workspace.catalog import get_offer

    return get_offer(connection, offer_id)


@dataclass(frozen=True)
class Decision:
    """A recorded decision: whether it changed, and other offers also accepted."""

    offer_id: str
    decision: str
    changed: bool
    other_acceptances: tuple[tuple[str, str], ...]


def decide(connection: sqlite3.Connection, offer_id: str, decision: str, now: str) -> Decision:
    """Record accept or decline on a stored offer (NotFoundError for an unknown id)."""
    from decline.workspace.catalog import decide as record
    from decline.workspace.status import other_acceptances

    changed = record(connection, offer_id, decision, now)
    others = other_acceptances(connection, offer_id) if decision == "accept" else []
    return Decision(offer_id, decision, changed, tuple(others))


def save_candidate(connection: sqlite3.Connection, values: Mapping[str, str], now: str) -> None:
    """Store who the candidate is from the keys given; every key not given is kept.

    A page that shows only some fields (the web's "About you" has no hourly rate and no
    grammatical gender) can never drop the others. An empty text clears that key. The
    values are checked by the offer file's own parser (InputError naming the field).
    """
    from decline.offers.parsing import parse_offers
    from decline.offers.writing import candidate_table, table_lines
    from decline.workspace.catalog import add_offer_set, get_candidate, offer_set

    unknown = sorted(set(values) - set(CANDIDATE_FIELDS))
    if unknown:
        raise InputError(
            f"candidate: unknown key {unknown[0]!r}; expected one of {', '.join(CANDIDATE_FIELDS)}",
            field=f"candidate.{unknown[0]}",
        )
    stored = get_candidate(connection)
    table: dict[str, object] = dict(candidate_table(stored)) if stored else {}
    for key, value in values.items():
        if value.strip():
            table[key] = _candidate_value(key, value.strip())
        else:
            table.pop(key, None)
    text = "\n".join(
        ["[candidate]", *table_lines(table), "[[offer]]", "id = 'x'", "company = 'x'", "role = 'x'"]
    )
    candidate = parse_offers(text, "<candidate>").candidate
    if stored is None:
        current = OfferSet(candidate=candidate, offers=())
    else:
        current = dataclasses.replace(offer_set(connection), offers=(), candidate=candidate)
    add_offer_set(connection, current, now)


def _candidate_value(key: str, text: str) -> object:
    """Return a form's text as the value the offer file holds for `key` (a number for rates)."""
    if key != "hourly_rate":
        return text
    try:
        return float(text)
    except ValueError:
        return text  # the parser says what was expected


def save_priorities(
    connection: sqlite3.Connection, weights: Mapping[str, float], now: str
) -> OfferSet:
    """Keep these direct weights as the workspace's priorities (AHP judgements replaced)."""
    from decline.workspace.catalog import add_offer_set, offer_set

    offers = with_weights(offer_set(connection), weights)
    add_offer_set(connection, dataclasses.replace(offers, offers=()), now)
    return offers


def save_rates(
    connection: sqlite3.Connection, base: str, rates: Mapping[str, float], now: str
) -> OfferSet:
    """Keep the exchange rates (`[fx]`): 1 unit of each currency = rate × base.

    Checked by the offer file's parser, so what the web stores is what a file may say.
    """
    from decline.offers.parsing import parse_offers
    from decline.offers.writing import dump_offers
    from decline.workspace.catalog import add_offer_set, offer_set

    current = offer_set(connection)
    updated = dataclasses.replace(current, fx_base=base.upper(), fx_rates=dict(rates))
    parse_offers(dump_offers(updated), "[fx]")  # the same checks as a file, all offers in
    add_offer_set(connection, dataclasses.replace(updated, offers=()), now)
    return updated


def with_weights(offers: OfferSet, weights: Mapping[str, float]) -> OfferSet:
    """Return the offers with these direct weights instead of the stored priorities."""
    known = criteria_of(offers)
    for name in weights:
        if name not in known:
            raise InputError(
                f"priorities: unknown criterion {name!r}; expected one of {', '.join(known)}",
                field=f"priorities.{name}",
            )
    chosen = {name: float(value) for name, value in weights.items() if value > 0}
    if not chosen:
        raise InputError(
            "priorities: give at least one criterion a weight above 0", field="priorities"
        )
    return dataclasses.replace(offers, priorities=Priorities(weights=chosen))


def criteria_of(offers: OfferSet) -> list[str]:
    """Return the criteria one can weigh: built-ins, then every rated custom criterion."""
    builtins = builtin_criteria()
    rated = sorted({name for o in offers.offers for name in o.ratings} - set(builtins))
    return [*builtins, *rated]


def missing_rates(offers: OfferSet) -> list[str]:
    """Return the currencies the offers use that no rate turns into the comparison's one."""
    used = sorted({offer.currency for offer in offers.offers if offer.currency})
    base = offers.fx_base
    if base is None:
        return used[1:]
    return [code for code in used if code != base and code not in offers.fx_rates]


@dataclass(frozen=True)
class Compared:
    """A comparison as every face shows it: the offers weighed, the result, its language."""

    offers: OfferSet  # with the tried weights, when some were given
    comparison: Comparison
    lang: str  # the language of its words (`decline.evaluate.explain.Words`)


def compare_with_settings(
    offers: OfferSet,
    settings: Settings | None = None,
    *,
    weights: Mapping[str, float] | None = None,
    lang: str | None = None,
    samples: int = SAMPLES,
    seed: int = SEED,
) -> Compared:
    """Rank the offers as every face does: the same samples, seed, checks and language rule.

    `weights` tries other priorities without storing them. Offers in several currencies
    are never ranked without a rate for each: InputError (field ``fx.CODE``) says which.
    The words' language is `lang` when asked (the page passes its own), else the offer
    file's letter language, else the settings file's, else English.
    """
    from decline.evaluate.compare import compare

    if weights:
        offers = with_weights(offers, weights)
    missing = missing_rates(offers)
    if missing:
        base = offers.fx_base or sorted({o.currency for o in offers.offers if o.currency})[0]
        raise InputError(
            f"offers use {', '.join([base, *missing])}: expected an exchange rate for "
            f"{', '.join(missing)} (1 {missing[0]} = rate × {base}), found none",
            field=f"fx.{missing[0]}",
        )
    comparison = compare(offers, samples=samples, seed=seed)
    return Compared(offers, comparison, comparison_language(offers, settings, lang))


def comparison_language(
    offers: OfferSet, settings: Settings | None = None, asked: str | None = None
) -> str:
    """Return the language of a comparison's words: asked > the offer file's > settings > en."""
    from decline.evaluate.explain import languages

    available = languages()
    for choice in (asked, offers.candidate.lang, settings.lang if settings else None):
        if choice in available:
            return str(choice)
    return "en"
