"""What a review adds to its codings: gap statements (Gap nodes that CONCERN codes) and
attributions of sentences to scholars — derived from the tagger's codings and the text."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from kgreview import ids
from kgreview.model import Attribution, Coding, Document, Gap, Polarity, Reference, Segment
from kgreview.nlp.attributions import ReviewCues, attributions, load_review_cues


@dataclass(frozen=True, slots=True)
class ReviewAnnotations:
    gaps: tuple[Gap, ...] = ()
    gap_codes: tuple[tuple[str, str], ...] = ()
    attributions: tuple[Attribution, ...] = ()


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
    references: Mapping[int, Reference] | None = None,
    references_start: int | None = None,
) -> ReviewAnnotations:
    """Gaps and attributions of one document (any type: theses cite and state gaps too)."""
    cues = load_review_cues()
    gaps, concerns = gap_statements(document, segments, codings, category_of, cues)
    said = attributions(document.text, segments, references, cues, stop=references_start)
    return ReviewAnnotations(gaps, concerns, tuple(said))
