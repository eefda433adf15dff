"""The data that crosses layers: plain frozen dataclasses, one per graph label.

Class names equal the node labels in ``schemas/graph.yaml`` and field names equal the declared
properties (``tests/test_model_schema.py`` keeps them in step). Spans are ``[start, end)`` in
Unicode code points of ``Document.text``. Ids are deterministic (see :mod:`kgreview.ids`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

# Read rows of the review queries live in their own module; re-exported here.
from kgreview.review_rows import (  # noqa: F401
    AttributedCoding,
    DocumentSummary,
    GapStatement,
)


class Polarity(StrEnum):
    """How a text relates to a code it names."""

    USES = "uses"
    RECOMMENDS = "recommends"
    MENTIONS = "mentions"
    NEGATED = "negated"
    GAP = "gap"
    LIMITATION = "limitation"


class Origin(StrEnum):
    """Where a coding came from: auto-codes are suggestions, manual codes are a coder's work."""

    AUTO = "auto"
    MANUAL = "manual"


class SegmentKind(StrEnum):
    SECTION = "section"
    PARAGRAPH = "paragraph"
    SENTENCE = "sentence"
    TURN = "turn"
    REFERENCE = "reference"


@dataclass(frozen=True, slots=True)
class Document:
    id: str
    title: str
    text: str
    lang: str = "und"
    doc_type: str = "text"
    year: int | None = None
    doi: str | None = None
    source: str = ""
    file_hash: str = ""
    text_hash: str = ""
    tag_key: str = ""
    meta: dict[str, Any] = field(default_factory=dict, hash=False)
    ingested_at: str = ""
    # Keys another copy of the same paper is found under (DOI, title + first author, ...):
    # see kgreview.ids.match_keys. Kept in the store so later ingests find it too.
    match_keys: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Segment:
    id: str
    document_id: str
    kind: str
    start: int
    end: int
    n: int = 0
    parent_id: str | None = None
    lang: str = "und"
    speaker: str | None = None
    timestamp: str | None = None
    participant_id: str | None = None


@dataclass(frozen=True, slots=True)
class Code:
    id: str
    category: str
    label_en: str
    label_zh: str
    parent: str | None = None
    description: str = ""
    color: str = ""  # "#RRGGBB" as coders (and NVivo, MAXQDA …) mark it; "" when none
    level: str = ""  # grounded theory: concept, category, main_category, core


@dataclass(frozen=True, slots=True)
class Coding:
    id: str
    document_id: str
    segment_id: str | None
    code_id: str
    coder: str
    start: int
    end: int
    evidence: str
    polarity: str = Polarity.USES.value
    origin: str = Origin.AUTO.value
    confidence: float = 1.0
    created: str = ""
    suggestion_id: str | None = None


@dataclass(frozen=True, slots=True)
class Coder:
    id: str
    name: str = ""
    kind: str = "human"


@dataclass(frozen=True, slots=True)
class Author:
    id: str
    name: str
    name_en: str | None = None
    orcid: str | None = None


@dataclass(frozen=True, slots=True)
class Institution:
    id: str
    name: str


@dataclass(frozen=True, slots=True)
class Reference:
    id: str
    raw: str
    title: str = ""
    authors: tuple[str, ...] = ()
    year: int | None = None
    source: str = ""
    type: str = ""
    doi: str | None = None


@dataclass(frozen=True, slots=True)
class PolicyDocument:
    id: str
    title: str
    issuer: str = ""
    year: int | None = None
    date: str = ""  # "2017-06-12" as issued, or "2017-06"
    short_name: str = ""  # 城乡社区治理意见


@dataclass(frozen=True, slots=True)
class Participant:
    id: str
    document_id: str
    label: str
    attributes: dict[str, Any] = field(default_factory=dict, hash=False)


@dataclass(frozen=True, slots=True)
class Site:
    id: str
    name: str
    city: str = ""
    community_type: str = ""


@dataclass(frozen=True, slots=True)
class Gap:
    id: str
    document_id: str
    segment_id: str | None
    kind: str
    statement: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Memo:
    id: str
    target_id: str
    author: str
    text: str
    created: str = ""


@dataclass(frozen=True, slots=True)
class Keyword:
    id: str
    term: str


@dataclass(frozen=True, slots=True)
class Attribution:
    """A sentence reporting a scholar's position (ATTRIBUTES: Segment → Author): ``via`` is
    ``named`` (王思斌认为, "X pointed out") or ``cited`` (a numbered citation [3])."""

    segment_id: str
    author: Author
    via: str = "named"
    # The clause the citation covers, in document offsets ("Wang (2020) used X, while Zhao
    # (2021) adopted Y": Wang's is the part before "while"); None: the whole sentence.
    clause_start: int | None = None
    clause_end: int | None = None


@dataclass(frozen=True, slots=True)
class DocumentBundle:
    """One document and everything read or derived from it, written to a store as one unit.

    ``authors`` are in byline order; ``codings`` replace the document's earlier *auto* codings
    (manual codings are never touched by a bundle write). ``affiliations`` pair an author id
    with an institution (AFFILIATED), only where the source says who belongs where.
    """

    document: Document
    segments: tuple[Segment, ...] = ()
    codings: tuple[Coding, ...] = ()
    authors: tuple[Author, ...] = ()
    supervisors: tuple[Author, ...] = ()
    references: tuple[Reference, ...] = ()
    # Policy texts in the reference list, with their list numbers (CITES_POLICY).
    policies: tuple[tuple[int, PolicyDocument], ...] = ()
    sites: tuple[Site, ...] = ()
    keywords: tuple[Keyword, ...] = ()
    participants: tuple[Participant, ...] = ()
    gaps: tuple[Gap, ...] = ()
    gap_codes: tuple[tuple[str, str], ...] = ()  # (gap id, code id): CONCERNS
    attributions: tuple[Attribution, ...] = ()
    affiliations: tuple[tuple[str, Institution], ...] = ()


# Read-side rows the store returns; plain data as well.


@dataclass(frozen=True, slots=True)
class CodeCount:
    code_id: str
    category: str
    label_en: str
    label_zh: str
    documents: int
    codings: int


@dataclass(frozen=True, slots=True)
class DocumentHit:
    document_id: str
    title: str
    year: int | None
    codings: int
    polarities: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Evidence:
    coding_id: str
    document_id: str
    title: str
    segment_id: str | None
    start: int
    end: int
    evidence: str
    polarity: str
    coder: str
    origin: str


@dataclass(frozen=True, slots=True)
class DocumentFacet:
    doc_type: str
    lang: str
    year: int | None
    documents: int


@dataclass(frozen=True, slots=True)
class Fingerprint:
    document_id: str
    file_hash: str
    text_hash: str
    tag_key: str
    match_keys: tuple[str, ...] = ()
