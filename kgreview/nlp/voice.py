"""Who speaks in a sentence: the study itself, other scholars, or respondents.

Polarity follows from the voice more than from any listed phrase. What the study reports
("The survey found that …", 研究采用…) is its own finding, not a reported position; a shortfall
the study admits of itself ("研究未能…", "its findings may not apply …") is its limitation; a
proposal credited to a named or cited scholar (钟某…建议…, 唐宇（2020）进一步…, "Li et al.
recommend …") is a mention, not the text's recommendation; and a text made of respondents'
turns ("受访者R2（女，71岁）：…", "Respondent N1 (male, 36): …") is interview notes, whose
sentences report what others said — and inside a respondent's turn "we" is the respondent's.
A sentence that opens with what someone did ("Using survey data, Wang found that …") reports
that person's work; one that opens with a proposal ("建议…；…；") goes on proposing over its
semicolons; cues that stand inside another frame play that frame's part (research the study
departs from is a foil; the "should" of a caveat proposes nothing). Cue lists:
``polarity.voice``, ``fronted_frame``, ``research_verbs``, ``departs`` and ``speaker_turn``
in ``schemas/cues.yaml``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from itertools import islice

from kgreview.model import Polarity
from kgreview.nlp.cues import Cues
from kgreview.nlp.cuescan import DocumentCues
from kgreview.nlp.titles import heading

Find = Callable[[str, int, int], list[tuple[int, int]]]
Terms = tuple[tuple[int, int, str], ...]
TURNS_MIN = 2  # speaker-labelled paragraphs that make a text interview notes
REVIEW_CITES = 3  # cited works that, without the study's own voice, make a text a review
FRAME_GAP = 12  # characters between the study and its finding verb: "研究发现", "The survey found"
CONTEXT, METHOD = "context.", "method."  # id prefixes of those categories (codebook.yaml)
OPENING = 12  # characters: a proposal this close to the sentence start opens the sentence
MENTIONS = "mentions"
CLAUSE_END = re.compile(r"[,，;；:：]")  # "Unlike studies that stress X, we find": X is theirs


def transcript_like(cues: Cues, title: str, text: str, doc_type: str | None) -> bool:
    """Interview notes or a transcript: by type, by title ("访谈记录", "Interview notes") or
    by respondents' turns in the text itself, whatever the title says ("Field Notes: …")."""
    if doc_type == "transcript" or cues.transcript_title.search(heading(title)):
        return True
    turns = cues.speaker_turn.finditer(text)
    return sum(1 for _ in islice(turns, TURNS_MIN)) >= TURNS_MIN


def review_like(cues: Cues, title: str, document: DocumentCues, doc_type: str | None) -> bool:
    """A literature review: by type, by title ("文献综述", "研究现状"), or by its text — one
    that cites at least ``REVIEW_CITES`` works ("Sun (2015)", "（何静，2021）") and never speaks
    as the study itself (本研究, "this study", "we") is a review section whatever its heading."""
    if doc_type == "review" or cues.review_title.search(heading(title)):
        return True
    citation, text = cues.voice.get("citation"), document.text
    literals = cues.voice_literals.get("citation", ())
    if citation is None or any(text.count(literal) < REVIEW_CITES for literal in literals):
        return False  # most texts: too few of what every citation holds (")")
    cites = citation.finditer(text)
    if sum(1 for _ in islice(cites, REVIEW_CITES)) < REVIEW_CITES:
        return False
    return document.first("uses", 0, len(text)) is None


def without_foils(rules: dict[str, list[tuple[int, int]]]) -> dict[str, list[tuple[int, int]]]:
    """The sentence's cue spans without those that stand inside a frame giving them another
    role (a new dict when any goes: the scanned one is shared): research named where the study
    departs from it ("与既有研究的判断不同，…") is a foil, neither a mention nor a gap's subject;
    the evidence in the study's own denial ("We found no evidence that …") is no research; the
    modal of a caveat ("the findings should be read with caution") proposes nothing."""
    if not ("departs" in rules or "negated_clause" in rules or "limitation" in rules):
        return rules  # most sentences: no frame at all
    own_denials = [
        (a, b)
        for a, b in rules.get("negated_clause", ())
        if any(e <= a <= e + FRAME_GAP for _, e in rules.get("voice_own", ()))
    ]
    departs = rules.get("departs", [])
    frames = {
        "mentions": departs,
        "gap_subject": departs + own_denials,
        "recommends": rules.get("limitation", []),
    }
    if not any(frames.values()):
        return rules
    kept = dict(rules)
    for rule, inside in frames.items():
        spans = [
            (s, e) for s, e in rules.get(rule, ()) if not any(a <= s and e <= b for a, b in inside)
        ]
        if spans:
            kept[rule] = spans
        else:
            kept.pop(rule, None)
    return kept


def without_terms(
    rules: dict[str, list[tuple[int, int]]], terms: Iterable[tuple[int, int, str]]
) -> dict[str, list[tuple[int, int]]]:
    """The mention cues without those inside a codebook term of the sentence: 文献 in 文献研究
    or "literature" in "literature review" names a method, it reports no one's work (a term
    may still be research itself: "定量研究相对缺乏" keeps its gap subject)."""
    mentions = rules.get(MENTIONS)
    if not mentions:
        return rules
    spans = [(s, e) for s, e in mentions if not any(a <= s and e <= b for a, b, _ in terms)]
    if len(spans) == len(mentions):
        return rules
    kept = {rule: found for rule, found in rules.items() if rule != MENTIONS}
    return kept | ({MENTIONS: spans} if spans else {})


def in_turn(cues: Cues, text: str, start: int) -> bool:
    """The sentence at ``start`` of the view ``text`` lies in a paragraph that opens with a
    speaker's label ("受访者R2（女，71岁）：", "Respondent N1 (male, 36):")."""
    return cues.speaker_turn.match(text, text.rfind("\n", 0, start) + 1) is not None


def without_own(rules: dict[str, list[tuple[int, int]]]) -> dict[str, list[tuple[int, int]]]:
    """The cue spans without the study's own voice: in a respondent's turn "we", 我们 and
    "our data" are the respondent's."""
    if "voice_own" not in rules and "uses" not in rules:
        return rules
    return {rule: spans for rule, spans in rules.items() if rule not in ("voice_own", "uses")}


class Voice:
    """Voice rules over one sentence of the normalised view: ``find`` gives the scanned cue
    spans (the study's own subject among them); the rarer voice cues are searched only
    where that subject or a proposal was found."""

    def __init__(self, cues: Cues, own_text: bool) -> None:
        self.own_text, self.text = own_text, ""
        self._voice = cues.voice
        self._scholar_literals = cues.voice_literals.get("scholars", ())
        self._spans: Mapping[str, list[tuple[int, int]]] = {}
        self._terms: Terms = ()
        self.own = self.limited = False
        self._short: re.Match[str] | None = None
        self._scholars: list[tuple[int, int]] | None = None

    def enter(
        self, text: str, rules: Mapping[str, list[tuple[int, int]]], terms: Terms = ()
    ) -> None:
        """A new sentence; ``rules`` are the spans of the cue lists that matched in it (held
        here rather than the judge's bound method: no reference cycle keeps a judge alive),
        ``terms`` its candidate terms (start, end, code)."""
        self.text, self._spans, self._terms = text, rules, terms
        self._scholars = None  # cited scholars' spans, searched once when first asked
        # which rules can apply at all in this sentence (most sentences: none)
        self.own = self.own_text and ("voice_own" in rules or "departs" in rules)
        self.limited = self.own_text and "limitation" in rules
        # a shortfall anywhere in the sentence, searched once (None: no clause admits one)
        self._short = self._has("shortfall", 0, len(text)) if self.own else None

    def find(self, rule: str, lo: int, hi: int) -> list[tuple[int, int]]:
        """Matches of cue list ``rule`` inside ``[lo, hi)`` of the sentence."""
        return [(s, e) for s, e in self._spans.get(rule, ()) if lo <= s and e <= hi]

    def _has(self, name: str, lo: int, hi: int) -> re.Match[str] | None:
        pattern = self._voice.get(name)
        return pattern.search(self.text, lo, hi) if pattern is not None and lo < hi else None

    def done(self, lo: int, hi: int) -> bool:
        """A done act in ``[lo, hi)`` (V了, 已经): searched only where a rule asks."""
        return self._has("done", lo, hi) is not None

    def own_subject(self, terms: Iterable[tuple[int, int, str]], lo: int, s: int) -> bool:
        """The study (or its analysis) is the subject before a reporting verb at ``s``."""
        return bool(self.find("voice_own", lo, s)) or self.method_finding(terms, lo, s)

    def setting_of_proposal(self, lo: int, hi: int, i: int) -> bool:
        """A community context named before the clause's proposal cue ("农村社区儿童服务应…",
        "In resettlement communities, councils should …") is the study's setting, not proposed;
        one after it ("建议将流动人口纳入…") is part of the proposal."""
        if not any(a == i and c.startswith(CONTEXT) for a, _, c in self._terms):
            return False
        cue = self.find("recommends", lo, hi)
        return bool(cue) and i < cue[0][0]

    def left_behind(self, i: int) -> bool:
        """The term at ``i`` is the state a change starts from ("从被动参与到…", "from A to B")."""
        return any(s < i < e for s, e in self._spans.get("transition_from", ()))

    def method_finding(self, terms: Iterable[tuple[int, int, str]], lo: int, s: int) -> bool:
        """A finding verb at ``s`` ("shows that", 显示) whose subject in ``[lo, s)`` is a method
        ("Logistic regression shows that", 回归分析显示): the study's own analysis reporting
        ("several interviewees described" names people, and "described" reports no finding)."""
        if not any(lo <= a and b <= s and c.startswith(METHOD) for a, b, c in terms):
            return False
        found = self._has("finding", s, s + FRAME_GAP)
        return found is not None and found.start() == s

    def own_shortfall(self, lo: int, hi: int) -> bool:
        """The study admits a shortfall of its own in ``[lo, hi)``: its subject comes first and
        a shortfall follows with no finding verb between ("研究未能对房东群体进行深入访谈", "its
        findings may not apply to …"); "本研究发现居民无法…" reports a finding instead."""
        if self._short is None or self._short.start() >= hi:
            return False
        for _, e in self.find("voice_own", lo, hi):
            short = self._has("shortfall", e, hi)
            if short and not self._has("finding", e, short.start()):
                return True
        return False

    def credited_to_scholars(self, lo: int, hi: int) -> bool:
        """A scholar named or cited in the clause before its first recommendation cue, and
        the study's own voice absent there: the proposal is the scholar's (a mention)."""
        cue = self.find("recommends", lo, hi)
        end = cue[0][0] if cue else hi
        return bool(self._has("scholars", lo, end)) and not self.find("voice_own", lo, end)

    def scholar_subject(self, lo: int, i: int) -> bool:
        """A cited scholar is the subject before the term ("林晓和黄振宇（2020）通过…比较研究发现",
        "Xu (2021), based on a survey"), the study's own voice absent: the scholar's act."""
        if self._scholars is None:
            pattern = self._voice.get("scholars")
            found = pattern.finditer(self.text) if pattern is not None else ()
            literals = self._scholar_literals  # most sentences hold none: no search
            if literals and not any(literal in self.text for literal in literals):
                found = ()
            self._scholars = [m.span() for m in found]
        first = next((s for s, e in self._scholars if lo <= s and e <= i), None)
        if first is None:
            return False
        # the study speaks only before the scholar ("陈某(2016)…问卷调查发现": their survey)
        return not self.find("voice_own", lo, first)

    def fronted_report(self, lo: int, w_lo: int, w_hi: int, hi: int) -> bool:
        """The clause opens with what someone did ("Using national survey data,", "Drawing on
        Rothman's model,": the comma clause ``[w_lo, w_hi)``) and the first reporting verb after
        it has a subject that is not the study ("…, Wang Lin found that", "…, Gao examines"):
        the clause, opening and all, reports that person's work."""
        frame = self.find("fronted_frame", w_lo, w_hi)
        if w_lo != lo or not frame or self.text[w_lo : frame[0][0]].strip(" ,"):
            return False
        verbs = sorted(self.find("attribution", w_hi, hi) + self.find("research_verbs", w_hi, hi))
        for s, _ in verbs[:1]:
            return not (self.find("voice_own", w_hi, s) or self.find("uses", w_hi, s))
        return False

    def opening_proposal(self, lo: int) -> bool:
        """The sentence opens with a proposal ("建议由街道牵头…；…", "We recommend that …; …")
        and no contrast lies between it and the clause at ``lo``: that clause goes on with the
        list of proposals."""
        cue = self.find("recommends", 0, lo) if lo else None
        if not cue or cue[0][0] > OPENING:
            return False
        return not self.find("contrast", cue[0][1], lo)

    def own_proposal(self, lo: int, i: int) -> bool:
        """The study proposes what follows: its subject, then a proposal verb, before the term
        ("本文提出建立…，将…相衔接", "We propose …"); a proposal verb that opens a list with a
        colon ("本文提出：应…；由街道牵头…；将…") reaches over the semicolons after it."""
        own = self.find("voice_own", lo, i)
        verb = self._has("propose", own[0][1], i) if own else None
        # "研究发现，儿童能够提出…": a proposal verb after a finding verb is what was found
        if verb and not self._has("finding", own[0][1], verb.start()):
            return True
        own = self.find("voice_own", 0, lo)
        verb = self._has("propose", own[0][1], lo) if own else None
        return verb is not None and self.text[verb.end() : verb.end() + 2].lstrip()[:1] == ":"

    def own_finding(self, i: int) -> bool:
        """The sentence opens a finding of the study's own before the term ("研究发现，…租户…
        认为…", "The survey found that …"): what it reports, respondents' views included, is
        its finding."""
        for _, e in self.find("voice_own", 0, i):
            verb = self._has("finding", e, min(i, e + FRAME_GAP))
            if verb:
                return True
        # "与既有研究的判断不同，…": its own finding, once the foil's clause has closed
        return any(CLAUSE_END.search(self.text, e, i) for _, e in self.find("departs", 0, i))

    def adjust(self, found: Polarity, lo: int, hi: int, i: int) -> Polarity:
        """A cue decision adjusted for who speaks (not in a review, where "the study" is a
        reviewed one, except for scholars' proposals)."""
        if found == Polarity.RECOMMENDS:
            if self.credited_to_scholars(lo, hi):
                return Polarity.MENTIONS  # 钟某…建议…, 杨某等进一步讨论: the scholar's proposal
            if self.setting_of_proposal(lo, hi, i):
                return Polarity.USES  # "农村社区儿童服务应…": where the proposal applies
            return found
        if self.own and found in (Polarity.USES, Polarity.MENTIONS):
            if self.own_proposal(lo, i):
                return Polarity.RECOMMENDS
            if found == Polarity.MENTIONS and self.own_finding(i):
                return Polarity.USES
        # ... unless a contrast turns away from it ("…only six months; however, …")
        start = max((e for _, e in self.find("contrast", 0, i)), default=0)
        if found in (Polarity.USES, Polarity.NEGATED) and (
            (self.limited and self.find("limitation", start, lo))
            or (self.own and self.own_shortfall(start, lo))
        ):
            # "本研究的局限在于…；且未访谈…", "本研究…未能开展问卷调查；此外，…": the admission
            # of an earlier clause goes on
            return Polarity.LIMITATION
        return found
