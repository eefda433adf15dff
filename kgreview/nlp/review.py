"""What a review adds to its codings: gap statements (Gap nodes that CONCERN codes) and
attributions of sentences to scholars — derived from the tagger's codings and the text."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from kgreview import ids
from kgreview.model import Attribution, Coding, Document, Gap, Polarity, Reference, Segment
from kgreview.nlp.attributions import ReviewCues, attributions, load_review_cues
from kgreview.nlp.references import ParsedReference, parse_reference_list, reference_key


@dataclass(frozen=True, slots=True)
class ReviewAnnotations:
    gaps: tuple[Gap, ...] = ()
    gap_codes: tuple[tuple[str, str], ...] = ()
    attributions: tuple[Attribution, ...] = ()
    references: tuple[Reference, ...] = ()  # the document's own reference list, in order
    references_start: int | None = None  # where that list starts in the text


def to_reference(parsed: ParsedReference) -> Reference:
    """A graph Reference: one node per cited work across documents (folded first author,
    title and year), else per raw entry."""
    key = reference_key(parsed)
    return Reference(
        id=ids.reference_id(key or parsed.raw), raw=parsed.raw, title=parsed.title or "",
        authors=tuple(parsed.authors), year=parsed.year, source=parsed.source or "",
        type=parsed.type or "", doi=parsed.doi,
    )  # fmt: skip


def reference_list(text: str) -> tuple[dict[int, Reference], tuple[Reference, ...], int | None]:
    """The document's parsed reference list: by number, in order (duplicates once), start."""
    parsed = parse_reference_list(text)
    if not parsed:
        return {}, (), None
    by_number = {p.n: to_reference(p) for p in parsed}
    ordered = tuple({r.id: r for r in by_number.values()}.values())
    return by_number, ordered, min(p.start for p in parsed)


def gap_kind(statement: str, categories: Sequence[str], cues: ReviewCues) -> str:
    """perspective, population_context, method, mechanism, level, long_term_effect,
    localisation or intervention: a cue in the sentence first, else the codes' category."""
    for kind, pattern in cues.gap_kind_cues:
        if pattern.search(statement):
            return kind
    for category in categories:
        if category in cues.gap_kind_by_category:
            return cues.gap_kind_by_category[category]
    return "other"


def gap_statements(
    document: Document,
    segments: Sequence[Segment],
    codings: Sequence[Coding],
    category_of: Mapping[str, str],
    cues: ReviewCues,
) -> tuple[tuple[Gap, ...], tuple[tuple[str, str], ...]]:
    """One Gap per sentence holding ``gap`` codings, concerning those codings' codes."""
    by_segment: dict[str, list[Coding]] = {}
    for c in sorted(codings, key=lambda c: c.start):
        if c.polarity == Polarity.GAP and c.segment_id:
            by_segment.setdefault(c.segment_id, []).append(c)
    gaps, concerns = [], []
    for s in segments:
        found = by_segment.get(s.id)
        if not found:
            continue
        statement = document.text[s.start : s.end]
        gap = Gap(
            id=f"gap:{ids.digest(document.id, s.start, s.end)}", document_id=document.id,
            segment_id=s.id, statement=statement, start=s.start, end=s.end,
            kind=gap_kind(statement, [category_of.get(c.code_id, "") for c in found], cues),
        )  # fmt: skip
        gaps.append(gap)
        concerns += [(gap.id, code) for code in dict.fromkeys(c.code_id for c in found)]
    return tuple(gaps), tuple(concerns)


def annotate_review(
    document: Document,
    segments: Sequence[Segment],
    codings: Sequence[Coding],
    category_of: Mapping[str, str],
) -> ReviewAnnotations:
    """Reference list, gaps and attributions of one document (any type: theses cite and state
    gaps too). Codings inside the reference list are the caller's to drop."""
    cues = load_review_cues()
    by_number, ordered, start = reference_list(document.text)
    gaps, concerns = gap_statements(document, segments, codings, category_of, cues)
    said = attributions(document.text, segments, by_number, cues, stop=start)
    return ReviewAnnotations(gaps, concerns, tuple(said), ordered, start)
