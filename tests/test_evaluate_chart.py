"""The comparison chart: SVG written directly (no dependency), PNG behind `decline[chart]`."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path

from decline import compare, load_offers
from decline.evaluate.chart import chart_svg, save_chart
from decline.evaluate.explain import Words

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "offers.toml"
SVG = "{http://www.w3.org/2000/svg}"


def example_svg(lang: str = "en", **renames: str) -> str:
    offer_set = load_offers(EXAMPLE)
    offers = tuple(replace(o, company=renames.get(o.id, o.company)) for o in offer_set.offers)
    return chart_svg(compare(replace(offer_set, offers=offers), samples=0), Words(lang))


def test_svg_is_well_formed_accessible_and_deterministic() -> None:
    text = example_svg()
    root = ET.fromstring(text)
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "chart-title chart-desc"
    assert root.find(f"{SVG}title").text == "Offers by weighted score"  # type: ignore[union-attr]
    desc = root.find(f"{SVG}desc").text  # type: ignore[union-attr]
    assert (
        desc
        == "Points (0–100). 1. Beta Robotics: 88.6; 2. Gamma Pay: 77.0; 3. Acme Analytics: 70.9"
    )
    labels = [t.text for t in root.iter(f"{SVG}text")]
    assert "Beta Robotics (88.6)" in labels
    assert "Compensation (29.4%)" in labels
    # one bar segment per criterion with points, each with a tooltip
    tips = [r.find(f"{SVG}title") for r in root.iter(f"{SVG}rect")]
    assert "Compensation: 22.8" in [t.text for t in tips if t is not None]
    assert example_svg() == text
    assert len(text.encode()) < 10_000


def test_svg_legend_sits_below_the_axis_title() -> None:
    root = ET.fromstring(example_svg())
    texts = {t.text: float(t.get("y", 0)) for t in root.iter(f"{SVG}text")}
    axis_title = texts["Points (0–100)"]
    legend = [y for label, y in texts.items() if label and label.endswith("%)")]
    assert legend
    assert min(legend) - 14 > axis_title  # a legend row's 14 px swatch starts below it
    assert int(root.get("height", 0)) >= max(legend)


def test_svg_escapes_names_and_shortens_long_ones() -> None:
    long = "The Extremely Long Name of a Holding Company & Subsidiaries"
    text = example_svg(beta='R&D <Labs> "Quoted"', gamma=long)
    root = ET.fromstring(text)  # would fail on an unescaped & or <
    labels = [t.text for t in root.iter(f"{SVG}text")]
    assert 'R&D <Labs> "Quoted" (88.6)' in labels
    shortened = [label for label in labels if label and label.endswith("…")]
    assert len(shortened) == 1
    tooltips = [t.text for g in root.iter(f"{SVG}g") for t in g.findall(f"{SVG}title")]
    assert tooltips == [f"{long} (77.0)"]
    assert "<script" not in text


def test_svg_in_italian() -> None:
    root = ET.fromstring(example_svg("it"))
    assert root.find(f"{SVG}title").text == "Offerte per punteggio pesato"  # type: ignore[union-attr]


def test_save_chart_writes_svg_and_png(tmp_path: Path) -> None:
    comparison = compare(load_offers(EXAMPLE), samples=0)
    save_chart(comparison, tmp_path / "c.svg", Words("en"))
    assert (tmp_path / "c.svg").read_text(encoding="utf-8") == example_svg()
    save_chart(comparison, tmp_path / "c.png", Words("en"))  # matplotlib: in the dev extras
    assert (tmp_path / "c.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


# Runs the real CLI in a process where importing matplotlib fails, as in a plain install.
WITHOUT_MATPLOTLIB = """
import sys
class Block:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] == "matplotlib":
            raise ModuleNotFoundError(f"No module named {name!r}")
sys.meta_path.insert(0, Block())
from decline.cli.main import run
run(sys.argv[1:])
"""


def test_png_without_matplotlib_names_the_extra(tmp_path: Path) -> None:
    png, svg = tmp_path / "c.png", tmp_path / "c.svg"
    argv = [sys.executable, "-c", WITHOUT_MATPLOTLIB, "--no-color", "compare", str(EXAMPLE)]
    out = subprocess.run([*argv, "--chart", str(png)], capture_output=True, text=True, check=False)
    assert out.returncode == 2, out.stderr
    assert "pip install 'decline[chart]'" in out.stderr
    assert "Traceback" not in out.stderr
    assert not png.exists()
    ok = subprocess.run([*argv, "--chart", str(svg)], capture_output=True, text=True, check=False)
    assert ok.returncode == 0, ok.stderr
    assert svg.read_text(encoding="utf-8").startswith("<svg")


def test_a_narrow_chart_keeps_every_label_inside_and_the_legend_below_the_axis() -> None:
    """At a phone's width the chart is drawn 1:1 (13 px text), labels above their bars."""
    from decline.evaluate.chart import FONT, NARROW

    offer_set = load_offers(EXAMPLE)
    root = ET.fromstring(chart_svg(compare(offer_set, samples=0), Words("it"), NARROW))
    assert root.get("width") == str(NARROW)
    assert root.get("font-size") == str(FONT)
    texts = list(root.iter(f"{SVG}text"))
    for text in texts:
        x = float(text.get("x", 0))
        assert 0 <= x <= NARROW, text.text
        if text.get("text-anchor") is None:  # starts at x: its estimated end stays inside too
            assert x + 7.2 * len(text.text or "") <= NARROW, text.text
    by_text = {t.text: float(t.get("y", 0)) for t in texts}
    axis_title = by_text["Punti (0–100)"]
    legend = [y for label, y in by_text.items() if label and label.endswith("%)")]
    assert legend
    assert min(legend) - 14 > axis_title
    bars = [r for r in root.iter(f"{SVG}rect") if r.find(f"{SVG}title") is not None]
    assert max(float(r.get("x", 0)) + float(r.get("width", 0)) for r in bars) <= NARROW
