"""Hostile offer files: every number out of range, deep nesting, huge files of junk.

Each gives one clear line per problem (file, line, key, what was expected, what was found)
and exit 2 — never OverflowError, RecursionError, NaN in the output, or a long wait. Speed is
measured in benchmarks/bench_offer_faults.py; here a generous alarm only catches a return
to quadratic time.
"""

from __future__ import annotations

import json
import re
import signal
import subprocess
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from decline import InputError
from decline.offers import RANGES
from decline.offers.lines import MAX_NESTING, KeyLines
from decline.offers.parsing import parse_offers

ROOT = Path(__file__).resolve().parent.parent
Run = Callable[..., subprocess.CompletedProcess[str]]

MINIMAL = '[[offer]]\nid = "acme"\ncompany = "Acme"\nrole = "Engineer"\n'
USD = 'currency = "USD"\n'

# Where each field of RANGES lives in a file: the text around the value {v}. The value
# always sits on the file's last line.
PLACES: dict[str, str] = {
    "candidate.hourly_rate": MINIMAL + '[candidate]\nname = "A"\nhourly_rate = {v}\n',
    "priorities.NAME": MINIMAL + "[priorities]\ncompensation = 1\ngrowth = {v}\n",
    "priorities.pairwise.PAIR": MINIMAL + '[priorities.pairwise]\n"growth/commute" = {v}\n',
    "fx.CODE": MINIMAL + USD + '[fx]\nbase = "EUR"\nUSD = {v}\n',
    "settings.working_weeks": MINIMAL + "[settings]\nworking_weeks = {v}\n",
    "offer.base_salary": MINIMAL + "base_salary = {v}\n",
    "offer.bonus_target_pct": MINIMAL + "bonus_target_pct = {v}\n",
    "offer.signing_bonus": MINIMAL + "signing_bonus = {v}\n",
    "offer.equity.value": MINIMAL + "equity = {{ value = {v} }}\n",
    "offer.equity.vesting_years": MINIMAL + "equity = {{ value = 1, vesting_years = {v} }}\n",
    "offer.equity.cliff_months": MINIMAL
    + "equity = {{ value = 1, vesting_years = 4, cliff_months = {v} }}\n",
    "offer.equity.schedule": MINIMAL + "equity = {{ value = 1, schedule = [50, {v}] }}\n",
    "offer.retirement_match_pct": MINIMAL + "retirement_match_pct = {v}\n",
    "offer.pto_days": MINIMAL + "pto_days = {v}\n",
    "offer.benefits_value": MINIMAL + "benefits_value = {v}\n",
    "offer.commute.minutes_one_way": MINIMAL + "commute = {{ minutes_one_way = {v} }}\n",
    "offer.commute.office_days_per_week": MINIMAL + "commute = {{ office_days_per_week = {v} }}\n",
    "offer.commute.cost_per_day": MINIMAL + "commute = {{ cost_per_day = {v} }}\n",
    "offer.ratings.NAME": MINIMAL + "ratings = {{ culture = {v} }}\n",
}

HUGE = "1" + "0" * 400
BAD_VALUES = {
    "huge int": (HUGE, "100… (a whole number of 401 digits)"),
    "huge negative int": ("-" + HUGE, "-100… (a whole number of 401 digits)"),
    "1e308": ("1e308", "1e+308"),
    "1.7e308": ("1.7e308", "1.7e+308"),
    "-1": ("-1", "-1"),
    "nan": ("nan", "nan"),
    "inf": ("inf", "inf"),
    "-inf": ("-inf", "-inf"),
    "bool": ("true", "true"),
    "text": ("'12x'", "'12x'"),
}


def problems(text: str) -> list[str]:
    """Return the problem lines parse_offers reports for `text` (labelled f.toml)."""
    with pytest.raises(InputError) as caught:
        parse_offers(text, "f.toml")
    return str(caught.value).splitlines()


@contextmanager
def alarm(seconds: int) -> Iterator[None]:
    """Fail when the block runs longer than `seconds`: a guard against quadratic time.

    Not a speed test (benchmarks measure speed): the limit is many times what a linear pass
    needs, and far less than what the quadratic or cubic code took.
    """

    def expire(signum: int, frame: object) -> None:
        raise AssertionError(f"took more than {seconds} s: super-linear again?")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def test_every_range_has_a_place_in_these_tests() -> None:
    assert set(PLACES) == set(RANGES)


@pytest.mark.parametrize("value", list(BAD_VALUES), ids=list(BAD_VALUES))
@pytest.mark.parametrize("field", list(PLACES))
def test_every_number_out_of_range_is_one_clear_line(field: str, value: str) -> None:
    written, shown = BAD_VALUES[value]
    text = PLACES[field].format(v=written)
    if field == "offer.equity.schedule":
        shown += " in year 2"
    found = problems(text)
    assert len(found) == 1, found
    line = text.count("\n")
    assert found[0].startswith(f"f.toml:{line}: "), found[0]
    key = field.split(".")[-1]
    key = {"NAME": "growth" if "priorities" in field else "culture", "PAIR": "growth/commute"}.get(
        key, "USD" if key == "CODE" else key
    )
    assert key in found[0], found[0]
    limits = RANGES[field]
    expected = limits.text if field != "fx.CODE" else "positive number up to 1,000,000,000"
    assert f"expected {expected}" in found[0] or expected in found[0], found[0]
    assert found[0].endswith(f"found {shown}") or f"found {shown}" in found[0], found[0]


@pytest.mark.parametrize("field", list(PLACES))
def test_every_range_accepts_its_own_bounds(field: str) -> None:
    limits = RANGES[field]
    values = [limits.high] if limits.low_open else [limits.low, limits.high]
    for bound in values:
        written = str(int(bound)) if float(bound).is_integer() else repr(bound)
        if field == "offer.equity.schedule":
            text = MINIMAL + f"equity = {{ value = 1, schedule = [{written}] }}\n"
        else:
            text = PLACES[field].format(v=written)
        parse_offers(text, "f.toml")


def test_ranges_table_is_in_the_docs() -> None:
    docs = (ROOT / "docs" / "compare.md").read_text(encoding="utf-8")
    for field, limits in RANGES.items():
        assert f"| `{field}` | {limits.text} |" in docs, field


# ----- the command: exit 2, one line, valid JSON at the edges of the ranges


def test_cli_refuses_an_integer_beyond_float_range(tmp_path: Path, decline_cli: Run) -> None:
    offers = tmp_path / "offers.toml"
    offers.write_text(MINIMAL + f"base_salary = {HUGE}\n", encoding="utf-8")
    done = decline_cli("compare", str(offers))
    assert done.returncode == 2, done.stderr
    assert "offers.toml:5: offer 'acme': base_salary: expected an amount from 0" in done.stderr
    assert "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


def test_cli_refuses_1e308_instead_of_printing_nan(tmp_path: Path, decline_cli: Run) -> None:
    offers = tmp_path / "offers.toml"
    offers.write_text(MINIMAL + "base_salary = 1.7e308\n", encoding="utf-8")
    done = decline_cli("compare", str(offers), "--format", "json")
    assert done.returncode == 2
    assert "found 1.7e+308" in done.stderr
    assert done.stdout == ""


EXTREMES = (
    '[candidate]\nname = "A"\nhourly_rate = 1000000000\n'
    "[priorities]\ncompensation = 1000000\nbenefits = 1000000\ntime_off = 1000000\n"
    "commute = 1000000\nculture = 1\ngrowth = 0.000001\n"
    '[fx]\nbase = "EUR"\nUSD = 1000000000\nJPY = 5e-324\n'
    "[[offer]]\nid = 'a'\ncompany = 'A'\nrole = 'R'\ncurrency = 'USD'\n"
    "base_salary = 1000000000\nbonus_target_pct = 100\nsigning_bonus = 1000000000\n"
    "equity = { value = 1000000000, vesting_years = 1 }\nretirement_match_pct = 100\n"
    "pto_days = 366\nbenefits_value = 1000000000\n"
    "commute = { minutes_one_way = 600, office_days_per_week = 7, cost_per_day = 1000000000 }\n"
    "ratings = { culture = 5, growth = 5 }\n"
    "[[offer]]\nid = 'b'\ncompany = 'B'\nrole = 'R'\ncurrency = 'JPY'\n"
    "base_salary = 0\npto_days = 0\nbenefits_value = 0\n"
    "equity = { value = 1000000000, schedule = [0, 0, 0, 0, 0, 0, 0, 0, 0, 100] }\n"
    "commute = { minutes_one_way = 0 }\nratings = { culture = 1, growth = 1 }\n"
)


def _no_constants(name: str) -> None:
    raise AssertionError(f"{name} in the JSON output")


def test_numbers_at_the_edges_of_the_ranges_give_finite_valid_json(
    tmp_path: Path, decline_cli: Run
) -> None:
    offers = tmp_path / "offers.toml"
    offers.write_text(EXTREMES, encoding="utf-8")
    done = decline_cli("compare", str(offers), "--format", "json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout, parse_constant=_no_constants)
    assert data["recommendation"]
    table = decline_cli("compare", str(offers))
    assert table.returncode == 0, table.stderr


# ----- nesting and numbers tomllib cannot read


@pytest.mark.parametrize(
    "value",
    ["[" * 1000 + "]" * 1000, "{ a = " * 1000 + "1" + " }" * 1000, "[" * 5000],
    ids=["arrays", "inline tables", "unclosed arrays"],
)
def test_deep_nesting_is_refused_before_tomllib_recurses(value: str) -> None:
    found = problems(MINIMAL + "liked = " + value + "\n")
    assert found == [
        f"f.toml:5: values nested too deeply: expected at most {MAX_NESTING} levels of [ ] and "
        "{ } (an offer file needs 2), found more"
    ]


def test_nesting_spread_over_lines_names_the_line_it_gets_too_deep() -> None:
    value = "[\n" * (MAX_NESTING + 1) + "]\n" * (MAX_NESTING + 1)
    found = problems(MINIMAL + "liked = " + value)
    assert found[0].startswith(f"f.toml:{5 + MAX_NESTING}: values nested too deeply")


def test_nesting_the_format_uses_is_fine() -> None:
    value = "[" * MAX_NESTING + "]" * MAX_NESTING
    assert "liked: expected a non-empty text" in problems(MINIMAL + f"liked = {value}\n")[0]


def test_cli_deep_nesting_exits_2(tmp_path: Path, decline_cli: Run) -> None:
    offers = tmp_path / "deep.toml"
    offers.write_text(MINIMAL + "liked = " + "[" * 1000 + "]" * 1000 + "\n", encoding="utf-8")
    done = decline_cli("compare", str(offers))
    assert done.returncode == 2
    assert "deep.toml:5: values nested too deeply" in done.stderr


def test_more_digits_than_python_reads_names_the_line() -> None:
    found = problems(MINIMAL + "pto_days = 1" + "0" * 5000 + "\n")
    assert len(found) == 1
    assert found[0].startswith("f.toml:5: expected a number in the ranges docs/compare.md lists")
    assert "about 5,001 digits" in found[0]


def test_a_long_text_is_cut_in_the_message() -> None:
    found = problems(MINIMAL + "base_salary = '" + "x" * 100_000 + "'\n")
    assert len(found) == 1
    assert len(found[0]) < 200
    assert "(100,000 characters)" in found[0]


# ----- linear time on 100 KB of adversarial text (correctness here; speed in benchmarks)


def test_a_bracket_then_100_kb_of_spaces_in_a_multiline_array() -> None:
    head = MINIMAL + "liked = 'x'\n[settings]\nworking_weeks = [\n["
    text = head + " " * 100_000 + "\n]\n]\n[candidate]\nnome = 'A'\n"
    with alarm(5):
        lines = KeyLines(text)
        found = problems(text)
    assert lines.find(("settings", "working_weeks")) == 7
    assert lines.find(("candidate", "nome")) == 12
    assert "f.toml:7: [settings] working_weeks: expected weeks from 1 to 52" in found[0]
    assert found[1] == "f.toml:12: [candidate] unknown key 'nome' — did you mean 'name'?"


@pytest.mark.parametrize(
    "junk",
    [
        '"' * 100_000,
        "'" * 100_000,
        '"""' * 33_000,
        "[" * 100_000,
        "\\" * 100_000,
        'a = "' * 20_000,
        "x = [" + " " * 100_000,
    ],
    ids=[
        "quotes",
        "apostrophes",
        "triple quotes",
        "brackets",
        "backslashes",
        "open strings",
        "open array",
    ],
)
def test_100_kb_of_junk_is_refused_quickly_with_one_line(junk: str) -> None:
    with alarm(5):
        KeyLines(junk)
        found = problems(MINIMAL + junk + "\n")
    assert len(found) == 1, found
    assert found[0].startswith("f.toml:")


def test_a_100_kb_comment_of_brackets_is_only_a_comment() -> None:
    with alarm(5):
        offers = parse_offers(MINIMAL + "# " + "[" * 100_000 + "\nbase_salary = 1\n")
    assert offers.offers[0].base_salary == 1


def test_key_lines_ignores_brackets_and_keys_inside_multiline_values() -> None:
    text = (
        "[a]\nx = [\n  '[b]',\n  \"[[c]]\",\n]\ny = '''\n[d]\nz = 1\n'''\nw = 2\n"
        "[e . 'f g']\nv = { p = [1,\n2] }\nu = 3\n"
    )
    lines = KeyLines(text)
    assert lines.find(("a", "x")) == 2
    assert lines.find(("a", "w")) == 10
    assert lines.find(("b",)) is None
    assert lines.find(("d",)) is None
    assert lines.find(("a", "z")) == 1  # z is inside a string: not a key, falls back to [a]
    assert lines.find(("e", "f g", "v")) == 12
    assert lines.find(("e", "f g", "u")) == 14
    assert lines.too_deep is None


def test_three_thousand_unknown_priority_names_are_counted_not_all_suggested() -> None:
    rated = ", ".join(f"criterion{i} = 3" for i in range(3000))
    weighted = "".join(f"criterion{i}x = 1\n" for i in range(3000))
    text = MINIMAL + f"ratings = {{ {rated} }}\n[priorities]\n" + weighted
    assert len(text) > 100_000
    with alarm(5):
        found = problems(text)
    assert len(found) == 51
    assert found[0].startswith("f.toml:7: [priorities] 'criterion0x': expected a built-in")
    assert found[0].endswith("— did you mean 'criterion0'?")
    assert found[-1] == "f.toml: …and 2,950 more problems"
    assert "did you mean" not in found[40]


def test_unknown_keys_beyond_the_budget_are_still_listed() -> None:
    text = MINIMAL + "".join(f"base_salery{i} = 1\n" for i in range(30))
    found = problems(text)
    assert len(found) == 30
    assert all(
        re.match(r"f\.toml:\d+: offer 'acme': unknown key 'base_salery\d+'", f) for f in found
    )
    assert "did you mean 'base_salary'" in found[0]
    assert "did you mean" not in found[-1]


def test_a_100_kb_key_is_shown_cut_and_still_not_compared_at_length() -> None:
    with alarm(5):
        found = problems(MINIMAL + "k" * 100_000 + " = 1\n")
    assert len(found) == 1
    assert len(found[0]) < 200


def test_pairwise_judgements_of_thousands_of_criteria_stop_at_the_limit() -> None:
    rated = ", ".join(f"c{i} = 3" for i in range(3000))
    pairs = "".join(f'"c{i}/c{i + 1}" = 1\n' for i in range(2999))
    with alarm(5):
        found = problems(MINIMAL + f"ratings = {{ {rated} }}\n[priorities.pairwise]\n" + pairs)
    assert found == ["f.toml:6: [priorities.pairwise] expected at most 15 criteria, found 3000"]
