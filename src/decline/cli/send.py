"""`decline send ID`: review the decline for an offer, then send or prepare it, never twice."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from decline import languages
from decline.cli.workspace_options import open_workspace, parse_day
from decline.exitcodes import ExitCode
from decline.send.methods import METHODS
from decline.send.smtp import TIMEOUT
from decline.writer import REASONS


def _timeout(ctx: click.Context, param: click.Parameter, value: float) -> float:
    from decline.errors import InputError
    from decline.send.smtp import check_timeout

    try:
        return check_timeout(value, "--timeout")
    except InputError as error:
        raise click.BadParameter(str(error).removeprefix("--timeout: ")) from None


def _with_eml_subject(path: Path, text: str) -> str:
    """Put an .eml's Subject header above its text part, as a draft file would have it."""
    from email import policy
    from email.parser import BytesParser

    with path.open("rb") as handle:
        subject = BytesParser(policy=policy.default).parse(handle, headersonly=True)["Subject"]
    return f"Subject: {subject}\n\n{text}" if subject else text


def _blocking(report: Any) -> list[str]:
    lines = []
    for finding in report.findings:
        if finding.severity == "error" or str(finding.rule).startswith("D9"):
            lines.append(f"  {finding.rule} {finding.severity}: {finding.message}")
    return lines


@click.command(name="send")
@click.argument("offer_id")
@click.option(
    "--draft",
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    help="Send this file (.txt or .eml; a first `Subject:` line is the subject).",
)
@click.option("--reason", type=click.Choice(REASONS), help="Compose with this reason.")
@click.option("--tone", type=click.Choice(["warm", "formal", "brief"]), help="Compose tone.")
@click.option(
    "--lang",
    type=click.Choice(languages.available()),
    help="The letter's language (default: compose in yours; a --draft is detected).",
)
@click.option("--variant", type=int, default=0, show_default=True, help="Other wording.")
@click.option("--via", type=click.Choice(list(METHODS)), default="smtp", show_default=True)
@click.option(
    "-o", "--out", type=click.Path(dir_okay=False, path_type=Path), help="The .eml file to write."
)
@click.option("--smtp-host", metavar="HOST", help="The SMTP server (default: settings).")
@click.option("--smtp-port", type=click.IntRange(1, 65535), metavar="PORT")
@click.option("--starttls", "security", flag_value="starttls", help="Upgrade with STARTTLS.")
@click.option("--ssl", "security", flag_value="ssl", help="TLS from the start (port 465).")
@click.option("--no-tls", "security", flag_value="none", help="No encryption (local servers).")
@click.option("--smtp-user", metavar="USER", help="Log in as USER (password: see docs).")
@click.option(
    "--timeout",
    type=float,
    default=TIMEOUT,
    show_default=True,
    metavar="SECONDS",
    callback=_timeout,
    help="How long to wait for the server (1–600 s).",
)
@click.option("--today", metavar="DATE", help="Review timing as of this date (YYYY-MM-DD).")
@click.option("--dry-run", is_flag=True, help="Review and show the message; send nothing.")
@click.option("--force", is_flag=True, help="Send although not ready, or not recorded as declined.")
@click.option("--again", is_flag=True, help="Send although a decline already went out.")
@click.pass_context
def command(
    ctx: click.Context,
    offer_id: str,
    draft: Path | None,
    reason: str | None,
    tone: str | None,
    lang: str | None,
    variant: int,
    via: str,
    out: Path | None,
    smtp_host: str | None,
    smtp_port: int | None,
    security: str | None,
    smtp_user: str | None,
    timeout: float,
    today: str | None,
    dry_run: bool,
    force: bool,
    again: bool,
) -> None:
    """Review the decline for offer ID, then send it (smtp) or prepare it (eml, mailto)."""
    from decline.send.smtp import DeliveryError, MaybeDelivered, find_password
    from decline.service import letters
    from decline.service.reports import summary_line
    from decline.workspace.outbox import NotReady, SendRefused

    settings = ctx.find_root().obj.settings()
    target = letters.smtp_target(
        settings,
        host=smtp_host,
        port=smtp_port,
        security=security,
        user=smtp_user,
        timeout=timeout,
    )
    draft_text = None
    if draft is not None:
        from decline.reading import read_draft

        draft_text = read_draft(draft)  # exactly as `decline review` reads it
        if draft.suffix.lower() == ".eml":  # its subject is a header, not a line of the text
            draft_text = _with_eml_subject(draft, draft_text)
    needs_password = via == "smtp" and not dry_run and target is not None
    with open_workspace(ctx) as workspace:
        try:
            result = letters.send(
                workspace,
                settings,
                offer_id,
                via=via,
                draft_text=draft_text,
                review_lang=lang or "auto",
                reason=reason,
                tone=tone,
                lang=lang,
                variant=variant,
                out=out,
                target=target,
                password=find_password(target.user) if needs_password and target else None,
                dry_run=dry_run,
                force=force,
                again=again,
                today=parse_day(today, "--today"),
            )
        except NotReady as refusal:
            click.echo(
                f"decline: not sending — the review says the letter is not ready "
                f"({summary_line(refusal.report)}):",
                err=True,
            )
            for line in _blocking(refusal.report):
                click.echo(line, err=True)
            click.echo("Fix the draft (--draft FILE), or pass --force to send it anyway.", err=True)
            ctx.exit(ExitCode.NEGATIVE)
        except SendRefused as refusal:
            click.echo(f"decline: not sending — {refusal}", err=True)
            ctx.exit(ExitCode.NEGATIVE)
        except MaybeDelivered as unknown:
            click.echo(
                f"decline: may have gone out — {unknown}; check your Sent folder (or ask the "
                f"recipient) before sending again: `decline sent {offer_id}` if it arrived, "
                f"`decline send {offer_id} --again` if it did not",
                err=True,
            )
            ctx.exit(ExitCode.SERVICE_FAILED)
        except DeliveryError as failure:
            click.echo(
                f"decline: not sent — {failure}; the letter is kept as an unsent draft", err=True
            )
            ctx.exit(ExitCode.SERVICE_FAILED)
    for note in result.overridden:
        click.echo(f"decline: {note}", err=True)
    score = f"review {result.report.score}/100"
    if result.state == "dry-run":
        import email
        import email.policy

        parsed = email.message_from_bytes(result.message, policy=email.policy.default)
        for name, value in parsed.items():
            if name.lower() in ("from", "to", "subject"):
                click.echo(f"{name}: {value}")
        click.echo("")
        sys.stdout.write(parsed.get_content())
        click.echo(
            f"(dry run: {summary_line(result.report)}; nothing sent)",
            err=True,
        )
    elif result.state == "sent":
        click.echo(
            f"{offer_id}: sent to {result.recipient} ({score}); {result.followups} follow-ups "
            "planned: decline followups"
        )
    elif result.link is not None:
        click.echo(result.link)
        click.echo(f"(open the link to send it, then: decline sent {offer_id})", err=True)
    else:
        click.echo(
            f"{offer_id}: wrote {result.out} ({score}) — send it from your mail client, "
            f"then: decline sent {offer_id}"
        )
