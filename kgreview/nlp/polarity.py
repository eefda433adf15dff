"""How a sentence relates to a code it names: uses, recommends, mentions, negated, gap or
limitation — decided from cues around the coding (``schemas/cues.yaml``).

Order: a limitation cue anywhere in the sentence makes it the study's own limitation. Then the
scope widens step by step — the comma clause, then the clause between strong breaks
(; : but 但) — and within a scope the first rule that holds wins: a reported position whose
verb comes before the term ("X believes that …"), a gap (a research subject and a lack cue in
one clause), a negation close to the term, a recommendation, a mention, a use (in the term's
own comma clause a done act, V了, already decides). Then a gap carried back from the next
sentence when that one refers back ("such communities", 此类社区), then the sentence from its
last contrast on (without gap: a gap needs its subject in the term's clause), then the
document's default. Who speaks then adjusts the answer (:mod:`kgreview.nlp.voice`): the study's
own findings, shortfalls and proposals; scholars' proposals; respondents' notes.
"""

from __future__ import annotations

from dataclasses import dataclass

from kgreview.model import Polarity
from kgreview.nlp import voice as voices
from kgreview.nlp.cues import Cues
from kgreview.nlp.cuescan import DocumentCues, break_spans
from kgreview.nlp.gapcues import GapScopes, carried_gap
from kgreview.nlp.sections import LIMITATION, Sections, body_start, in_passage, spans_from
from kgreview.nlp.speech import in_speech, quote_closed, relative_clause, title_tags
from kgreview.nlp.voice import Voice, in_turn, without_foils, without_own

Spans = list[tuple[int, int]]
POSITIONAL = ("negated", "negated_after", "negated_clause", "attribution", "transition_from")
TAG_REACH = 24  # characters from a role word to the respondent tag after it (a name between)
_NONE: Spans = []  # shared and never mutated: a rule without matches in the sentence


@dataclass(frozen=True, slots=True)
class SentenceContext:
    """One sentence of the normalised view, and the one after it (for carried gaps).

    ``document`` holds the cue positions of the whole document's view (scanned once), with
    the sentence at ``start``; without it the sentence is scanned on its own.
    """

    text: str
    next_text: str = ""
    start: int = 0
    document: DocumentCues | None = None
    terms: tuple[tuple[int, int, str], ...] = ()  # every candidate term: start, end, code


class PolarityJudge(GapScopes):
    """Decides polarities for one document. Each cue list is matched once per sentence; a
    clause's cues are the sentence's matches that lie inside it."""

    def __init__(self, cues: Cues, is_review: bool, is_transcript: bool = False) -> None:
        self.cues, self.is_review = cues, is_review
        kind = "review" if is_review else "transcript" if is_transcript else "other"
        self.default = Polarity(getattr(cues, f"default_{kind}"))
        self._sentence = SentenceContext("")
        self._text = ""
        self._spans: dict[str, Spans] = {}
        self._breaks: dict[str, Spans] = {}
        self._positional: bool | None = None
        self._by_clause: dict[tuple[int, int, int, int, str | None], Polarity] = {}
        self._gaps: dict[tuple[int, int], bool] = {}
        self._carried: dict[str, bool] = {}
        self._sections: Sections | None = None
        self._sections_of: DocumentCues | None = None
        self._section: str | None = None
        self._lack = False  # the sentence has a lack cue: the gap guard may apply
        self._voice = Voice(cues, not is_review)

    def _enter(self, sentence: SentenceContext) -> None:
        if sentence.document is None:
            scanned = self.cues.scanner.scan(sentence.text)
            sentence = SentenceContext(sentence.text, sentence.next_text, 0, scanned)
        self._sentence, self._text = sentence, sentence.text
        assert sentence.document is not None
        start = sentence.start
        self._spans = without_foils(
            sentence.document.sentence_spans(start, start + len(sentence.text))
        )
        spans = spans_from(self._spans, body_start(sentence.text))  # not its headings
        self._spans = voices.without_terms(spans, sentence.terms)  # nor words of its terms
        if in_turn(self.cues, sentence.document.text, start):
            self._spans = without_own(self._spans)  # a respondent's "we" is not the study
        self._breaks = {}
        if self._sections is None or self._sections_of is not sentence.document:
            sections = Sections(sentence.document, self.cues.case_site_names, self.cues.list_item)
            self._sections, self._sections_of = sections, sentence.document
        self._section = self._sections.kind(start, start + len(sentence.text))
        if self.is_review and self._section == LIMITATION:
            self._section = None  # "现有研究存在以下不足：": the reviewed studies' shortcomings
        self._positional: bool | None = None
        self._by_clause: dict[tuple[int, int, int, int, str | None], Polarity] = {}
        self._gaps: dict[tuple[int, int], bool] = {}
        self._voice.enter(self._text, self._spans, sentence.terms)
        self._lack = "gap_lack" in self._spans or "gap_standalone" in self._spans

    def _find(self, rule: str, lo: int, hi: int) -> Spans:
        """Matches of cue list ``rule`` inside ``[lo, hi)`` of the current sentence."""
        spans = self._spans.get(rule)
        if spans is None:
            return _NONE
        if lo <= spans[0][0] and spans[-1][1] <= hi:
            return spans  # all inside (spans are in order and never overlap); read-only
        return [(s, e) for s, e in spans if lo <= s and e <= hi]

    def _clause(self, i: int, j: int, kind: str, lo: int = 0, hi: int | None = None):
        """The clause around ``[i, j)`` between breaks of ``kind`` (strong or weak), within
        ``[lo, hi)``; break positions are found once per sentence."""
        breaks = self._breaks.get(kind)
        if breaks is None:
            pattern = self.cues.strong_break if kind == "strong" else self.cues.weak_break
            breaks = self._breaks[kind] = break_spans(self._sentence, self._spans, kind, pattern)
        start, end = lo, len(self._text) if hi is None else hi
        for b_start, b_end in breaks:
            if b_start < lo or b_end > end:
                continue
            if b_end <= i:
                start = b_end
            elif b_start >= j:
                end = b_start
                break
        return start, end

    def _is_gap(self, lo: int, hi: int) -> bool:
        """A gap statement in ``[lo, hi)``; a reporting verb splits it, so "her study found
        that residents lacked …" is no gap (the lack is in the reported claim)."""
        found = self._gaps.get((lo, hi))
        if found is None:
            verbs = self._find("attribution", lo, hi)
            if verbs:
                cut_lo, cut_hi = verbs[0]
                found = self._is_gap(lo, cut_lo) or self._is_gap(cut_hi, hi)
            else:
                found = bool(
                    self._find("gap_standalone", lo, hi)
                    or (self._find("gap_subject", lo, hi) and self._find("gap_lack", lo, hi))
                )
            self._gaps[(lo, hi)] = found
        return found

    def _rule(
        self, lo: int, hi: int, i: int, j: int, allow_gap: bool = True, near: bool = False
    ) -> Polarity | None:
        """The first rule that holds in ``[lo, hi)`` for a term at ``[i, j)``. ``near`` marks
        the term's own comma clause: the only scope where a negation applies, and one where
        a mere doing word (通过, "organised") does not yet decide — a recommendation elsewhere
        in the clause would outweigh it."""
        if allow_gap and self._is_gap(lo, hi):
            return Polarity.GAP
        if near:
            # "not X", "X rather than Y" negate what follows; "X不显著" what precedes.
            window = self.cues.negation_window
            if any(e <= i and i - e <= window and not relative_clause(self._text, s, e, i)
                   for s, e in self._find("negated", lo, hi)):  # fmt: skip
                return Polarity.NEGATED
            if any(s >= j and s - j <= window for s, _ in self._find("negated_after", lo, hi)):
                return Polarity.NEGATED
            if any(e <= i for _, e in self._find("negated_clause", lo, hi)):
                return Polarity.NEGATED
        for s, e in self._find("attribution", lo, hi):
            if e <= i and not self._own(lo, s) and not quote_closed(self._text, e, i):
                if self._is_gap(e, hi):
                    return Polarity.GAP
                if self._find("recommends", e, hi):
                    return Polarity.RECOMMENDS
                return Polarity.MENTIONS
        if self._find("recommends", lo, hi):
            return Polarity.RECOMMENDS
        if self._find("mentions", lo, hi):
            return Polarity.MENTIONS
        if self._find("uses", lo, hi) or (
            # doing words are the study's own acts only where it speaks for itself: in a
            # review or in respondents' notes (default mentions) they report others' acts
            self.default is Polarity.USES and self._find("uses_actions", lo, hi) if not near else
            # in the term's own clause only a done act decides ("承担了…的角色"), and only in
            # a text that speaks for itself, not in what someone reports ("他提醒，…信任已经很低")
            self.default is Polarity.USES and self._voice.done(lo, hi)
            and not self._find("attribution", 0, i)
        ):  # fmt: skip
            return Polarity.USES
        return None

    def __call__(self, sentence: SentenceContext, i: int, j: int) -> Polarity:
        """Polarity of a coding at ``[i, j)`` within ``sentence.text``."""
        if sentence is not self._sentence:
            self._enter(sentence)
        lo, hi = self._clause(i, j, "strong")
        w_lo, w_hi = self._clause(i, j, "weak", lo, hi)
        # Only negations and reporting verbs depend on where the term stands; without them
        # every term of one clause gets the same answer.
        if self._positional is None:
            self._positional = any(rule in self._spans for rule in POSITIONAL)
        if self._positional:
            found = self._by_cues(sentence, lo, hi, w_lo, w_hi, i, j)
        else:
            # a gap clause may name the term's own code: then the code decides too
            key = (lo, hi, w_lo, w_hi, self._code_at(i, j) if self._lack else None)
            found = self._by_clause.get(key)
            if found is None:
                found = self._by_clause[key] = self._by_cues(sentence, lo, hi, w_lo, w_hi, i, j)
        # who speaks, after the cues: where the term stands decides (the study's proposal)
        voice = self._voice
        if (
            found in (Polarity.USES, self.default)
            and "recommends" in self._spans
            and voice.opening_proposal(lo)
            and not self._voice.done(w_lo, w_hi)  # "建议…；社区已经…": done, not proposed
        ):
            found = Polarity.RECOMMENDS
        if found == Polarity.RECOMMENDS or voice.own or voice.limited:
            found = voice.adjust(found, lo, hi, i)
        if found is Polarity.USES and voice.scholar_subject(lo, i):
            found = Polarity.MENTIONS
        found = in_passage(self._section, found, self.default)
        if found is Polarity.RECOMMENDS and voice.left_behind(i):
            found = Polarity.MENTIONS  # "实现从被动参与到主动参与的转变": the state left behind
        return self._not_gap_as_use(found) if found is Polarity.USES and self._lack else found

    def _code_at(self, i: int, j: int) -> str | None:
        return next((c for a, b, c in self._sentence.terms if a == i and b == j), None)

    def _own(self, lo: int, s: int) -> bool:
        """The study's own voice before ``s``: a reporting verb after it is the study's (its
        analysis too: "Logistic regression shows that"); in a review only its own cues."""
        own = not self.is_review and self._voice.own_subject(self._sentence.terms, lo, s)
        return own or bool(self._find("uses", lo, s))

    def _by_cues(
        self, sentence: SentenceContext, lo: int, hi: int, w_lo: int, w_hi: int, i: int, j: int
    ) -> Polarity:
        cues, text = self.cues, sentence.text
        # a review's limitation cues describe reviewed studies unless it speaks of itself
        own = not self.is_review or self._find("uses", lo, hi) or self._find("own_scope", lo, hi)
        if own and self._find("limitation", lo, hi):
            return Polarity.LIMITATION
        if self._voice.own and self._voice.own_shortfall(lo, hi):
            return Polarity.LIMITATION
        if self._coordinated_gap(w_lo, w_hi, hi):
            return Polarity.GAP
        found = self._rule(w_lo, w_hi, i, j, near=True)
        if found == Polarity.MENTIONS and self._research_then_lack(lo, hi, w_lo, w_hi, i, j):
            return Polarity.GAP
        if found in (None, Polarity.MENTIONS) and self._topic_chain_gap(lo, w_lo, w_hi):
            return Polarity.GAP
        gaps = "gap_standalone" in self._spans
        if gaps and found in (None, Polarity.MENTIONS) and self._elliptic_gap(hi):
            return Polarity.GAP
        # words quoted (“我是老党员，这种事应该带头”) or an informant's title ("楼栋长老周(R3,男)")
        tag = title_tags(text, j, self._find("respondent_tag", j, j + TAG_REACH))
        if found in (None, Polarity.USES, Polarity.RECOMMENDS) and (tag or in_speech(text, i, j)):
            return Polarity.MENTIONS
        if found in (None, Polarity.USES) and self._reported(lo, w_lo):
            return Polarity.MENTIONS  # "他介绍，筹备组通过业主群征集意见": what someone reports
        if found in (None, Polarity.USES) and "fronted_frame" in self._spans:
            opening = self._clause(lo, lo, "weak", lo, hi)  # the clause's first comma clause
            if self._voice.fronted_report(lo, *opening, hi):
                return Polarity.MENTIONS  # "Using survey data, Wang found that": their act
        elsewhere = found is None and self._gap_elsewhere(lo, hi, w_lo, w_hi, self._code_at(i, j))
        if found is None and not elsewhere and self._gap_clause_about(lo, hi, i, j):
            return Polarity.GAP
        found = found or self._rule(lo, hi, i, j, allow_gap=False)
        if found:
            return found
        if not elsewhere and self._in_gap_list(lo, hi):
            return Polarity.GAP
        nxt = sentence.next_text
        if nxt not in self._carried:
            self._carried[nxt] = carried_gap(nxt, cues)
        # "these studies have yet to …" continues a sentence about research; one about the
        # world ("…保留着单位大院。此类社区…尚未得到关注") is background for the gap after it.
        if self._carried[nxt] and not elsewhere and self._find("gap_subject", 0, len(text)):
            return Polarity.GAP
        # a contrast turns away from what came before it ("近年来…推行X，但…"): not its cues,
        # unless a reporting verb before it reaches over ("she said she was willing but …")
        turn = max((e for _, e in self._find("contrast", 0, lo)), default=0)
        start = 0 if self._find("attribution", 0, turn) else turn
        # items of an enumeration ("一是…；二是…", "First, …; second, …") are statements apart
        items = self._find("enumerator", 0, len(text))
        start = max([start] + [a for a, _ in items if a <= lo])
        end = min([len(text)] + [a for a, _ in items if a >= hi])
        return self._rule(start, end, i, j, allow_gap=False) or self.default

    def _reported(self, lo: int, w_lo: int) -> bool:
        """The comma clause before ends in someone's reporting verb ("他介绍，"; not 笔者认为)."""
        for s, e in self._find("attribution", lo, w_lo):
            if not self._text[e:w_lo].strip(" ,，:：") and not self._own(lo, s):
                return True
        return False


def polarity(
    sentence: SentenceContext, i: int, j: int, cues: Cues, is_review: bool = False
) -> Polarity:
    """Polarity of a coding at ``[i, j)`` within ``sentence.text`` (one-off; see PolarityJudge)."""
    return PolarityJudge(cues, is_review)(sentence, i, j)
