"""Overview page: the corpus at a glance, read through the store protocol."""

from __future__ import annotations

import streamlit as st

from kgreview.app.components import metric_row, query, store


def _overview() -> tuple[dict, list, list]:
    # Cached per store and revision: any write elsewhere refreshes the page's numbers.
    return query("stats"), query("document_facets"), query("code_frequencies")


def render() -> None:
    graph = store()
    st.title("kgreview — corpus overview")
    st.caption(f"Store: {graph.describe()} · revision {graph.revision()}")
    counts, facets, frequencies = _overview()
    metric_row(counts)
    if not counts["documents"]:
        st.info("The store is empty. Run `kgreview ingest PATH...` or `kgreview demo`.")
        return
    st.subheader("Documents by type, language and year")
    st.dataframe(
        [
            {"type": f.doc_type, "language": f.lang, "year": f.year, "documents": f.documents}
            for f in facets
        ],
        hide_index=True,
        use_container_width=True,
    )
    st.subheader("Most frequent codes")
    if not frequencies:
        st.write("No codings yet.")
        return
    st.caption("Auto-codes are suggestions from the codebook, not analysis: check the evidence.")
    st.dataframe(
        [
            {
                "category": r.category,
                "code": r.label_en,
                "中文": r.label_zh,
                "documents": r.documents,
                "codings": r.codings,
            }
            for r in frequencies[:50]
        ],
        hide_index=True,
        use_container_width=True,
    )
