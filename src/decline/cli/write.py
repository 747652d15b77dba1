"""`decline write`: compose a graceful decline from an offer file, or from names alone.

Precedence: command-line options > the offer file (the candidate's letter language) > the
settings file > built-in defaults. The letter goes to standard output (or `-o`); notes and
the checker's one-line verdict go to standard error.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

import click

from decline.cli.main import State
from decline.dates import parse_optional_date
from decline.errors import InputError
from decline.writer.channels import NAMES as CHANNELS

if TYPE_CHECKING:
    from decline.checker.report import Report
    from decline.offers import Candidate, Offer, OfferSet
    from decline.writer.letter import Letter

FORMATS = ("text", "json", "eml")


def _variant(value: str) -> int:
    if not value.isdigit():
        raise InputError(f"--variant: expected a whole number 0 or more, found {value!r}")
    return int(value)


def _pick(offers: OfferSet, source: str, offer_id: str | None) -> tuple[Offer, Candidate]:
    from decline.cli.io import label

    if offer_id is None:
        if len(offers.offers) != 1:
            ids = ", ".join(offer.id for offer in offers.offers)
            raise InputError(f"which offer? add --offer ID; ids in {label(source)}: {ids}")
        return offers.offers[0], offers.candidate
    return offers.offer(offer_id), offers.candidate


def _quick(options: dict[str, Any]) -> tuple[Offer, Candidate]:
    from decline.offers import CONTACT_ROLES, GENDERS, Candidate, Contact, Offer

    missing = [f"--{key}" for key in ("company", "name") if not options.get(key)]
    if missing:
        raise InputError(
            f"quick mode needs {' and '.join(missing)} (or give an offer file and --offer ID)"
        )
    if options["to_role"] not in CONTACT_ROLES:
        raise InputError(
            f"unknown --to-role {options['to_role']!r}; choose one of {', '.join(CONTACT_ROLES)}"
        )
    gender = options.get("gender")
    if gender is not None and gender not in GENDERS:
        raise InputError(f"unknown --gender {gender!r}; choose one of {', '.join(GENDERS)}")
    contacts = []
    if options.get("to"):
        contacts.append(
            Contact(
                name=options["to"],
                honorific=options.get("honorific"),
                title=options.get("to_title"),
                email=options.get("to_email"),
                role=options["to_role"],
            )
        )
    contacts += [Contact(name=name, role="interviewer") for name in options.get("met") or ()]
    offer = Offer(
        id="quick",
        company=options["company"],
        role=options.get("role") or "",
        address=options.get("company_address"),
        liked=options.get("liked"),
        contacts=tuple(contacts),
    )
    if not offer.role.strip():
        raise InputError("quick mode needs --role (the position you are declining)")
    candidate = Candidate(
        lang=options.get("settings_lang") or "en",  # quick mode: the settings file's
        name=options["name"],
        email=options.get("email"),
        phone=options.get("phone"),
        linkedin=options.get("linkedin"),
        city=options.get("city"),
        address=options.get("address"),
        grammatical_gender=gender,
    )
    return offer, candidate


def _summary(report: Report) -> str:
    from decline.service.reports import summary_line

    counts: dict[str, int] = {}
    for finding in report.findings:
        severity = str(getattr(finding.severity, "value", finding.severity))
        counts[severity] = counts.get(severity, 0) + 1
    parts = [f"{count} {severity}{'s' if count > 1 else ''}" for severity, count in counts.items()]
    codes = ", ".join(sorted({finding.rule for finding in report.findings}))
    detail = f" ({', '.join(parts)}: {codes})" if parts else ""
    return f"review: {summary_line(report)}{detail}"


def _render(letter: Letter, form: str, review: dict[str, Any] | None) -> str:
    if form == "json":
        data = {**letter.to_dict(), "review": review}
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    text = letter.reviewable_text() if letter.channel == "email" else letter.body
    return text + "\n"


@click.command("write")
@click.argument("offers", required=False, type=click.Path(dir_okay=False, allow_dash=True))
@click.option("--offer", "offer_id", metavar="ID", help="The offer to decline (its id).")
@click.option(
    "--reason",
    metavar="R",
    help="other_offer, career_path, compensation, location, "
    "personal, role_fit, counteroffer or none (default other_offer).",
)
@click.option("--tone", metavar="T", help="warm, formal or brief (default from settings).")
@click.option("--channel", metavar="C", help=f"{', '.join(CHANNELS[:-1])} or {CHANNELS[-1]}.")
@click.option("--lang", metavar="LANG", help="A language, e.g. en (default: the offer file's).")
@click.option("--variant", default="0", metavar="N", help="Other wording: 0 to 3 (four in all)")
@click.option(
    "--register",
    metavar="R",
    help="How the letter says 'you', where a language has registers (Italian: lei or tu).",
)
@click.option("--date", "date_text", metavar="DATE", help="The letter's date (default today).")
@click.option("--format", "form", default="text", metavar="F", help="text, json or eml.")
@click.option(
    "-o",
    "--out",
    type=click.Path(dir_okay=False, allow_dash=True),
    metavar="FILE",
    help="Write here instead of standard output (- is standard output).",
)
@click.option("--force", is_flag=True, help="Replace the -o file if it exists.")
@click.option(
    "--save",
    is_flag=True,
    help="Store the letter as the offer's draft in the workspace (imports the offer file).",
)
@click.option("--company", help="Quick mode: the company.")
@click.option("--role", help="Quick mode: the position.")
@click.option("--to", help="Quick mode: whom you write to.")
@click.option("--to-email", help="Quick mode: their e-mail address.")
@click.option("--honorific", help="Quick mode: their honorific (Ms., Dr., Dott.ssa, Ing. …).")
@click.option("--to-title", help="Quick mode: their job title.")
@click.option(
    "--to-role",
    default="hiring_manager",
    metavar="ROLE",
    help="Quick mode: hiring_manager, recruiter or interviewer.",
)
@click.option("--met", multiple=True, metavar="NAME", help="Quick mode: someone else you met.")
@click.option("--liked", help="Quick mode: something specific you valued.")
@click.option("--name", help="Quick mode: your name.")
@click.option(
    "--gender",
    metavar="G",
    help="Quick mode: feminine or masculine, how words about you agree in languages "
    "that gender them (Italian 'grata' or 'grato'); unset, the letter avoids such words.",
)
@click.option("--email", help="Quick mode: your e-mail address.")
@click.option("--phone", help="Quick mode: your phone number.")
@click.option("--linkedin", help="Quick mode: your LinkedIn profile.")
@click.option("--city", help="Quick mode: your city (formal letters).")
@click.option("--address", help="Quick mode: your postal address (formal letters).")
@click.option("--company-address", help="Quick mode: the company's address (formal letters).")
@click.pass_obj
def command(
    state: State,
    /,
    offers: str | None,
    offer_id: str | None,
    reason: str | None,
    tone: str | None,
    channel: str | None,
    lang: str | None,
    variant: str,
    register: str | None,
    date_text: str | None,
    form: str,
    out: str | None,
    force: bool,
    save: bool,
    **quick: Any,
) -> None:
    """Write a graceful decline for one offer (P2–P7).

    From an offer file: decline write OFFERS.toml --offer ID (- reads it from standard
    input). Without a file (quick mode): decline write --company C --role R --to NAME
    --name NAME.
    """
    if form not in FORMATS:
        raise InputError(f"unknown --format {form!r}; choose one of {', '.join(FORMATS)}")
    quick_given = any(quick.get(key) for key in ("company", "role", "to", "name"))
    if offers is not None and quick_given:
        raise InputError("give either an offer file or the quick-mode options, not both")
    if offers is None and offer_id is not None:
        raise InputError("--offer needs an offer file: decline write OFFERS.toml --offer ID")
    if save and offers is None:
        raise InputError("--save needs an offer file: decline write OFFERS.toml --offer ID --save")
    from decline.cli.io import check_output, read_offers, write_output

    inputs = [offers] if offers is not None else []
    if out is not None:
        check_output(out, inputs=inputs, force=force)
    settings = state.settings()
    offer_set = read_offers(offers) if offers is not None else None
    quick["settings_lang"] = settings.lang
    offer, candidate = _pick(offer_set, offers, offer_id) if offer_set and offers else _quick(quick)
    if form == "eml":
        from decline.writer.channels import CHANNELS
        from decline.writer.channels import channel as find_channel

        chosen = channel or settings.channel
        if not find_channel(chosen).makes_email:
            mail = ", ".join(name for name, entry in CHANNELS.items() if entry.makes_email)
            raise InputError(f"--format eml is for e-mail ({mail}), not for {chosen!r}")
    from decline.service.letters import compose_reviewed

    when = parse_optional_date(date_text, field="--date")
    composed = compose_reviewed(
        offer,
        candidate,
        settings,
        reason=reason,
        tone=tone,
        channel=channel,
        lang=lang,
        variant=_variant(variant),
        register=register,
        date=when,
    )
    letter, report = composed.letter, composed.report
    if form == "eml":
        if not candidate.email:
            raise InputError("--format eml needs your e-mail address (candidate.email, --email)")
        from decline.send.eml import build_message

        data = build_message(letter, sender_name=candidate.name, sender_email=candidate.email)
        payload = data.as_bytes()
    else:
        payload = _render(letter, form, report.to_dict()).encode("utf-8")
    write_output(out, payload, inputs=inputs, force=force)
    for note in letter.notes:
        click.echo(f"note: {note}", err=True)
    click.echo(_summary(report), err=True)
    if save and offer_set is not None:
        _save(offer_set, offer.id, letter)


def _save(offer_set: OfferSet, offer_id: str, letter: Letter) -> None:
    """Store the letter as the offer's draft, importing the offer file first (idempotent)."""
    from decline.cli.workspace_options import open_workspace
    from decline.service.letters import save_draft
    from decline.workspace.catalog import add_offer_set
    from decline.workspace.letters import LetterDraft
    from decline.workspace.store import utc_now

    with open_workspace(click.get_current_context()) as workspace:
        with workspace.transaction() as connection:
            add_offer_set(connection, offer_set, utc_now())
        save_draft(workspace, offer_id, LetterDraft.from_letter(letter))
        where = workspace.path
    click.echo(f"saved as the draft for {offer_id} in {where}: `decline send {offer_id}`", err=True)
