"""The offer file: a good file loads; every bad file gets one clear line per problem."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from decline import InputError, load_offers
from decline.offers.lines import KeyLines
from decline.offers.parsing import parse_offers

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "offers.toml"
BUNDLED = ROOT / "src" / "decline" / "data" / "example_offers.toml"

MINIMAL = """
[[offer]]
id = "acme"
company = "Acme"
role = "Engineer"
"""


def problems(text: str) -> list[str]:
    """Return the problem lines parse_offers reports for `text` (labelled f.toml)."""
    with pytest.raises(InputError) as caught:
        parse_offers(text, "f.toml")
    return str(caught.value).splitlines()


def test_bundled_example_is_the_examples_file() -> None:
    assert BUNDLED.read_bytes() == EXAMPLE.read_bytes()


def test_example_loads_with_every_part() -> None:
    offers = load_offers(EXAMPLE)
    assert offers.candidate.name == "Alex Rivera"
    assert offers.candidate.hourly_rate == 40
    assert [o.id for o in offers.offers] == ["acme", "beta", "gamma"]
    acme = offers.offer("acme")
    assert acme.received == date(2026, 11, 18)
    assert acme.equity is not None
    assert acme.equity.cliff_months == 12
    assert acme.commute is not None
    assert acme.commute.office_days_per_week == 3
    assert {c.role for c in acme.contacts} == {"hiring_manager", "recruiter", "interviewer"}
    assert acme.contacts[0].honorific == "Dott.ssa"
    assert offers.offer("gamma").equity.schedule == (10, 20, 30, 40)  # type: ignore[union-attr]
    assert offers.priorities.weights["compensation"] == 5
    assert offers.working_weeks == 46
    assert offers.path == EXAMPLE


def test_only_id_company_and_role_are_required() -> None:
    offers = parse_offers(MINIMAL)
    offer = offers.offers[0]
    assert (offer.id, offer.company, offer.role) == ("acme", "Acme", "Engineer")
    assert offer.base_salary is None
    assert offer.commute is None
    assert offer.ratings == {}
    assert offers.candidate.lang == "en"
    assert offers.working_weeks == 46
    assert offers.path is None


def test_dates_may_be_quoted_iso_text() -> None:
    offers = parse_offers(MINIMAL + 'received = "2026-11-18"\n')
    assert offers.offers[0].received == date(2026, 11, 18)


BAD_CASES = [
    # (extra text appended to one good offer, expected line number, expected fragments)
    ("base_salery = 1\n", 6, ["unknown key 'base_salery'", "did you mean 'base_salary'"]),
    ("base_salary = -62000\n", 6, ["base_salary", "from 0 to 1,000,000,000", "found -62000"]),
    ("signing_bonus = -1\n", 6, ["signing_bonus", "found -1"]),
    ("bonus_target_pct = 120\n", 6, ["bonus_target_pct", "0 to 100", "found 120"]),
    ("retirement_match_pct = -2\n", 6, ["retirement_match_pct", "found -2"]),
    (
        "received = 2026-11-20\ndeadline = 2026-11-10\n",
        7,
        ["deadline", "on or after", "2026-11-20"],
    ),
    ("received = 2026-13-01\n", None, ["not valid TOML"]),
    ('received = "soon"\n', 6, ["received", "a date as YYYY-MM-DD", "'soon'"]),
    ("base_salary = true\n", 6, ["base_salary", "found true"]),
    ("pto_days = nan\n", 6, ["pto_days", "found nan"]),
    (
        "equity = { value = 1, vesting_years = 4, schedule = [50, 50] }\n",
        6,
        ["equity", "either vesting_years", "found both"],
    ),
    ("equity = { value = 1, schedule = [60, 60] }\n", 6, ["schedule", "at most 100"]),
    ("equity = { vesting_years = 4 }\n", 6, ["equity", "missing 'value'"]),
    ("equity = { value = 1, vestng_years = 4 }\n", 6, ["did you mean 'vesting_years'"]),
    ("commute = { minutes_one_way = -5 }\n", 6, ["commute.minutes_one_way", "found -5"]),
    ("commute = { office_days_per_week = 8 }\n", 6, ["office_days_per_week", "0 to 7"]),
    ("ratings = { culture = 7 }\n", 6, ["ratings.culture", "1 to 5", "found 7"]),
    ("ratings = { culture = 0 }\n", 6, ["ratings.culture", "found 0"]),
    ("ratings = { compensation = 4 }\n", 6, ["compensation is computed", "not rated"]),
    ('currency = "euro"\n', 6, ["currency", "3-letter", "'euro'"]),
    ("[[offer.contact]]\nname = 'M'\nrole = 'boss'\n", 8, ["contact.role", "found 'boss'"]),
    ("[[offer.contact]]\ntitle = 'CTO'\n", 6, ["missing required key 'name'"]),
]


@pytest.mark.parametrize(("extra", "line", "fragments"), BAD_CASES)
def test_bad_offer_field_gets_one_clear_line(
    extra: str, line: int | None, fragments: list[str]
) -> None:
    found = problems(MINIMAL + extra)
    assert len(found) == 1, found
    prefix = f"f.toml:{line}: " if line else "f.toml:"
    assert found[0].startswith(prefix), found[0]
    for fragment in fragments:
        assert fragment in found[0], (fragment, found[0])


def test_every_problem_is_reported_in_file_order() -> None:
    text = MINIMAL + "base_salary = -1\nbonus_target_pct = 101\n" + "[prioritis]\ngrowth = 1\n"
    found = problems(text)
    assert [f.split(":")[1] for f in found] == ["6", "7", "8"]
    assert "did you mean 'priorities'" in found[2]


def test_offer_id_format_and_uniqueness() -> None:
    found = problems(MINIMAL + MINIMAL.replace("Acme", "Other") + MINIMAL.replace("acme", "Big Co"))
    assert any("f.toml:8:" in f and "unique" in f and "offer #1" in f for f in found), found
    assert any("f.toml:13:" in f and "lower-case letters" in f and "'Big Co'" in f for f in found)


def test_no_offer_at_all() -> None:
    assert "at least one [[offer]]" in problems("[candidate]\nname = 'A'\n")[0]


def test_missing_required_keys() -> None:
    found = problems("[[offer]]\nid = 'a'\n")
    assert any("missing required key 'company'" in f for f in found)
    assert any("missing required key 'role'" in f for f in found)


def test_mixed_currencies_need_a_rate() -> None:
    usd = MINIMAL.replace("acme", "beta") + 'currency = "USD"\n'
    found = problems(MINIMAL + 'currency = "EUR"\n' + usd)
    assert len(found) == 1
    assert "[fx]" in found[0]
    assert "EUR, USD" in found[0]
    found = problems(MINIMAL + 'currency = "EUR"\n' + usd + '[fx]\nbase = "EUR"\nGBP = 1.1\n')
    assert len(found) == 1
    assert "currency USD: expected a rate for it in [fx]" in found[0]
    offers = parse_offers(MINIMAL + 'currency = "EUR"\n' + usd + '[fx]\nbase = "EUR"\nUSD = 0.9\n')
    assert offers.fx_base == "EUR"
    assert offers.fx_rates == {"USD": 0.9}


def test_fx_rate_must_be_positive() -> None:
    found = problems(MINIMAL + '[fx]\nbase = "EUR"\nUSD = 0\n')
    assert "USD" in found[0]
    assert "positive" in found[0]


def test_candidate_fields() -> None:
    found = problems('[candidate]\nname = "A"\nlang = "english"\nhourly_rate = -1\n' + MINIMAL)
    assert any("lang" in f and "'english'" in f for f in found)
    assert any("hourly_rate" in f for f in found)
    found = problems('[candidate]\ngrammatical_gender = "female"\n' + MINIMAL)
    assert "feminine" in found[0]
    assert "'female'" in found[0]


def test_weights_and_pairwise_never_both() -> None:
    text = MINIMAL + '[priorities]\ngrowth = 2\n[priorities.pairwise]\n"growth/commute" = 3\n'
    found = problems(text)
    assert len(found) == 1
    assert "found both" in found[0]


def test_weighted_name_must_be_a_criterion_with_a_suggestion() -> None:
    found = problems(MINIMAL + "[priorities]\ngroth = 2\n")
    assert found[0].startswith("f.toml:7:")
    assert "did you mean 'growth'" in found[0]
    # a name rated by some offer is a custom criterion and may be weighted
    offers = parse_offers(MINIMAL + "ratings = { mission = 4 }\n[priorities]\nmission = 2\n")
    assert offers.priorities.weights == {"mission": 2}
    found = problems(MINIMAL + "ratings = { mission = 4 }\n[priorities]\nmision = 2\n")
    assert "did you mean 'mission'" in found[0]


def test_weights_must_not_all_be_zero_or_negative() -> None:
    assert "some weight above 0" in problems(MINIMAL + "[priorities]\ngrowth = 0\n")[0]
    assert "found -1" in problems(MINIMAL + "[priorities]\ngrowth = -1\n")[0]


def test_pairwise_missing_repeated_and_out_of_scale() -> None:
    head = MINIMAL + "[priorities.pairwise]\n"
    found = problems(head + '"growth/commute" = 3\n"culture/growth" = 2\n')
    assert len(found) == 1
    assert 'missing judgement "commute/culture"' in found[0]
    found = problems(head + '"growth/commute" = 3\n"commute/growth" = "1/3"\n')
    assert len(found) == 1
    assert "each pair once" in found[0]
    assert "'growth/commute'" in found[0]
    found = problems(head + '"growth/commute" = 12\n')
    assert found[0].startswith("f.toml:7:")
    assert "1/9 to 9" in found[0]
    found = problems(head + '"growth" = 3\n')
    assert "a pair of two criteria" in found[0]
    offers = parse_offers(head + '"growth/commute" = "1/3"\n')
    assert offers.priorities.pairwise == {("growth", "commute"): pytest.approx(1 / 3)}


def test_more_than_fifteen_ahp_criteria_is_an_error() -> None:
    names = [f"c{i}" for i in range(16)]
    ratings = "ratings = { " + ", ".join(f"{n} = 3" for n in names) + " }\n"
    pairs = "".join(f'"{a}/{b}" = 1\n' for i, a in enumerate(names) for b in names[i + 1 :])
    found = problems(MINIMAL + ratings + "[priorities.pairwise]\n" + pairs)
    assert any("at most 15 criteria, found 16" in f for f in found)


def test_settings_working_weeks() -> None:
    assert parse_offers(MINIMAL + "[settings]\nworking_weeks = 44\n").working_weeks == 44
    assert "1 to 52" in problems(MINIMAL + "[settings]\nworking_weeks = 60\n")[0]
    assert "did you mean 'working_weeks'" in problems(MINIMAL + "[settings]\nworking_week = 4\n")[0]


def test_syntax_error_names_line_and_column() -> None:
    found = problems('[[offer]]\nid = "a"\ncompany = "A\n')
    assert found[0].startswith("f.toml:3: not valid TOML:")
    assert "column" in found[0]


def test_load_offers_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such offer file"):
        load_offers(tmp_path / "nope.toml")
    with pytest.raises(InputError, match="found a directory"):
        load_offers(tmp_path)
    bad = tmp_path / "latin1.toml"
    bad.write_bytes(b"name = '\xe9'\n")
    with pytest.raises(InputError, match="expected UTF-8"):
        load_offers(bad)


def test_key_lines_tracks_arrays_of_tables_and_dotted_keys() -> None:
    text = (
        "[a]\nx = 1\n[[offer]]\nid = 'p'\n  [[offer.contact]]\n  name = 'n'\n"
        "[[offer]]\n'quoted key' = 2\nequity.value = 3\n  [[offer.contact]]\n  name = 'm'\n"
    )
    lines = KeyLines(text)
    assert lines.find(("a", "x")) == 2
    assert lines.find(("offer", 0, "id")) == 4
    assert lines.find(("offer", 0, "contact", 0, "name")) == 6
    assert lines.find(("offer", 1, "quoted key")) == 8
    assert lines.find(("offer", 1, "equity", "value")) == 9
    assert lines.find(("offer", 1, "contact", 0, "name")) == 11
    assert lines.find(("offer", 1, "equity", "cliff_months")) == 7  # falls back to the table
    assert lines.find(("nowhere",)) is None
