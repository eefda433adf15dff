"""What a full-text search over segments asks and answers (kept beside ``model.py``, which
is at its size limit): the query with its filters, and one hit with its codes."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class SearchQuery:
    """A literal text to find (never query syntax) and the filters every hit must pass.

    The code filters apply to one coding together: ``codes`` + ``polarity`` means a sentence
    where one of those codes is coded with that polarity.
    """

    text: str
    codes: tuple[str, ...] | None = None
    category: str | None = None
    polarity: str | None = None
    year_from: int | None = None
    year_to: int | None = None
    doc_types: tuple[str, ...] | None = None
    speaker: str | None = None
    limit: int = 50
    offset: int = 0

    @property
    def coded(self) -> bool:
        """True when a hit needs a coding passing the code filters."""
        return bool(self.codes) or self.category is not None or self.polarity is not None


@dataclass(frozen=True, slots=True)
class SearchCoding:
    """A coding inside a hit's sentence (document offsets, as every coding)."""

    code_id: str
    label_en: str
    label_zh: str
    category: str
    polarity: str
    start: int
    end: int
    coder: str
    origin: str


@dataclass(frozen=True, slots=True)
class SearchHit:
    """A sentence containing the query, with its document, speaker and codes.

    ``text`` is the sentence as stored (``document.text[start:end]``); ``matches`` are the
    query's occurrences as offsets into ``text``. ``speaker`` is the participant's name for a
    transcript turn (else the turn's label, else ""); ``role`` is their declared role, or
    ``interviewer``.
    """

    segment_id: str
    document_id: str
    title: str
    year: int | None
    doc_type: str
    start: int
    end: int
    text: str
    speaker: str
    role: str
    matches: tuple[tuple[int, int], ...]
    codings: tuple[SearchCoding, ...]
