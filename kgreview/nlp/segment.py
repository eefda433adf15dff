"""Section, paragraph and sentence segments with code-point offsets into the stored text.

A section starts at a heading line — numbered (``3.2.``, ``一、``, ``（一）``, ``1.``) or named
(摘要, 关键词, 参考文献, Abstract, Keywords, References …) — and runs to the next heading;
its paragraphs point to it. A heading is one short line without sentence-final punctuation,
so a numbered list of findings ending in 。 stays paragraphs.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from kgreview.ids import segment_id
from kgreview.model import Segment, SegmentKind
from kgreview.nlp.lang import detect_lang, lang_of, script_counts

_PARAGRAPH = re.compile(r"[^\n]+(?:\n[^\n]+)*")
# A sentence ends after 。！？ (with closing quotes/brackets), or after . ; followed by space or
# the end, so "3.5" stays whole; scraped run-ons ("governance.The") split as well.
_SENTENCE_END = re.compile(
    r"(?<=[。！？!?])[”’」』）)\"']*|(?<=[.;；])[”’\"')]*(?=\s|$)|(?<=[a-z]\.)(?=[A-Z][a-z])"
)


# Abbreviations whose dot ends no sentence, and a capital's initial ("R. D. Putnam").
_ABBREVIATION = re.compile(
    r"(?:\bet al|\be\.g|\bi\.e|\bcf|\bvs|\bDr|\bMrs?|\bMs|\bProf|\bpp?|\bVol|\bFig|\bEds?"
    r"|(?<![\w.])[A-Z])\.$"
)
# Every sentence end follows one of these characters (each branch above opens with a lookbehind
# on them), so the pattern is tried only right after one: the ends re.finditer would give.
_END_PUNCT = re.compile(r"[。！？!?.;；]")


def _sentence_stops(text: str, start: int, end: int) -> list[int]:
    """``[m.end() for m in _SENTENCE_END.finditer(text, start, end)]``, faster."""
    stops, pos = [], start
    for punct in _END_PUNCT.finditer(text, max(0, start - 1), end):
        at = punct.end()
        if at < pos:
            continue
        found = _SENTENCE_END.match(text, at, end)
        if found and text[at - 1] == "." and _ABBREVIATION.search(text, max(0, at - 8), at):
            found = None  # "Zhao et al. (2021) adopted", "e.g. Wang", "R. D. Putnam"
        if found:
            stops.append(found.end())
            # After an empty match finditer moves on one character (no second match there).
            pos = found.end() if found.end() > at else at + 1
    return stops


def _heading_stops(text: str, start: int, end: int) -> list[int]:
    """Ends of heading lines inside a paragraph ("二、社会工作介入\n部分学者…"): a heading has
    no sentence-final punctuation, so without these it would open the next sentence."""
    stops, line_start = [], start
    while (newline := text.find("\n", line_start, end)) != -1:
        line = text[line_start:newline]
        if is_heading(line) and _INLINE_HEADING.match(line.strip()) and len(line.strip()) <= 60:
            stops.append(newline)
        line_start = newline + 1
    return stops


# Inside a paragraph only unmistakable headings split it: a hard-wrapped line that happens to
# open with a number ("12 residents attended the meeting and") is no heading.
_INLINE_HEADING = re.compile(
    r"(?:\d{1,2}(?:\.\d{1,2})*[.、．]\s*\S|\d{1,2}(?:\.\d{1,2})+\s+\S"
    r"|[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十]{1,3}[）)]"
    r"|第[一二三四五六七八九十\d]{1,3}[章节部分]"
    r"|(?:摘\s*要|关键词|参考文献|abstract|keywords?|references)\s*[:：]?\s*$)",
    re.IGNORECASE,
)


def _sentence_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split text[start:end] after sentence-final punctuation and heading lines; trims
    surrounding spaces."""
    spans = []
    cursor = start
    stops = _sentence_stops(text, start, end)
    if "\n" in text[start:end]:
        stops = sorted(set(stops).union(_heading_stops(text, start, end)))
    stops.append(end)
    for stop in stops:
        lo, hi = cursor, stop
        while lo < hi and text[lo].isspace():
            lo += 1
        while hi > lo and text[hi - 1].isspace():
            hi -= 1
        if hi > lo:
            spans.append((lo, hi))
        cursor = stop
    return spans


def _trimmed(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        yield start, end


_HEADING = re.compile(
    r"(?:\d{1,2}(?:\.\d{1,2})*\.?\s*\S|[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十]{1,3}[）)]"
    r"|第[一二三四五六七八九十\d]{1,3}[章节部分]"
    r"|(?:摘\s*要|关键词|参考文献|引\s*言|结\s*语|结\s*论|致\s*谢)\s*[:：]?\s*$"
    r"|(?:abstract|keywords?|references|bibliography|introduction|conclusions?)\b)",
    re.IGNORECASE,
)
_HEADING_MAX = {"zh": 40, "en": 120}


def is_heading(line: str) -> bool:
    """A section heading: one short line, a heading shape, no sentence-final punctuation."""
    line = line.strip()
    limit = _HEADING_MAX["en" if line.isascii() else "zh"]
    if not line or "\n" in line or len(line) > limit or line[-1] in "。；;！？!?，,":
        return False
    return bool(_HEADING.match(line)) and not (line.endswith(".") and " " in line[-4:])


def _sections(document_id: str, text: str, paragraphs: list[re.Match[str]]) -> list[Segment]:
    starts = [m.start() for m in paragraphs if is_heading(m.group(0))]
    sections = []
    for n, start in enumerate(starts):
        stop = starts[n + 1] if n + 1 < len(starts) else len(text)
        for s_start, s_end in _trimmed(text, start, stop):
            sections.append(Segment(
                id=segment_id(document_id, SegmentKind.SECTION, s_start, s_end),
                document_id=document_id, kind=SegmentKind.SECTION.value, start=s_start,
                end=s_end, n=n, lang=detect_lang(text[s_start:min(s_end, s_start + 200)]),
            ))  # fmt: skip
    return sections


def segment_text(document_id: str, text: str) -> list[Segment]:
    """Sections (from heading lines), paragraphs (blank-line or line separated blocks) and the
    sentences inside them."""
    paragraphs = list(_PARAGRAPH.finditer(text))
    sections = _sections(document_id, text, paragraphs)
    segments: list[Segment] = list(sections)
    section_starts = [s.start for s in sections]
    paragraph_kind, sentence_kind = SegmentKind.PARAGRAPH.value, SegmentKind.SENTENCE.value
    for p_n, para in enumerate(paragraphs):
        for p_start, p_end in _trimmed(text, para.start(), para.end()):
            para_id = segment_id(document_id, SegmentKind.PARAGRAPH, p_start, p_end)
            k = bisect.bisect_right(section_starts, p_start) - 1
            spans = _sentence_spans(text, p_start, p_end)
            # A paragraph's script counts are its sentences' (only spaces lie between them).
            langs, counts = [], []
            for s_start, s_end in spans:
                sentence = text[s_start:s_end]
                found = script_counts(sentence) if not sentence.isascii() else None
                langs.append(detect_lang(sentence) if found is None else lang_of(*found))
                counts.append(found)
            if all(c is None for c in counts):  # all ASCII: no CJK, letters iff one is "en"
                p_lang = "en" if "en" in langs else "und"
            else:
                cjk = latin = 0
                for (s_start, s_end), found in zip(spans, counts, strict=True):
                    c, n_latin = found or script_counts(text[s_start:s_end])
                    cjk, latin = cjk + c, latin + n_latin
                p_lang = lang_of(cjk, latin)
            segments.append(Segment(
                id=para_id, document_id=document_id, kind=paragraph_kind, start=p_start,
                end=p_end, n=p_n, parent_id=sections[k].id if k >= 0 else None, lang=p_lang,
            ))  # fmt: skip
            for s_n, ((s_start, s_end), lang) in enumerate(zip(spans, langs, strict=True)):
                segments.append(Segment(
                    id=segment_id(document_id, SegmentKind.SENTENCE, s_start, s_end),
                    document_id=document_id, kind=sentence_kind, start=s_start, end=s_end,
                    n=s_n, parent_id=para_id, lang=lang,
                ))  # fmt: skip
    return segments
