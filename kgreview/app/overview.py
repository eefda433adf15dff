"""Overview page: the corpus at a glance — counts, documents by type, language and year, the
top codes per category, what was ingested when, and a link into every other page."""

from __future__ import annotations

from collections import Counter
from pathlib import PurePath

import altair as alt
import pandas as pd
import streamlit as st

from kgreview.app.components import codebook, query, store
from kgreview.app.i18n import STRINGS, category_label, lang, t
from kgreview.model import CodeCount, DocumentFacet

PAGES = "kgreview_pages"  # session key: the pages main.py registered in this run
TOP = 5  # codes shown per category
FILES_SHOWN = 4  # file names shown per ingest run


def _term(prefix: str, value: str) -> str:
    key = f"{prefix}_{value}"
    return t(key) if key in STRINGS else value or "—"


def metrics(counts: dict[str, int]) -> None:
    for column, (name, value) in zip(st.columns(len(counts)), counts.items(), strict=True):
        key = f"stat_{name}"
        column.metric(t(key) if key in STRINGS else name.capitalize(), f"{value:,}")


def page_links() -> None:
    """A link to every page main.py registered (new pages show up here by themselves)."""
    pages = [p for p in st.session_state.get(PAGES, []) if p.url_path not in ("", "overview")]
    if not pages:
        return
    st.markdown(f"**{t('explore')}**")
    for column, page in zip(st.columns(len(pages)), pages, strict=True):
        with column:
            st.page_link(page, label=page.title)


def facet_counts(facets: list[DocumentFacet]) -> tuple[Counter, Counter, Counter]:
    """Documents per type, per language and per year (None for documents without a year)."""
    by_type, by_lang, by_year = Counter(), Counter(), Counter()
    for f in facets:
        by_type[f.doc_type] += f.documents
        by_lang[f.lang] += f.documents
        by_year[f.year] += f.documents
    return by_type, by_lang, by_year


def _bars(counts: Counter, name: str, shown: dict, horizontal: bool = True) -> alt.Chart:
    # Categories by size; years in their own order.
    pairs = counts.most_common() if horizontal else sorted(counts.items())
    frame = pd.DataFrame([{name: shown.get(k, str(k)), t("documents"): n} for k, n in pairs])
    # Whole documents on the count axis (no 0.5 ticks); years read left to right, upright.
    count = alt.Axis(format="d", tickMinStep=1)
    x, y = alt.X(f"{t('documents')}:Q", axis=count), alt.Y(f"{name}:N", sort="-x", title=None)
    if not horizontal:
        x = alt.X(f"{name}:O", sort=None, axis=alt.Axis(labelAngle=0))
        y = alt.Y(f"{t('documents')}:Q", axis=count)
    # A few years would each fill a third of the page: fixed-width bars then.
    mark = alt.Chart(frame).mark_bar(size=36) if len(counts) < 8 and not horizontal else None
    mark = mark or alt.Chart(frame).mark_bar()
    return mark.encode(x=x, y=y, tooltip=[name, t("documents")])


def facets_section(facets: list[DocumentFacet]) -> None:
    by_type, by_lang, by_year = facet_counts(facets)
    left, right = st.columns(2)
    left.markdown(f"**{t('by_type')}**")
    types = {k: _term("dt", k) for k in by_type}
    left.altair_chart(_bars(by_type, t("doc_type"), types), width="stretch")
    right.markdown(f"**{t('by_lang')}**")
    langs = {k: _term("lang", k) for k in by_lang}
    right.altair_chart(_bars(by_lang, t("language_col"), langs), width="stretch")
    st.markdown(f"**{t('by_year')}**")
    undated = by_year.pop(None, 0)
    if by_year:
        years = Counter({str(y): by_year[y] for y in sorted(by_year)})
        chart = _bars(years, t("year"), {}, horizontal=False)
        st.altair_chart(chart.properties(height=220), width="stretch")
    if undated:
        st.caption(f"{t('no_year')}: {undated}")


def top_codes(frequencies: list[CodeCount], top: int = TOP) -> list[CodeCount]:
    """The ``top`` most used codes of each category, categories in codebook order."""
    order = {c: i for i, c in enumerate(codebook().categories)}
    seen: Counter = Counter()
    rows = []
    for row in sorted(frequencies, key=lambda r: (order.get(r.category, len(order)), -r.documents,
                                                  -r.codings, r.code_id)):  # fmt: skip
        if seen[row.category] < top:
            seen[row.category] += 1
            rows.append(row)
    return rows


def codes_section(frequencies: list[CodeCount]) -> None:
    st.subheader(t("top_codes"))
    if not frequencies:
        st.write(t("no_codings"))
        return
    st.caption(t("auto_note"))
    names, zh = codebook().categories, lang() == "zh"
    st.dataframe(
        pd.DataFrame([
            {t("category"): category_label(r.category, names),
             t("code"): (r.label_zh if zh else r.label_en) or r.code_id, "id": r.code_id,
             t("documents"): r.documents, t("codings"): r.codings}
            for r in top_codes(frequencies)
        ]),
        hide_index=True, width="stretch",
    )  # fmt: skip


def history_rows(runs: list[tuple[str, int, tuple[str, ...]]]) -> list[dict]:
    """One row per ingest run: when (UTC, to the second), documents, the files' names."""
    rows = []
    for at, documents, sources in runs:
        names = sorted({PurePath(s).name for s in sources if s})
        shown = ", ".join(names[:FILES_SHOWN])
        if len(names) > FILES_SHOWN:
            shown += " " + t("more_files").format(n=len(names) - FILES_SHOWN)
        when = at.replace("T", " ").removesuffix("+00:00") if at else t("unknown_time")
        rows.append({t("ingested_at"): when, t("documents"): documents, t("files"): shown})
    return rows


def render() -> None:
    """The overview page."""
    graph = store()
    st.title(t("overview_title"))
    st.caption(t("store_caption").format(store=graph.describe(), revision=graph.revision()))
    counts = query("stats")
    metrics(counts)
    page_links()
    if not counts["documents"]:
        st.info(t("empty_store"))
        return
    facets_section(query("document_facets"))
    codes_section(query("code_frequencies"))
    st.subheader(t("history"))
    st.dataframe(pd.DataFrame(history_rows(query("ingest_history"))), hide_index=True,
                 width="stretch")  # fmt: skip
