"""CiteSpace's "timezone" view on codes: each code placed at the year it first appears in
the corpus, with its documents per year after that — normalised codes, so a concept's
synonyms and translations share one first year."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

from kgreview.model import Code, DocumentSummary

FILLING = {"uses", "mentions", "recommends"}


def timezone_view(
    documents: Sequence[DocumentSummary],
    incidence: Iterable[tuple[str, str, str]],
    codes: dict[str, Code],
    min_documents: int = 1,
) -> list[dict]:
    """One row per code with at least ``min_documents`` documents: first year, documents per
    year from then on, total; ordered by first year, then most documents."""
    years = {d.id: d.year for d in documents if d.year}
    by_code: dict[str, set[str]] = defaultdict(set)
    for document, code, polarity in incidence:
        if polarity in FILLING and document in years:
            by_code[code].add(document)
    rows = []
    for code_id, docs in by_code.items():
        if len(docs) < min_documents:
            continue
        counts = Counter(years[d] for d in docs)
        code = codes.get(code_id)
        rows.append(
            {
                "code": code_id,
                "label_zh": code.label_zh if code else code_id,
                "label_en": code.label_en if code else code_id,
                "category": code.category if code else "",
                "first_year": min(counts),
                "counts": {str(y): counts[y] for y in sorted(counts)},
                "documents": len(docs),
            }
        )
    return sorted(rows, key=lambda r: (r["first_year"], -r["documents"], r["code"]))


def timezone_columns(rows: Sequence[dict]) -> dict[int, list[dict]]:
    """first year → its codes (most documents first): the columns of the timezone map."""
    columns: dict[int, list[dict]] = defaultdict(list)
    for row in rows:
        columns[row["first_year"]].append(row)
    return dict(sorted(columns.items()))
