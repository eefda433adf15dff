"""Rows the review reads of a store return (gaps, attributions, document summaries)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class DocumentSummary:
    id: str
    title: str
    doc_type: str
    lang: str
    year: int | None
    source: str


@dataclass(frozen=True, slots=True)
class GapStatement:
    """A stored gap sentence with the codes it concerns and its document's facets."""

    gap_id: str
    document_id: str
    title: str
    doc_type: str
    year: int | None
    kind: str
    statement: str
    start: int
    end: int
    codes: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class AttributedCoding:
    """A coding inside a sentence that reports a scholar's position."""

    author: str
    via: str
    document_id: str
    title: str
    segment_id: str
    code_id: str
    polarity: str
    start: int
    end: int
    evidence: str
