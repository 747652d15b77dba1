"""Measure `decline review --fix` over the team's labelled corpora: `make eval-fix`.

Every letter of the tuning corpora in MANIFEST.toml and of the real-world sets (never the
frozen final sets, never the shared dev set) is repaired, and the repair reviewed again.
Issue 13's bar, per letter the checker flags: the repair is graceful and keeps at least
60% of the writer's unflagged sentences verbatim, or it says precisely what only the person
can supply. And no letter may come out worse (more findings, a worse severity, a lower
score, or graceful lost).

Prints: letters flagged, the share that meet the bar, the share kept (≥ 60% of unflagged
sentences verbatim), the share improved (score up), and the worse ones (must be none).
`-v` prints each letter that misses the bar.
"""

from __future__ import annotations

import json
import sys
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from decline import fix, review
from decline.errors import InputError
from decline.repair import Repair

CORPUS = Path(__file__).resolve().parent / "corpus"
MANIFEST = CORPUS / "MANIFEST.toml"
KEEP = 0.6  # issue 13: at least 60% of the writer's unflagged sentences kept verbatim


def corpus_files() -> list[Path]:
    """Return the corpora to measure on: the manifest's non-final sets and the real-world
    ones (a `.b` file is a second labelling of the same letters, so it is left out)."""
    entries = tomllib.loads(MANIFEST.read_text("utf-8"))["corpus"]
    found = [CORPUS / str(entry["file"]) for entry in entries if not entry.get("final")]
    found += sorted((CORPUS / "realworld").glob("*.jsonl"))
    chosen: list[Path] = []
    for path in found:
        second_labelling = ".b." in path.name
        fresh = path not in chosen
        a_final_set = path.parent.name.startswith("final")  # frozen, or measured once
        if fresh and path.exists() and not second_labelling and not a_final_set:
            chosen.append(path)
    return chosen


def letters() -> list[tuple[str, str, str]]:
    """Return (id, lang, text) of every letter once, by text."""
    seen: set[str] = set()
    rows: list[tuple[str, str, str]] = []
    for path in corpus_files():
        for line in path.read_text("utf-8").splitlines():
            if not line.strip():
                continue
            row = json.loads(line)
            text = str(row["text"])
            if text not in seen:
                seen.add(text)
                rows.append((f"{path.stem}:{row['id']}", str(row.get("lang", "auto")), text))
    return rows


def _worst(report: object) -> int:
    return max((f.severity.rank for f in report.findings), default=0)  # type: ignore[attr-defined]


def worse(before: object, after: object) -> bool:
    """Say whether the repaired letter reviews worse than the draft in any way."""
    return (
        len(after.findings) > len(before.findings)  # type: ignore[attr-defined]
        or _worst(after) > _worst(before)
        or after.score < before.score  # type: ignore[attr-defined]
        or (before.graceful and not after.graceful)  # type: ignore[attr-defined]
    )


def kept_share(repair: Repair, *, flagged_too: bool = False) -> float:
    """Return the share of the draft's unflagged body sentences found verbatim, in order
    (with `flagged_too`, of all its body sentences).

    A sentence is flagged when an edit replaces part of it (a removal, a filled blank);
    the first word's capital, given when thanks now come before it, does not count.
    """
    from decline.checker.document import parse
    from decline.checker.lexicon import load

    edits = [
        (c.offset, c.offset + c.length)
        for c in repair.changes
        if repair.original[c.offset : c.offset + c.length].strip()
        and "capitalises" not in c.description
        and not flagged_too
    ]
    sentences = [
        s
        for s in parse(repair.original, load(repair.lang)).sentences
        if not any(start < s.end and s.start < end for start, end in edits)
    ]
    if not sentences:
        return 1.0
    kept, cursor = 0, 0
    for sentence in sentences:
        for wanted in (sentence.text, sentence.text[:1].upper() + sentence.text[1:]):
            at = repair.text.find(wanted, cursor)
            if at >= 0:
                kept += 1
                cursor = at + len(wanted)
                break
    return kept / len(sentences)


@dataclass
class Outcome:
    """What fixing every letter gave."""

    letters: int = 0
    refused: int = 0
    flagged: list[str] = field(default_factory=list)
    met: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    improved: list[str] = field(default_factory=list)
    worse: list[str] = field(default_factory=list)
    missed: list[tuple[str, str]] = field(default_factory=list)
    not_graceful: list[str] = field(default_factory=list)
    made_graceful: list[str] = field(default_factory=list)
    left_to_the_person: list[str] = field(default_factory=list)
    unexplained: list[str] = field(default_factory=list)
    ready: list[str] = field(default_factory=list)
    all_kept: list[float] = field(default_factory=list)
    needs: dict[str, int] = field(default_factory=dict)


def measure(rows: list[tuple[str, str, str]]) -> Outcome:
    """Fix every letter; sort the flagged ones by what the repair achieved."""
    out = Outcome()
    for name, lang, text in rows:
        try:
            before = review(text, lang)
            repair = fix(text, lang)
        except InputError:
            out.refused += 1
            continue
        out.letters += 1
        after = repair.report
        if worse(before, after):
            out.worse.append(name)
        if not before.findings:
            continue
        out.flagged.append(name)
        if not before.graceful:
            out.not_graceful.append(name)
            if after.graceful:
                out.made_graceful.append(name)
            elif _names_what_is_missing(repair):
                out.left_to_the_person.append(name)  # a decision, a blank: theirs to give
            else:
                out.unexplained.append(name)
        if repair.ready:
            out.ready.append(name)
        for need in repair.needs:
            kind = "a template blank" if need.startswith("what goes in") else need
            kind = kind.split(":")[0].split(" (")[0]
            out.needs[kind] = out.needs.get(kind, 0) + 1
        share = kept_share(repair)
        out.all_kept.append(kept_share(repair, flagged_too=True))
        if share >= KEEP:
            out.kept.append(name)
        if after.score > before.score:
            out.improved.append(name)
        if (after.graceful and share >= KEEP) or (
            not after.graceful and _names_what_is_missing(repair)
        ):
            out.met.append(name)
        else:
            out.missed.append((name, f"graceful={after.graceful} kept={share:.0%}"))
    return out


def _names_what_is_missing(repair: Repair) -> bool:
    """Say whether the repair names what only the writer can supply: a decision, a blank."""
    return any(need.startswith(("a clear decision", "what goes in")) for need in repair.needs)


def _share(part: list[str], whole: list[str]) -> str:
    return f"{len(part)}/{len(whole)} ({len(part) / max(1, len(whole)):.0%})"


def main(argv: list[str]) -> int:
    """Print the figures; exit 1 if any letter came out worse."""
    files = ", ".join(str(path.relative_to(CORPUS)) for path in corpus_files())
    print(f"decline review --fix over {files}")
    out = measure(letters())
    print(f"  letters: {out.letters} ({out.refused} refused by review)")
    print(f"  flagged by review: {len(out.flagged)}")
    print(
        f"  meet issue 13's bar (graceful and >= 60% kept, or what is missing named): "
        f"{_share(out.met, out.flagged)}"
    )
    print(f"  share kept (>= 60% of unflagged sentences verbatim): {_share(out.kept, out.flagged)}")
    overall = sum(out.all_kept) / max(1, len(out.all_kept))
    most = [share for share in out.all_kept if share >= KEEP]
    print(
        f"    counting flagged sentences too: {overall:.0%} of sentences kept on average, "
        f"{len(most)}/{len(out.all_kept)} letters keep >= 60%"
    )
    print(f"  share improved (score up): {_share(out.improved, out.flagged)}")
    print(f"  not graceful before, graceful after: {_share(out.made_graceful, out.not_graceful)}")
    print(
        "    not graceful still, but what only the writer can supply is named: "
        f"{_share(out.left_to_the_person, out.not_graceful)}"
    )
    print(f"    not graceful still, with no more to say: {len(out.unexplained)}")
    print(f"  ready to send with nothing left to supply: {_share(out.ready, out.flagged)}")
    for kind, count in sorted(out.needs.items(), key=lambda item: -item[1]):
        print(f"    still to supply: {kind}: {count}")
    print(f"  worse than the draft: {len(out.worse)} {' '.join(out.worse)}")
    if "-v" in argv:
        for name, why in out.missed:
            print(f"    missed {name}: {why}")
    return 1 if out.worse else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
