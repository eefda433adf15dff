"""Paragraph and sentence segments with code-point offsets into the stored text."""

from __future__ import annotations

import re
from collections.abc import Iterator

from kgreview.ids import segment_id
from kgreview.model import Segment, SegmentKind
from kgreview.nlp.lang import detect_lang

_PARAGRAPH = re.compile(r"[^\n]+(?:\n[^\n]+)*")
# A sentence ends after 。！？ (with closing quotes/brackets), or after . ; followed by space or
# the end, so "3.5" stays whole; scraped run-ons ("governance.The") split as well.
_SENTENCE_END = re.compile(
    r"(?<=[。！？!?])[”’」』）)\"']*|(?<=[.;；])[”’\"')]*(?=\s|$)|(?<=[a-z]\.)(?=[A-Z][a-z])"
)


def _sentence_spans(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Split text[start:end] after sentence-final punctuation; trims surrounding spaces."""
    cursor = start
    for match in _SENTENCE_END.finditer(text, start, end):
        stop = match.end()
        yield from _trimmed(text, cursor, stop)
        cursor = stop
    yield from _trimmed(text, cursor, end)


def _trimmed(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        yield start, end


def segment_text(document_id: str, text: str) -> list[Segment]:
    """Paragraphs (blank-line or line separated blocks) and the sentences inside them."""
    segments: list[Segment] = []
    for p_n, para in enumerate(_PARAGRAPH.finditer(text)):
        for p_start, p_end in _trimmed(text, para.start(), para.end()):
            para_id = segment_id(document_id, SegmentKind.PARAGRAPH, p_start, p_end)
            segments.append(
                Segment(
                    id=para_id,
                    document_id=document_id,
                    kind=SegmentKind.PARAGRAPH.value,
                    start=p_start,
                    end=p_end,
                    n=p_n,
                    lang=detect_lang(text[p_start:p_end]),
                )
            )
            for s_n, (s_start, s_end) in enumerate(_sentence_spans(text, p_start, p_end)):
                segments.append(
                    Segment(
                        id=segment_id(document_id, SegmentKind.SENTENCE, s_start, s_end),
                        document_id=document_id,
                        kind=SegmentKind.SENTENCE.value,
                        start=s_start,
                        end=s_end,
                        n=s_n,
                        parent_id=para_id,
                        lang=detect_lang(text[s_start:s_end]),
                    )
                )
    return segments
