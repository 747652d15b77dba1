"""The CLI and the web give the same letter and the same review for the same input and settings.

The settings file chooses a non-default tone and channel and ignores a rule; the CLI reads
it with `--config`, the web app is given the same `Settings` (as `decline serve` does).
"""

from __future__ import annotations

import json
import re
from html import unescape
from pathlib import Path

import pytest

from cli_support import decline, example_offers
from decline.settings import load_settings
from web_support import client

Capture = pytest.CaptureFixture[str]
SETTINGS = '[defaults]\ntone = "{tone}"\nchannel = "{channel}"\n\n[review]\nignore = ["D601"]\n'
DRAFT = "Hi Maria,\n\nThanks for the offer, but I will not take it.\n\nBest,\nAlex"


def _config(tmp_path: Path, tone: str, channel: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(SETTINGS.format(tone=tone, channel=channel), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("tone", "channel", "lang"),
    [("formal", "phone", None), ("brief", "email", "it"), ("warm", "letter", None)],
)
def test_cli_and_web_write_the_same_letter_with_the_same_review(
    capsys: Capture, tmp_path: Path, tone: str, channel: str, lang: str | None
) -> None:
    config = _config(tmp_path, tone, channel)
    extra = ["--lang", lang] if lang else []
    cli = decline(
        capsys,
        tmp_path / "cli.db",
        "--config",
        str(config),
        "write",
        str(example_offers()),
        "--offer",
        "acme",
        "--format",
        "json",
        "--date",
        "2026-11-20",
        *extra,
    )
    assert cli.code in (0, 1), cli.err
    from_cli = json.loads(cli.out)
    review_cli = from_cli.pop("review")

    browser = client(tmp_path / "web.db", settings=load_settings(config))
    imported = browser.post("/api/v1/offers", json={"toml": example_offers().read_text("utf-8")})
    assert imported.status_code == 200, imported.text
    asked = {"offer": "acme", "date": "2026-11-20", **({"lang": lang} if lang else {})}
    answer = browser.post("/api/v1/write", json=asked)
    assert answer.status_code == 200, answer.text
    from_web = answer.json()
    letter_web = from_web["letter"]
    text = letter_web.pop("text")
    letter_web.pop("talking_points")

    assert (from_cli["tone"], from_cli["channel"]) == (tone, channel)
    assert letter_web == from_cli
    assert from_web["review"] == review_cli
    assert "D601" not in {finding["rule"] for finding in review_cli["findings"]}
    # the Write page shows the same text in its editor (dated today, as the page has no date)
    today = {key: value for key, value in asked.items() if key != "date"}
    text = browser.post("/api/v1/write", json=today).json()["letter"]["text"]
    query = f"/write?offer=acme{'&lang=' + lang if lang else ''}"
    page = browser.get(query).text
    editor = re.search(r'<textarea id="text"[^>]*>(.*?)</textarea>', page, re.DOTALL)
    assert editor
    assert unescape(editor.group(1)) == text


def test_cli_and_web_review_a_draft_the_same_way(capsys: Capture, tmp_path: Path) -> None:
    config = _config(tmp_path, "formal", "email")
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    cli = decline(
        capsys, tmp_path / "cli.db", "--config", str(config), "review", str(draft),
        "--format", "json", "--today", "2026-11-20",
    )  # fmt: skip
    assert cli.code in (0, 1), cli.err
    from_cli = json.loads(cli.out)
    browser = client(tmp_path / "web.db", settings=load_settings(config))
    answer = browser.post("/api/v1/review", json={"text": DRAFT, "today": "2026-11-20"})
    assert answer.status_code == 200, answer.text
    assert answer.json()["report"] == from_cli
    assert "D601" not in {finding["rule"] for finding in from_cli["findings"]}
