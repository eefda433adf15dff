"""Recommendation and limitation passages announced by a header sentence.

A conclusion often announces its proposals once ("提出以下几点建议。", "二、对策建议",
"we put forward four proposals") and then lists them without a cue of their own ("第二，社区宜
尽快启动业委会筹备工作", "The street office could delegate …"); a limitations passage does the
same ("本研究也存在不足。资料收集主要依靠访谈…", "Several limitations should be kept in mind.
First, …"), and so does an observer's note in field or interview notes ("观察反思：",
"Interviewer's memo:"): the study's own voice. The header's scope runs to the end of its
paragraph; a header that is a heading line of its own ("二、对策建议", "Recommendations.")
covers the paragraph after it, and numbered paragraphs that follow ("（一）…（二）…", "1. … 2. …")
go on with it.

Header cues live in ``schemas/cues.yaml`` (``polarity.sections``).
"""

from __future__ import annotations

import bisect
import re

from kgreview.model import Polarity
from kgreview.nlp.cuescan import DocumentCues

RECOMMENDS, LIMITATION, OWN = "section_recommends", "section_limitation", "section_own"
BACKGROUND = "background"
HEADING_MAX = 24  # characters: a paragraph this short is a heading line, not prose
_PARAGRAPH = re.compile(r"\n")
_SENTENCE_END = re.compile(r"[。！？!?]|\.(?=\s)")
NUMBERED_MAX = 60  # characters: a numbered heading ("Chapter 6 Conclusions and …") may be longer
_NUMBERED = re.compile(
    r"(chapter|section|part)\s+\d|第.{1,3}[章节部]|\d+(\.\d+)*\s|[一二三四五六七八九十]+、", re.I
)
OPENING_MAX = 3  # sentences: an abstract's background opening is short


class Sections:
    """Where a document's announced recommendation and limitation passages lie (view offsets)."""

    def __init__(
        self,
        document: DocumentCues,
        case_site: re.Pattern[str] | None = None,
        list_item: re.Pattern[str] | None = None,
    ) -> None:
        text = self._text = document.text
        found: list[tuple[int, int, str]] = []
        for rule in (RECOMMENDS, LIMITATION, OWN):
            if rule not in document.scanner.rule_index:
                continue
            for s, e in document.spans(rule, 0, len(text)):
                found.append((s, e, rule))
        self._spans: list[tuple[int, int, str]] = []
        # Background: the sentences after the title line and before the text's own voice first
        # speaks ("随着老旧小区改造在全国推进，…。本研究…", "Urban villages house … This thesis …").
        title_end = text.find("\n")
        own = document.first("uses", title_end, len(text)) if title_end > 0 else None
        if own is not None:
            end = title_end + own
            site = case_site.search(text, title_end, end) if case_site else None
            end = site.start() if site else end
            # only an opening: the voice must speak within the first paragraph of the body
            body = len(text) - len(text[title_end:].lstrip())
            first_break = text.find("\n", body)
            # and soon: an opening is at most OPENING_MAX sentences long
            short = sum(1 for _ in _SENTENCE_END.finditer(text, body, end)) <= OPENING_MAX
            if short and (first_break < 0 or end <= first_break):
                self._spans.append((title_end + 1, end, BACKGROUND))
        if not found:
            self._starts = [s for s, _, _ in self._spans]
            return
        breaks = [m.start() for m in _PARAGRAPH.finditer(text)] + [len(text)]
        for s, e, rule in sorted(found):
            k = bisect.bisect_left(breaks, e)
            end = breaks[k]
            begin = breaks[k - 1] + 1 if k else 0
            if len(text[begin:end].strip()) <= HEADING_MAX and k + 1 < len(breaks):
                k += 1
                end = breaks[k]  # a heading line: its passage is the next paragraph
            # numbered paragraphs after it ("（二）建立…", "3. Keep …") go on with the passage
            while list_item and k + 1 < len(breaks) and list_item.match(text, end + 1):
                k += 1
                end = breaks[k]
            self._spans.append((s, end, rule))
        self._spans.sort()
        self._starts = [s for s, _, _ in self._spans]

    def kind(self, lo: int, hi: int) -> str | None:
        """The passage (RECOMMENDS, LIMITATION or OWN) the sentence ``[lo, hi)`` lies in or
        opens ("The study has two limitations: …", "My reading: …"), the latest header
        winning; None outside any."""
        if not self._spans:
            return None
        # heading lines the segmenter joined to the sentence ("6.1 研究结论\n本研究…") are not
        # its body: the passage of a heading above them must reach the sentence's last line
        lo = max(lo, self._text.rfind("\n", lo, hi) + 1)
        k = bisect.bisect_left(self._starts, hi) - 1
        while k >= 0:
            start, end, rule = self._spans[k]
            if start < hi and lo < end and (rule != BACKGROUND or hi <= end):
                return rule
            k -= 1
        return None


def in_passage(section: str | None, found: Polarity, default: Polarity) -> Polarity:
    """Inside an announced passage what would be the study's own act (or the document's
    default) is a proposal, a limitation or the observer's own record; gaps, reports and
    other cues keep their answer."""
    if section == RECOMMENDS and found in (Polarity.USES, default):
        return Polarity.RECOMMENDS
    if section == LIMITATION and found in (Polarity.USES, Polarity.NEGATED, default):
        return Polarity.LIMITATION
    if section == OWN and found == default:
        return Polarity.USES
    if section == BACKGROUND and found == default == Polarity.USES:
        return Polarity.MENTIONS
    return found


def body_start(sentence: str) -> int:
    """Where a sentence's body begins after heading lines the segmenter joined to it ("6.1
    研究结论\n本研究…", "一、研究现状\n…"): a heading's words (建议, 研究) are no cue of the
    sentence. Only short or numbered lines count, so a hard-wrapped line of prose is kept."""
    start = 0
    while (end := sentence.find("\n", start)) >= 0:
        line = sentence[start:end].strip()
        if len(line) > HEADING_MAX and not (len(line) <= NUMBERED_MAX and _NUMBERED.match(line)):
            break
        start = end + 1
    return start if sentence[start:].strip() else 0


def spans_from(
    rules: dict[str, list[tuple[int, int]]], start: int
) -> dict[str, list[tuple[int, int]]]:
    """The cue spans that start at ``start`` or later (a new dict when any go)."""
    if not start:
        return rules
    kept = {rule: [(s, e) for s, e in spans if s >= start] for rule, spans in rules.items()}
    return {rule: spans for rule, spans in kept.items() if spans}
