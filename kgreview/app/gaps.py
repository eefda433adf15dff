"""Research gaps: stated gaps with their sentences, the combination matrix as a heatmap whose
empty cells open their closest documents, untested factors, rising and fading codes."""

from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from kgreview.analysis import gaps as analysis
from kgreview.app.components import (
    codebook,
    codes_by_id,
    computed,
    evidence_list,
    require_documents,
    titles,
)
from kgreview.app.i18n import category_label, label, lkey, short_label, shown, t
from kgreview.app.reads import shared
from kgreview.store import GraphStore

MAX_ROWS, MAX_COLS = 25, 20
COMBOS = [tuple(pair) for pair in analysis.COMBINATIONS]


def _inputs(graph: GraphStore) -> analysis.GapInputs:
    # The report and the matrix of one page view share these reads (see app/reads.py).
    return analysis.GapInputs(
        *(shared(graph, m) for m in ("list_codes", "document_summaries",
                                     "polarity_incidence", "gap_statements"))
    )  # fmt: skip


def _report(graph: GraphStore) -> dict:
    inputs = _inputs(graph)
    return {
        "stated": analysis.stated_gaps(inputs),
        "untested": analysis.untested_factors(inputs),
        "trends": analysis.trends(inputs),
    }


def _combinations(graph: GraphStore, pair: tuple[str, str]) -> dict:
    inputs = _inputs(graph)
    rows, cols, cells = analysis.combination_matrix(inputs, *pair)
    return {
        "gaps": analysis.combination_gaps(inputs, pairs=[pair]),
        "matrix": (rows[:MAX_ROWS], cols[:MAX_COLS], cells),
    }


def render() -> None:
    st.title(t("gaps_title"))
    if not require_documents():
        return
    report = computed(_report)
    show_stated(report["stated"])
    st.subheader(t("matrix"))
    names = codebook().categories
    pair = st.selectbox(
        t("rows_by_cols"),
        COMBOS,
        key=lkey("gaps_pair"),
        format_func=shown(lambda p: " × ".join(category_label(c, names) for c in p), COMBOS),
    )
    combinations = computed(_combinations, tuple(pair))
    show_matrix(combinations["matrix"], combinations["gaps"])
    show_untested(report["untested"])
    show_trends(report["trends"])


def show_stated(stated: list[analysis.Gap]) -> None:
    st.subheader(t("stated"))
    if not stated:
        st.write(t("none"))
        return
    codes = codes_by_id()
    table = [
        {
            t("code"): label(codes.get(g.codes[0]), g.codes[0]),
            "id": g.codes[0],
            t("stated_by"): g.detail["stated_by"],
            t("used_by"): g.detail["used_by"],
            t("gap_type"): g.detail["gap_type"],
        }
        for g in stated
    ]
    st.dataframe(pd.DataFrame(table), hide_index=True, width="stretch")
    for gap in stated:
        code = codes.get(gap.codes[0])
        with st.expander(f"{short_label(code, gap.codes[0])} · {gap.detail['stated_by']}"):
            terms = [code.label_en, code.label_zh] if code else []
            evidence_list(gap.evidence, limit=10, terms=terms)


def heatmap(frame: pd.DataFrame) -> alt.LayerChart:
    select = alt.selection_point(fields=["row_id", "col_id"], name="cell")
    base = alt.Chart(frame).encode(
        x=alt.X("col:N", title=None, sort=None, axis=alt.Axis(labelAngle=-40, labelLimit=160)),
        y=alt.Y("row:N", title=None, sort=None, axis=alt.Axis(labelLimit=200)),
        tooltip=["row", "col", "documents", "gap"],
    )
    rects = base.mark_rect(stroke="#d62728").encode(
        color=alt.condition(
            "datum.documents == 0",
            alt.value("#f3f3f3"),
            alt.Color("documents:Q", scale=alt.Scale(scheme="blues"), title=t("documents")),
        ),
        strokeWidth=alt.condition("datum.gap", alt.value(3), alt.value(0)),
        opacity=alt.condition(select, alt.value(1.0), alt.value(0.55)),
    )
    text = base.mark_text(fontSize=11).encode(
        text=alt.Text("label:N"),
        color=alt.condition("datum.documents > 2", alt.value("white"), alt.value("#333")),
    )
    # One band per row whatever the number of rows (a fixed height squeezes labels away).
    return (rects.add_params(select) + text).properties(height=alt.Step(28))


def show_matrix(matrix: tuple, gaps: list[analysis.Gap]) -> None:
    rows, cols, cells = matrix
    if not rows or not cols:
        st.write(t("none"))
        return
    st.caption(t("matrix_caption"))
    codes = codes_by_id()
    gap_cells = {tuple(g.codes): g for g in gaps}
    frame = pd.DataFrame(
        [
            {
                "row": short_label(codes.get(r), r),
                "col": short_label(codes.get(c), c),
                "row_id": r,
                "col_id": c,
                "documents": len(cells[(r, c)]),
                "gap": (r, c) in gap_cells,
                "label": "∅" if (r, c) in gap_cells else str(len(cells[(r, c)]) or ""),
            }
            for r in rows
            for c in cols
        ]
    )
    event = st.altair_chart(heatmap(frame), width="stretch", on_select="rerun", key="gaps_heatmap")
    clicked = _clicked_cell(event)
    options = (
        [""]
        + [f"{r}|{c}" for r, c in gap_cells]
        + [f"{r}|{c}" for r in rows for c in cols if cells[(r, c)] and (r, c) not in gap_cells]
    )
    key = lkey("gaps_cell")
    if clicked and clicked != st.session_state.get("gaps_clicked"):
        st.session_state["gaps_clicked"] = clicked
        st.session_state[key] = clicked if clicked in options else ""
    if st.session_state.get(key) not in options:
        st.session_state[key] = ""

    def name(item: str) -> str:
        if not item:
            return "—"
        r, c = item.split("|")
        mark = " ∅" if (r, c) in gap_cells else ""
        return f"{short_label(codes.get(r), r)} × {short_label(codes.get(c), c)}{mark}"

    item = st.selectbox(t("open_cell"), options, key=key, format_func=shown(name, options))
    if item:
        show_cell(item, cells, gap_cells)


def _clicked_cell(event: object) -> str | None:
    try:
        points = event["selection"]["cell"]  # type: ignore[index]
    except (KeyError, TypeError):
        return None
    if not points:
        return None
    return f"{points[0]['row_id']}|{points[0]['col_id']}"


def show_cell(item: str, cells: dict, gap_cells: dict) -> None:
    r, c = item.split("|")
    names = titles()
    gap = gap_cells.get((r, c))
    if gap is None:
        docs = cells.get((r, c), [])
        st.markdown(f"**{t('documents')}**: {len(docs)}")
        st.dataframe(
            pd.DataFrame([{t("title"): names.get(d, d)} for d in docs]),
            hide_index=True,
            width="stretch",
        )
        return
    st.markdown(
        f"**{t('closest')}** · {t('expected')} {gap.detail['expected']} · "
        f"{gap.detail['margins'][0]} / {gap.detail['margins'][1]} {t('margins')}"
    )
    st.dataframe(
        pd.DataFrame(
            [
                {t("title"): names.get(e["document"], e["document"]), t("why"): e["why"]}
                for e in gap.evidence
            ]
        ),
        hide_index=True,
        width="stretch",
    )


def show_untested(untested: list[analysis.Gap]) -> None:
    st.subheader(t("untested"))
    st.caption(t("untested_caption"))
    if not untested:
        st.write(t("none"))
        return
    codes = codes_by_id()
    st.dataframe(
        pd.DataFrame(
            [
                {
                    t("code"): label(codes.get(g.codes[0]), g.codes[0]),
                    "id": g.codes[0],
                    t("discussed_in"): g.detail["discussed_in"],
                }
                for g in untested
            ]
        ),
        hide_index=True,
        width="stretch",
    )


def show_trends(trends: list[analysis.Gap]) -> None:
    st.subheader(t("trends"))
    if not trends:
        st.info(t("no_trends"))
        return
    codes = codes_by_id()
    st.dataframe(
        pd.DataFrame(
            [
                {
                    t("code"): label(codes.get(g.codes[0]), g.codes[0]),
                    t("direction"): g.detail["direction"],
                    t("slope"): round(g.score, 4),
                    **g.detail["by_year"],
                }
                for g in trends
            ]
        ),
        hide_index=True,
        width="stretch",
    )
