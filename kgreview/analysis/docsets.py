"""Document sets the thesis views work on: everything, the documents of one code (used,
mentioned or recommended — not negated), of a document type, or a hand-picked list."""

from __future__ import annotations

from collections.abc import Sequence

from kgreview.analysis.whocites import resolve_code
from kgreview.model import Code
from kgreview.nlp.codebook import Codebook
from kgreview.store import GraphStore

FILLING = {"uses", "mentions", "recommends"}


def find_code(graph: GraphStore, query: str, codebook: Codebook | None) -> Code:
    """The stored code a user named (id, label or synonym); ValueError naming it if none."""
    found = resolve_code(query, codebook, graph.list_codes())
    if found is None:
        raise ValueError(f"no code matches {query!r}")
    return found


def document_set(
    graph: GraphStore,
    code_id: str | None = None,
    doc_types: Sequence[str] = (),
    picked: Sequence[str] = (),
) -> list[str]:
    """Document ids of the set, in the store's order; every filter given must hold."""
    ids = [d.id for d in graph.document_summaries() if not doc_types or d.doc_type in doc_types]
    if code_id:
        coded = {
            h.document_id for h in graph.documents_for_code(code_id) if set(h.polarities) & FILLING
        }
        ids = [d for d in ids if d in coded]
    if picked:
        chosen = set(picked)
        ids = [d for d in ids if d in chosen]
    return ids
