"""Transcript structure: TURN segments (speaker, timestamp, participant) with the sentences
inside them, and one Participant per person, from the ``turns`` and ``participants`` a
transcript reader put in ``Document.meta`` (re-read from the text when they are missing)."""

from __future__ import annotations

import re
from typing import Any

from kgreview import ids
from kgreview.model import Document, Participant, Segment, SegmentKind
from kgreview.nlp.lang import detect_lang
from kgreview.nlp.segment import _sentence_spans

_LINE = re.compile(r"[^\n]+")


def _turns_of(document: Document) -> tuple[list[list[Any]], list[dict[str, Any]]] | None:
    meta = document.meta or {}
    if meta.get("turns"):
        return meta["turns"], meta.get("participants") or []
    if document.doc_type != "transcript":
        return None
    from kgreview.ingest.transcript import transcript_meta
    from kgreview.ingest.transcript_parse import parse_transcript

    parsed = parse_transcript(document.text)
    if parsed is None:
        return None
    found = transcript_meta(parsed)
    return found["turns"], found["participants"]


def transcript_segments(
    document: Document,
) -> tuple[list[Segment], list[Participant]] | None:
    """Turns, their sentences and the participants of a transcript; None for other texts."""
    found = _turns_of(document)
    if found is None:
        return None
    turns, people = found
    participants, by_label = [], {}
    for person in people:
        pid = ids.participant_id(document.id, person["label"])
        participants.append(Participant(pid, document.id, person["label"],
                                        dict(person.get("attributes") or {})))  # fmt: skip
        for name in (person["label"], *(person.get("aliases") or ())):
            by_label.setdefault(name, pid)
    text, segments = document.text, preamble_segments(document, turns[0][0] if turns else 0)
    for n, (start, end, speaker, timestamp, *_) in enumerate(turns):
        turn_id = ids.segment_id(document.id, SegmentKind.TURN, start, end)
        lang = detect_lang(text[start:end])
        segments.append(Segment(
            id=turn_id, document_id=document.id, kind=SegmentKind.TURN.value, start=start,
            end=end, n=n, lang=lang, speaker=speaker, timestamp=timestamp,
            participant_id=by_label.get(speaker) if speaker else None,
        ))  # fmt: skip
        for s_n, (s_start, s_end) in enumerate(_sentence_spans(text, start, end)):
            segments.append(Segment(
                id=ids.segment_id(document.id, SegmentKind.SENTENCE, s_start, s_end),
                document_id=document.id, kind=SegmentKind.SENTENCE.value, start=s_start,
                end=s_end, n=s_n, parent_id=turn_id, lang=detect_lang(text[s_start:s_end]),
                speaker=speaker, participant_id=by_label.get(speaker) if speaker else None,
            ))  # fmt: skip
    return segments, participants


def preamble_segments(document: Document, first_turn: int) -> list[Segment]:
    """The researcher's lines before the first turn ("访谈记录（节选）：南京市Q社区…", "Interview
    excerpt, … Guangzhou D urban village"): a paragraph without a speaker, a sentence per line
    (header lines carry no sentence-final punctuation), so what they name is coded too."""
    from kgreview.ingest.transcript_parse import declared_from

    text = document.text
    end = text.rfind("\n", 0, first_turn) + 1  # the first turn's line, label included, is its own
    # Declarations (people, place, date; "访谈对象：W，女，62岁") are metadata, not prose.
    lines = _LINE.finditer(text, 0, end)
    spans = [(m.start(), m.start() + declared_from(m.group())) for m in lines]
    spans = [(lo, hi) for lo, hi in spans if text[lo:hi].strip()]
    if not spans:
        return []
    para_id = ids.segment_id(document.id, SegmentKind.PARAGRAPH, spans[0][0], spans[-1][1])
    segments = [Segment(
        id=para_id, document_id=document.id, kind=SegmentKind.PARAGRAPH.value,
        start=spans[0][0], end=spans[-1][1], n=0, lang=detect_lang(text[:end]),
    )]  # fmt: skip
    for s_n, (s_start, s_end) in enumerate(
        s for lo, hi in spans for s in _sentence_spans(text, lo, hi)
    ):
        segments.append(Segment(
            id=ids.segment_id(document.id, SegmentKind.SENTENCE, s_start, s_end),
            document_id=document.id, kind=SegmentKind.SENTENCE.value, start=s_start, end=s_end,
            n=s_n, parent_id=para_id, lang=detect_lang(text[s_start:s_end]),
        ))  # fmt: skip
    return segments


def document_segments(document: Document) -> tuple[list[Segment], list[Participant]]:
    """A transcript's turns and participants, or any other text's sections/paragraphs/sentences."""
    from kgreview.nlp.segment import segment_text

    return transcript_segments(document) or (segment_text(document.id, document.text), [])
