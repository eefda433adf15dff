"""Everything the trends view shows, gathered from a store through the protocol: the
publication, burst and Price's-law report, the codes' timezone and the policy timeline."""

from __future__ import annotations

from collections import Counter

from kgreview.analysis.policies import policy_timeline
from kgreview.analysis.timezone import timezone_view
from kgreview.analysis.trendreport import trend_report
from kgreview.store import GraphStore


def gather_trends(graph: GraphStore, document_ids: set[str] | None = None) -> dict:
    """The trends report of the whole corpus, or of ``document_ids`` only."""
    documents = [
        d
        for d in graph.document_summaries()
        if d.year and (document_ids is None or d.id in document_ids)
    ]
    chosen = {d.id for d in documents}
    incidence = [row for row in graph.polarity_incidence() if row[0] in chosen]
    codes = {c.id: c for c in graph.list_codes()}
    keywords = {d.id: graph.keywords_of(d.id) for d in documents}
    papers = Counter(
        name for d, name, _ in graph.authorship() if document_ids is None or d in document_ids
    )
    report = trend_report(documents, incidence, codes, keywords, papers)
    report["timezone"] = timezone_view(documents, incidence, codes)
    report["policies"] = policy_timeline(graph)
    return report
