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


def _short(text: str) -> str:
    return text if len(text) <= SHORT else text[: SHORT - 1] + "…"


def _trends(graph: GraphStore, document_ids: tuple[str, ...]) -> dict:
    return gather_trends(graph, set(document_ids))


def _when(date: str) -> float:
    """ "2020-07-10" → 2020.5: where in its year a policy sits on the axis."""
    parts = [int(p) for p in date.split("-") if p.isdigit()]
    return parts[0] + ((parts[1] - 1) / 12 if len(parts) > 1 else 0.0)


def years_and_policies(report: dict) -> alt.VConcatChart | alt.Chart:
    """Bars of documents per year; under them, on the same axis, each policy as a tick."""
    years = pd.DataFrame([{"year": int(y), "documents": n} for y, n in report["years"].items()])
    policies = pd.DataFrame(
        [
            {
                "when": _when(p["date"]),
                "name": _short(p["short_name"]),
                "date": p["date"],
                "issuer": p["issuer"],
            }
            for p in report["policies"]
            if p["date"]
        ]
    )
    span = [*years.get("year", []), *(int(w) for w in policies.get("when", []))]
    if not span:
        return alt.Chart(pd.DataFrame()).mark_point()
    domain = [min(span) - 0.5, max(span) + 1.5]
    x = alt.X(
        "year:Q",
        title=t("year"),
        scale=alt.Scale(domain=domain),
        axis=alt.Axis(format="d", tickMinStep=1),
    )
    bars = (
        alt.Chart(years)
        .mark_bar(width=14)
        .encode(x=x, y=alt.Y("documents:Q", title=t("documents")), tooltip=["year", "documents"])
        .properties(height=220)
    )
    if policies.empty:
        return bars
    policies["row"] = range(len(policies))
    base = alt.Chart(policies).encode(
        x=alt.X(
            "when:Q",
            title=t("th_policies"),
            scale=alt.Scale(domain=domain),
            axis=alt.Axis(format="d", tickMinStep=1),
        ),
        y=alt.Y("row:O", axis=None),
        tooltip=["date", "name", "issuer"],
    )
    ticks = base.mark_point(shape="triangle-down", size=90, color="#c0392b", filled=True)
    names = base.mark_text(align="left", dx=8, fontSize=12).encode(text="name:N")
    return alt.vconcat(bars, (ticks + names).properties(height=24 * len(policies) + 20))


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
    st.altair_chart(years_and_policies(report), width="stretch")
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
    st.dataframe(
        pd.DataFrame(
            [{t("author"): a["name"], t("th_papers"): a["papers"]} for a in core["authors"]]
        ),
        hide_index=True,
        width="stretch",
    )
