"""The workbench's analysis panels: agreement between two coders (with the disagreements side
by side), the saturation curve and the codes × participant attribute crosstab."""

from __future__ import annotations

import html

import altair as alt
import pandas as pd
import streamlit as st

from kgreview.analysis.agreement import Scores
from kgreview.app.components import codes_by_id, computed
from kgreview.app.i18n import label, lkey, shown, t
from kgreview.app.workbench_data import (
    CHART_POINTS,
    UNITS,
    agreement_of,
    all_coders,
    coder_view,
    crosstab_of,
)
from kgreview.app.workbench_panels import valid_key

FIGURES = ("percent", "holsti", "kappa", "alpha")


def _fmt(value: float | None) -> str:
    return "–" if value is None else f"{value:.3f}"


def _figures(scores: Scores) -> dict[str, str]:
    return {name: _fmt(getattr(scores, name)) for name in FIGURES}


def agreement_panel(document_id: str, coder: str) -> None:
    """Pick two coders and a unit: pooled alpha, kappa, Holsti and % agreement, the same per
    code, and every disagreement with both coders' spans side by side."""
    coders = computed(all_coders)
    one, two, three, four = st.columns([2, 2, 2, 2])
    first = one.selectbox(
        t("wb_coder_a"),
        coders,
        key=valid_key("wb_agree_a", coders, False),
        index=coders.index(coder) if coder in coders else 0,
    )
    rest = [c for c in coders if c != first]
    second = two.selectbox(
        t("wb_coder_b"),
        rest,
        key=valid_key("wb_agree_b", rest, False),
        index=None if not rest else 0,
    )
    unit = three.radio(
        t("wb_unit"),
        UNITS,
        key=lkey("wb_agree_unit"),
        horizontal=True,
        format_func=shown(lambda u: t(f"unit_{u}"), UNITS),
    )
    only_here = four.toggle(t("wb_this_only"), value=True, key="wb_agree_here")
    if not first or not second:
        st.info(t("wb_need_two"))
        return
    result, names = computed(
        agreement_of, (first, second), unit, document_id if only_here else None
    )
    figures = _figures(result.pooled)
    cells = st.columns(5)
    for cell, name in zip(cells, FIGURES, strict=False):
        cell.metric(t(f"wb_{name}"), figures[name])
    cells[4].metric(t("wb_units"), result.pooled.units)
    if not result.pooled.units:
        st.caption(t("wb_no_overlap"))
        return
    mean = ", ".join(f"{t('wb_' + k)} {_fmt(v)}" for k, v in result.mean.items())
    st.caption(t("wb_pooled").format(units=result.units, mean=mean))
    codes = codes_by_id()
    st.dataframe(
        pd.DataFrame(
            [
                {
                    t("code"): label(codes.get(code), code),
                    t("wb_units"): s.units,
                    **{t(f"wb_{k}"): v for k, v in _figures(s).items()},
                }
                for code, s in result.by_code.items()
            ]
        ),
        hide_index=True,
        width="stretch",
        key="wb_agree_codes",
    )
    disagreements(result.disagreements, (first, second), names)


def _spans(spans: list[dict]) -> str:
    if not spans:
        return f"<span class='kg-none'>{html.escape(t('wb_nothing'))}</span>"
    return "<br>".join(
        f"<mark>{html.escape(s['evidence'])}</mark> <small>{s['start']}–{s['end']}</small>"
        for s in spans
    )


def disagreements(rows: list[dict], coders: tuple[str, str], names: dict[str, str]) -> None:
    """Each disagreement: the code, then coder A's and coder B's spans in two columns."""
    st.subheader(f"{t('wb_disagreements')} ({len(rows)})")
    if not rows:
        st.caption(t("wb_no_disagreements"))
        return
    codes = codes_by_id()
    head = st.columns([2, 3, 3])
    head[0].markdown(f"**{t('code')}**")
    for column, coder in zip(head[1:], coders, strict=True):
        column.markdown(f"**{html.escape(coder)}**")
    for row in rows[:30]:
        line = st.columns([2, 3, 3])
        where = f"{names.get(row['document'], row['document'])} · {row['start']}–{row['end']}"
        line[0].markdown(
            f"{label(codes.get(row['code']), row['code'])}  \n<small>{html.escape(where)}</small>",
            unsafe_allow_html=True,
        )
        for column, coder in zip(line[1:], coders, strict=True):
            spans = row["coders"].get(coder, [])
            column.markdown(
                f"<div class='kg-disagree'>{_spans(spans)}</div>", unsafe_allow_html=True
            )
    if len(rows) > 30:
        st.caption(f"… +{len(rows) - 30}")


def saturation_panel(coder: str) -> None:
    """New codes per additional document (bars) and codes so far (line), in coding order; the
    chart shows the last CHART_POINTS documents, where saturation shows."""
    st.caption(t("wb_saturation_caption"))
    view = computed(coder_view, coder)
    curve, names = view["curve"], view["titles"]
    if not curve:
        st.caption(t("wb_no_my_codings"))
        return
    st.markdown(f"**{t('wb_saturated') if view['saturated'] else t('wb_not_saturated')}**")
    first = max(len(curve) - CHART_POINTS, 0)
    frame = pd.DataFrame([
        {"n": k + 1, t("title"): names.get(p["document"], p["document"]),
         t("wb_new_codes"): p["new_codes"], t("wb_total_codes"): p["total_codes"]}
        for k, p in enumerate(curve[first:], start=first)
    ])  # fmt: skip
    x = alt.X("n:O", title=t("wb_order"), axis=alt.Axis(labelAngle=0))
    tooltip = ["n:O", f"{t('title')}:N", f"{t('wb_new_codes')}:Q", f"{t('wb_total_codes')}:Q"]
    bars = (
        alt.Chart(frame)
        .mark_bar(opacity=0.6)
        .encode(x=x, y=f"{t('wb_new_codes')}:Q", tooltip=tooltip)
    )
    line = (
        alt.Chart(frame)
        .mark_line(point=True, color="#d62728")
        .encode(x=x, y=f"{t('wb_total_codes')}:Q", tooltip=tooltip)
    )
    chart = alt.layer(bars, line).resolve_scale(y="independent").properties(height=260)
    st.altair_chart(chart, width="stretch")


def crosstab_panel(coder: str) -> None:
    """Codes by a participant attribute (counts and row %), and the case × code matrix."""
    everyone = st.toggle(t("wb_all_coders"), value=False, key="wb_cross_all")
    who = None if everyone else coder
    found = computed(crosstab_of, who)
    attributes = found["attributes"]
    if not attributes:
        st.info(t("wb_no_participants"))
        return
    default = attributes.index("gender") if "gender" in attributes else 0
    attribute = st.selectbox(
        t("wb_attribute"),
        attributes,
        index=default,
        key=valid_key("wb_cross_attr", attributes, False),
    )
    codes = codes_by_id()
    table = found["tables"].get(attribute)
    if not table or not table["rows"]:
        st.caption(t("no_codings"))
        return
    st.dataframe(
        pd.DataFrame(
            [
                {
                    t("code"): label(codes.get(r["code"]), r["code"]),
                    **{v: f"{r['counts'][v]} ({r['row_percent'][v]}%)" for v in table["values"]},
                    t("wb_total"): r["total"],
                }
                for r in table["rows"]
            ]
        ),
        hide_index=True,
        width="stretch",
        key="wb_cross_table",
    )
    st.markdown(f"**{t('wb_cases')}**")
    matrix = pd.DataFrame(found["cases"]).fillna(0).astype(int)
    matrix.index = [label(codes.get(c), c) for c in matrix.index]
    st.dataframe(matrix, width="stretch", key="wb_cross_cases")
