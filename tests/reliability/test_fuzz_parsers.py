"""Property-based fuzzing of the reference parser and the transcript parser: never an
unhandled exception, every span inside the text and equal to what it claims to hold."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kgreview.ingest.transcript import transcript_meta
from kgreview.ingest.transcript_parse import parse_transcript
from kgreview.model import Document
from kgreview.nlp.references import (
    mark_duplicates,
    parse_reference,
    parse_reference_list,
    parse_wos_cr,
)
from kgreview.nlp.reflist import find_reference_list, split_entries
from kgreview.nlp.turns import document_segments
from tests.reliability.strategies import reference_text, transcript_text

FAST = settings(max_examples=300, deadline=1000, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(reference_text())
def test_reference_lists_parse_with_exact_spans(text: str) -> None:
    refs = parse_reference_list(text)
    for ref in refs:
        assert 0 <= ref.start <= ref.end <= len(text)
        assert text[ref.start : ref.end] == ref.raw
        assert ref.year is None or 0 < ref.year < 10000
        assert ref.duplicate_of is None or ref.duplicate_of != ref.n or len(refs) > 1
    span = find_reference_list(text)
    if span is not None:
        start, end = span
        assert 0 <= start <= end <= len(text)
        for entry in split_entries(text, start, end):
            assert start <= entry.start <= entry.body_start <= entry.end <= end


@FAST
@given(reference_text(), st.integers(0, 10_000))
def test_single_entries_and_wos_cited_references_parse(raw: str, offset: int) -> None:
    ref = parse_reference(raw, 1, offset)
    assert (ref.start, ref.end, ref.raw) == (offset, offset + len(raw), raw)
    cited = parse_wos_cr(raw, 2, offset)
    assert cited.raw == raw and cited.end - cited.start == len(raw)
    assert len(mark_duplicates([ref, cited])) == 2


@FAST
@given(transcript_text())
def test_transcripts_parse_into_turns_inside_the_text(text: str) -> None:
    parsed = parse_transcript(text)
    if parsed is None:
        return
    previous = 0
    for turn in parsed.turns:
        assert previous <= turn.start <= turn.end <= len(text)
        assert text[turn.start : turn.end] == text[turn.start : turn.end].strip()
        previous = turn.end
    meta = transcript_meta(parsed)
    document = Document(id="doc:fuzz", title="t", text=text,
                        doc_type="transcript", meta=meta)  # fmt: skip
    segments, people = document_segments(document)
    labels = {p.label for p in people}
    for segment in segments:
        assert 0 <= segment.start <= segment.end <= len(text)
        assert segment.participant_id is None or segment.speaker is not None
    assert all(person.document_id == document.id for person in people)
    assert len(labels) == len(people)


@FAST
@given(st.one_of(transcript_text(), reference_text()))
def test_any_text_segments_inside_itself(text: str) -> None:
    document = Document(id="doc:fuzz", title="t", text=text)
    segments, _ = document_segments(document)
    for segment in segments:
        assert 0 <= segment.start <= segment.end <= len(text)
