"""What a letter says, found once and shared by every rule and by the report's signals.

The analysis runs each lexicon category over the body once and records where it matched
and in which sentence. Rules turn these facts into findings; the signals describe the
letter and never depend on which rules are ignored (only where a learned layer's finding
points does: away from a sentence whose error the reader is shown).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple

from decline.cache import compile as compile_pattern
from decline.checker import learned
from decline.checker.document import Document, count_words
from decline.checker.lexicon import Lexicon
from decline.checker.once import once
from decline.checker.rule import Finding, Rule, Severity

# Template blanks look the same in every language; words such as "(job title)" come from
# the lexicon's `placeholder` category.
PLACEHOLDER = compile_pattern(
    r"\[(?![.…\s]*\])(?!sic\])[^\[\]\n]{1,80}\](?!\()"  # [Company Name], not "[…]" or "[sic]"
    r"|_{2,}\([^\n]{0,160}?\)_{2,}|_{2,}[A-Za-z][\w ]{0,40}?_{2,}|_{3,}"  # __(Name)__, ____
    r"|<(?![a-z]+://)[A-Za-z][^<>@\n]{0,40}>"  # <Name>
    r"|\{[^{}\n]{1,40}\}"  # {name}
    r"|\b[Xx]{3,}\b"  # XXX
    r"|\$[A-Za-z_][A-Za-z_]*\b"  # $recruiter
    # mail-merge fields: %FIRST_NAME%, *|FNAME|*, #name#, FIRST_NAME
    r"|%[A-Za-z][A-Za-z_]{1,30}%|\*\|[A-Za-z][A-Za-z_]{0,30}\|\*|#[A-Za-z][A-Za-z_]{1,30}#"
    r"|\b(?:FIRST|LAST|FULL|CONTACT|RECIPIENT)_?NAME\b|\bFNAME\b"
)
MAX_SPAN = 400  # characters: no lexicon phrase is longer, so no match is sought past this
GROVEL_TAKES_OVER = 2  # self-reproach this often makes the letter about the writer (P5)
# The lexicon categories whose hits a rule reports as errors, by rule.
_ERROR_CATEGORIES = (
    ("D503", ("negative",)),
    ("D702", ("burn",)),
    ("D304", ("profanity",)),
    ("D501", ("overshare", "money")),
)
_EXPLAINING_CLAUSE = compile_pattern(r"[:;]|\s[—–-]\s")  # "I decline: …", "I decline — …"
# A refusal the writer negates ("non direi di no", "non l'ho rifiutato", "I never turned it
# down", "di non lasciar cadere"): "not" and only pronouns or auxiliaries before the phrase.
_NEGATED = compile_pattern(
    r"(?:\bnon|\bnot|\bnever|\bmai|n['’]t)\s+(?:(?:l['’]\s*|lo|la|li|le|ho|hai|ha|avrei|"
    r"abbia|mi|me|vi|ci|si|have|had|would|will|be|been|ever|di)\s*)*$",
    re.IGNORECASE,
)
# every PLACEHOLDER alternative but XXX and the merge fields' names needs one of these
_BLANK_MARKS = ("[", "__", "<", "{", "$", "%", "*|", "#", "NAME")
_ELLIPSIS_ONLY = compile_pattern(r"[.…_ \t]+")
_EMPTY_FIELD = compile_pattern(r"\w[ \t]+[,:]")  # "Dear ," : a greeting, a gap, the comma
_JOINED = compile_pattern(r"\s*(?:,|&|\+|/|\band\b|\be\b|\bed\b)\s*", re.IGNORECASE)
_BLANK_CHARS = compile_pattern(r"[\[\]{}<>_]+")
SHOUTING = compile_pattern(
    r"\b[A-Z]{2,}(?:['’][A-Z]+)?(?:[ \t]+[A-Z]{2,}(?:['’][A-Z]+)?)+\b|\b[A-Z]{5,}\b"
)
_CAPITALS = compile_pattern(r"[A-Z]{2}")
_UPPER = compile_pattern(r"[A-ZÀ-ÖØ-Þ]")
_LOWER = compile_pattern(r"[a-zß-öø-ÿ]")
EXCLAMATIONS = compile_pattern(r"!{2,}|[!?]*\?!+[!?]*")  # what `exclamations()` finds, slowly
_MARK_RUN = compile_pattern(r"[!?]++")
EMOJI = compile_pattern(
    "[\U0001f000-\U0001faff\U00002600-\U000027bf\U0001f900-\U0001f9ff]"
    r"|(?<![\w:])[:;=]-?[)(DPp](?![\w])"
)


def _all_capitals(body: str) -> bool:
    """Say whether a letter is written in capitals throughout (a telegram, a typed or
    scanned notice): there capitals are the medium, not a raised voice."""
    upper = len(_UPPER.findall(body))
    return upper > 40 and upper > 4 * len(_LOWER.findall(body))


def exclamations(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Return the spans EXCLAMATIONS finds in text[start:end], in linear time.

    The pattern retries every position of a run of "?" in vain; here each run of marks is
    read once: "!!…" is one span, and from any position a later "?!" in the run takes the
    rest of the run.
    """
    spans: list[tuple[int, int]] = []
    for run in _MARK_RUN.finditer(text, start, end):
        marks = run.group()
        last_turn = marks.rfind("?!")
        position = 0
        while position < len(marks):
            if marks.startswith("!!", position):
                stop = position
                while stop < len(marks) and marks[stop] == "!":
                    stop += 1
                spans.append((run.start() + position, run.start() + stop))
                position = stop
            elif last_turn >= position:
                spans.append((run.start() + position, run.end()))
                break
            else:
                position += 1
    return spans


def _leftmost_longest(span: tuple[int, int]) -> tuple[int, int]:
    return span[0], -span[1]


class Hit(NamedTuple):
    """Where a lexicon category matched: a span of the letter and its sentence's index."""

    start: int
    end: int
    sentence: int


@dataclass
class Analysis:
    """The facts about one letter that the rules and signals need."""

    document: Document
    lexicon: Lexicon
    received: date | None = None
    deadline: date | None = None
    today: date | None = None
    ignored: frozenset[str] = frozenset()  # rule codes the reader asked not to report
    _hits: dict[str, list[Hit]] = field(default_factory=dict)
    _sentences: dict[str, set[int]] = field(default_factory=dict)
    _starts_of_words: dict[str, list[int]] = field(default_factory=dict)

    @property
    def text(self) -> str:
        """Return the whole letter."""
        return self.document.text

    @once
    def _matching(self) -> tuple[str, dict[str, set[int]], dict[str, list[int]]]:
        """Return the letter lower-cased (offsets kept), per category the lexicon
        alternatives whose trigger literals occur in the body, and where each occurs."""
        document = self.document
        text = document.text
        lowered = text.lower()
        if len(lowered) != len(text):  # rare letters (e.g. "İ") change length: fold per char
            lowered = "".join(char if len(char.lower()) != 1 else char.lower() for char in text)
        body = lowered[document.body_start : document.body_end]
        positions = self.lexicon.occurrences(body, document.body_start)
        return lowered, self.lexicon.active(set(positions)), positions

    def hits(self, category: str) -> list[Hit]:
        """Return the matches of a lexicon category in the body, in order.

        Only the alternatives whose trigger literals occur are scanned; each starts with a
        literal, which the engine finds fast, and its word boundary is checked here.
        """
        found = self._hits.get(category)
        if found is not None:
            return found
        document = self.document
        lowered, active, positions = self._matching
        lexicon = self.lexicon
        start_at, end_at = document.body_start, document.body_end
        spans: list[tuple[int, int]] = []
        slots = lexicon.plans(category)
        word_starts = self._starts_of_words
        for index in (*active.get(category, ()), *lexicon.untriggered[category]):
            slot = slots[index]
            regex, boundary, prefix = slot if slot is not None else lexicon.plan(category, index)
            if prefix is not None:  # match right where its leading literal occurs
                if boundary:  # only where the literal starts a word: no check left to do
                    starts = word_starts.get(prefix)
                    if starts is None:
                        starts = self._word_starts(prefix)
                else:
                    starts = positions[prefix]
                match_at = regex.match
                for at in starts:
                    match = match_at(
                        lowered, at, at + MAX_SPAN if at + MAX_SPAN < end_at else end_at
                    )
                    if match is not None:
                        end = match.end()
                        if end > at:
                            spans.append((at, end))
                continue
            for match in regex.finditer(lowered, start_at, end_at):
                start, end = match.span()
                if end <= start:
                    continue
                if (
                    boundary
                    and start > 0
                    and (lowered[start - 1].isalnum() or lowered[start - 1] == "_")
                ):
                    continue
                spans.append((start, end))
        result: list[Hit] = []
        if spans:
            spans.sort(key=_leftmost_longest)
            last_end = -1
            for start, end in spans:
                if start >= last_end:  # leftmost-longest, no overlaps
                    result.append(Hit(start, end, document.sentence_at(start)))
                    last_end = end
        self._hits[category] = result
        return result

    def _word_starts(self, literal: str) -> list[int]:
        """Return where a trigger literal occurs at the start of a word (found once): a
        literal repeated inside one long word is not matched at every repetition."""
        found = self._starts_of_words.get(literal)
        if found is None:
            lowered, _, positions = self._matching
            found = [
                at
                for at in positions[literal]
                if at == 0 or not (lowered[at - 1].isalnum() or lowered[at - 1] == "_")
            ]
            self._starts_of_words[literal] = found
        return found

    def sentences_with(self, category: str) -> set[int]:
        """Return the indexes of the sentences in which a category matched (do not mutate)."""
        found = self._sentences.get(category)
        if found is None:
            found = {hit.sentence for hit in self.hits(category)}
            self._sentences[category] = found
        return found

    # Facts shared by several rules and signals.

    @once
    def gratitude(self) -> bool:
        """Say whether the letter thanks them anywhere from salutation to closing ("No
        thanks" and a sarcastic "thanks, I guess" thank nobody)."""
        hollow = self.hits("not_gratitude")  # in order, not overlapping
        index = 0
        for hit in self.hits("gratitude"):
            while index < len(hollow) and hollow[index].end <= hit.start:
                index += 1
            if index == len(hollow) or hit.start < hollow[index].start:
                return True
        document = self.document
        if document.closing:
            start, end = document.closing
            return bool(self.lexicon.pattern("gratitude").search(document.text, start, end))
        return False

    @once
    def _hedges(self) -> dict[int, list[int]]:
        """Return, by sentence, where its hedges start, leaving out a hedge inside a template's
        blank ("[or the two things that may not suit you]" is an instruction, not the writer's)."""
        hedges: dict[int, list[int]] = {}
        for hit in self.hits("hedge"):
            if not self.placeholders or not self.in_blank(hit.start):
                hedges.setdefault(hit.sentence, []).append(hit.start)
        return hedges

    def _is_hedged(self, hit: Hit) -> bool:
        """Say whether a hedge weakens a decision: one in its sentence and in its clause, with
        no semicolon between them ("this may not be the right fit; I am therefore withdrawing"
        decides)."""
        starts = self._hedges.get(hit.sentence)
        if not starts:
            return False
        text = self.text
        return any(
            text.find(";", min(start, hit.start), max(start, hit.start)) < 0 for start in starts
        )

    @once
    def _blank_starts(self) -> list[int]:
        return [start for start, _ in self.placeholders]

    def in_blank(self, position: int) -> bool:
        """Say whether a position of the letter lies inside a template's blank."""
        blanks = self.placeholders
        inside = bisect_right(self._blank_starts, position) - 1  # the blank starting before
        return inside >= 0 and position < blanks[inside][1]

    @once
    def clear_decisions(self) -> list[Hit]:
        """Return the decision phrases whose sentence has no hedge and that the writer does
        not negate."""
        text = self.text
        return [
            hit
            for hit in self.hits("decision")
            if not self._is_hedged(hit)
            and not _NEGATED.search(text, max(0, hit.start - 30), hit.start)
        ]

    @once
    def hedged_decisions(self) -> list[Hit]:
        """Return the decision phrases weakened by a hedge in the same clause."""
        return [hit for hit in self.hits("decision") if self._is_hedged(hit)]

    @once
    def placeholders(self) -> list[tuple[int, int]]:
        """Return the spans of unfilled template blanks anywhere in the letter."""
        text = self.text
        spans: list[tuple[int, int]] = []
        if any(mark in text for mark in _BLANK_MARKS) or "xxx" in self._matching[0]:
            spans += [(m.start(), m.end()) for m in PLACEHOLDER.finditer(text)]
        if "(" in text:
            spans += [
                (m.start(), m.end()) for m in self.lexicon.pattern("placeholder").finditer(text)
            ]
        addressee = self.document.addressee
        if addressee and _ELLIPSIS_ONLY.fullmatch(self.text[addressee[0] : addressee[1]]):
            spans.append(addressee)
        elif addressee is None and self.document.salutation:  # a form's blank: "Dear ,"
            start, end = self.document.salutation
            blank = _EMPTY_FIELD.search(self.text, start, end)
            if blank:
                spans.append((blank.start() + 1, blank.end() - 1))
        spans.sort()
        merged: list[tuple[int, int]] = []
        for start, end in spans:
            if merged and start < merged[-1][1]:
                merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
            else:
                merged.append((start, end))
        return merged

    @once
    def addressed_by_name(self) -> bool:
        """Say whether the salutation names a person (a blank for a name counts)."""
        addressee = self.document.addressee
        if addressee is None:  # "Dear ,": a form's blank for the name
            salutation = self.document.salutation
            return salutation is not None and any(
                salutation[0] <= start < salutation[1] for start, _ in self.placeholders
            )
        start, end = addressee
        lexicon = self.lexicon
        generic, title = lexicon.pattern("generic_addressee"), lexicon.pattern("title_only")
        # "Jane and team", "Dott.ssa Rossi e team": one person named is enough; a blank for
        # the company ("[Company Name] team") or a title alone ("Caro Presidente") is not.
        for part in _JOINED.split(self.text[start:end]):
            plain = " ".join(_BLANK_CHARS.sub(" ", part).split()).strip(" \t.,:;!*")
            if plain and (generic.fullmatch(plain) or title.fullmatch(plain)):
                continue
            if plain or _BLANK_CHARS.search(part):
                return True
        return False

    @once
    def complaint_sentences(self) -> list[int]:
        """Return the sentences that criticise or list grievances, in order."""
        found = self.sentences_with("negative") | self.sentences_with("grievance")
        return sorted(found)

    @once
    def explanation_sentences(self) -> list[int]:
        """Return the sentences that explain the decision rather than thank or close."""
        moves = (
            self.sentences_with("gratitude")
            | self.sentences_with("stay_connected")
            | self.sentences_with("door_open")
            | self.sentences_with("decision")
        )
        explaining = (
            self.sentences_with("reason")
            | self.sentences_with("negative")
            | self.sentences_with("grievance")
            | self.sentences_with("overshare")
        )
        return sorted(explaining - moves)

    @once
    def reason_runs_long(self) -> bool:
        """Say whether the explanation goes on past a few sentences."""
        return len(self.complaint_sentences) >= 3 or len(self.explanation_sentences) >= 5

    @once
    def brief_reason(self) -> bool:
        """Say whether a short reason is given: not only inside private details or figures
        (then the reason itself is the long story), and not one that runs on."""
        private = self.sentences_with("overshare") | self.sentences_with("money")
        given = any(hit.sentence not in private for hit in self.hits("reason"))
        return (given or self._explained_beside_decision(private)) and not self.reason_runs_long

    def _explained_beside_decision(self, private: set[int]) -> bool:
        """Say whether the decision comes with an explanation the lexicon has no word for:
        a clause after a colon or dash in its sentence, or the next sentence when that is
        not another move (thanks, regret, staying in touch, the door, mere deliberation)."""
        document = self.document
        moves = (
            self.sentences_with("gratitude")
            | self.sentences_with("regret")
            | self.sentences_with("stay_connected")
            | self.sentences_with("door_open")
            | self.sentences_with("decision")
            | self.sentences_with("deliberation")
            | self.sentences_with("grovel")
            | self.sentences_with("hedge")
            | set(self.complaint_sentences)  # a complaint is not a reason given
            | private
        )
        seen: set[int] = set()
        for hit in self.clear_decisions:
            # The first decision of a sentence has the most text after it: later ones in
            # the same sentence cannot explain more (and rereading it would be quadratic).
            if hit.sentence in seen:
                continue
            seen.add(hit.sentence)
            sentence = document.sentences[hit.sentence]
            after = document.text[hit.end : sentence.end]
            clause = _EXPLAINING_CLAUSE.search(after)
            if clause and hit.sentence not in private and count_words(after[clause.end() :]) >= 4:
                return True
            following = hit.sentence + 1
            if following < len(document.sentences) and following not in moves:
                between = document.text[sentence.end : document.sentences[following].start]
                if between.count("\n") < 2 and count_words(document.sentences[following].text) >= 4:
                    return True
        return False

    @once
    def oversharing(self) -> bool:
        """Say whether the letter shares what it should not (health, figures, grievances)."""
        complaints = len(self.complaint_sentences)
        return bool(
            self.hits("overshare")
            or self.hits("money")
            or complaints >= 3
            or (self.hits("grievance") and complaints >= 2)
            or len(self.hits("grovel")) >= GROVEL_TAKES_OVER
        )

    @once
    def tone_problems(self) -> list[tuple[int, int, Severity]]:
        """Return unprofessional spans: profanity (error); slang, shouting, emoji (warning)."""
        document = self.document
        found = [(hit.start, hit.end, Severity.ERROR) for hit in self.hits("profanity")]
        found += [(hit.start, hit.end, Severity.WARNING) for hit in self.hits("slang")]
        body = document.body
        text, body_start, body_end = document.text, document.body_start, document.body_end
        if _CAPITALS.search(body) and not _all_capitals(body):
            shouted = []
            for match in SHOUTING.finditer(text, body_start, body_end):
                start, end = match.span()
                words = re.findall(r"[A-Z]+", match.group())
                if (
                    all(word in self.lexicon.acronyms for word in words)
                    or self.in_blank(start)
                    or self._capitals_by_convention(start, end)
                ):
                    continue
                shouted.append((start, end, len(words)))
            # one capitalised word alone is a name or an acronym as often as a raised voice
            # ("ASCOM", "QATAR"): shouting is a run of such words, or more than one
            if len(shouted) > 1 or (shouted and shouted[0][2] > 1):
                found += [(start, end, Severity.WARNING) for start, end, _ in shouted]
        if "!" in body:
            marks = exclamations(text, body_start, body_end)
            # a single "!!" is exuberance; a habit of them, or "!!!", is not a business tone
            if len(marks) > 1 or (marks and marks[0][1] - marks[0][0] > 2):
                found += [(s, e, Severity.WARNING) for s, e in marks]
        if body and (max(body) >= "\u2600" or ":" in body or ";" in body or "=" in body):
            for match in EMOJI.finditer(text, body_start, body_end):
                found.append((match.start(), match.end(), Severity.WARNING))
        return sorted(found)

    @once
    def learned(self) -> learned.Verdict | None:
        """Return the learned layer's verdict on the letter (None without a model)."""
        return learned.assess(self)

    def _capitals_by_convention(self, start: int, end: int) -> bool:
        """Say whether capitals at [start, end) are a formal letter's convention, not
        shouting: a short heading, name or address line (five words at most) with no lower
        case and no "!" or "?", or a name of three words at most after a cue such as "il
        sottoscritto"."""
        text = self.text
        # look no further than 200 characters each way: a longer line is no heading, and
        # a text of many capitals on one line costs linear time, not quadratic
        line_start = text.rfind("\n", max(0, start - 200), start) + 1
        line_end = text.find("\n", end, end + 200)
        line = text[line_start : line_end if line_end >= 0 else min(len(text), end + 200)]
        if (
            (line_start > 0 or start < 200)
            and (line_end >= 0 or end + 200 >= len(text))
            and not any(char.islower() for char in line)
            and not line.rstrip().endswith(("!", "?"))
            and count_words(line) <= 5
        ):
            return True
        if count_words(text[start:end]) > 3:
            return False
        before = " ".join(text[max(line_start, start - 30) : start].lower().split())
        return any(before.endswith(cue) for cue in self.lexicon.caps_name_cues)

    @once
    def word_counts(self) -> Counter[str]:
        """Return how often each word of the body occurs, lower-cased (the learned layers'
        tokens; counted in C)."""
        document = self.document
        lowered = self._matching[0][document.body_start : document.body_end]
        return Counter(learned.words_of_lowered(lowered))

    @once
    def sentence_words(self) -> list[set[str]]:
        """Return each sentence's distinct words, lower-cased (where a learned layer points)."""
        lowered = self._matching[0]
        return [
            set(learned.words_of_lowered(lowered[sentence.start : sentence.end]))
            for sentence in self.document.sentences
        ]

    @once
    def marked_sentences(self) -> set[int]:
        """Return the sentences where a rule reports an error (criticism, a burnt bridge,
        profanity, private details, figures): the learned layers point elsewhere."""
        marked: set[int] = set()
        for code, categories in _ERROR_CATEGORIES:
            if code not in self.ignored:
                for category in categories:
                    marked |= self.sentences_with(category)
        return marked

    @once
    def word_flags(self) -> frozenset[str]:
        """Return the signals whose problem the word layer finds though the rules may have
        missed it (docs/model.md)."""
        return learned.word_flags(self)

    def word_sentence(self, signal: str) -> int | None:
        """Return the sentence a word-layer finding on a signal points at: None unless the
        layer finds a problem the rules did not and a sentence leans towards it."""
        if signal not in self.word_flags or self._rule_signals[signal] is learned.PROBLEM[signal]:
            return None
        pointers = self._word_sentences
        if signal not in pointers:
            pointers[signal] = learned.word_sentence(self, signal)
        return pointers[signal]

    @once
    def _word_sentences(self) -> dict[str, int | None]:
        return {}

    def word_finding(self, rule: Rule, signal: str) -> Finding | None:
        """Return the warning a rule gives when the word layer finds the rule's problem in
        the letter as a whole and no phrase says it: on the sentence that weighed most."""
        index = self.word_sentence(signal)
        if index is None:
            return None
        sentence = self.document.sentences[index]
        return self.finding(
            rule, sentence.start, sentence.end, severity=Severity.WARNING, key="learned"
        )

    def signals(self) -> dict[str, bool]:
        """Return the ten signals that describe the letter (docs/design.md's report contract):
        the rules' view, with the problems the word layer adds where it has a sentence to
        show (a verdict with no finding to explain it would leave the writer guessing)."""
        found = self.rule_signals()
        for signal in self.word_flags:
            if self.word_sentence(signal) is not None:
                found[signal] = learned.PROBLEM[signal]
        return found

    def rule_signals(self) -> dict[str, bool]:
        """Return the ten signals as the rules alone see them (a copy to change)."""
        return dict(self._rule_signals)

    @once
    def _rule_signals(self) -> dict[str, bool]:
        return {
            "gratitude": self.gratitude,
            "clear_decision": bool(self.clear_decisions),
            "addressed_by_name": self.addressed_by_name,
            "brief_reason": self.brief_reason,
            "regret": bool(self.hits("regret")),
            "stay_connected": bool(self.hits("stay_connected")),
            "door_open": bool(self.hits("door_open")),
            "oversharing": self.oversharing,
            "negative_about_company": bool(self.hits("negative") or self.hits("burn")),
            "professional_tone": not self.tone_problems,
        }

    # Building findings.

    def finding(
        self,
        rule: Rule,
        start: int,
        end: int,
        *,
        severity: Severity | None = None,
        key: str = "message",
        **values: object,
    ) -> Finding:
        """Return a finding of `rule` at [start, end), worded in the letter's language."""
        match = " ".join(self.text[start:end].split())
        if len(match) > 80:
            match = match[:77] + "…"
        return Finding(
            rule=rule.code,
            name=rule.name,
            principle=rule.principle,
            severity=severity or rule.severity,
            message=self.lexicon.message(rule.code, key, match=match, **values),
            offset=start,
            length=end - start,
            suggestion=self.lexicon.message(rule.code, "suggestion"),
        )
