"""Turning dataclasses into flat property rows and back — shared by both backends.

A :class:`WriteBatch` is what one transaction writes: node rows per label, relationship rows
per type, and, per document, the ids that survive so stale ones can be removed.
"""

from __future__ import annotations

import dataclasses
import json
import operator
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any, TypeVar

from kgreview import ids, model
from kgreview.model import DocumentBundle, Origin
from kgreview.store.schema import SCHEMA, Label, Rel, RelSpec

T = TypeVar("T")

# Relationships a bundle owns: rewritten whenever the document is written again.
BUNDLE_RELATIONSHIPS = (
    Rel.AUTHORED, Rel.SUPERVISED, Rel.CITES, Rel.CITES_POLICY, Rel.STUDIES, Rel.HAS_KEYWORD,
)  # fmt: skip
# Relationships from nodes a document owns (its segments, its gaps): rewritten with it too.
OWNED_SOURCE_RELATIONSHIPS = (Rel.ATTRIBUTES, Rel.CONCERNS)


@cache
def _label_of_type(cls: type) -> str:
    return Label[cls.__name__].value


def label_of(obj: object) -> str:
    return _label_of_type(type(obj))


@cache
def _plan(cls: type) -> tuple[tuple[str, ...], Callable[[object], tuple], tuple[str, ...]]:
    """(property names, a getter of all of them at once, the json ones): a row is built
    for every node of every batch, so the per-property lookups are done once per class."""
    properties = SCHEMA.nodes[_label_of_type(cls)].properties
    names = tuple(properties)
    getter = operator.attrgetter(*names)
    fetch = getter if len(names) > 1 else (lambda obj: (getter(obj),))
    return names, fetch, tuple(n for n, kind in properties.items() if kind == "json")


def to_row(obj: object) -> dict[str, Any]:
    """A node's declared properties as plain values (json properties as JSON text)."""
    names, fetch, json_names = _plan(type(obj))
    row = dict(zip(names, fetch(obj), strict=True))
    for name in json_names:
        value = row[name]
        row[name] = None if value in (None, {}, ()) else _dumps(value)
    return row


# One encoder for every row: json.dumps with options builds a new one per call.
_ENCODER = json.JSONEncoder(ensure_ascii=False, sort_keys=True)


def _dumps(value: Any) -> str:
    if isinstance(value, tuple):
        value = list(value)
    return _ENCODER.encode(value)


def from_row(cls: type[T], row: dict[str, Any]) -> T:
    """Rebuild a dataclass from a row read back from a store."""
    spec = SCHEMA.nodes[cls.__name__]
    values: dict[str, Any] = {}
    for f in dataclasses.fields(cls):  # type: ignore[arg-type]
        value = row.get(f.name)
        if spec.properties.get(f.name) == "json":
            value = json.loads(value) if value else None
            if value is None:
                value = f.default_factory() if f.default_factory is not dataclasses.MISSING else ()
            elif isinstance(f.default, tuple):
                value = tuple(value)
        elif value is None and f.default is not dataclasses.MISSING:
            value = f.default
        values[f.name] = value
    return cls(**values)


@dataclass(slots=True)
class DocumentKeep:
    """Ids a document keeps after a write; anything else it owned is stale."""

    id: str
    auto_coding_ids: list[str]
    owned_ids: dict[str, list[str]] = field(default_factory=dict)


@dataclass(slots=True)
class WriteBatch:
    nodes: dict[str, list[dict[str, Any]]]
    relationships: dict[str, list[dict[str, Any]]]
    documents: list[DocumentKeep]


def _unique(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    # Later rows win, as MERGE ... SET would; one row per id keeps UNWIND batches small.
    return list({row["id"]: row for row in rows}.values())


def add_review_rows(
    nodes: dict[str, list[dict[str, Any]]],
    rels: dict[str, list[dict[str, Any]]],
    gaps: Sequence[model.Gap],
    gap_codes: Sequence[tuple[str, str]],
    attributions: Sequence[model.Attribution],
) -> None:
    """Rows for a document's gap statements (CONCERNS) and attributions (ATTRIBUTES)."""
    nodes[Label.Gap].extend(to_row(gap) for gap in gaps)
    for said in attributions:
        nodes[Label.Author].append(to_row(said.author))
        row = {"src": said.segment_id, "dst": said.author.id, "via": said.via,
               "clause_start": said.clause_start, "clause_end": said.clause_end}  # fmt: skip
        rels[Rel.ATTRIBUTES].append(row)
    for gap_id, code_id in gap_codes:
        rels[Rel.CONCERNS].append({"src": gap_id, "dst": code_id})


def review_batch(
    gaps: Sequence[model.Gap],
    gap_codes: Sequence[tuple[str, str]],
    attributions: Sequence[model.Attribution],
) -> WriteBatch:
    """The derived review part of one document, written when its codings are replaced."""
    nodes: dict[str, list[dict[str, Any]]] = defaultdict(list)
    rels: dict[str, list[dict[str, Any]]] = defaultdict(list)
    add_review_rows(nodes, rels, gaps, gap_codes, attributions)
    ordered = {label: _unique(nodes[label]) for label in SCHEMA.nodes if nodes.get(label)}
    return WriteBatch(ordered, {k: v for k, v in rels.items() if v}, [])


@dataclass(frozen=True, slots=True)
class PreparedBundle(DocumentBundle):
    """A bundle whose rows were built already (in a tagging worker, off the writer's path):
    ``rows`` replace everything but ``document``, which a writer keeps for messages."""

    rows: WriteBatch | None = None


def prepare(bundle: DocumentBundle) -> PreparedBundle:
    """``bundle`` as its rows (what a writer needs), without the objects they came from."""
    return PreparedBundle(bundle.document, rows=_bundle_rows(bundle))


def _bundle_rows(bundle: DocumentBundle) -> WriteBatch:
    """One bundle's rows, not yet deduplicated against other bundles."""
    nodes: dict[str, list[dict[str, Any]]] = defaultdict(list)
    rels: dict[str, list[dict[str, Any]]] = defaultdict(list)
    doc = bundle.document
    nodes[Label.Document].append(to_row(doc))
    for part in (bundle.segments, bundle.participants, bundle.gaps, bundle.codings):
        for obj in part:
            nodes[label_of(obj)].append(to_row(obj))
    for rel, people in ((Rel.AUTHORED, bundle.authors), (Rel.SUPERVISED, bundle.supervisors)):
        for position, person in enumerate(people):
            nodes[Label.Author].append(to_row(person))
            rels[rel].append({"src": person.id, "dst": doc.id, "position": position})
    for n, ref in enumerate(bundle.references, start=1):
        nodes[Label.Reference].append(to_row(ref))
        rels[Rel.CITES].append({"src": doc.id, "dst": ref.id, "n": n})
        for position, name in enumerate(ref.authors):
            author = model.Author(ids.author_id(name), name)
            nodes[Label.Author].append(to_row(author))
            rels[Rel.WROTE].append({"src": author.id, "dst": ref.id, "position": position})
    for n, policy in bundle.policies:
        nodes[Label.PolicyDocument].append(to_row(policy))
        rels[Rel.CITES_POLICY].append({"src": doc.id, "dst": policy.id, "n": n})
    add_review_rows(nodes, rels, (), bundle.gap_codes, bundle.attributions)
    for author_id, institution in bundle.affiliations:
        # Not owned by the document: a person's affiliations outlive any one paper.
        nodes[Label.Institution].append(to_row(institution))
        rels[Rel.AFFILIATED].append({"src": author_id, "dst": institution.id})
    for rel, items in ((Rel.STUDIES, bundle.sites), (Rel.HAS_KEYWORD, bundle.keywords)):
        for item in items:
            nodes[label_of(item)].append(to_row(item))
            rels[rel].append({"src": doc.id, "dst": item.id})
    keep = DocumentKeep(
        id=doc.id,
        auto_coding_ids=[c.id for c in bundle.codings if c.origin == Origin.AUTO],
        owned_ids={
            Label.Segment: [s.id for s in bundle.segments],
            Label.Participant: [p.id for p in bundle.participants],
            Label.Gap: [g.id for g in bundle.gaps],
        },
    )
    return WriteBatch(dict(nodes), dict(rels), [keep])


def batch_from_bundles(bundles: Sequence[DocumentBundle]) -> WriteBatch:
    """The rows of one write: every bundle's (prepared ones as they come), one row per id."""
    nodes: dict[str, list[dict[str, Any]]] = defaultdict(list)
    rels: dict[str, list[dict[str, Any]]] = defaultdict(list)
    keeps: list[DocumentKeep] = []
    for bundle in bundles:
        rows = bundle.rows if isinstance(bundle, PreparedBundle) else None
        rows = rows or _bundle_rows(bundle)
        for label, found in rows.nodes.items():
            nodes[label].extend(found)
        for rel, found in rows.relationships.items():
            rels[rel].extend(found)
        keeps.extend(rows.documents)
    # Documents first, so links held by other nodes find their target.
    ordered = {label: _unique(nodes[label]) for label in SCHEMA.nodes if nodes.get(label)}
    return WriteBatch(ordered, {k: v for k, v in rels.items() if v}, keeps)


def rows_for(objects: Sequence[object]) -> dict[str, list[dict[str, Any]]]:
    grouped: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for obj in objects:
        grouped[label_of(obj)].append(to_row(obj))
    return {label: _unique(rows) for label, rows in grouped.items()}


def facet_order(facet: model.DocumentFacet) -> tuple:
    """One ordering for both backends (their NULL ordering differs)."""
    return (facet.doc_type, facet.lang, facet.year is None, facet.year or 0)


def full_row(properties: dict[str, str], row: dict[str, Any]) -> dict[str, Any]:
    """Exactly the declared properties, absent ones None, numbers as their declared type:
    one shape for a row whichever store or backup it came from."""
    out: dict[str, Any] = {}
    for name, kind in properties.items():
        out[name] = _as_kind(kind, row.get(name))
    return out


def _as_kind(kind: str, value: Any) -> Any:
    # SQLite's column affinity turns 1 into 1.0 in a REAL column and 2019.0 into 2019 in an
    # INTEGER one; Neo4j keeps what it was given. Exports agree on the declared type.
    if value is None or isinstance(value, bool):
        return bool(value) if kind == "bool" and value is not None else value
    if kind == "bool":
        return bool(value)
    if kind == "float" and isinstance(value, int):
        return float(value)
    if kind == "int" and isinstance(value, float) and value.is_integer():
        return int(value)
    if kind == "str" and isinstance(value, int | float):
        return str(value)
    return value


def rel_properties(spec: RelSpec) -> dict[str, str]:
    """The columns of an exported edge row: its two ends' keys, then its own properties."""
    return {"src": "str", "dst": "str", **spec.properties}
