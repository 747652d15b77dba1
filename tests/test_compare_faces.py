"""The CLI, the HTTP API and the Compare page give the same comparison for the same input.

All three call `decline.service.offers.compare_with_settings`: the same samples, the same
seed, the same checks. The CLI runs as a real process; the web app over a real workspace.
"""

from __future__ import annotations

import html
import json
import subprocess
from pathlib import Path

from decline.evaluate.explain import Words, sensitivity_lines
from decline.offers.parsing import load_offers
from decline.service.offers import SAMPLES, compare_with_settings
from web_support import EXAMPLE, seeded

ROOT = Path(__file__).resolve().parent.parent
DECLINE = ROOT / ".venv" / "bin" / "decline"


def _cli(*args: str) -> str:
    done = subprocess.run(
        [str(DECLINE), *args], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_cli_api_and_page_give_the_same_comparison(tmp_path: Path) -> None:
    cli = json.loads(_cli("compare", str(EXAMPLE), "--format", "json"))
    browser = seeded(tmp_path)
    api = browser.post("/api/v1/compare", json={})
    assert api.status_code == 200, api.text
    assert api.json()["comparison"] == cli
    # the page shows the same sensitivity sentences, from as many samples
    page = html.unescape(browser.get("/compare").text)
    expected = compare_with_settings(load_offers(EXAMPLE)).comparison
    for line in sensitivity_lines(expected, Words("en")):
        assert line in page, line
    assert api.json()["sensitivity"] == sensitivity_lines(expected, Words("en"))


def test_tried_weights_rank_the_same_in_the_api_and_on_the_page(tmp_path: Path) -> None:
    browser = seeded(tmp_path)
    api = browser.post("/api/v1/compare", json={"weights": {"growth": 9, "commute": 1}})
    assert api.status_code == 200, api.text
    page = html.unescape(browser.get("/compare?w.growth=9&w.commute=1").text)
    for line in api.json()["recommendation"] + api.json()["sensitivity"]:
        assert line in page, line


def test_every_face_samples_as_many_weightings() -> None:
    help_text = _cli("compare", "--help")
    assert f"default: {SAMPLES}" in help_text.replace(",", "").replace("_", "")
