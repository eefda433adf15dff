"""The trends view: publications per year, code and keyword bursts, core authors."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

from kgreview.analysis.bursts import kleinberg_bursts, price_core_authors
from kgreview.model import Code, DocumentSummary

FILLING = {"uses", "mentions", "recommends"}


def _bursts(items: dict[str, set[str]], years: dict[str, int], span: list[int],
            per_year: Counter[int], label) -> list[dict]:  # fmt: skip
    found = []
    for item, docs in items.items():
        counts = Counter(years[d] for d in docs if d in years)
        hits = [counts.get(y, 0) for y in span]
        for b in kleinberg_bursts(hits, [per_year[y] for y in span]):
            found.append({"item": item, "label": label(item), "start": span[b.start],
                          "end": span[b.end], "weight": round(b.weight, 3)})  # fmt: skip
    return sorted(found, key=lambda b: -b["weight"])


def trend_report(documents: Sequence[DocumentSummary], incidence: Sequence[tuple[str, str, str]],
                 codes: dict[str, Code], keywords: dict[str, list[str]],
                 papers: Counter[str]) -> dict:  # fmt: skip
    """Everything the trends view shows, as plain data."""
    years = {d.id: d.year for d in documents if d.year}
    per_year = Counter(years.values())
    span = list(range(min(per_year), max(per_year) + 1)) if per_year else []
    by_code: dict[str, set[str]] = defaultdict(set)
    for document, code, polarity in incidence:
        if polarity in FILLING and document in years:
            by_code[code].add(document)
    by_keyword: dict[str, set[str]] = defaultdict(set)
    for document, terms in keywords.items():
        for term in terms:
            by_keyword[term].add(document)

    def code_label(code_id: str) -> str:
        code = codes.get(code_id)
        return f"{code.label_zh} / {code.label_en}" if code else code_id

    threshold, core = price_core_authors(papers)
    return {
        "years": {str(y): per_year.get(y, 0) for y in span},
        "bursts": _bursts(by_code, years, span, per_year, code_label),
        "keyword_bursts": _bursts(by_keyword, years, span, per_year, str),
        "core_authors": {"threshold": threshold,
                         "authors": [{"name": a, "papers": papers[a]} for a in core]},
    }  # fmt: skip
