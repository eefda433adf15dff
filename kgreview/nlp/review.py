"""What a review adds to its codings: gap statements (Gap nodes that CONCERN codes) and
attributions of sentences to scholars — derived from the tagger's codings and the text."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from kgreview import ids
from kgreview.model import (
    Attribution,
    Coding,
    Document,
    Gap,
    Polarity,
    PolicyDocument,
    Reference,
    Segment,
    SegmentKind,
)
from kgreview.nlp.attributions import ReviewCues, attributions, load_review_cues
from kgreview.nlp.references import (
    ParsedReference,
    parse_reference,
    parse_reference_list,
    parse_wos_cr,
    reference_key,
)


@dataclass(frozen=True, slots=True)
class ReviewAnnotations:
    gaps: tuple[Gap, ...] = ()
    gap_codes: tuple[tuple[str, str], ...] = ()
    attributions: tuple[Attribution, ...] = ()
    references: tuple[Reference, ...] = ()  # the document's own reference list, in order
    references_start: int | None = None  # where that list starts in the text
    policies: tuple[tuple[int, PolicyDocument], ...] = ()  # policy texts in that list
    entries: tuple[Segment, ...] = ()  # each list entry as a REFERENCE segment


def to_reference(parsed: ParsedReference) -> Reference:
    """A graph Reference: one node per cited work across documents (folded first author,
    title and year), else per raw entry."""
    key = reference_key(parsed)
    return Reference(
        id=ids.reference_id(key or parsed.raw), raw=parsed.raw, title=parsed.title or "",
        authors=tuple(parsed.authors), year=parsed.year, source=parsed.source or "",
        type=parsed.type or "", doi=parsed.doi,
    )  # fmt: skip


def to_policy(parsed: ParsedReference) -> PolicyDocument:
    issuer = "; ".join(parsed.authors) or parsed.source or ""
    return PolicyDocument(
        id=f"policy:{ids.digest(ids.normalise_key(parsed.title or parsed.raw), parsed.year)}",
        title=parsed.title or parsed.raw, issuer=issuer, year=parsed.year,
    )  # fmt: skip


# A Web of Science CR item: "Smith J, 2019, SOC WORK, V64, P12".
_WOS_CR = re.compile(r"^[^,]{1,80}, (?:1[89]|20)\d\d, ")


# A Scopus "References" item: "Putnam R.D., Bowling alone, (2000) Simon & Schuster".
_SCOPUS = re.compile(r"^(?P<head>.+?),? \((?P<year>(?:1[89]|20)\d\d)\)(?P<tail>.*)$")
_INITIALS = re.compile(r"^(?:[A-Z]\.-?){1,4}$")
_SCOPUS_NAME = re.compile(r"^[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)*,? (?:[A-Z]\.-?){1,4}$")


def _scopus_reference(raw: str, n: int) -> ParsedReference | None:
    found = _SCOPUS.match(raw)
    if not found:
        return None
    parts = [p.strip() for p in found.group("head").split(", ")]
    authors: list[str] = []
    while parts:
        if _SCOPUS_NAME.match(parts[0]):
            authors.append(parts.pop(0))
        elif len(parts) > 1 and _INITIALS.match(parts[1]) and " " not in parts[0].strip():
            authors.append(f"{parts.pop(0)}, {parts.pop(0)}")  # older layout: "Kalé, L."
        else:
            break
    source = found.group("tail").strip(" ,.").split(",")[0].strip() or None
    if not (parts or authors):
        return None
    return ParsedReference(n=n, raw=raw, start=0, end=len(raw), authors=tuple(authors),
                           title=", ".join(parts) or None, year=int(found.group("year")),
                           source=source)  # fmt: skip


def references_from_record(raws: Sequence[str]) -> tuple[Reference, ...]:
    """Cited references a bibliographic record carries (WoS ``CR``, Scopus "References"),
    parsed into the same model as a text's own list; each cited work once."""
    found: dict[str, Reference] = {}
    for n, raw in enumerate(raws, start=1):
        if _WOS_CR.match(raw):
            parsed = parse_wos_cr(raw, n)
        else:
            parsed = _scopus_reference(raw, n) or parse_reference(raw, n)
        ref = to_reference(parsed)
        found.setdefault(ref.id, ref)
    return tuple(found.values())


@dataclass(frozen=True, slots=True)
class ReferenceList:
    by_number: dict[int, Reference]  # research entries only, for [n] citations
    ordered: tuple[Reference, ...]  # each cited work once, in list order
    policies: tuple[tuple[int, PolicyDocument], ...]
    start: int | None
    parsed: tuple[ParsedReference, ...] = ()


def reference_list(text: str, cues: ReviewCues) -> ReferenceList:
    """The document's parsed reference list; policy texts (a government work report) are
    kept apart: cited, but nobody's research and their issuer no scholar."""
    parsed = parse_reference_list(text)
    if not parsed:
        return ReferenceList({}, (), (), None)
    by_number: dict[int, Reference] = {}
    policies: list[tuple[int, PolicyDocument]] = []
    for p in parsed:
        if cues.policy_title.search(p.title or p.raw):
            policies.append((p.n, to_policy(p)))
        else:
            by_number[p.n] = to_reference(p)
    ordered = tuple({r.id: r for r in by_number.values()}.values())
    start = min(p.start for p in parsed)
    return ReferenceList(by_number, ordered, tuple(policies), start, tuple(parsed))


def entry_segments(document: Document, parsed: Sequence[ParsedReference]) -> tuple[Segment, ...]:
    """Each reference-list entry as a segment, so evidence can point at it."""
    return tuple(
        Segment(
            id=ids.segment_id(document.id, SegmentKind.REFERENCE, p.start, p.end),
            document_id=document.id,
            kind=SegmentKind.REFERENCE.value,
            start=p.start,
            end=p.end,
            n=p.n,
            lang=document.lang,
        )
        for p in parsed
    )


def gap_kind(statement: str, categories: Sequence[str], cues: ReviewCues) -> str:
    """perspective, population_context, method, mechanism, level, long_term_effect,
    localisation or intervention: a strong cue in the sentence (long-term, localisation,
    level) first, then the codes' category, then weaker cues (mechanism, method words)."""
    for kind, pattern in cues.gap_kind_cues:
        if pattern.search(statement):
            return kind
    for category in categories:
        if category in cues.gap_kind_by_category:
            return cues.gap_kind_by_category[category]
    for kind, pattern in cues.gap_kind_weak_cues:
        if pattern.search(statement):
            return kind
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
    refs = reference_list(document.text, cues)
    gaps, concerns = gap_statements(document, segments, codings, category_of, cues)
    said = attributions(document.text, segments, refs.by_number, cues, stop=refs.start)
    entries = entry_segments(document, refs.parsed)
    return ReviewAnnotations(
        gaps, concerns, tuple(said), refs.ordered, refs.start, refs.policies, entries
    )
