"""The corpus as a Web of Science plain-text export (``FN``/``VR`` header, ``PT`` … ``ER``
records, ``EF``), so CiteSpace, VOSviewer and bibliometrix users keep their workflow.

Cited references (``CR``) come from the store's Reference nodes: one already in WoS form
(``Smith J, 2019, SOC WORK, V64, P12``) is written as read; any other (a GB/T 7714 entry)
is written in that form — first author, year, source or title, DOI — which is what
CiteSpace's co-citation analysis parses. ``ID`` (Keywords Plus) carries the document's
codebook codes, so a keyword map in CiteSpace counts normalised concepts.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from kgreview.store import GraphStore
from kgreview.store.schema import Label

HEADER = "FN Clarivate Analytics Web of Science\nVR 1.0\n"
PT = {"article": "J", "book": "B", "book_chapter": "B", "conference": "C"}
LANGUAGE = {"zh": "Chinese", "en": "English"}
_WOS_CR = re.compile(r"^[^,]{1,80}, (?:1[89]|20)\d\d, ")
PAGE = 1000


@dataclass(slots=True)
class WosSummary:
    documents: int = 0
    references: int = 0


def _one_line(value: Any) -> str:
    return " ".join(str(value or "").split())


def cited_reference(row: dict[str, Any]) -> str:
    """A Reference node's row as a WoS ``CR`` item."""
    raw = _one_line(row.get("raw"))
    if _WOS_CR.match(raw):
        return raw
    authors = row.get("authors") or []
    if isinstance(authors, str):  # json properties arrive as JSON text
        authors = json.loads(authors or "[]")
    parts = [_one_line(authors[0]) if authors else "[Anonymous]"]
    if row.get("year"):
        parts.append(str(row["year"]))
    where = _one_line(row.get("source")) or _one_line(row.get("title"))
    if where:
        parts.append(where.replace(",", " "))  # a comma would split the item for CiteSpace
    if row.get("doi"):
        parts.append(f"DOI {row['doi']}")
    return ", ".join(parts) if len(parts) > 1 else raw


def _references(graph: GraphStore) -> dict[str, str]:
    """reference id → its CR item, for every Reference node."""
    found, after = {}, None
    while rows := graph.export_nodes(Label.Reference, after, PAGE):
        found.update({r["id"]: cited_reference(r) for r in rows})
        after = rows[-1]["id"]
    return found


def _field(tag: str, values: Iterable[str]) -> list[str]:
    items = [v for v in (_one_line(x) for x in values) if v]
    if not items:
        return []
    return [f"{tag} {items[0]}", *(f"   {v}" for v in items[1:])]


def _abstract(text: str, title: str) -> str:
    body = text[len(title) :] if text.startswith(title) else text
    return _one_line(body)


def record_lines(
    graph: GraphStore, document_id: str, references: dict[str, str], code_labels: dict[str, str]
) -> list[str]:
    """One document as the lines of a WoS record (``PT`` … ``ER``)."""
    doc = graph.get_document(document_id)
    if doc is None:
        return []
    meta = doc.meta or {}
    authors = graph.authors_of(document_id)
    pairs: dict[str, list[str]] = {}
    for author, institution in graph.affiliations_of(document_id):
        pairs.setdefault(institution, []).append(author)
    c1 = [f"[{'; '.join(who)}] {place}" for place, who in pairs.items()]
    c1 += [a for a in meta.get("affiliations") or () if a not in pairs]
    codes = sorted(
        {
            code_labels[c.code_id]
            for c in graph.codings_for_document(document_id)
            if c.code_id in code_labels and c.polarity != "negated"
        }
    )
    cited = [references[r] for _, r, _ in graph.references_of(document_id) if r in references]
    pages = str(meta.get("pages") or "")
    first, _, last = pages.partition("-")
    lines = [f"PT {PT.get(doc.doc_type, 'J')}"]
    lines += _field("AU", authors) + _field("AF", authors)
    lines += _field("TI", [doc.title]) + _field("SO", [meta.get("venue") or ""])
    lines += _field("LA", [LANGUAGE.get(doc.lang, "")]) + _field("DT", [doc.doc_type])
    lines += _field("DE", ["; ".join(graph.keywords_of(document_id))])
    lines += _field("ID", ["; ".join(codes)])
    lines += _field("AB", [_abstract(doc.text, doc.title)]) + _field("C1", c1)
    lines += [*_field("CR", cited), f"NR {len(cited)}"]
    lines += _field("PY", [str(doc.year or "")]) + _field("VL", [meta.get("volume") or ""])
    lines += _field("IS", [meta.get("issue") or ""]) + _field("BP", [first]) + _field("EP", [last])
    lines += _field("DI", [doc.doi or ""])
    lines += _field("UT", [meta.get("wos_id") or f"KGREVIEW:{doc.id}"])
    return [*lines, "ER", ""]


def write_wos(
    graph: GraphStore,
    out: IO[str],
    document_ids: Iterable[str] | None = None,
    lang: str = "en",
    doc_types: set[str] | None = None,
) -> WosSummary:
    """Write the documents (default: all) as WoS plain text; codes in ``ID`` in ``lang``."""
    summary = WosSummary()
    references = _references(graph)
    code_labels = {
        c.id: (c.label_zh if lang == "zh" else c.label_en) or c.id for c in graph.list_codes()
    }
    wanted = document_ids if document_ids is not None else _all(graph, doc_types)
    out.write("\ufeff" + HEADER)  # WoS files start with a BOM; CiteSpace expects it
    for document_id in wanted:
        lines = record_lines(graph, document_id, references, code_labels)
        if not lines:
            continue
        out.write("\n".join(lines) + "\n")
        summary.documents += 1
        summary.references += int(next(x for x in lines if x.startswith("NR "))[3:])
    out.write("EF\n")
    return summary


def _all(graph: GraphStore, doc_types: set[str] | None) -> Iterator[str]:
    # Interviews are nobody's publication: a bibliometric corpus leaves them out.
    for d in graph.document_summaries():
        if (d.doc_type in doc_types) if doc_types else d.doc_type != "transcript":
            yield d.id


def export_wos(
    graph: GraphStore,
    path: Path,
    document_ids: Iterable[str] | None = None,
    lang: str = "en",
    doc_types: set[str] | None = None,
) -> WosSummary:
    """:func:`write_wos` into a UTF-8 file (every document but interviews by default)."""
    with path.open("w", encoding="utf-8", newline="\n") as out:
        return write_wos(graph, out, document_ids, lang, doc_types)
