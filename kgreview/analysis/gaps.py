"""Research gaps from the graph: what reviews say is missing, what nobody has combined, what
is discussed but never tested, and what is rising or fading.

Pure functions over rows a store returns (:class:`GapInputs`); every gap carries the sentences
or documents behind it. "Filled" means coded with a polarity that reports a study touching
the code (``uses``, ``mentions``, ``recommends`` by default): a sentence saying research on X
is missing (``gap``), a negation or a limitation never fills a cell.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from kgreview.model import Code, DocumentSummary, GapStatement

FILLING = frozenset({"uses", "mentions", "recommends"})
# Category pairs whose empty cells reviewers ask about (DESIGN.md, domain.md).
COMBINATIONS = (("theory", "context"), ("countermeasure", "context"), ("theory", "method"))
REVIEW_TYPES = frozenset({"review"})


@dataclass(frozen=True, slots=True)
class GapInputs:
    codes: Sequence[Code]
    documents: Sequence[DocumentSummary]
    incidence: Sequence[tuple[str, str, str]]  # (document, code, polarity)
    statements: Sequence[GapStatement]


@dataclass(slots=True)
class Gap:
    kind: str  # stated | combination | untested | trend
    codes: list[str]
    labels: list[str]
    score: float
    evidence: list[dict] = field(default_factory=list)
    documents: list[str] = field(default_factory=list)
    detail: dict = field(default_factory=dict)

    def as_json(self) -> dict:
        return {"kind": self.kind, "codes": self.codes, "labels": self.labels,
                "score": round(self.score, 3), "evidence": self.evidence,
                "documents": self.documents, **self.detail}  # fmt: skip


def _label(code: Code | None, code_id: str) -> str:
    return f"{code.label_en} / {code.label_zh}" if code else code_id


def _filled(inputs: GapInputs, polarities: frozenset[str]) -> dict[str, set[str]]:
    """code → documents whose coding of it reports studying it."""
    docs: dict[str, set[str]] = defaultdict(set)
    for document, code, polarity in inputs.incidence:
        if polarity in polarities:
            docs[code].add(document)
    return docs


def stated_gaps(inputs: GapInputs, polarities: frozenset[str] = FILLING) -> list[Gap]:
    """Gap sentences grouped by the code they concern: how many documents state it, and how
    many documents in the corpus use the code anyway."""
    codes = {c.id: c for c in inputs.codes}
    filled = _filled(inputs, frozenset({"uses"}) & polarities or polarities)
    by_code: dict[str, list[GapStatement]] = defaultdict(list)
    for statement in inputs.statements:
        for code in statement.codes:
            by_code[code].append(statement)
    gaps = []
    for code, statements in by_code.items():
        stating = sorted({s.document_id for s in statements})
        users = sorted(filled.get(code, set()) - set(stating))
        gaps.append(Gap(
            kind="stated", codes=[code], labels=[_label(codes.get(code), code)],
            score=float(len(stating)), documents=stating,
            evidence=[{"document": s.document_id, "title": s.title, "sentence": s.statement,
                       "start": s.start, "end": s.end, "gap_type": s.kind}
                      for s in statements],
            detail={"gap_type": Counter(s.kind for s in statements).most_common(1)[0][0],
                    "stated_by": len(stating), "used_by": len(users), "used_in": users[:20]},
        ))  # fmt: skip
    return sorted(gaps, key=lambda g: (-g.score, g.codes))


def describe_corpus(documents: Sequence[DocumentSummary]) -> dict:
    """What a combination gap is relative to: sources, years, types."""
    years = [d.year for d in documents if d.year]
    return {
        "documents": len(documents),
        "types": dict(Counter(d.doc_type or "unknown" for d in documents).most_common()),
        "languages": dict(Counter(d.lang or "und" for d in documents).most_common()),
        "years": [min(years), max(years)] if years else None,
        "sources": len({d.source for d in documents if d.source}),
    }


def combination_gaps(
    inputs: GapInputs,
    pairs: Iterable[tuple[str, str]] = COMBINATIONS,
    min_expected: float = 1.0,
    min_margin: int = 2,
    polarities: frozenset[str] = FILLING,
    closest: int = 5,
) -> list[Gap]:
    """Cells of two categories that no document fills although both margins are populated.

    Expected count of a cell = row documents × column documents / N (independence); cells
    below ``min_expected`` or with a margin under ``min_margin`` are not reported.
    """
    codes = {c.id: c for c in inputs.codes}
    filled = _filled(inputs, polarities)
    n = len({d for docs in filled.values() for d in docs}) or 1
    corpus = describe_corpus(inputs.documents)
    families = _families(codes)
    gaps = []
    for row_cat, col_cat in pairs:
        rows = [
            c for c in codes.values() if c.category == row_cat and len(filled[c.id]) >= min_margin
        ]
        cols = [
            c for c in codes.values() if c.category == col_cat and len(filled[c.id]) >= min_margin
        ]
        for r in rows:
            for c in cols:
                if filled[r.id] & filled[c.id]:
                    continue
                expected = len(filled[r.id]) * len(filled[c.id]) / n
                if expected < min_expected:
                    continue
                near = _closest(r, c, families, filled, closest)
                gaps.append(Gap(
                    kind="combination", codes=[r.id, c.id],
                    labels=[_label(r, r.id), _label(c, c.id)], score=expected,
                    documents=[d for d, _ in near],
                    evidence=[{"document": d, "why": why} for d, why in near],
                    detail={"categories": [row_cat, col_cat], "expected": round(expected, 2),
                            "margins": [len(filled[r.id]), len(filled[c.id])], "corpus": corpus},
                ))  # fmt: skip
    return sorted(gaps, key=lambda g: (-g.score, g.codes))


def _families(codes: dict[str, Code]) -> dict[str, list[str]]:
    """code → its siblings (same parent), children and parent, in codebook order: computed
    once per analysis rather than once per empty cell (a 10k-document corpus has hundreds)."""
    children: dict[str | None, list[str]] = defaultdict(list)
    for c in codes.values():
        children[c.parent].append(c.id)
    found = {}
    for code in codes.values():
        kin = set(children[code.id]) | ({code.parent} if code.parent in codes else set())
        if code.parent:
            kin |= set(children[code.parent])
        found[code.id] = [k for k in codes if k in kin and k != code.id]
    return found


def _closest(
    row: Code,
    col: Code,
    families: dict[str, list[str]],
    filled: dict[str, set[str]],
    limit: int,
) -> list[tuple[str, str]]:
    """Documents nearest to the empty cell: one of the two codes plus a sibling (same parent)
    or child of the other, else one of the two codes."""
    scored: dict[str, tuple[int, str]] = {}
    for have, other in ((row, col), (col, row)):
        for kin in families[other.id]:
            for d in filled[have.id] & filled.get(kin, set()):
                scored.setdefault(d, (2, f"{have.id} with {kin}, a relative of {other.id}"))
        for d in filled[have.id]:
            scored.setdefault(d, (1, f"{have.id} without {other.id}"))
    ranked = sorted(scored.items(), key=lambda kv: (-kv[1][0], kv[0]))
    return [(d, why) for d, (_, why) in ranked[:limit]]


def untested_factors(inputs: GapInputs) -> list[Gap]:
    """Factors discussed (mentioned, stated as gaps, or coded in reviews) that no empirical
    document reports as its own finding (``uses`` outside reviews)."""
    codes = {c.id: c for c in inputs.codes}
    types = {d.id: d.doc_type for d in inputs.documents}
    discussed: dict[str, set[str]] = defaultdict(set)
    tested: set[str] = set()
    for document, code, polarity in inputs.incidence:
        if codes.get(code) is None or codes[code].category != "factor":
            continue
        if polarity == "uses" and types.get(document) not in REVIEW_TYPES:
            tested.add(code)
        else:
            discussed[code].add(document)
    return sorted(
        (Gap(kind="untested", codes=[code], labels=[_label(codes[code], code)],
             score=float(len(docs)), documents=sorted(docs),
             detail={"discussed_in": len(docs)})
         for code, docs in discussed.items() if code not in tested),
        key=lambda g: (-g.score, g.codes),
    )  # fmt: skip


def trends(inputs: GapInputs, min_years: int = 3, min_documents: int = 3) -> list[Gap]:
    """Codes rising or fading: least-squares slope of the share of each year's documents
    that code them (per year), over years with documents."""
    years = {d.id: d.year for d in inputs.documents if d.year}
    per_year = Counter(years.values())
    if len(per_year) < min_years:
        return []
    codes = {c.id: c for c in inputs.codes}
    docs_by_code: dict[str, set[str]] = defaultdict(set)
    for document, code, polarity in inputs.incidence:
        if polarity in FILLING and document in years:
            docs_by_code[code].add(document)
    span = sorted(per_year)
    mean_x = sum(span) / len(span)
    var_x = sum((x - mean_x) ** 2 for x in span)
    gaps = []
    for code, docs in docs_by_code.items():
        if len(docs) < min_documents:
            continue
        counts = Counter(years[d] for d in docs)
        shares = [counts.get(y, 0) / per_year[y] for y in span]
        mean_y = sum(shares) / len(shares)
        slope = sum((x - mean_x) * (y - mean_y) for x, y in zip(span, shares, strict=True)) / var_x
        gaps.append(Gap(
            kind="trend", codes=[code], labels=[_label(codes.get(code), code)], score=slope,
            documents=sorted(docs),
            detail={"direction": "rising" if slope > 0 else "fading",
                    "by_year": {str(y): counts.get(y, 0) for y in span}},
        ))  # fmt: skip
    return sorted(gaps, key=lambda g: -abs(g.score))


def all_gaps(inputs: GapInputs, min_expected: float = 1.0, min_margin: int = 2) -> list[Gap]:
    """Every kind, stated gaps first."""
    return [
        *stated_gaps(inputs),
        *combination_gaps(inputs, min_expected=min_expected, min_margin=min_margin),
        *untested_factors(inputs),
        *trends(inputs),
    ]


def combination_matrix(
    inputs: GapInputs, row_cat: str, col_cat: str, polarities: frozenset[str] = FILLING
) -> tuple[list[str], list[str], dict[tuple[str, str], list[str]]]:
    """Rows and columns (codes of the two categories that some document fills, most filled
    first) and, per cell, the documents filling both: the grid :func:`combination_gaps`
    looks for empty cells in."""
    codes = {c.id: c for c in inputs.codes}
    filled = _filled(inputs, polarities)

    def axis(category: str) -> list[str]:
        found = [c for c in filled if c in codes and codes[c].category == category]
        return sorted(found, key=lambda c: (-len(filled[c]), c))

    rows, cols = axis(row_cat), axis(col_cat)
    cells = {(r, c): sorted(filled[r] & filled[c]) for r in rows for c in cols}
    return rows, cols, cells
