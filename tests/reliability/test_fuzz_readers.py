"""Property-based fuzzing of the RIS and CNKI readers (NoteExpress, 自定义, EndNote/Refer,
RefWorks) and the transcript reader, through files as a user has them: any text in any line
ending and encoding. Never an unhandled exception (a ReaderError is the one clear line);
every record a document or a failure with a line and number; the tagger's spans on what is
read are exact (``text[start:end] == evidence``)."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kgreview.ingest import ReaderError, ReadOptions, RecordFailure
from kgreview.model import Document
from kgreview.nlp.turns import document_segments
from kgreview.pipeline import read_documents
from kgreview.tagging import load_tagger
from tests.reliability import strategies as s

FUZZ = settings(max_examples=120, deadline=3000, suppress_health_check=list(HealthCheck))
FORMATS = {
    "ris": (".ris", s.RIS_TAGS),
    "noteexpress": (".net", s.NOTEEXPRESS_TAGS),
    "cnki_custom": (".txt", s.CNKI_CUSTOM_TAGS),
    "refer": (".enw", s.REFER_TAGS),
    "refworks": (".txt", s.REFWORKS_TAGS),
}
ENCODINGS = st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "utf-16"])


def _read(data: bytes, suffix: str, fmt: str = "") -> list[Document | RecordFailure]:
    with tempfile.TemporaryDirectory(prefix="kgreview-fuzz-") as folder:
        path = Path(folder, "export" + suffix)
        path.write_bytes(data)
        try:
            return list(read_documents(path, ReadOptions(fmt=fmt)))
        except ReaderError as exc:
            assert str(exc) and "\n" not in str(exc)  # one clear line
            return []


def _check(items: list[Document | RecordFailure]) -> None:
    tagger = load_tagger()
    for item in items:
        if isinstance(item, RecordFailure):
            assert item.line >= 1 and item.record >= 1 and item.reason
            continue
        assert item.title.strip() and item.text.strip() and "\x00" not in item.text
        segments, _ = document_segments(item)
        for segment in segments:
            assert 0 <= segment.start <= segment.end <= len(item.text)
        for coding in tagger.tag(item, segments).codings:
            assert item.text[coding.start : coding.end] == coding.evidence


def _encode(text: str, encoding: str) -> bytes:
    return text.encode(encoding, errors="replace" if encoding == "gb18030" else "surrogatepass")


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_tagged_exports_by_content(fmt: str) -> None:
    suffix, tags = FORMATS[fmt]

    @FUZZ
    @given(s.tagged_export(tags), ENCODINGS)
    def run(text: str, encoding: str) -> None:
        _check(_read(_encode(text, encoding), suffix))
        _check(_read(_encode(text, encoding), suffix, fmt=fmt))  # detection skipped

    run()


@FUZZ
@given(s.transcript_text(), ENCODINGS, st.sampled_from([".txt", ".vtt", ".srt", ".csv"]))
def test_transcript_reader(text: str, encoding: str, suffix: str) -> None:
    _check(_read(_encode(text, encoding), suffix))
    fmt = {".txt": "transcript", ".vtt": "vtt", ".srt": "srt", ".csv": "transcript_csv"}[suffix]
    _check(_read(_encode(text, encoding), suffix, fmt=fmt))


@FUZZ
@given(st.binary(max_size=2000), st.sampled_from([".ris", ".net", ".txt", ".enw", ".bib"]))
def test_any_bytes(data: bytes, suffix: str) -> None:
    _check(_read(data, suffix))
