"""Rows the review reads of a store return (gaps, attributions, document summaries and
details)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # model.py imports this module
    from kgreview.model import Coding, Document


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


@dataclass(frozen=True, slots=True)
class DocumentDetail:
    """A document with what a row about it shows (the summary table, who cites): its codings
    by start, its authors and supervisors in byline order, its case sites (name, city)."""

    document: Document
    codings: tuple[Coding, ...]
    authors: tuple[str, ...]
    supervisors: tuple[str, ...]
    sites: tuple[tuple[str, str], ...]
