"""A plain `pip install` of the built wheel: small, complete, and every command runs.

Builds the sdist and wheel with `python -m build`, installs the wheel with no extras into a
fresh virtual environment (its real dependencies come from the package index; pip's cache
makes this quick), and checks what the install added to site-packages and that the
installed `decline` runs the demo, compares, and draws an SVG chart. Slow (about a
minute): deselect with `-m "not slow"`.
"""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BUDGET_MB = 80
LEFT_OUT = ("numpy", "matplotlib", "keyring", "uvloop", "httptools", "PIL", "fontTools")


def megabytes(folder: Path) -> float:
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file()) / 2**20


def run(*argv: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    return subprocess.run(
        [str(a) for a in argv], capture_output=True, text=True, cwd=cwd, env=env, check=False
    )


@pytest.mark.slow
def test_plain_wheel_install_is_small_and_runs(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    built = run(sys.executable, "-m", "build", "--outdir", dist, ROOT, cwd=tmp_path)
    assert built.returncode == 0, built.stderr[-2000:]
    (wheel,) = dist.glob("decline-*.whl")
    assert list(dist.glob("decline-*.tar.gz"))

    venv = tmp_path / "venv"
    assert run(sys.executable, "-m", "venv", venv).returncode == 0
    python = venv / "bin" / "python"
    purelib = run(python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))")
    site = Path(purelib.stdout.strip())
    before = megabytes(site)  # pip (and setuptools) come with the venv, not with decline
    installed = run(python, "-m", "pip", "install", "-q", "--disable-pip-version-check", wheel)
    assert installed.returncode == 0, installed.stderr[-2000:]
    added = megabytes(site) - before
    assert added <= BUDGET_MB, f"a plain install adds {added:.1f} MB"
    present = {p.name for p in site.iterdir()}
    assert not present & set(LEFT_OUT)

    decline = venv / "bin" / "decline"
    demo = run(decline, "--no-color", "demo", cwd=tmp_path)
    assert demo.returncode == 0, demo.stderr[-2000:]
    assert "Recommendation: accept Beta Robotics" in demo.stdout
    example = ROOT / "examples" / "offers.toml"
    chart = run(decline, "compare", example, "--chart", tmp_path / "c.svg", cwd=tmp_path)
    assert chart.returncode == 0, chart.stderr
    assert (tmp_path / "c.svg").read_text(encoding="utf-8").startswith("<svg")
    png = run(decline, "compare", example, "--chart", tmp_path / "c.png", cwd=tmp_path)
    assert png.returncode == 2
    assert "pip install 'decline[chart]'" in png.stderr
    for command in ("review", "write", "status", "rules", "serve", "send", "calendar"):
        helped = run(decline, command, "--help", cwd=tmp_path)
        assert helped.returncode == 0, (command, helped.stderr)
    # no keyring in a plain install: the password comes from the environment, and the
    # message says how to get the keyring back
    ask = "from decline.send.smtp import find_password; find_password('alex')"
    password = run(python, "-c", ask, cwd=tmp_path)
    assert "DECLINE_SMTP_PASSWORD" in password.stderr
    assert "pip install 'decline[keyring]'" in password.stderr
    assert sysconfig.get_path("purelib") != str(site)  # it really was another environment
