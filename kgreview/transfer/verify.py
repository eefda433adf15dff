"""Compare two stores: counts per label and relationship type, and a content hash per document.

A document's hash covers its own properties (text included), every node that names it by
``document_id`` (segments, codings of every coder, participants, gaps) and every stored edge
touching it (authors, references, sites, keywords ...), each part hashed separately so a
difference can be named. Parts are sums of row hashes: the order rows arrive in (which
differs between backends) does not matter.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from typing import Any

from kgreview.store.base import GraphStore
from kgreview.store.schema import SCHEMA, Label
from kgreview.transfer.source import Step, StoreSource

_MOD = 1 << 128


@dataclass(frozen=True, slots=True)
class Difference:
    kind: str  # "nodes" | "relationships" | "document"
    what: str  # a label, a type, or a document id
    a: Any
    b: Any

    def line(self) -> str:
        if self.kind == "document":
            return f"document {self.what}: {self.a}"
        return f"{self.kind} {self.what}: {self.a} in A, {self.b} in B"


@dataclass(slots=True)
class Comparison:
    a: str
    b: str
    documents: int = 0
    counts: dict[str, dict[str, list[int]]] = field(default_factory=dict)
    differences: list[Difference] = field(default_factory=list)

    @property
    def identical(self) -> bool:
        return not self.differences

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["identical"] = self.identical
        return data


def _row_hash(row: dict[str, Any]) -> int:
    text = json.dumps(row, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return int.from_bytes(hashlib.sha256(text.encode("utf-8")).digest()[:16], "big")


def document_digests(
    store: GraphStore, batch: int = 5000, skip: frozenset[str] = frozenset()
) -> dict[str, dict[str, int]]:
    """document id -> part (a label such as Document or Coding, or an edge type) -> hash.

    ``skip`` names properties left out (``ingested_at``: when, not what, was written).
    """
    source = StoreSource(store)
    digests: dict[str, dict[str, int]] = defaultdict(dict)

    def add(doc_id: str, part: str, row: dict[str, Any]) -> None:
        if skip:
            row = {k: v for k, v in row.items() if k not in skip}
        parts = digests[doc_id]
        parts[part] = (parts.get(part, 0) + _row_hash(row)) % _MOD

    for label, spec in SCHEMA.nodes.items():
        if spec.bookkeeping or not (label == Label.Document or "document_id" in spec.properties):
            continue
        for page, _ in source.pages(Step("nodes", label), None, batch):
            for row in page:
                add(row["id"] if label == Label.Document else row["document_id"], label, row)
    for rel in SCHEMA.stored_relationships():
        if Label.Document not in (rel.source, rel.target):
            continue
        end = "src" if rel.source == Label.Document else "dst"
        for page, _ in source.pages(Step("relationships", rel.type), None, batch):
            for row in page:
                add(row[end], rel.type, row)
    return digests


def _counts(store: GraphStore) -> dict[str, dict[str, int]]:
    return {
        "nodes": {label: store.count_nodes(label) for label in SCHEMA.content_labels()},
        "relationships": {rel: store.count_relationships(rel) for rel in SCHEMA.relationships},
    }


def compare(a: GraphStore, b: GraphStore, batch: int = 5000) -> Comparison:
    result = Comparison(a.describe(), b.describe())
    counts_a, counts_b = _counts(a), _counts(b)
    for kind in ("nodes", "relationships"):
        result.counts[kind] = {}
        for name, n in counts_a[kind].items():
            result.counts[kind][name] = [n, counts_b[kind][name]]
            if n != counts_b[kind][name]:
                result.differences.append(Difference(kind, name, n, counts_b[kind][name]))
    docs_a, docs_b = document_digests(a, batch), document_digests(b, batch)
    result.documents = len(docs_a)
    for doc_id in sorted(docs_a.keys() | docs_b.keys()):
        parts_a, parts_b = docs_a.get(doc_id), docs_b.get(doc_id)
        if parts_a is None or parts_b is None:
            where = "only in A" if parts_b is None else "only in B"
            result.differences.append(Difference("document", doc_id, where, None))
            continue
        differ = sorted(
            p for p in parts_a.keys() | parts_b.keys() if parts_a.get(p) != parts_b.get(p)
        )
        if differ:
            result.differences.append(
                Difference("document", doc_id, f"{', '.join(differ)} differ", None)
            )
    return result
