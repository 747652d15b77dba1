"""A third language from data alone: a toy `xx` folder on DECLINE_LANGUAGES_PATH.

The toy is English pseudo-localised where it shows: its own subject word ("Zubject"), its
own subject line, page footer and detection words, so output from its files cannot be
mistaken for English's. Each run is a fresh `decline` process, so the registry reads the
folder as a user's installation would; no code knows the code `xx`.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from decline.languages import PACKAGED

ROOT = Path(__file__).resolve().parent.parent
OFFERS = ROOT / "examples" / "offers.toml"
TIMEOUT = 60  # seconds: a stuck process fails the test instead of hanging CI

TOY_META = """\
name = "Toy"
native_name = "Xxtoy"
locale = "en_GB"
registers = []
header_words = ["xto", "xfrom"]
subject_words = ["Zubject"]
"""

GRACEFUL = """\
Zubject: My answer on the Senior Data Engineer offer

Dear Maria,

Thank you so much for the offer and for the time you and the team gave me.

After careful thought, I have decided not to accept it: I have accepted another position
that is a closer fit for my goals right now. I am sorry not to be joining you.

I would be glad to stay in touch, and I hope our paths cross again.

Warm regards,
Alex Rivera
"""


def build_toy(root: Path, code: str = "xx") -> Path:
    """Write the toy language's folder under `root` from English's data files; return it."""
    english = PACKAGED / "en"
    folder = root / code
    folder.mkdir(parents=True)
    (folder / "meta.toml").write_text(TOY_META, encoding="utf-8")
    for name in ("followups.toml", "messages.toml"):
        (folder / name).write_text((english / name).read_text("utf-8"), encoding="utf-8")
    phrases = (english / "phrases.toml").read_text("utf-8")
    assert '"Thank you for the {role} offer",' in phrases
    phrases = phrases.replace(
        '"Thank you for the {role} offer",', '"Toy answer on the {role} offer",'
    )
    (folder / "phrases.toml").write_text(phrases, encoding="utf-8")
    ui = (english / "ui.toml").read_text("utf-8")
    ui = re.sub(
        r'(?m)^footer = ".*"$', 'footer = "Xxtoy: all stays on your computer."', ui, count=1
    )
    (folder / "ui.toml").write_text(ui, encoding="utf-8")
    lexicon = (english / "lexicon.toml").read_text("utf-8")
    lexicon = re.sub(r'(?m)^name = "English"$', 'name = "Toy"', lexicon, count=1)
    lexicon = re.sub(r"(?s)detect_words = \[.*?\]", 'detect_words = ["xxtoy"]', lexicon, count=1)
    (folder / "lexicon.toml").write_text(lexicon, encoding="utf-8")
    return folder


@pytest.fixture
def toy_env(tmp_path: Path) -> dict[str, str]:
    """Return the environment of a `decline` that finds the toy language, and nothing else."""
    build_toy(tmp_path / "languages")
    return {
        **os.environ,
        "DECLINE_LANGUAGES_PATH": str(tmp_path / "languages"),
        "DECLINE_CONFIG": str(tmp_path / "config.toml"),
        "DECLINE_DB": str(tmp_path / "decline.db"),
        "NO_COLOR": "1",
    }


def run(
    env: dict[str, str], *args: str, stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    """Run `decline ARGS…` in the toy environment."""
    return python(env, "-m", "decline", *args, stdin=stdin)


def python(
    env: dict[str, str], *args: str, stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    """Run this Python with ARGS in the toy environment, with a timeout."""
    return subprocess.run(
        [sys.executable, *args],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=TIMEOUT,
        check=False,
    )


def test_review_reads_a_letter_in_the_toy_language(toy_env: dict[str, str], tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text(GRACEFUL, encoding="utf-8")
    result = run(toy_env, "review", "--lang", "xx", "--format", "json", str(draft))
    assert result.returncode == 0, result.stderr + result.stdout
    report = json.loads(result.stdout)
    assert report["lang"] == "xx"
    assert report["graceful"] is True
    assert report["findings"] == []


def test_review_help_lists_the_toy_language(toy_env: dict[str, str]) -> None:
    result = run(toy_env, "review", "--help")
    assert result.returncode == 0, result.stderr
    assert "xx" in result.stdout


def test_write_composes_from_the_toy_phrases(toy_env: dict[str, str]) -> None:
    result = run(
        toy_env, "write", str(OFFERS), "--offer", "acme", "--lang", "xx", "--date", "2026-11-20"
    )
    assert result.returncode == 0, result.stderr + result.stdout
    first_line = result.stdout.splitlines()[0]
    assert first_line == "Zubject: Toy answer on the Senior Data Engineer offer"


def test_without_the_folder_the_toy_language_is_refused(toy_env: dict[str, str]) -> None:
    env = {key: value for key, value in toy_env.items() if key != "DECLINE_LANGUAGES_PATH"}
    result = run(env, "write", str(OFFERS), "--offer", "acme", "--lang", "xx")
    assert result.returncode == 2
    assert "xx" in result.stderr
    assert "Traceback" not in result.stderr


WEB_SCRIPT = textwrap.dedent(
    """
    import json, sys
    from pathlib import Path
    from starlette.testclient import TestClient
    from decline.web import create_app

    client = TestClient(create_app(Path(sys.argv[1])), base_url="http://127.0.0.1:8765")
    page = client.get("/review?ui=xx")
    review = client.post("/api/v1/review", json={"text": sys.argv[2], "lang": "xx"})
    spec = client.get("/api/v1/openapi.json")
    print(json.dumps({
        "status": page.status_code,
        "page": page.text,
        "review_status": review.status_code,
        "review": review.json(),
        "enum": spec.json()["paths"]["/api/v1/review"]["post"]["requestBody"]
                ["content"]["application/json"]["schema"]["properties"]["lang"]["enum"],
    }))
    """
)


def test_the_web_page_speaks_the_toy_language(toy_env: dict[str, str], tmp_path: Path) -> None:
    result = python(toy_env, "-c", WEB_SCRIPT, str(tmp_path / "decline.db"), GRACEFUL)
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout)
    assert answer["status"] == 200
    assert "Xxtoy: all stays on your computer." in answer["page"]  # the toy's own ui.toml
    assert '<html lang="xx"' in answer["page"]
    assert re.search(r'<option value="xx"[^>]*>Xxtoy</option>', answer["page"])
    assert answer["review_status"] == 200, answer["review"]
    assert answer["review"]["report"]["lang"] == "xx"
    assert answer["review"]["report"]["graceful"] is True
    assert "xx" in answer["enum"]
