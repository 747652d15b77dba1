"""The composer's mechanics: wording data, names, punctuation, variants, choices."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path

import pytest

from decline import InputError, compose
from decline.offers import Candidate, Contact, Offer
from decline.writer import composer
from decline.writer.channels import PARAGRAPHS
from decline.writer.composer import REASONS
from decline.writer.phrasebook import languages, phrasebook
from decline.writer.text import ALTERNATIVE, join_names, lower_first, render, surname
from writer_support import FULL_CANDIDATE, FULL_OFFER, GIULIA, LUCA, MARIA, PROFILES

WRITER = Path(__file__).resolve().parent.parent / "src" / "decline" / "writer"
MOVES = ("subject", "gratitude", "decision", "personal", "regret", "stay_connected",
         "door_open", "closing")  # fmt: skip


def test_english_and_italian_are_both_there() -> None:
    assert {"en", "it"} <= set(languages())


def test_the_code_never_branches_on_a_language() -> None:
    for source in WRITER.glob("*.py"):
        assert not re.search(r"lang\w*\s*==|==\s*[\"'](?:en|it)[\"']", source.read_text()), source


@pytest.mark.parametrize("lang", ["en", "it"])
@pytest.mark.parametrize("tone", ["warm", "formal", "brief"])
def test_every_move_has_four_clearly_different_variants(lang: str, tone: str) -> None:
    data = phrasebook(lang).data[tone]
    for move in (*MOVES, "reason"):
        if move not in data:
            assert move in ("personal", "regret")
            assert tone == "brief"
            continue
        for case, options in data[move].items():
            assert len(options) >= 4, (lang, tone, move, case)
            firsts = {" ".join(option.split()[:4]) for option in options}
            assert len(set(options)) == len(options), (move, case)
            assert len(firsts) >= 3, (move, case)


@pytest.mark.parametrize("lang", ["en", "it"])
def test_every_template_fills_from_known_facts(lang: str) -> None:
    known = {"role", "company", "name", "honorific", "surname", "manager", "people", "liked"}
    known |= {"linkedin", "candidate", "date", "city", "person", "title", "text", "address"}
    known |= {"first", "me", "subject", "firsts", "names", "formally", "people_first"}
    known |= {"people_titled"}

    def walk(node: object) -> None:
        if isinstance(node, dict):
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)
        elif isinstance(node, str):
            # A wording that names a gendered word or the place ("Como") offers one without
            # it after " || ": only the last alternative must fill from facts every letter has.
            *gendered, neutral = node.split(ALTERNATIVE)
            assert set(re.findall(r"\{(\w+)\}", neutral)) <= known, node
            for option in gendered:
                assert set(re.findall(r"\{(\w+)\}", option)) <= known | agreeing, node

    meta = phrasebook(lang).meta
    agreeing = {*meta.get("gendered_writer", {}), *meta.get("gendered_reader", {})}
    agreeing |= {"location", "company_again"}
    walk({key: table for key, table in phrasebook(lang).data.items() if key != "meta"})


def test_every_letter_names_the_company() -> None:
    """Warm and formal thank the company by name; brief names it when leaving the door open."""
    for lang in languages():
        data = phrasebook(lang).data
        tables = [
            data["warm"]["gratitude"],
            data["formal"]["gratitude"],
            data["brief"]["door_open"],
        ]
        for table in tables:
            for options in table.values():
                assert all("{company}" in option for option in options), options


def test_render_never_doubles_a_period() -> None:
    values = {"company": "Acme Inc.", "liked": "their demo!"}
    assert render("I admire {company}.", values) == "I admire Acme Inc."
    assert render("I liked {liked}.", values) == "I liked their demo!"
    assert render("At {company}, I met", values) == "At Acme Inc., I met"


def test_names_are_listed_as_a_person_would() -> None:
    assert join_names(["Maria"], "and") == "Maria"
    assert join_names(["Maria", "Luca"], "and") == "Maria and Luca"
    assert join_names(["Maria", "Luca", "Anna"], "and") == "Maria, Luca and Anna"
    assert join_names(["Maria", "Luca", "Anna"], "e", "ed", "eE") == "Maria, Luca e Anna"
    assert join_names(["Luca", "Elena"], "e", "ed", "eE") == "Luca ed Elena"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Maria Rossi", "Rossi"),
        ("Maria de la Cruz", "de la Cruz"),
        ("Luca Di Stefano", "Di Stefano"),
        ("Seán O'Brien", "O'Brien"),
        ("Anne-Marie Dubois-Laurent", "Dubois-Laurent"),
        ("王小明", "王小明"),
        ("山田 太郎", "山田 太郎"),
        ("Madonna", "Madonna"),
    ],
)
def test_the_surname_is_taken_exactly_or_the_whole_name_is_kept(name: str, expected: str) -> None:
    assert surname(name) == expected


def test_a_liked_phrase_is_lowercased_only_after_an_article() -> None:
    starters = phrasebook("en").meta["lowercase_first"]
    assert lower_first("The team's work", starters) == "the team's work"
    assert lower_first("Acme's open-data work", starters) == "Acme's open-data work"
    assert lower_first("Theory of change", starters) == "Theory of change"


def test_a_formal_salutation_uses_the_honorific_in_each_language() -> None:
    en = compose(FULL_OFFER, FULL_CANDIDATE, lang="en", tone="formal")
    it = compose(FULL_OFFER, FULL_CANDIDATE, lang="it", tone="formal")
    assert en.body.startswith("Dear Dr. Rossi,\n")  # Dott.ssa has an English equivalent
    assert it.body.startswith("Gentile Dott.ssa Rossi,\n")
    plain = dataclasses.replace(FULL_OFFER, contacts=(dataclasses.replace(MARIA, honorific=None),))
    formal = compose(plain, FULL_CANDIDATE, lang="it", tone="formal")
    assert formal.body.startswith("Gentile Maria Rossi,\n")  # no honorific: the full name


@pytest.mark.parametrize("tone", ["warm", "brief"])
@pytest.mark.parametrize(
    ("lang", "register", "honorific", "hello"),
    [
        ("en", None, "Dott.ssa", "Dear Maria,\n"),
        ("it", "lei", None, "Gentile Maria,\n"),
        # With Lei a title is used in every tone: "Buongiorno Maria" to a Dott.ssa presumes.
        ("it", "lei", "Dott.ssa", "Gentile Dott.ssa Rossi,\n"),
        ("it", "tu", "Dott.ssa", "Ciao Maria,\n"),
    ],
)
def test_a_warm_or_brief_salutation_uses_the_first_name_unless_lei_meets_a_title(
    tone: str, lang: str, register: str | None, honorific: str | None, hello: str
) -> None:
    """A full name in a greeting reads as a mail merge; an honorific is for formal letters."""
    offer = dataclasses.replace(
        FULL_OFFER, contacts=(dataclasses.replace(MARIA, honorific=honorific),)
    )
    letter = composer.compose(offer, FULL_CANDIDATE, lang=lang, tone=tone, register=register)
    assert letter.body.startswith(hello)


@pytest.mark.parametrize("tone", ["warm", "formal", "brief"])
def test_an_italian_paper_letter_never_opens_like_a_chat(tone: str) -> None:
    """On paper: "Gentile …" with Lei; "Caro/Cara …" with tu when the title tells, in every
    tone, else "Gentile …"; never "Ciao" or "Buongiorno"."""
    for honorific, tu_hello in (("Dott.ssa", "Cara Maria,"), ("Ing.", "Gentile Maria,")):
        offer = dataclasses.replace(
            FULL_OFFER, contacts=(dataclasses.replace(MARIA, honorific=honorific),)
        )
        lei = composer.compose(offer, FULL_CANDIDATE, lang="it", tone=tone, channel="letter")
        tu = composer.compose(
            offer, FULL_CANDIDATE, lang="it", tone=tone, channel="letter", register="tu"
        )
        assert f"\n\nGentile {honorific} Rossi,\n\n" in lei.body
        assert f"\n\n{tu_hello}\n\n" in tu.body
        assert "Distinti saluti" not in tu.body


@pytest.mark.parametrize(
    ("gender", "grateful"), [("feminine", "grata"), ("masculine", "grato"), (None, "")]
)
def test_the_writers_gender_changes_the_words_that_agree_and_none_means_neutral(
    gender: str | None, grateful: str
) -> None:
    candidate = dataclasses.replace(FULL_CANDIDATE, lang="it", grammatical_gender=gender)
    bodies = [
        composer.compose(
            FULL_OFFER, candidate, lang="it", tone=tone, variant=3, register=register
        ).body
        for tone in ("warm", "formal")
        for register in ("lei", "tu")
    ]
    said = "\n".join(bodies)
    for word in ("grato", "grata"):
        assert (word in said) == (word == grateful), (word, said)
    if gender is None:
        assert "riconoscente" in said or "ringrazio" in said


def test_a_name_that_starts_with_a_common_noun_gets_its_article() -> None:
    offer = dataclasses.replace(FULL_OFFER, company="Studio Associato Caruso & Partners S.r.l.")
    body = composer.compose(offer, FULL_CANDIDATE, lang="it", tone="warm", variant=0).body
    assert "dello Studio Associato Caruso & Partners" in body
    assert "di Studio" not in body
    assert "presso Studio" not in body


@pytest.mark.parametrize(
    ("company", "said", "never"),
    [
        ("Officine Meccaniche Riunite", "delle Officine Meccaniche Riunite", "di Officine"),
        ("Cantieri Navali Riuniti S.p.A.", "dei Cantieri Navali Riuniti", "S.p.A"),
        ("Banca Popolare del Lario S.c.p.A.", "della Banca Popolare del Lario", "S.c.p.A"),
        ("Acme Analytics", "di Acme Analytics", "dell'Acme"),  # a plain name stays bare
    ],
)
def test_plural_names_get_their_article_and_every_legal_form_stays_out(
    company: str, said: str, never: str
) -> None:
    offer = dataclasses.replace(FULL_OFFER, company=company)
    body = composer.compose(offer, FULL_CANDIDATE, lang="it", tone="warm", variant=0).body
    assert said in body
    assert never not in body


def test_an_honorific_with_no_equivalent_is_left_out_and_a_note_says_so() -> None:
    offer = dataclasses.replace(
        FULL_OFFER, contacts=(dataclasses.replace(MARIA, honorific="Ing."),)
    )
    letter = compose(offer, FULL_CANDIDATE, lang="en", tone="formal")
    # a formal e-mail greets by first name (a full name reads as a mail merge, en3); on
    # paper, the full name, as the address block shows it
    assert letter.body.startswith("Dear Maria,\n")
    assert any("'Ing.'" in note and "leaves it out" in note for note in letter.notes)
    paper = compose(offer, FULL_CANDIDATE, lang="en", tone="formal", channel="letter")
    assert "\n\nDear Maria Rossi,\n" in paper.body
    assert "\nMaria Rossi\n" in paper.body


def test_the_recipient_is_the_hiring_manager_then_the_recruiter_then_the_first() -> None:
    assert compose(FULL_OFFER, FULL_CANDIDATE).to_name == "Maria Rossi"
    offer = dataclasses.replace(FULL_OFFER, contacts=(GIULIA, LUCA))
    letter = compose(offer, FULL_CANDIDATE)
    assert (letter.to_name, letter.to_email) == ("Luca Bianchi", "luca@acme.example")
    only = dataclasses.replace(FULL_OFFER, contacts=(GIULIA,))
    assert compose(only, FULL_CANDIDATE).to_name == "Giulia D'Amico"


def test_people_met_are_named_and_what_was_liked_is_mentioned() -> None:
    letter = compose(FULL_OFFER, FULL_CANDIDATE, lang="en")
    assert "Luca, Elena and Giulia" in letter.body  # warmly, by first name (en2 reader)
    assert "the team's work on open data" in letter.body
    formal = compose(FULL_OFFER, FULL_CANDIDATE, lang="en", tone="formal")
    assert "Luca Bianchi, Elena Verdi and Giulia D'Amico" in formal.body
    call = compose(FULL_OFFER, FULL_CANDIDATE, lang="en", tone="formal", channel="phone")
    assert "Luca, Elena and Giulia" in call.body  # nobody says full names on a call
    italian = compose(FULL_OFFER, FULL_CANDIDATE, lang="it")
    assert "Luca Bianchi, Elena Verdi e Giulia D'Amico" in italian.body


@pytest.mark.parametrize("lang", ["en", "it"])
def test_the_location_reason_names_a_place_but_never_remote(lang: str) -> None:
    for variant in range(phrasebook(lang).variants):
        for tone in ("warm", "formal", "brief"):
            como = dataclasses.replace(FULL_OFFER, location="Como")
            letter = compose(como, FULL_CANDIDATE, lang=lang, tone=tone, reason="location",
                             variant=variant)  # fmt: skip
            assert "Como" in letter.body, (tone, variant)
            remote = dataclasses.replace(FULL_OFFER, location="Remote (EU)")
            letter = compose(remote, FULL_CANDIDATE, lang=lang, tone=tone, reason="location",
                             variant=variant)  # fmt: skip
            assert "Remote" not in letter.body, (tone, variant)


@pytest.mark.parametrize("lang", ["en", "it"])
def test_a_long_company_name_is_said_once_and_a_short_one_may_come_back(lang: str) -> None:
    long = dataclasses.replace(FULL_OFFER, company="Fondazione Istituto Italiano di Biorobotica")
    short = dataclasses.replace(FULL_OFFER, company="Acme")
    for variant in range(phrasebook(lang).variants):
        for tone in ("warm", "formal"):
            letter = compose(long, FULL_CANDIDATE, lang=lang, tone=tone, variant=variant)
            assert letter.body.count("Istituto Italiano di Biorobotica") == 1, (tone, variant)
            letter = compose(short, FULL_CANDIDATE, lang=lang, tone=tone, variant=variant)
            assert 1 <= letter.body.count("Acme") <= 2, (tone, variant)


def test_without_a_contact_the_team_is_greeted_and_a_note_asks_for_a_name() -> None:
    offer, candidate = PROFILES["no-contact"]
    letter = compose(offer, candidate, lang="en")
    # the hiring team, not "Dear Acme Analytics team,", which reads as a mail merge (en5)
    assert letter.body.startswith("Dear Hiring Team,")
    assert letter.to_name is None
    assert letter.to_email is None
    assert any("named" in note for note in letter.notes)


@pytest.mark.parametrize("tone", ["warm", "formal", "brief"])
@pytest.mark.parametrize("channel", ["email", "letter", "linkedin", "phone"])
def test_italian_to_a_team_never_uses_the_singular_lei(tone: str, channel: str) -> None:
    offer, candidate = PROFILES["no-contact"]
    if channel == "linkedin":  # a LinkedIn message goes to a person, never to a team
        with pytest.raises(InputError, match="LinkedIn"):
            compose(offer, candidate, lang="it", tone=tone, channel=channel)
        return
    for variant in range(4):
        letter = compose(offer, candidate, lang="it", tone=tone, channel=channel, variant=variant)
        text = letter.body
        polite_singular = r"\b(?:La|Le) [a-z]+o\b|\bLei\b|\bSu[aoe]i?\b|[a-z](?:La|Le)\b"
        assert not re.search(polite_singular, text), text


def test_missing_facts_shrink_the_letter_and_leave_no_blank() -> None:
    offer, candidate = PROFILES["bare"]
    letter = compose(offer, candidate, channel="letter", date=dt.date(2026, 11, 20))
    assert "LinkedIn" not in letter.body
    assert "None" not in letter.body
    assert letter.body.startswith(
        "Alex Rivera\n\n20 November 2026\n\nAcme Inc.\n\nDear Hiring Team,"
    )


def test_the_formal_letter_dates_in_the_convention_of_the_sender() -> None:
    day = dt.date(2026, 11, 20)
    en = compose(FULL_OFFER, FULL_CANDIDATE, channel="letter", lang="en", date=day)
    it = compose(FULL_OFFER, FULL_CANDIDATE, channel="letter", lang="it", date=day)
    assert "\n\n20 November 2026\n\n" in en.body  # British by default, as in Europe
    assert "\n\nMilano, 20 novembre 2026\n\n" in it.body
    american = dataclasses.replace(FULL_CANDIDATE, address="1 Main St, Springfield, IL 62701")
    us = compose(FULL_OFFER, american, channel="letter", lang="en", date=day)
    assert "\n\nNovember 20, 2026\n\n" in us.body


def test_variants_differ_and_repeat_deterministically() -> None:
    bodies = [compose(FULL_OFFER, FULL_CANDIDATE, variant=n).body for n in range(4)]
    assert len(set(bodies)) == 4
    assert compose(FULL_OFFER, FULL_CANDIDATE, variant=2).body == bodies[2]
    with pytest.raises(InputError, match="there are 4 wordings, 0 to 3"):
        compose(FULL_OFFER, FULL_CANDIDATE, variant=4)


def test_the_reason_none_leaves_the_reason_out() -> None:
    with_reason = compose(FULL_OFFER, FULL_CANDIDATE, reason="other_offer")
    without = compose(FULL_OFFER, FULL_CANDIDATE, reason="none")
    assert "another position" in with_reason.body
    assert "another" not in without.body


def test_the_candidate_language_is_the_default() -> None:
    italian = dataclasses.replace(FULL_CANDIDATE, lang="it")
    assert compose(FULL_OFFER, italian).lang == "it"
    assert compose(FULL_OFFER, italian, lang="en").lang == "en"


def test_linkedin_messages_fit_and_have_no_subject() -> None:
    long_names = tuple(
        Contact(f"Name{index} Verylongsurnameforsure{index}", role="interviewer")
        for index in range(12)
    )
    offer = dataclasses.replace(FULL_OFFER, contacts=(MARIA, *long_names))
    letter = compose(offer, FULL_CANDIDATE, channel="linkedin", tone="formal")
    assert letter.subject is None
    assert len(letter.body) <= 1000
    assert letter.notes  # it says it had to shorten


def test_phone_gives_talking_points_and_a_confirming_email() -> None:
    letter = compose(FULL_OFFER, FULL_CANDIDATE, channel="phone")
    assert letter.follow_up is not None
    assert letter.follow_up.subject
    assert letter.body.startswith("Talking points for your call with Maria Rossi")
    assert "1. Open with thanks" in letter.body
    assert "4. Say what you valued" in letter.body
    assert "5. Close warmly" in letter.body
    talking_points = letter.body.split("Afterwards")[0]
    assert "linkedin.com" not in talking_points  # an address is written, not read aloud
    assert "linkedin.com" in letter.follow_up.body
    assert letter.reviewable_text() == letter.follow_up.reviewable_text()
    assert letter.follow_up.reviewable_text().startswith("Subject: ")
    italian = compose(FULL_OFFER, FULL_CANDIDATE, channel="phone", lang="it")
    assert italian.reviewable_text().startswith("Oggetto: ")


@pytest.mark.parametrize(
    ("choice", "message"),
    [
        ({"reason": "money"}, "unknown reason 'money'; choose one of other_offer"),
        ({"tone": "loud"}, "unknown tone 'loud'; choose one of warm, formal, brief"),
        ({"channel": "fax"}, "unknown channel 'fax'; choose one of email"),
        ({"lang": "fr"}, "unknown language 'fr'; choose one of en, it"),
        ({"variant": -1}, "variant must be a whole number"),
    ],
)
def test_unknown_choices_are_refused_with_the_choices(
    choice: dict[str, object], message: str
) -> None:
    with pytest.raises(InputError, match=re.escape(message)):
        compose(FULL_OFFER, FULL_CANDIDATE, **choice)  # type: ignore[arg-type]


def test_a_letter_needs_a_company_a_role_and_a_name() -> None:
    with pytest.raises(InputError, match="company"):
        compose(Offer(id="x", company=" ", role="Engineer"), FULL_CANDIDATE)
    with pytest.raises(InputError, match="your name"):
        compose(FULL_OFFER, Candidate(name=""))
    with pytest.raises(InputError, match="control characters"):
        compose(Offer(id="x", company="Acme\x00", role="Engineer"), FULL_CANDIDATE)


@pytest.mark.parametrize("reason", REASONS)
def test_no_reason_names_a_figure_or_an_employer(reason: str) -> None:
    for lang in languages():
        for tone in PARAGRAPHS:
            options = phrasebook(lang).data[tone]["reason"].get(reason, [])
            for option in options:
                assert not re.search(r"\d|€|\$|%|salary|stipendio|\{company\}", option), option


def test_what_was_liked_is_kept_in_its_own_language_and_a_note_says_when_it_is_left_out() -> None:
    italian_liked = dataclasses.replace(FULL_OFFER, liked="la cura con cui il team scrive i test")
    letter = compose(italian_liked, FULL_CANDIDATE, lang="it")  # an English-speaking candidate
    assert "la cura con cui il team scrive i test" in letter.body
    english = compose(italian_liked, FULL_CANDIDATE, lang="en")
    assert "scrive" not in english.body
    assert any("leaves it out" in note for note in english.notes)
    assert not any("leaves it out" in note for note in letter.notes)


@pytest.mark.parametrize("variant", range(4))
def test_a_formal_message_in_tu_never_opens_with_ciao(variant: int) -> None:
    for channel in ("linkedin", "email", "letter"):
        body = composer.compose(
            FULL_OFFER,
            FULL_CANDIDATE,
            lang="it",
            tone="formal",
            channel=channel,
            variant=variant,
            register="tu",
        ).body
        lines = body.splitlines()
        assert not any(line.startswith("Ciao") for line in lines), (channel, body)
        # on paper a title that tells the gender makes it "Cara Maria," (it5)
        hello = ("Gentil", "Cara ", "Caro ") if channel == "letter" else ("Gentil",)
        assert any(line.startswith(hello) for line in lines), (channel, body)


_EN3_FILE = """
[candidate]
name = "Daniel Okafor"

[[offer]]
id = "meridian"
company = "Bank Lumen"
role = "Designer"
company_article = "{article}"

  [[offer.contact]]
  name = "Wei Ling Tan"
  greeting_name = "Wei Ling"
  role = "recruiter"
"""


def test_greeting_name_and_company_article_come_from_the_offer_file() -> None:
    from decline.offers.parsing import parse_offers
    from decline.offers.writing import dump_offers

    offers = parse_offers(_EN3_FILE.format(article="the"))
    offer = offers.offers[0]
    assert offer.contacts[0].greeting_name == "Wei Ling"
    assert parse_offers(dump_offers(offers)).offers[0] == offer  # written back unchanged
    warm = compose(offer, offers.candidate, channel="linkedin")
    assert warm.body.startswith("Hi Wei Ling,\n")
    assert "at the Bank Lumen" in compose(offer, offers.candidate).body
    # without the key the rule decides: "Bank Lumen" has no "of"/"for", so no "the"
    plain = dataclasses.replace(offer, company_article=None)
    assert "the Bank Lumen" not in compose(plain, offers.candidate).body
    with pytest.raises(InputError, match="company_article: expected one of none, the"):
        parse_offers(_EN3_FILE.format(article="thee"))


def test_the_candidates_own_greeting_name_signs_the_message_and_is_kept() -> None:
    """[candidate] greeting_name: "Wei Ling Tan" signs "Wei Ling", never "Wei" (en5)."""
    from decline.offers.parsing import parse_offers
    from decline.offers.writing import dump_offers

    text = _EN3_FILE.format(article="the").replace(
        'name = "Daniel Okafor"', 'name = "Wei Ling Tan"\ngreeting_name = "Wei Ling"'
    )
    offers = parse_offers(text)
    assert offers.candidate.greeting_name == "Wei Ling"
    assert parse_offers(dump_offers(offers)).candidate == offers.candidate
    for variant in range(4):
        body = compose(offers.offers[0], offers.candidate, channel="linkedin", variant=variant).body
        assert body.rstrip().endswith(", Wei Ling"), body
    plain = dataclasses.replace(offers.candidate, greeting_name=None)
    body = compose(offers.offers[0], plain, channel="linkedin").body
    assert body.rstrip().endswith(", Wei"), body  # without the key: the first word


@pytest.mark.parametrize(
    ("company", "article", "said"),
    [
        ("Office for Regional Statistics", None, "the Office for Regional Statistics"),
        ("University of Leeds", None, "the University of Leeds"),
        ("Bank of Italy", "none", "at Bank of Italy"),
        ("The Northern Building Society", None, "at the Northern Building Society"),
        ("Bristol City Council", None, "at Bristol City Council"),
    ],
)
def test_an_english_name_takes_the_by_rule_or_by_the_offer_file(
    company: str, article: str | None, said: str
) -> None:
    offer = dataclasses.replace(FULL_OFFER, company=company, company_article=article)
    body = compose(offer, FULL_CANDIDATE, tone="formal", channel="letter").body
    assert said in body
    assert f"\n{company}\n" in body  # the address block keeps the name as written


def test_a_remote_offer_gives_no_place_as_the_reason_and_says_so() -> None:
    offer = dataclasses.replace(FULL_OFFER, location="Remote (US)")
    letter = compose(offer, FULL_CANDIDATE, reason="location")
    assert not re.search(r"location|relocat|closer to home", letter.body)
    assert any("Remote (US)" in note for note in letter.notes)
    city = dataclasses.replace(FULL_OFFER, location="Denver, CO")
    body = compose(city, FULL_CANDIDATE, reason="location", channel="phone").body
    assert "Denver" in body
    assert "Denver, CO" not in body


def test_a_job_in_the_candidate_s_own_city_is_not_named_as_the_reason() -> None:
    offer = dataclasses.replace(FULL_OFFER, location="Milano")
    candidate = dataclasses.replace(FULL_CANDIDATE, city="Milano")
    for lang in ("en", "it"):
        letter = compose(offer, candidate, lang=lang, reason="location", channel="letter")
        assert not re.search(r"(?:in|to|di|a) Milano\b", letter.body), letter.body
        assert any("own city" in note for note in letter.notes)


def test_a_paper_letter_greeting_by_full_name_says_how_to_greet_by_title() -> None:
    """ "Dear Declan O'Brien," reads as a mail merge: a note asks for an honorific (en5)."""
    declan = Contact("Declan O'Brien", None, None, None, "hiring_manager")
    offer = dataclasses.replace(FULL_OFFER, contacts=(declan,))
    letter = composer.compose(offer, FULL_CANDIDATE, tone="formal", channel="letter")
    assert "\n\nDear Declan O'Brien,\n\n" in letter.body
    assert any("greets Declan O'Brien by full name" in note for note in letter.notes)
    titled = dataclasses.replace(declan, honorific="Mr")
    offer = dataclasses.replace(FULL_OFFER, contacts=(titled,))
    letter = composer.compose(offer, FULL_CANDIDATE, tone="formal", channel="letter")
    assert "\n\nDear Mr O'Brien,\n\n" in letter.body
    assert not any("by full name" in note for note in letter.notes)
