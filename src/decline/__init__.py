"""decline: weigh a job offer and, when the answer is no, decline it gracefully.

The public API is five functions — `load_offers`, `compare`, `compose`, `review`, `fix` — and
`InputError`. Each checks what a caller passes before it does anything, so a wrong value
of any type is an `InputError` naming the argument, what was expected and what was found
(never a TypeError from deep inside). Their engines are imported on first call, so that
`import decline` stays cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from decline import arguments
from decline.errors import InputError

if TYPE_CHECKING:  # datetime and collections.abc are imported when first needed: start-up
    import datetime as dt
    from collections.abc import Iterable
    from pathlib import Path

    from decline.checker.report import Report
    from decline.evaluate.results import Comparison
    from decline.offers import Candidate, Offer, OfferSet
    from decline.repair import Repair
    from decline.writer.letter import Letter

__all__ = ["InputError", "compare", "compose", "fix", "load_offers", "review"]
__version__ = "0.1.0"


def load_offers(path: str | Path) -> OfferSet:
    """Read and validate an offer file; InputError (one line per problem) when it is bad."""
    from decline.offers.parsing import load_offers as load

    return load(path)


def compare(offer_set: OfferSet, *, samples: int = 10_000, seed: int = 0) -> Comparison:
    """Score, rank and recommend the offers of `offer_set`; ask what would change the answer."""
    from decline.evaluate.compare import compare as run
    from decline.offers.parsing import check_offer_set

    check_offer_set(offer_set, "offer_set")
    arguments.whole("samples", samples)
    arguments.whole("seed", seed)
    return run(offer_set, samples=samples, seed=seed)


def compose(
    offer: Offer,
    candidate: Candidate,
    *,
    reason: str = "other_offer",
    tone: str = "warm",
    channel: str = "email",
    lang: str | None = None,
    variant: int = 0,
    date: dt.date | None = None,
) -> Letter:
    """Compose a graceful decline of `offer` for `candidate` (see `decline.writer.compose`)."""
    from decline.offers.parsing import check_offer_and_candidate
    from decline.writer.composer import compose as run

    check_offer_and_candidate(offer, candidate)
    for argument, value in (("reason", reason), ("tone", tone), ("channel", channel)):
        arguments.text(argument, value)
    arguments.text("lang", lang, optional=True)
    arguments.whole("variant", variant)
    arguments.day("date", date)
    return run(
        offer,
        candidate,
        reason=reason,
        tone=tone,
        channel=channel,
        lang=lang,
        variant=variant,
        date=date,
    )


def review(
    text: str,
    lang: str = "auto",
    *,
    received: dt.date | None = None,
    deadline: dt.date | None = None,
    today: dt.date | None = None,
    ignore: Iterable[str] = (),
) -> Report:
    """Review a decline letter against P2–P7 and return the report.

    Raises `InputError` for empty text, an unsupported or undetectable language, an unknown
    rule code in `ignore`, or an argument of the wrong type; nothing else.
    """
    from decline.checker.engine import review as run

    arguments.text("text", text)
    arguments.text("lang", lang)
    for argument, value in (("received", received), ("deadline", deadline), ("today", today)):
        arguments.day(argument, value)
    codes = arguments.codes(ignore)
    return run(text, lang, received=received, deadline=deadline, today=today, ignore=codes)


def fix(
    text: str,
    lang: str = "auto",
    *,
    to: str | None = None,
    name: str | None = None,
    company: str | None = None,
    role: str | None = None,
    decided: bool = False,
    register: str | None = None,
    ignore: Iterable[str] = (),
) -> Repair:
    """Repair a draft decline in its own words (`decline review --fix`; see `decline.repair`).

    Returns the repaired `.text`, its `.changes`, what only the person can supply
    (`.needs`) and the checker's `.report` on the result. `register` (Italian: `lei` or
    `tu`) words what is added; by default it is read from the draft. A rule in `ignore` is
    not acted on. Raises `InputError` as `review` does, or for an argument of the wrong
    type; nothing else.
    """
    from decline.repair import fix as run  # it checks its own arguments

    return run(
        text,
        lang,
        to=to,
        name=name,
        company=company,
        role=role,
        decided=decided,
        register=register,
        ignore=ignore,
    )
