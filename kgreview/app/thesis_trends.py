"""The trends tab of "Thesis & trends": publications per year with the policy timeline drawn
under it on the same year axis, code bursts, the codes' timezone view, Price's core authors."""

from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from kgreview.analysis.trendviews import gather_trends
from kgreview.app.components import computed
from kgreview.app.i18n import lang, t
from kgreview.store import GraphStore

TIMEZONE_CODES = 8  # per year column, the most used first
SHORT = 18  # characters of a label drawn on a chart
WIDTH = 760  # px: charts stacked with the policy strip share one fixed width


def _short(text: str) -> str:
    return text if len(text) <= SHORT else text[: SHORT - 1] + "…"


def _trends(graph: GraphStore, document_ids: tuple[str, ...]) -> dict:
    return gather_trends(graph, set(document_ids))


def _when(date: str) -> float:
    """ "2020-07-10" → 2020.5: where in its year a policy sits on the axis."""
    parts = [int(p) for p in date.split("-") if p.isdigit()]
    return parts[0] + ((parts[1] - 1) / 12 if len(parts) > 1 else 0.0)


def _policies(report: dict) -> pd.DataFrame:
    rows = [
        {
            "when": _when(p["date"]),
            "name": _short(p["short_name"]),
            "date": p["date"],
            "issuer": p["issuer"],
        }
        for p in report["policies"]
        if p["date"]
    ]
    return pd.DataFrame(rows, columns=["when", "name", "date", "issuer"])


def _domain(report: dict) -> list[float]:
    """One year axis for every chart: the corpus's years and the policies' together."""
    span = [int(y) for y in report["years"]] + [int(w) for w in _policies(report)["when"]]
    return [min(span) - 0.5, max(span) + 1.5] if span else [0, 1]


def _x(field: str, title: str, domain: list[float]) -> alt.X:
    return alt.X(
        f"{field}:Q",
        title=title,
        scale=alt.Scale(domain=domain),
        axis=alt.Axis(format="d", tickMinStep=1),
    )


def with_policies(chart: alt.Chart, report: dict) -> alt.VConcatChart | alt.Chart:
    """The chart with the policy timeline under it, each policy a tick with its short name."""
    policies = _policies(report)
    if policies.empty:
        return chart
    policies["row"] = range(len(policies))
    base = alt.Chart(policies).encode(
        x=_x("when", t("th_policies"), _domain(report)),
        y=alt.Y("row:O", axis=None),
        tooltip=["date", "name", "issuer"],
    )
    ticks = base.mark_point(shape="triangle-down", size=90, color="#c0392b", filled=True)
    names = base.mark_text(align="left", dx=8, fontSize=12).encode(text="name:N")
    return alt.vconcat(
        chart, (ticks + names).properties(height=24 * len(policies) + 20, width=WIDTH)
    )


def years_chart(report: dict) -> alt.Chart:
    """Bars of documents per year on the shared axis."""
    years = pd.DataFrame(
        [{"year": int(y), "documents": n} for y, n in report["years"].items()],
        columns=["year", "documents"],
    )
    return (
        alt.Chart(years)
        .mark_bar(width=14)
        .encode(
            x=_x("year", t("year"), _domain(report)),
            y=alt.Y("documents:Q", title=t("documents")),
            tooltip=["year", "documents"],
        )
        .properties(height=220, width=WIDTH)
    )


def codes_chart(report: dict, top: int = 6) -> alt.Chart:
    """Documents per year of the set's most used codes, on the shared axis."""
    label = "label_zh" if lang() == "zh" else "label_en"
    ranked = sorted(report["timezone"], key=lambda r: (-r["documents"], r["code"]))[:top]
    rows = [  # a year without the code is a zero, not a gap in its line
        {"year": int(y), "code": _short(r[label]), "documents": r["counts"].get(y, 0)}
        for r in ranked
        for y in report["years"]
    ]
    frame = pd.DataFrame(rows, columns=["year", "code", "documents"])
    return (
        alt.Chart(frame)
        .mark_line(point=True)
        .encode(
            x=_x("year", t("year"), _domain(report)),
            y=alt.Y("documents:Q", title=t("documents")),
            color=alt.Color("code:N", title=t("code")),
            tooltip=["year", "code", "documents"],
        )
        .properties(height=220, width=WIDTH)
    )


def timezone_chart(rows: list[dict]) -> alt.Chart:
    """Codes stacked in the column of the year they first appear, sized by documents."""
    label = "label_zh" if lang() == "zh" else "label_en"
    placed, depth = [], {}
    for row in sorted(rows, key=lambda r: (r["first_year"], -r["documents"])):
        k = depth.get(row["first_year"], 0)
        if k < TIMEZONE_CODES:
            placed.append(
                {
                    "year": row["first_year"],
                    "k": k,
                    "code": _short(row[label]),
                    "documents": row["documents"],
                }
            )
        depth[row["first_year"]] = k + 1
    frame = pd.DataFrame(placed)
    return (
        alt.Chart(frame)
        .mark_text(align="center", baseline="middle")
        .encode(
            x=alt.X("year:O", title=t("th_first_year")),
            y=alt.Y("k:O", axis=None),
            text="code:N",
            size=alt.Size("documents:Q", scale=alt.Scale(range=[9, 15]), legend=None),
            color=alt.Color("documents:Q", scale=alt.Scale(scheme="viridis"), legend=None),
            tooltip=["year", "code", "documents"],
        )
        .properties(height=28 * TIMEZONE_CODES)
    )


def render_trends(document_ids: tuple[str, ...]) -> None:
    """The whole trends tab for the chosen set."""
    report = computed(_trends, document_ids)
    st.subheader(t("th_per_year"))
    if report["years"]:
        st.altair_chart(with_policies(years_chart(report), report), width="content")
    else:
        st.info(t("no_years"))
    if report["timezone"]:
        st.subheader(t("th_code_years"))
        st.altair_chart(with_policies(codes_chart(report), report), width="content")
    st.dataframe(
        pd.DataFrame(
            [
                {
                    t("th_date"): p["date"],
                    t("th_policy"): p["title"],
                    t("th_issuer"): p["issuer"],
                    t("th_cited_by"): p["cited_by"],
                }
                for p in report["policies"]
            ]
        ),
        hide_index=True,
        width="stretch",
    )

    st.subheader(t("th_bursts"))
    bursts = report["bursts"]
    if bursts:
        st.dataframe(
            pd.DataFrame(
                [
                    {
                        t("code"): b["label"],
                        t("th_start"): b["start"],
                        t("th_end"): b["end"],
                        t("th_weight"): b["weight"],
                    }
                    for b in bursts
                ]
            ),
            hide_index=True,
            width="stretch",
        )
    else:
        st.caption(t("th_no_bursts"))

    st.subheader(t("th_timezone"))
    rows = report["timezone"]
    if rows:
        st.altair_chart(timezone_chart(rows), width="stretch")
        label = "label_zh" if lang() == "zh" else "label_en"
        st.dataframe(
            pd.DataFrame(
                [
                    {
                        t("code"): r[label],
                        t("th_first_year"): r["first_year"],
                        t("documents"): r["documents"],
                        t("year"): ", ".join(f"{y}: {n}" for y, n in r["counts"].items()),
                    }
                    for r in rows
                ]
            ),
            hide_index=True,
            width="stretch",
        )

    st.subheader(t("th_core"))
    core = report["core_authors"]
    st.caption(t("th_core_caption").format(m=core["threshold"]))
    author, papers = t("author"), t("th_papers")  # once, not per row (10^4 authors)
    st.dataframe(
        pd.DataFrame([{author: a["name"], papers: a["papers"]} for a in core["authors"]]),
        hide_index=True,
        width="stretch",
    )
