"""Cited works that are also in the corpus: SAME_AS from a Reference to its Document."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from kgreview.model import DocumentSummary
from kgreview.nlp.references import fold_text
from kgreview.store import GraphStore

# Folded characters a title needs to identify a work ("Introduction" identifies nothing).
MIN_TITLE = {"zh": 6, "en": 20}


def same_as_pairs(
    references: Iterable[tuple[str, str, int | None, tuple[str, ...]]],
    documents: Sequence[DocumentSummary],
    authors: dict[str, list[str]],
) -> list[tuple[str, str]]:
    """(reference, document) pairs whose folded titles match, the years agree when both are
    known, and the first authors' surnames agree when both are known."""
    by_title: dict[str, list[DocumentSummary]] = defaultdict(list)
    for d in documents:
        key = fold_text(d.title)
        if len(key) >= MIN_TITLE["en" if key.isascii() else "zh"]:
            by_title[key].append(d)
    pairs = []
    for ref_id, title, year, ref_authors in references:
        for d in by_title.get(fold_text(title), ()):
            if year and d.year and year != d.year:
                continue
            if (
                ref_authors
                and authors.get(d.id)
                and not _same_person(ref_authors[0], authors[d.id][0])
            ):
                continue
            pairs.append((ref_id, d.id))
    return pairs


def _same_person(a: str, b: str) -> bool:
    """Same first author across renderings: 王思斌 = 王思斌; 'Liu Wei' ~ 'LIU W' ~ 'Liu, W.'"""
    fa, fb = fold_text(a), fold_text(b)
    if not (fa.isascii() and fb.isascii()):
        return fa == fb
    return a.replace(",", " ").split()[0].casefold() == b.replace(",", " ").split()[0].casefold()


def link_cited_documents(store: GraphStore) -> int:
    """Write SAME_AS for every cited work found in the corpus; returns the number of links."""
    authors: dict[str, list[str]] = defaultdict(list)
    for document, name, _ in store.authorship():
        authors[document].append(name)
    pairs = same_as_pairs(store.reference_summaries(), store.document_summaries(), authors)
    if pairs:
        store.link_same_as(pairs)
    return len(pairs)
