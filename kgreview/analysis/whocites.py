"""Who cites a code (a theory, a method …): authors of documents that use it, scholars whose
attributed claims carry it, and authors of works cited where it is discussed — each with the
sentences behind the answer.

A ``gap``, ``negated`` or ``mentions`` coding never makes a document's author a user: only
``uses`` does. Attributed and cited sentences count unless they state a gap or a negation.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TypeVar

from kgreview import ids
from kgreview.model import Code, Document, SegmentKind
from kgreview.nlp.codebook import Codebook
from kgreview.nlp.segment import segment_text
from kgreview.store import GraphStore

NOT_A_CLAIM = frozenset({"gap", "negated"})
T = TypeVar("T")


@dataclass(slots=True)
class CitingAuthor:
    author: str
    via: str  # authored | attributed | cited
    documents: dict[str, str] = field(default_factory=dict)  # id → title
    evidence: list[dict] = field(default_factory=list)
    supervisors: set[str] = field(default_factory=set)  # of the theses behind the row
    institutions: set[str] = field(default_factory=set)  # 学位授予单位 and affiliations

    def as_json(self) -> dict:
        return {"author": self.author, "via": self.via,
                "documents": [{"id": d, "title": t} for d, t in self.documents.items()],
                "evidence": self.evidence, "supervisors": sorted(self.supervisors),
                "institutions": sorted(self.institutions)}  # fmt: skip


def group_rows(rows: list[CitingAuthor], by: str) -> list[dict]:
    """Rows grouped by ``supervisor`` or ``institution``: who trains students in which
    theory. Rows without one go to the group "(unknown)"."""
    groups: dict[str, dict] = {}
    for row in rows:
        keys = (row.supervisors if by == "supervisor" else row.institutions) or {"(unknown)"}
        for key in sorted(keys):
            g = groups.setdefault(key, {"group": key, "by": by, "authors": [],
                                        "documents": {}, "evidence": []})  # fmt: skip
            if row.author not in g["authors"]:
                g["authors"].append(row.author)
            g["documents"].update(row.documents)
            g["evidence"] += row.evidence[:3]
    ordered = sorted(
        groups.values(), key=lambda g: (g["group"] == "(unknown)", -len(g["documents"]), g["group"])
    )
    for g in ordered:
        g["documents"] = [{"id": d, "title": t} for d, t in g["documents"].items()]
    return ordered


def resolve_code(query: str, codebook: Codebook | None, stored: list[Code]) -> Code | None:
    """A code by id, English or Chinese label, or synonym (case, width and script folded)."""
    key = ids.normalise_key(query)
    for code in stored:
        if key in {ids.normalise_key(code.id), ids.normalise_key(code.label_en),
                   ids.normalise_key(code.label_zh)}:  # fmt: skip
            return code
    by_id = {c.id: c for c in stored}
    entries = codebook.codes if codebook else ()
    # Then a synonym; then a word that names the code only beside a theory head
    # ("empowerment", 社会资本: its theory, the code a reader asking "who cites" means).
    for forms_of in (
        lambda e: [f for f, _ in e.surface_forms()] + [e.id],
        lambda e: [*e.ambiguous_en, *e.ambiguous_zh],
    ):
        for entry in entries:
            if key in {ids.normalise_key(f) for f in forms_of(entry)}:
                return by_id.get(entry.id) or Code(entry.id, entry.category, entry.label_en,
                                                    entry.label_zh)  # fmt: skip
    return None


def who_cites(store: GraphStore, code_id: str) -> list[CitingAuthor]:
    """Every author tied to ``code_id``, authored first, then attributed, then cited."""
    sentence_of = _SentenceFinder(store)
    rows: dict[tuple[str, str], CitingAuthor] = {}

    def row(author: str, via: str) -> CitingAuthor:
        return rows.setdefault((author, via), CitingAuthor(author, via))

    used = [ev for ev in store.evidence_for_code(code_id) if ev.polarity == "uses"]
    for batch in _batches(used, lambda ev: ev.document_id):
        # Authors, supervisors and texts of a batch of documents in one read (on Neo4j, one
        # round trip per batch instead of two per document).
        details = {d.document.id: d for d in store.document_details(_documents(batch))}
        sentence_of.preload(d.document for d in details.values())
        for ev in batch:
            if (found := details.get(ev.document_id)) is None or not found.authors:
                continue
            sentence = sentence_of(ev.document_id, ev.start, ev.end, ev.polarity)
            places = sentence_of.institutions(ev.document_id)
            for name in found.authors:
                r = row(name, "authored")
                r.documents[ev.document_id] = ev.title
                r.evidence.append(dict(sentence))
                r.supervisors.update(found.supervisors)
                r.institutions.update(places)
    said_rows = [s for s in store.attributed_codings(code_id) if s.polarity not in NOT_A_CLAIM]
    for batch in _batches(said_rows, lambda said: said.document_id):
        sentence_of.preload(store.get_documents(_documents(batch)))
        for said in batch:
            r = row(said.author, "attributed" if said.via == "named" else "cited")
            r.documents[said.document_id] = said.title
            r.evidence.append(sentence_of(said.document_id, said.start, said.end, said.polarity))
    order = {"authored": 0, "attributed": 1, "cited": 2}
    return sorted(rows.values(), key=lambda r: (order[r.via], -len(r.documents), r.author))


BATCH = 100  # documents read at once


def _batches(items: list[T], document: Callable[[T], str]) -> Iterator[list[T]]:
    """Consecutive runs of ``items`` touching at most BATCH documents each."""
    batch: list[T] = []
    seen: set[str] = set()
    for item in items:
        if document(item) not in seen and len(seen) == BATCH:
            yield batch
            batch, seen = [], set()
        batch.append(item)
        seen.add(document(item))
    if batch:
        yield batch


def _documents(batch: list) -> list[str]:
    return list(dict.fromkeys(item.document_id for item in batch))


class _SentenceFinder:
    """The sentence around a span, from the stored text (documents read once each)."""

    def __init__(self, store: GraphStore) -> None:
        self.store = store
        self.sentences = lru_cache(maxsize=256)(self._sentences)
        self.meta = lru_cache(maxsize=1024)(self._meta)
        # Text and metadata come from one read of the document (a round trip on Neo4j), or
        # from the batch a caller read at once (preload).
        self._fetch = lru_cache(maxsize=16)(store.get_document)
        self.known: dict[str, Document] = {}

    def preload(self, documents: Iterable[Document]) -> None:
        """Documents the next calls will need, read in one batch (it replaces the last)."""
        self.known = {d.id: d for d in documents}

    def document(self, document_id: str) -> Document | None:
        found = self.known.get(document_id)
        return found if found is not None else self._fetch(document_id)

    def _sentences(self, document_id: str) -> tuple[str, list[tuple[int, int]]]:
        document = self.document(document_id)
        text = document.text if document else ""
        spans = [(s.start, s.end) for s in segment_text(document_id, text)
                 if s.kind == SegmentKind.SENTENCE]  # fmt: skip
        return text, spans

    def institutions(self, document_id: str) -> set[str]:
        meta = self.meta(document_id)
        found = {str(meta["institution"])} if meta.get("institution") else set()
        return found | {place for _, place in meta.get("affiliated") or ()}

    def _meta(self, document_id: str) -> dict:
        document = self.document(document_id)
        return document.meta if document else {}

    def __call__(self, document_id: str, start: int, end: int, polarity: str) -> dict:
        text, spans = self.sentences(document_id)
        lo, hi = next(((a, b) for a, b in spans if a <= start and end <= b), (start, end))
        return {"document": document_id, "sentence": text[lo:hi], "start": lo, "end": hi,
                "term": text[start:end], "polarity": polarity}  # fmt: skip


def sentence_finder(store: GraphStore) -> _SentenceFinder:
    """``finder(document, start, end, polarity)`` → the sentence around a span, as a dict."""
    return _SentenceFinder(store)
