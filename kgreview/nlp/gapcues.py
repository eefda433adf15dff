"""Gap statements at sentence level: research said to be missing, and gaps stated in a
sentence that refers back to the one before ("such communities", 此类社区)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from kgreview.model import Polarity
from kgreview.nlp.cues import Cues

ELLIPSIS = 16  # characters: how far a subjectless lack may start after a strong break


def is_gap(text: str, cues: Cues) -> bool:
    """Research said to be missing: a research subject and a lack cue in one text, or an
    expression that says so by itself ("few studies", 鲜有研究)."""
    if cues.gap_standalone.search(text):
        return True
    return bool(cues.gap_subject.search(text) and cues.gap_lack.search(text))


def carried_gap(next_text: str, cues: Cues) -> bool:
    """The next sentence states a gap about what this one named ("such communities")."""
    return any(True for _ in referring_gap_clauses(next_text, cues))


def referring_gap_clauses(text: str, cues: Cues) -> Iterator[tuple[int, int]]:
    """(start, end) of each strong clause of ``text`` that states a gap and refers back."""
    if not text or not cues.refers_back.search(text):
        return
    start = 0
    for m in [*cues.strong_break.finditer(text), None]:
        stop = m.start() if m else len(text)
        clause = text[start:stop]
        if is_gap(clause, cues) and cues.refers_back.search(clause):
            yield start, stop
        start = m.end() if m else stop


class GapScopes:
    """Which comma clause of a sentence a gap statement is about (a mixin of the polarity
    judge, which provides the sentence, its terms and its cue positions)."""

    cues: Any
    _sentence: Any
    _voice: Any
    _text: str
    _breaks: dict[str, list[tuple[int, int]]]

    def _find(self, rule: str, lo: int, hi: int) -> list[tuple[int, int]]:
        raise NotImplementedError

    def _is_gap(self, lo: int, hi: int) -> bool:
        raise NotImplementedError

    def _clause(self, i: int, j: int, kind: str, lo: int = 0, hi: int | None = None):
        raise NotImplementedError

    def _not_gap_as_use(self, found: Polarity) -> Polarity:
        """A sentence about research that states a lack is never the study's use of what it
        names, unless the study itself speaks in it: when the gap was not tied to this term,
        a mention is the safe answer (a gap counted as use is the costliest error)."""
        if found is not Polarity.USES or not self._is_gap(0, len(self._text)):
            return found
        if self._find("uses", 0, len(self._text)) or self._voice.own:
            return found
        return Polarity.MENTIONS

    def _gap_clause_about(self, lo: int, hi: int, i: int, j: int) -> bool:
        """A comma clause of ``[lo, hi)`` states a gap (subject and lack in that one clause)
        that can be about the term at ``[i, j)``: a clause naming a term of its own states a
        gap about that term ("评估多停留在满意度调查层面，采用准实验设计的研究十分少见")."""
        fronted = -1  # end of the comma clause before, when it only fronts the term
        for start, stop in self._weak_clauses(lo, hi):
            if self._is_gap(start, stop):
                code = next((c for a, b, c in self._sentence.terms if (a, b) == (i, j)), None)
                here = {c for a, b, c in self._sentence.terms if start <= a and b <= stop}
                # the gap clause names this code as well ("介入成效…，…检验介入效果的研究十分少见")
                own = (start <= i and j <= stop) or fronted == start - 1 or code in here
                if own or not here - {code}:
                    return True
            fronts = start <= i and j <= stop and not self._find("gap_subject", start, stop)
            fronted = stop if fronts and self._fronts_object(start, stop) else -1
        return False

    def _coordinated_gap(self, w_lo: int, w_hi: int, hi: int) -> bool:
        """The term's comma clause ends in 、: one of the coordinated modifiers of the research
        that the rest of the phrase says is missing ("从增能理论出发、以小组工作介入的实证研究
        仍较缺乏"). 、 joins phrases, never clauses, so that gap is this term's too."""
        if w_hi >= hi or self._text[w_hi] != "、":
            return False
        if self._find("gap_subject", w_lo, w_hi) or self._find("gap_lack", w_lo, w_hi):
            return False
        end = next(
            (s for s, e in self._breaks["weak"] if s > w_hi and e <= hi and self._text[s] != "、"),
            hi,
        )
        return self._is_gap(w_hi + 1, end)

    def _fronts_object(self, start: int, stop: int) -> bool:
        """The comma clause at ``start`` opens with a preposition fronting an object ("对…")
        and has no predicate of its own ("对…的评估多停留在…层面" says what research does)."""
        if self._find("gap_predominance", start, stop):
            return False
        return bool(self.cues.gap_object.match(self._text, start))

    def _weak_clauses(self, lo: int, hi: int) -> list[tuple[int, int]]:
        """The comma clauses of ``[lo, hi)`` (breaks found once per sentence)."""
        if "weak" not in self._breaks:
            self._clause(0, 0, "weak")
        clauses, start = [], lo
        for b_start, b_end in self._breaks["weak"]:
            if b_start >= lo and b_end <= hi:
                clauses.append((start, b_start))
                start = b_end
        clauses.append((start, hi))
        return clauses

    def _gap_elsewhere(
        self, lo: int, hi: int, w_lo: int, w_hi: int, code: str | None = None
    ) -> bool:
        """This comma clause reports what existing research did, while another states the gap
        about a topic of its own ("现有成果多以商品房小区为样本，关于农村社区的实证研究不足"): the
        gap is about the other clause's term, not this one. ("上述研究大多描述议事机制的建立过程，
        缺乏对议事结果的评估": no other topic, so the gap is about this clause's term.)"""
        about_research = self._find("gap_subject", w_lo, w_hi) or self._find(
            "gap_predominance", w_lo, w_hi
        )  # "研究多从…出发", "评估多停留在…": what existing work mostly does
        if not about_research or self._find("gap_lack", w_lo, w_hi):
            return False
        mine = {c for a, b, c in self._sentence.terms if w_lo <= a and b <= w_hi}
        for start, stop in self._weak_clauses(lo, hi):
            if (start, stop) != (w_lo, w_hi) and self._is_gap(start, stop):
                theirs = {c for a, b, c in self._sentence.terms if start <= a and b <= stop}
                if code is not None and code in theirs:
                    return False  # the gap clause names this term's code too: its gap
                if theirs - mine or not self._sentence.terms:
                    return True
        return False

    def _in_gap_list(self, lo: int, hi: int) -> bool:
        """ "现有研究存在以下不足：第一，缺乏…": a lack listed after a gap statement's colon."""
        colon = self._text.find(":")
        return 0 <= colon < lo and self._is_gap(0, colon) and bool(self._find("gap_lack", lo, hi))

    def _research_then_lack(self, lo: int, hi: int, w_lo: int, w_hi: int, i: int, j: int):
        """ "现有文献对各类激励措施的描述较多，却很少追踪…": a clause about research whose sentence
        goes on to say what that research lacks about the same topic states a gap."""
        if not self._find("gap_subject", w_lo, w_hi):
            return False
        return not self._gap_elsewhere(lo, hi, w_lo, w_hi) and self._gap_clause_about(lo, hi, i, j)

    def _topic_chain_gap(self, lo: int, w_lo: int, w_hi: int) -> bool:
        """A lack with no subject of its own after a clause whose subject is research: the
        subject runs on ("多数研究采用单一案例，缺少跨社区的比较分析"), unless a reporting verb
        makes the lack a reported claim ("有研究指出，居民缺乏…")."""
        lack = self._find("gap_lack", w_lo, w_hi)
        if not lack:
            return False
        if w_lo <= lo:  # over a semicolon: "Most studies adopt X; few draw on Y"
            return self._semicolon_chain(lo, lack[0][0])
        # or it opens with the object it lacks ("现有成果多关注A，对B缺乏过程性考察")
        fronted = self.cues.gap_object.match(self._text, w_lo, lack[0][0])
        if not (fronted or self.cues.gap_filler.fullmatch(self._text, w_lo, lack[0][0])):
            return False
        if self._find("gap_subject", w_lo, w_hi) or self._find("attribution", lo, w_lo):
            return False
        return bool(self._find("gap_subject", lo, w_lo))

    def _semicolon_chain(self, lo: int, lack: int) -> bool:
        """The strong clause at ``lo`` opens with a lack (the filler words aside) right after a
        semicolon that closes a clause whose subject is research: that subject runs on."""
        opening = self._text[lo:lack].strip()
        if opening and not self.cues.gap_filler.fullmatch(opening):
            return False
        if lo > 0:  # within the sentence
            text, at, find = self._text, lo, self._find
        else:  # the sentence itself starts after the semicolon (segments split there)
            document = self._sentence.document
            if document is None:
                return False
            text, at, find = document.text, self._sentence.start, document.spans
        if not text[max(0, at - 3) : at].rstrip().endswith((";", "；")):
            return False
        start = max(text.rfind(stop, 0, at - 2) for stop in ("。", ". ", "\n", "；", "; ")) + 1
        return bool(find("gap_subject", start, at)) and not find("attribution", start, at)

    def _elliptic_gap(self, hi: int) -> bool:
        """The next strong clause is a lack with no subject of its own, so it shares this one's
        ("… is frequently asserted but rarely traced over time")."""
        found = self._find("gap_standalone", hi, len(self._text))
        if not found or found[0][0] > hi + ELLIPSIS:
            return False
        between = self._text[hi : found[0][0]].strip()
        return not between or bool(self.cues.strong_break.fullmatch(between))
