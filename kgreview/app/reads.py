"""Whole-corpus protocol reads shared by the analyses of a page view.

Several cached analyses on one page (and on the next page visited) start from the same
10^4–10^5 rows — incidence, authorship, document summaries. Each was read again per analysis
(a second or more over Bolt on a 10k-document Neo4j store). Here a read happens once per store
revision and the rows are shared as tuples, so nobody can change them under another reader.
"""

from __future__ import annotations

import functools

from kgreview.store import GraphStore

SHARED = frozenset(
    {"list_codes", "document_summaries", "polarity_incidence", "gap_statements", "authorship"}
)


@functools.lru_cache(maxsize=len(SHARED))
def _read(graph: GraphStore, uri: str, revision: int, method: str) -> tuple:
    return tuple(getattr(graph, method)())


def shared(graph: GraphStore, method: str) -> tuple:
    """``graph.method()`` as a tuple, read once per store revision (``method`` in SHARED)."""
    if method not in SHARED:
        raise ValueError(f"not a shared read: {method}")
    return _read(graph, graph.describe(), graph.revision(), method)
