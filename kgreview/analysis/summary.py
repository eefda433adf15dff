"""The literature summary table (文献综述表): one row per document — author, year, institution
or journal, theory, method, community, intervention, key findings — every cell filled from the
document's codings and carrying the sentences behind it."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from kgreview.model import Code, Coding, Document, SegmentKind
from kgreview.nlp.segment import segment_text
from kgreview.store import GraphStore

# Column → code category; a study's own use counts first, then recommendations, then mentions.
COLUMNS = {"theory": "theory", "method": "method", "community": "context",
           "intervention": "countermeasure"}  # fmt: skip
POLARITY_RANK = {"uses": 0, "recommends": 1, "mentions": 2}
BATCH = 100  # documents read at once (their texts and codings are held together)
# Sentences that report what a study found (key findings column).
FINDING = re.compile(
    r"研究发现|结果(显示|表明)|调查发现|研究表明|发现[，,:：]|结论|"
    r"\b(we|this study|the study|results?|findings?)\b.{0,40}\b(found|show|shows|showed|"
    r"indicate|indicates|suggest|suggests|reveal|reveals)\b",
    re.IGNORECASE,
)


@dataclass(slots=True)
class Cell:
    labels: list[str] = field(default_factory=list)
    evidence: list[dict] = field(default_factory=list)  # sentence, start, end, code

    def text(self) -> str:
        return "；".join(self.labels)


@dataclass(slots=True)
class SummaryRow:
    document_id: str
    title: str
    authors: list[str]
    year: int | None
    venue: str  # institution (theses) or journal
    cells: dict[str, Cell]
    findings: list[dict]

    def as_json(self) -> dict:
        return {"document": self.document_id, "title": self.title, "authors": self.authors,
                "year": self.year, "venue": self.venue,
                **{k: {"labels": c.labels, "evidence": c.evidence} for k, c in self.cells.items()},
                "findings": self.findings}  # fmt: skip


def summary_row(document: Document, codings: Sequence[Coding], codes: dict[str, Code],
                authors: list[str], label_lang: str = "zh",
                sites: Sequence[tuple[str, str]] = ()) -> SummaryRow:  # fmt: skip
    """One document's row; labels in Chinese (``zh``) or English (``en``)."""
    text = document.text
    sentences = [(s.start, s.end) for s in segment_text(document.id, text)
                 if s.kind == SegmentKind.SENTENCE]  # fmt: skip

    def sentence_of(start: int, end: int) -> tuple[int, int]:
        return next(((a, b) for a, b in sentences if a <= start and end <= b), (start, end))

    cells = {column: Cell() for column in COLUMNS}
    ranked = sorted(
        (c for c in codings if c.polarity in POLARITY_RANK and c.code_id in codes),
        key=lambda c: (POLARITY_RANK[c.polarity], c.start),
    )
    for c in ranked:
        code = codes[c.code_id]
        column = next((k for k, cat in COLUMNS.items() if cat == code.category), None)
        if column is None:
            continue
        label = (code.label_zh if label_lang == "zh" else code.label_en) or code.id
        cell = cells[column]
        if label not in cell.labels:
            cell.labels.append(label)
            a, b = sentence_of(c.start, c.end)
            cell.evidence.append({"code": c.code_id, "polarity": c.polarity,
                                  "sentence": text[a:b], "start": a, "end": b})  # fmt: skip
    for name, city in sites:  # named case sites lead the community column
        at = text.find(name)
        a, b = sentence_of(at, at + len(name)) if at >= 0 else (0, 0)
        place = f"{city} {name}" if city and name.isascii() else f"{city}{name}"
        cells["community"].labels.insert(0, place)
        found = {"code": "site", "polarity": "uses", "sentence": text[a:b], "start": a, "end": b}
        cells["community"].evidence.insert(0, found)
    findings = [{"sentence": text[a:b], "start": a, "end": b}
                for a, b in sentences if FINDING.search(text[a:b])][:3]  # fmt: skip
    meta = document.meta
    venue = str(meta.get("institution") or meta.get("venue") or "")
    return SummaryRow(document.id, document.title, authors, document.year, venue, cells, findings)


def summary_table(store: GraphStore, document_ids: Sequence[str],
                  label_lang: str = "zh") -> list[SummaryRow]:  # fmt: skip
    """Rows for a chosen set of documents, in the order given."""
    codes = {c.id: c for c in store.list_codes()}
    rows = []
    for at in range(0, len(document_ids), BATCH):
        chunk = document_ids[at : at + BATCH]
        # One read per batch: on Neo4j, four reads per document were 1,200 round trips.
        details = {d.document.id: d for d in store.document_details(chunk)}
        for document_id in chunk:
            if (found := details.get(document_id)) is not None:
                rows.append(summary_row(found.document, found.codings, codes, list(found.authors),
                                        label_lang, found.sites))  # fmt: skip
    return rows
