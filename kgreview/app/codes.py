"""Codes & themes: the codebook tree with counts per code and polarity, the trend by year, and
one code's documents and evidence sentences."""

from __future__ import annotations

from collections import defaultdict

import altair as alt
import pandas as pd
import streamlit as st

from kgreview.app.components import (
    code_picker,
    codebook,
    codes_by_id,
    evidence_list,
    evidence_sentences,
    query,
    require_documents,
)
from kgreview.app.i18n import category_label, label, lkey, polarity_label, short_label, shown, t
from kgreview.model import Code, Polarity

TREND_CODES = 6


def tree_order(codes: list[Code]) -> list[tuple[Code, int]]:
    """Codes depth first under their parents, each with its depth."""
    children: dict[str | None, list[Code]] = defaultdict(list)
    known = {c.id for c in codes}
    for code in codes:
        children[code.parent if code.parent in known else None].append(code)
    ordered: list[tuple[Code, int]] = []

    def walk(parent: str | None, depth: int) -> None:
        for code in sorted(children.get(parent, []), key=lambda c: c.id):
            ordered.append((code, depth))
            walk(code.id, depth + 1)

    walk(None, 0)
    return ordered


def tree_rows(category: str, show_unused: bool) -> list[dict]:
    codes = [c for c in query("list_codes") if c.category == category]
    counts = {c.code_id: c for c in query("code_frequencies", category)}
    polarities = by_polarity(category)
    used = set(counts)
    # A parent stays visible when one of its children is used.
    parents = {c.parent for c in codes if c.id in used and c.parent}
    rows = []
    for code, depth in tree_order(codes):
        if not show_unused and code.id not in used and code.id not in parents:
            continue
        count = counts.get(code.id)
        row = {
            t("code"): "\u3000" * depth + ("└ " if depth else "") + label(code),
            "id": code.id,
            t("documents"): count.documents if count else 0,
            t("codings"): count.codings if count else 0,
        }
        found = polarities.get(code.id, {})
        row.update({polarity_label(p.value): found.get(p.value, 0) for p in Polarity})
        rows.append(row)
    return rows


def by_polarity(category: str) -> dict[str, dict[str, int]]:
    """code → polarity → documents, for one category's codes: counted by the store (on Neo4j
    only the counts cross the wire, never the 10^5 (document, code, polarity) rows)."""
    found: dict[str, dict[str, int]] = defaultdict(dict)
    for code, polarity, n in query("polarity_counts", category):
        found[code][polarity] = n
    return dict(found)


def trend_frame(code_ids: list[str]) -> pd.DataFrame:
    codes, by_code = codes_by_id(), defaultdict(list)
    for code, year, n in query("year_counts", tuple(code_ids)):  # by code, then year
        by_code[code].append((year, n))
    rows = [
        {"year": year, "code": short_label(codes.get(code), code), "documents": n}
        for code in code_ids
        for year, n in by_code.get(code, [])
    ]
    return pd.DataFrame(rows, columns=["year", "code", "documents"])


def trend_chart(frame: pd.DataFrame) -> alt.Chart:
    return (
        alt.Chart(frame)
        .mark_line(point=True)
        .encode(
            x=alt.X("year:O", title=t("year")),
            y=alt.Y("documents:Q", title=t("documents")),
            color=alt.Color("code:N", title=t("code")),
            tooltip=["year", "code", "documents"],
        )
        .properties(height=260)
    )


def render() -> None:
    st.title(t("codes_title"))
    if not require_documents():
        return
    st.caption(t("auto_note"))
    names = codebook().categories
    categories = sorted({c.category for c in query("list_codes")}, key=list(names).index)
    category = st.selectbox(
        t("category"),
        categories,
        key=lkey("codes_category"),
        format_func=shown(lambda c: category_label(c, names), categories),
    )
    show_unused = st.toggle(t("show_unused"), key="codes_unused")

    st.subheader(t("tree"))
    rows = tree_rows(category, show_unused)
    if rows:
        st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")
    else:
        st.write(t("no_codings"))

    st.subheader(t("trend"))
    top = [c.code_id for c in query("code_frequencies", category)[:TREND_CODES]]
    frame = trend_frame(top)
    if frame.empty:
        st.info(t("no_years"))
    else:
        st.altair_chart(trend_chart(frame), width="stretch")

    st.subheader(t("code_documents"))
    used = {c.code_id for c in query("code_frequencies")}
    pool = [c for c in query("list_codes") if c.id in used]
    first = top[0] if top else None
    code = code_picker("codes", pool, t("pick_code"), default=first)
    if code is None:
        return
    show_code(code)


def show_code(code: Code) -> None:
    hits = query("documents_for_code", code.id)
    st.markdown(f"**{label(code)}** · `{code.id}` · {len(hits)} {t('documents')}")
    st.dataframe(
        pd.DataFrame(
            [
                {
                    t("title"): h.title,
                    t("year"): h.year,
                    t("codings"): h.codings,
                    t("polarity"): ", ".join(polarity_label(p) for p in h.polarities),
                }
                for h in hits
            ]
        ),
        hide_index=True,
        width="stretch",
    )
    st.markdown(f"**{t('evidence')}**")
    evidence_list(evidence_sentences(code.id))
