"""`decline.repair.fix`: missing moves land where a reader expects them, nothing else moves.

The drafts are our own: one complete, clean letter per language, register and tone, and
the same letter with one part taken out. What must NOT change is tested as hard as what
must: every sentence the checker did not flag comes back byte for byte and in order, the
result never reviews worse than the draft, and nothing is invented (no decision the
person did not make, no name they did not give).
"""

from __future__ import annotations

import re
from importlib.resources import files

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from decline import review
from decline.checker.rule import Severity
from decline.errors import InputError
from decline.repair import Repair, fix

# Each letter: its parts in order. "extra" is a neutral sentence that carries no move.
LETTERS: dict[str, tuple[str, dict[str, str]]] = {
    "en-warm": (
        "en",
        {
            "salutation": "Hi Jordan,",
            "gratitude": "Thank you for the offer to join the platform group, and for the care "
            "you put into every interview.",
            "decision": "After a lot of reflection, I have decided to decline the offer.",
            "reason": "I have chosen a role that sits closer to the research work I want to "
            "do next.",
            "regret": "I am sorry to be saying no after such a thoughtful process.",
            "extra": "Talking with your engineers about their plans for the coming year was a "
            "highlight of my autumn, and I learned a great deal from those conversations.",
            "stay": "I would love to keep in touch.",
            "door": "I hope our paths cross again, and I would be glad to hear about future "
            "openings.",
            "closing": "Warm regards,",
            "signature": "Robin",
        },
    ),
    "en-formal": (
        "en",
        {
            "salutation": "Dear Ms. Okafor,",
            "gratitude": "Thank you for offering me the position of site engineer, and for the "
            "time your colleagues gave to my interviews.",
            "decision": "After careful consideration, I must respectfully decline the offer.",
            "reason": "I have accepted a post that is closer to my family.",
            "regret": "I sincerely regret that I cannot accept.",
            "extra": "",
            "stay": "I would be pleased to remain in contact.",
            "door": "I hold your firm in high regard and would welcome the chance to be "
            "considered for future roles.",
            "closing": "Yours sincerely,",
            "signature": "Robin Hale",
        },
    ),
    "en-brief": (
        "en",
        {
            "salutation": "Hi Sam,",
            "gratitude": "Thanks so much for the offer.",
            "decision": "I have decided not to accept it.",
            "reason": "I am staying in my current job for now.",
            "regret": "Sorry to say no.",
            "extra": "",
            "stay": "Let's stay in touch.",
            "door": "I hope our paths cross again.",
            "closing": "Best,",
            "signature": "Kit",
        },
    ),
    "it-lei-warm": (
        "it",
        {
            "salutation": "Gentile Chiara,",
            "gratitude": "La ringrazio molto per l'offerta e per la cura con cui ha seguito i "
            "colloqui.",
            "decision": "Dopo averci pensato a lungo, ho deciso di non accettare la proposta.",
            "reason": "Ho scelto un percorso più vicino alla ricerca, che è ciò che desidero "
            "fare ora.",
            "regret": "Mi dispiace davvero dover rinunciare dopo un percorso così curato.",
            "extra": "Parlare con il gruppo di analisti dei loro progetti per il prossimo anno "
            "è stato molto interessante, e ho imparato parecchio da quelle conversazioni.",
            "stay": "Mi farebbe piacere restare in contatto.",
            "door": "Spero che le nostre strade si incrocino ancora e sarei felice di sapere "
            "di future opportunità.",
            "closing": "Cordiali saluti,",
            "signature": "Marta",
        },
    ),
    "it-lei-formal": (
        "it",
        {
            "salutation": "Gentile Dott. Ferri,",
            "gratitude": "La ringrazio per l'offerta della posizione di ingegnere di cantiere e "
            "per il tempo dedicato ai colloqui.",
            "decision": "Dopo un'attenta valutazione, devo declinare la proposta.",
            "reason": "Ho accettato un incarico più vicino alla mia famiglia.",
            "regret": "Mi rammarico sinceramente di non poter accettare.",
            "extra": "",
            "stay": "Resto a disposizione e sarei lieto di mantenere i contatti.",
            "door": "Nutro grande stima per la Sua azienda e sarei onorato di essere "
            "considerato per future posizioni.",
            "closing": "Distinti saluti,",
            "signature": "Marco Galli",
        },
    ),
    "it-lei-brief": (
        "it",
        {
            "salutation": "Gentile Paola,",
            "gratitude": "grazie per l'offerta.",
            "decision": "Ho deciso di non accettarla.",
            "reason": "Resto nel mio attuale lavoro per ora.",
            "regret": "Mi dispiace.",
            "extra": "",
            "stay": "Restiamo in contatto.",
            "door": "Spero che le nostre strade si incrocino di nuovo.",
            "closing": "Cordiali saluti,",
            "signature": "Sara",
        },
    ),
    "it-tu": (
        "it",
        {
            "salutation": "Ciao Luca,",
            "gratitude": "ti ringrazio tanto per l'offerta e per il tempo che mi hai dedicato.",
            "decision": "Ci ho pensato a lungo e ho deciso di non accettare.",
            "reason": "Ho scelto di restare nel mio gruppo attuale ancora per un po'.",
            "regret": "Mi dispiace, perché mi sono trovato bene con tutti voi.",
            "extra": "",
            "stay": "Mi farebbe piacere restare in contatto.",
            "door": "Spero che le nostre strade si incrocino di nuovo.",
            "closing": "Un caro saluto,",
            "signature": "Dario",
        },
    ),
}
BODY = ("gratitude", "decision", "reason", "regret", "extra")
ENDING = ("stay", "door")
MOVES = ("gratitude", "regret", "stay", "door", "closing")
SIGNAL = {
    "gratitude": "gratitude",
    "regret": "regret",
    "stay": "stay_connected",
    "door": "door_open",
}
_WORD = re.compile(r"[^\W\d_]+")


def build(parts: dict[str, str], without: tuple[str, ...] = ()) -> str:
    """Return the letter from its parts, leaving out those named."""
    kept = {key: ("" if key in without else value) for key, value in parts.items()}
    first = " ".join(kept[key] for key in BODY if kept[key])
    second = " ".join(kept[key] for key in ENDING if kept[key])
    head = "\n\n".join(part for part in (kept["salutation"], first, second) if part)
    tail = "\n".join(part for part in (kept["closing"], kept["signature"]) if part)
    return head + "\n\n" + tail + "\n"


def sentences_of(text: str, lang: str) -> list[str]:
    from decline.checker.document import parse
    from decline.checker.lexicon import load

    return [sentence.text for sentence in parse(text, load(lang)).sentences]


def worst(findings: tuple[object, ...]) -> int:
    return max((finding.severity.rank for finding in findings), default=0)  # type: ignore[attr-defined]


def assert_not_worse(draft: str, repair: Repair) -> None:
    before = review(draft, repair.lang)
    after = repair.report
    assert len(after.findings) <= len(before.findings), after.findings
    assert worst(after.findings) <= worst(before.findings)
    assert after.score >= before.score
    assert after.graceful or not before.graceful


def assert_changes_rebuild_the_text(draft: str, repair: Repair) -> None:
    """The changes are edits of the draft's own spans: applied, they give the repair."""
    rebuilt = draft
    for change in reversed(repair.changes):
        end = change.offset + change.length
        rebuilt = rebuilt[: change.offset] + change.replacement + rebuilt[end:]
    assert rebuilt == repair.text


def assert_kept_in_order(draft: str, repair: Repair) -> None:
    """Every sentence of the draft is in the repair, byte for byte and in order.

    The one letter we may touch is the draft's first, when thanks now come before it
    ("…candidatura. Ho deciso" for "Gentile X,\n\nho deciso"): the repair says so.
    """
    capitalised = any("capitalises" in change.description for change in repair.changes)
    cursor = 0
    for index, sentence in enumerate(sentences_of(draft, repair.lang)):
        wanted = sentence
        if index == 0 and capitalised:
            wanted = sentence[0].upper() + sentence[1:]
        found = repair.text.find(wanted, cursor)
        assert found >= 0, f"lost or changed: {sentence!r}\n{repair.text}"
        cursor = found + len(wanted)


def vocabulary(lang: str) -> set[str]:
    """Return every word the language's phrase files use: where added wording may come from."""
    folder = files("decline").joinpath("languages", lang)
    words: set[str] = set()
    for entry in folder.iterdir():
        if entry.name.startswith("phrases"):
            words |= set(_WORD.findall(entry.read_text("utf-8").casefold()))
    return words


def assert_nothing_invented(draft: str, repair: Repair, *given: str) -> None:
    known = vocabulary(repair.lang) | set(_WORD.findall(draft.casefold()))
    for fact in given:
        known |= set(_WORD.findall(fact.casefold()))
    for change in repair.changes:
        new = set(_WORD.findall(change.replacement.casefold())) - known
        assert not new, f"{change.rule} made up {sorted(new)}: {change.replacement!r}"


CASES = [(key, move) for key in LETTERS for move in MOVES]


@pytest.mark.parametrize("key", list(LETTERS))
def test_a_letter_that_is_already_fine_comes_back_unchanged(key: str) -> None:
    lang, parts = LETTERS[key]
    draft = build(parts)
    assert review(draft, lang).findings == ()
    repair = fix(draft, lang)
    assert repair.text == draft
    assert repair.changes == ()
    assert repair.needs == ()
    assert repair.ready
    assert repair.diff() == ""


@pytest.mark.parametrize(("key", "move"), CASES)
def test_a_missing_move_is_added_in_place_and_nothing_else_changes(key: str, move: str) -> None:
    lang, parts = LETTERS[key]
    draft = build(parts, (move,))
    before = review(draft, lang)
    repair = fix(draft, lang)
    assert_kept_in_order(draft, repair)
    assert_not_worse(draft, repair)
    assert_nothing_invented(draft, repair)
    assert_changes_rebuild_the_text(draft, repair)
    assert repair.report.graceful
    assert repair.needs == ()
    signal = SIGNAL.get(move)
    if signal is not None and before.signals[signal]:
        assert repair.changes == (), "the checker saw the move elsewhere: nothing to add"
        return
    if signal is not None:
        assert repair.report.signals[signal], repair.text
    added = [change for change in repair.changes if "capitalises" not in change.description]
    assert len(added) == 1, repair.changes
    at = added[0].offset
    if move == "gratitude":  # first thing in the body, right after the greeting
        assert draft[:at].rstrip() == parts["salutation"]
    elif move == "regret":  # right after the sentence that says no
        assert draft[:at].rstrip().endswith(parts["decision"])
    elif move in ("stay", "door"):  # at the end of the body, before the closing
        assert repair.text.index(added[0].replacement.strip()) < repair.text.index(parts["closing"])
        assert draft[:at].rstrip().endswith((parts["door"], parts["stay"], parts["regret"]))
    else:  # the closing goes above the signature, never under it
        closing = added[0].replacement.strip()
        assert repair.text.rstrip().endswith(f"{closing}\n{parts['signature']}")


def test_italian_thanks_start_lower_case_when_the_draft_does_and_its_first_word_is_capitalised():
    draft = (
        "Gentile Dott.ssa Bianchi,\n\nho deciso di non accettare l'offerta per la posizione di "
        "analista. Ho accettato un'altra proposta più vicina a casa. Mi dispiace molto.\n\n"
        "Resto volentieri in contatto e spero di incrociare ancora la Sua azienda.\n\n"
        "Cordiali saluti,\nLuca Neri\n"
    )
    repair = fix(draft, "it")
    body = repair.text.split(",\n\n", 1)[1]
    assert body.startswith("desidero ringraziarLa per l'offerta")
    assert ". Ho deciso di non accettare l'offerta per la posizione di analista." in body
    assert_kept_in_order(draft, repair)
    assert_not_worse(draft, repair)


def test_a_capital_start_stays_capital_and_the_drafts_first_word_is_untouched() -> None:
    draft = (
        "Gentile Paola,\n\nHo deciso di non accettare l'offerta. Resto nel mio attuale lavoro "
        "per ora. Mi dispiace.\n\nRestiamo in contatto.\n\nCordiali saluti,\nSara\n"
    )
    repair = fix(draft, "it")
    assert "\n\nLa ringrazio per l'offerta e per il tempo che mi ha dedicato. Ho deciso" in (
        repair.text
    )
    assert not any("capitalises" in change.description for change in repair.changes)


def test_english_keeps_its_capitals() -> None:
    draft = "Hi Sam,\n\nI won't be taking the offer. Sorry to say no.\n\nBest,\nKit\n"
    repair = fix(draft, "en")
    assert repair.text.startswith("Hi Sam,\n\nThank you for the offer and for your time. I won't")


@pytest.mark.parametrize(
    ("draft", "lang", "team_words", "person_words"),
    [
        (
            "Buongiorno a tutti,\n\nvi scrivo per comunicarvi che ho deciso di non accettare "
            "la proposta. Mi dispiace.\n\nCordiali saluti,\nLuca Neri\n",
            "it",
            "ringrazio per l'offerta e per il tempo che mi avete dedicato",
            "La ringrazio",
        ),
        (
            "Ciao a tutti,\n\nho deciso di non accettare la proposta. Mi dispiace.\n\n"
            "Restiamo in contatto.\n\nDario\n",
            "it",
            "ringrazio per l'offerta e per il tempo che mi avete dedicato",
            "Ti ringrazio",
        ),
        (
            "Hi team,\n\nI have decided not to accept the offer. Sorry to say no.\n\nBest,\nKit\n",
            "en",
            "Thank you all for the offer",
            "Thank you for the offer",
        ),
        (
            "Hello,\n\nI wanted to tell you all that I have decided not to accept the offer. "
            "Sorry to say no.\n\nBest,\nKit\n",
            "en",
            "Thank you all for the offer",
            "Thank you for the offer",
        ),
    ],
)
def test_a_draft_to_a_team_gets_team_wording(
    draft: str, lang: str, team_words: str, person_words: str
) -> None:
    repair = fix(draft, lang)
    assert team_words in repair.text
    assert person_words not in repair.text
    assert_kept_in_order(draft, repair)
    assert_not_worse(draft, repair)


def test_a_team_greeting_replaced_by_a_name_gets_wording_for_one_person() -> None:
    draft = "Hi team,\n\nI have decided not to accept the offer. Sorry to say no.\n\nBest,\nKit\n"
    repair = fix(draft, "en", to="Maria Rossi")
    assert repair.text.startswith("Dear Maria,\n\nThank you for the offer and for your time.")


def test_tu_drafts_get_tu_wording() -> None:
    draft = (
        "Ciao Giulia,\n\nti scrivo per dirti che ho deciso di non accettare. Mi dispiace.\n\n"
        "Restiamo in contatto.\n\nDario\n"
    )
    repair = fix(draft, "it")
    assert "ti ringrazio per l'offerta e per il tempo che mi hai dedicato. Ti scrivo" in (
        repair.text
    )
    assert "La ringrazio" not in repair.text


def test_a_closing_with_no_signature_asks_for_the_name_or_uses_the_one_given() -> None:
    draft = "Hi Sam,\n\nThanks for the offer. I won't be taking it. Sorry to say no.\n"
    asked = fix(draft, "en")
    assert any("--name" in need for need in asked.needs)
    named = fix(draft, "en", name="Pat Lee")
    assert named.text.rstrip().endswith("Best regards,\nPat Lee")
    assert not any("--name" in need for need in named.needs)


def test_regret_and_a_reason_go_beside_the_decision_not_at_the_start() -> None:
    draft = (
        "Dear Ms. Okafor,\n\nThank you for offering me the position, and for the time your "
        "colleagues gave me. It was a pleasure to meet the whole site team. I must decline "
        "the offer. I would be pleased to remain in contact, and I hold your firm in high "
        "regard and would welcome future roles.\n\nYours sincerely,\nRobin Hale\n"
    )
    repair = fix(draft, "en")
    decision = "I must decline the offer."
    added = [c for c in repair.changes if "regret" in c.description or "reason" in c.description]
    assert added
    assert all(draft[: change.offset].endswith(decision) for change in added)
    assert_kept_in_order(draft, repair)


def test_regret_waits_for_a_decision_that_is_missing_and_none_is_invented() -> None:
    draft = (
        "Hi Sam,\n\nThanks so much for the offer and for your time. I am still thinking "
        "about it and will get back to you soon.\n\nBest,\nKit\n"
    )
    repair = fix(draft, "en")
    assert any("clear decision" in need for need in repair.needs)
    assert not repair.ready
    assert not repair.report.signals["clear_decision"]
    moves = ("decision", "reason", "regret")
    assert not [c for c in repair.changes if any(move in c.description for move in moves)]
    assert_kept_in_order(draft, repair)
    assert_not_worse(draft, repair)


def test_decided_states_the_decision_after_the_thanks() -> None:
    draft = (
        "Hi Sam,\n\nThanks so much for the offer and for your time.\n\n"
        "Let's stay in touch, and I hope our paths cross again.\n\nBest,\nKit\n"
    )
    assert not review(draft, "en").signals["clear_decision"]
    repair = fix(draft, "en", decided=True)
    assert repair.report.signals["clear_decision"]
    decision = next(change for change in repair.changes if change.rule == "D301")
    assert draft[: decision.offset].endswith("Thanks so much for the offer and for your time.")
    assert repair.ready
    assert_kept_in_order(draft, repair)


def test_a_generic_greeting_takes_the_name_given_and_only_that() -> None:
    draft = (
        "Dear Hiring Manager,\n\nThank you for the offer and for your time. I have decided "
        "not to accept it. Sorry to say no.\n\nLet's stay in touch, and I hope our paths "
        "cross again.\n\nBest,\nKit\n"
    )
    unnamed = fix(draft, "en")
    assert unnamed.text.startswith("Dear Hiring Manager,")
    assert any("--to" in need for need in unnamed.needs)
    named = fix(draft, "en", to="Maria Rossi")
    assert named.text.startswith("Dear Maria,\n\nThank you")
    assert_nothing_invented(draft, named, "Maria Rossi")
    assert named.ready


def test_a_negative_sentence_is_removed_and_the_rest_kept() -> None:
    draft = (
        "Hi Sam,\n\nThanks so much for the offer. I have decided not to accept it. "
        "To be honest the interview process was a joke and a waste of my time. "
        "Sorry to say no.\n\nLet's stay in touch, and I hope our paths cross again.\n\n"
        "Best,\nKit\n"
    )
    before = review(draft, "en")
    assert not before.graceful
    repair = fix(draft, "en")
    assert "a joke" not in repair.text
    assert repair.report.graceful
    for kept in ("Thanks so much for the offer.", "I have decided not to accept it."):
        assert kept in repair.text
    assert_not_worse(draft, repair)


def test_blanks_are_filled_from_facts_or_reported() -> None:
    draft = (
        "Dear [Hiring Manager Name],\n\nThank you for the offer for the [Position] role. "
        "I have decided not to accept it. Sorry to say no.\n\nLet's stay in touch, and I "
        "hope our paths cross again.\n\nBest,\n[Your Name]\n"
    )
    blank = fix(draft, "en")
    assert not blank.ready
    assert blank.needs
    filled = fix(draft, "en", to="Maria Rossi", name="Kit Lane", role="Data Engineer")
    assert "[" not in filled.text, filled.text
    assert "Data Engineer role" in filled.text
    assert "Kit Lane" in filled.text
    assert_nothing_invented(draft, filled, "Maria Rossi", "Kit Lane", "Data Engineer")


def test_the_repair_is_the_same_every_time_and_its_dict_is_complete() -> None:
    lang, parts = LETTERS["it-lei-warm"]
    draft = build(parts, ("gratitude", "stay"))
    first, second = fix(draft, lang), fix(draft, lang)
    assert first.text == second.text
    data = first.to_dict()
    assert set(data) == {"text", "lang", "ready", "changes", "needs", "report"}
    assert data["report"]["schema"] == 1  # type: ignore[index]
    assert first.diff("draft.txt").startswith("--- draft.txt\n+++ draft.txt (fixed)\n")


@pytest.mark.parametrize(
    ("argument", "value"),
    [("to", ""), ("name", "  "), ("company", 3), ("role", ["x"]), ("decided", "yes")],
)
def test_bad_arguments_are_input_errors_naming_the_argument(argument: str, value: object) -> None:
    with pytest.raises(InputError) as raised:
        fix("Hi Sam,\n\nThanks. I decline.\n", "en", **{argument: value})  # type: ignore[arg-type]
    assert raised.value.field == argument
    assert str(raised.value).startswith(argument)


def test_empty_text_is_an_input_error() -> None:
    with pytest.raises(InputError):
        fix("   \n", "en")


def test_severity_order_is_what_not_worse_relies_on() -> None:
    assert Severity.ERROR.rank > Severity.WARNING.rank > Severity.SUGGESTION.rank


def test_a_flagged_sentence_keeps_its_clean_first_clause() -> None:
    draft = (
        "Hi Sam,\n\nThanks for the offer. I have accepted another offer: they pay me 20,000 "
        "more a year plus a company car. Sorry to say no.\n\nLet's stay in touch, and I hope "
        "our paths cross again.\n\nBest,\nKit\n"
    )
    assert any(f.rule == "D501" and f.length for f in review(draft, "en").findings)
    repair = fix(draft, "en")
    assert "Thanks for the offer. I have accepted another offer. Sorry to say no." in repair.text
    assert "20,000" not in repair.text
    assert_not_worse(draft, repair)


HEDGED = (
    "Hi Sam,\n\nThanks so much for the offer. I think I will probably not accept it, but "
    "maybe.\n\nLet's stay in touch, and I hope our paths cross again.\n\nBest,\nKit\n"
)


def test_a_hedged_decision_is_left_to_the_person_and_quoted() -> None:
    hedge = "I think I will probably not accept it, but maybe."
    assert any(f.rule == "D301" and f.length for f in review(HEDGED, "en").findings)
    repair = fix(HEDGED, "en")
    assert hedge in repair.text
    assert any("it hedges: “I think I will probably" in need for need in repair.needs)
    assert not repair.ready
    assert_not_worse(HEDGED, repair)


def test_decided_says_a_hedged_decision_plainly_in_its_place() -> None:
    repair = fix(HEDGED, "en", decided=True)
    assert "probably" not in repair.text
    plain = next(change for change in repair.changes if change.rule == "D301")
    assert plain.offset == HEDGED.index("I think")
    assert "says the decision plainly instead of" in plain.description
    assert repair.text.startswith("Hi Sam,\n\nThanks so much for the offer. ")
    assert repair.report.signals["clear_decision"]
    assert repair.ready
    assert repair.text.lower().count("sorry") <= 1  # the plain decision's regret, once
    assert_changes_rebuild_the_text(HEDGED, repair)


def test_change_descriptions_are_one_line() -> None:
    draft = (
        "Hi Sam,\n\nThanks so much for the offer. I have accepted another offer: they pay me\n"
        "20,000 more a year plus a car. Sorry to say no.\n\nBest,\nKit\n"
    )
    repair = fix(draft, "en")
    assert repair.changes
    assert all("\n" not in change.description for change in repair.changes)


def test_apply_makes_only_the_accepted_changes() -> None:
    lang, parts = LETTERS["en-warm"]
    draft = build(parts, ("gratitude", "stay"))
    repair = fix(draft, lang)
    assert len(repair.changes) == 2
    assert repair.apply(range(len(repair.changes))) == repair.text
    assert repair.apply([]) == draft
    thanks_only = repair.apply([0])
    assert thanks_only.startswith("Hi Jordan,\n\nThank you so much for the offer")
    assert repair.changes[1].replacement.strip() not in thanks_only
    assert repair.apply([1, 99, -1]) == repair.apply([1])


PIECES = st.sampled_from(
    [
        "Dear Ms. Park,",
        "Ciao Luca,",
        "Gentile Dott. Ferri,",
        "Hi team,",
        "Thank you for the offer.",
        "grazie per l'offerta.",
        "I have decided not to accept it.",
        "Ho deciso di non accettare.",
        "I might have to decline, maybe.",
        "Your managers are clueless and the pay is a joke.",
        "I hope our paths cross again.",
        "[Your Name]",
        "Best regards,",
        "Cordiali saluti,",
        "Kit",
        "\n",
        "\n\n",
        " ",
        "\r\n",
    ]
)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.one_of(PIECES, st.text(max_size=12)), min_size=1, max_size=14),
    st.sampled_from(["en", "it", "auto"]),
)
def test_any_draft_is_repaired_or_refused_and_never_worse(pieces: list[str], lang: str) -> None:
    draft = " ".join(pieces)
    try:
        repair = fix(draft, lang)
    except InputError:
        return
    assert fix(draft, lang).text == repair.text  # deterministic
    assert_changes_rebuild_the_text(draft.removeprefix("\ufeff"), repair)
    assert_not_worse(draft, repair)


def test_languagetool_replacements_are_filled_for_letters_and_skipped_for_huge_pastes() -> None:
    from decline.repair import REPLACEMENTS_UP_TO, with_replacements

    draft = "Hi Sam,\n\nThanks for the offer. I won't be taking it. Sorry to say no.\n\nBest,\nKit"
    filled = with_replacements(review(draft, "en"))
    ending = next(f for f in filled.findings if f.rule == "D601")
    added = "I would be glad to stay in touch. I hope our paths cross again."
    assert ending.replacements == ("\n\n" + added,)
    huge = draft + "The office was bright and quiet. " * (REPLACEMENTS_UP_TO // 30)
    report = review(huge, "en")
    assert with_replacements(report) is report


def test_the_courtesy_la_keeps_its_capital_after_a_comma() -> None:
    draft = (
        "Gentile Paola,\n\nho deciso di non accettare l'offerta. Resto nel mio attuale lavoro "
        "per ora. Mi dispiace.\n\nRestiamo in contatto.\n\nCordiali saluti,\nSara\n"
    )
    repair = fix(draft, "it")
    assert "\n\nLa ringrazio per l'offerta e per il tempo che mi ha dedicato. Ho deciso" in (
        repair.text
    )


def test_plural_you_in_an_italian_verb_means_a_team() -> None:
    draft = (
        "Salve,\n\nvolevo avvisarvi che ho deciso di non accettare la proposta. Mi dispiace."
        "\n\nCordiali saluti,\nSara\n"
    )
    repair = fix(draft, "it")
    assert "vi ringrazio per l'offerta" in repair.text.lower()
    assert "La ringrazio" not in repair.text


def test_a_missing_greeting_goes_above_the_body_and_below_a_subject_line() -> None:
    draft = (
        "Subject: The analyst offer\n\nThanks so much for the offer. I have decided not to "
        "accept it. Sorry to say no.\n\nLet's stay in touch, and I hope our paths cross again."
        "\n\nBest,\nKit\n"
    )
    assert any(f.rule == "D401" for f in review(draft, "en").findings)
    repair = fix(draft, "en", to="Maria Rossi")
    assert repair.text.startswith("Subject: The analyst offer\n\nDear Maria,\n\nThanks so much")
    assert repair.ready


def test_an_ignored_rule_is_not_acted_on() -> None:
    lang, parts = LETTERS["en-brief"]
    draft = build(parts, ("regret", "stay"))
    both = fix(draft, lang)
    assert {"D402", "D601"} <= {change.rule for change in both.changes}
    without_regret = fix(draft, lang, ignore=["d402"])
    assert "D402" not in {change.rule for change in without_regret.changes}
    assert "D601" in {change.rule for change in without_regret.changes}
    assert all(finding.rule != "D402" for finding in without_regret.report.findings)
    with pytest.raises(InputError):
        fix(draft, lang, ignore=["D999"])


def test_a_name_blank_under_the_closing_is_the_writers_own() -> None:
    draft = (
        "Gentile [Nome],\n\nLa ringrazio per l'offerta. Ho deciso di non accettarla. Mi "
        "dispiace.\n\nRestiamo in contatto e spero che le nostre strade si incrocino di nuovo."
        "\n\nCordiali saluti,\n[Nome e Cognome]\n"
    )
    repair = fix(draft, "it", to="Maria Rossi", name="Luca Neri")
    assert repair.text.startswith("Gentile Maria Rossi,")
    assert repair.text.endswith("Cordiali saluti,\nLuca Neri\n")
    unknown = fix(draft, "it", to="Maria Rossi")
    assert "what goes in [Nome e Cognome]" in unknown.needs


# How the end of a repaired letter is laid out: (draft, how it ends, what is gone).
ENDINGS = [
    pytest.param(
        "Hi Sam,\n\nThanks for the offer. I won't be taking it. Sorry to say no.",
        "I hope our paths cross again.\n\nBest regards,\n",
        (),
        id="moves added at the very end are one blank line apart",
    ),
    pytest.param(
        "Hi Sam,\n\nThanks for the offer. I won't be taking it. Sorry to say no.\n\n"
        "With every good wish and my thanks once more,\nKit\n",
        "I hope our paths cross again.\n\nWith every good wish and my thanks once more,\nKit\n",
        ("regards",),
        id="a closing the checker does not know is not doubled",
    ),
    pytest.param(
        "Hi Sam,\r\n\r\nThanks for the offer. I won't be taking it. Sorry to say no.\r\n\r\nKit",
        "again.\r\n\r\nBest regards,\r\nKit",
        (),
        id="lines added to a CRLF draft end in CRLF",
    ),
    pytest.param(
        "Hi Sam,\n\nThanks so much for the offer. I have decided not to accept it. Sorry to "
        "say no.\n\nTo be honest the interview process was a joke and a waste of my time.\n\n"
        "Best,\nKit\n",
        "I hope our paths cross again.\n\nBest,\nKit\n",
        ("a joke",),
        id="a paragraph taken out leaves one blank line",
    ),
    pytest.param(
        "Dear Ms. Okafor,\n\nThank you for the offer. I have decided not to accept it. I "
        "regret that I cannot accept.\n\nThanking you,\n\nYours faithfully,\nRobin Hale\n",
        "experience.\n\nThanking you,\n\nYours faithfully,\nRobin Hale\n",
        (),
        id="a pre-closing line stays above the closing and below added moves",
    ),
]


@pytest.mark.parametrize(("draft", "ending", "gone"), ENDINGS)
def test_the_end_of_a_repaired_letter(draft: str, ending: str, gone: tuple[str, ...]) -> None:
    repair = fix(draft, "en")
    assert repair.text.endswith(ending)
    for text in gone:
        assert text not in repair.text
    if "\r\n" in draft:
        assert "\n" not in repair.text.replace("\r\n", "")
    assert "\n\n\n" not in repair.text.replace("\r\n", "\n")
    assert_changes_rebuild_the_text(draft, repair)


def test_a_closing_goes_above_the_signature() -> None:
    draft = (
        "Hi Sam,\n\nThanks for the offer. I won't be taking it. Sorry to say no.\n\n"
        "Let's stay in touch, and I hope our paths cross again.\n\nPat\n"
    )
    repair = fix(draft, "en")
    assert repair.text.endswith("again.\n\nBest regards,\nPat\n")
    assert repair.needs == ()
