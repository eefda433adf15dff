"""Co-occurrence network: codes of chosen categories, co-occurring per document or per segment;
an interactive ECharts graph whose node and edge clicks open the documents and sentences;
networkx metrics; GraphML, GEXF and CSV downloads."""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Callable

import networkx as nx
import pandas as pd
import streamlit as st

from kgreview.analysis import network as net
from kgreview.analysis.network_layout import Disc, layout
from kgreview.app.components import (
    codebook,
    codes_by_id,
    computed,
    evidence_list,
    evidence_sentences,
    query,
    require_documents,
    titles,
)
from kgreview.app.i18n import category_label, label, lang, lkey, short_label, shown, t
from kgreview.store import GraphStore

DEFAULT_CATEGORIES = ["theory", "context", "countermeasure"]
UNITS = ["document", "segment"]
MAX_NODES = 300  # the slider's top: scripts/bench network times the page at this size
CLICK = """function(params) {
  if (params.dataType === 'node') { return {kind: 'node', id: params.data.id}; }
  if (params.dataType === 'edge') {
    return {kind: 'edge', source: params.data.source, target: params.data.target};
  }
}"""

# The live chart for the browser test to find node positions; returns nothing (no rerun).
EXPOSE = "function() { window.kgreviewNetwork = chart; }"


def _segment_incidence(graph: GraphStore) -> list[tuple[str, str]]:
    """Distinct (segment, code) pairs, from each used code's evidence rows."""
    rows = set()
    for count in graph.code_frequencies():
        for ev in graph.evidence_for_code(count.code_id):
            rows.add((ev.segment_id or f"{ev.document_id}#{ev.start}", count.code_id))
    return sorted(rows)


def incidence(unit: str) -> list[tuple[str, str]]:
    if unit == "segment":
        return computed(_segment_incidence)
    return query("incidence")


def build(categories: tuple[str, ...], unit: str, min_weight: int, max_nodes: int) -> nx.Graph:
    return net.code_graph(incidence(unit), query("list_codes"), categories, min_weight, max_nodes)


def signature(graph: nx.Graph) -> str:
    """A digest of what the layout and the metrics depend on: the nodes (with category and
    frequency) and the weighted edges (hashed here: Streamlit's own hashing of the tuples took
    longer than the layout)."""
    nodes = sorted(
        (n, d["category"], d["frequency"], d["label_en"], d["label_zh"])  # labels: their room
        for n, d in graph.nodes(data=True)
    )
    edges = sorted((*sorted((a, b)), d["weight"]) for a, b, d in graph.edges(data=True))
    return hashlib.sha256(repr((nodes, edges)).encode()).hexdigest()


# Per graph, not per rerun: a click reruns the page, and at 300 codes / 2,000 edges the layout
# and the metrics (betweenness, modularity) were most of a click's wait (scripts/bench network).
@st.cache_data(show_spinner=False, max_entries=32)
def _layout(_graph: nx.Graph, key: str) -> dict[str, Disc]:
    return layout(_graph)


@st.cache_data(show_spinner=False, max_entries=32)
def _metrics(_graph: nx.Graph, key: str) -> list[dict]:
    return net.metrics(_graph)


def echarts_options(graph: nx.Graph, names: dict[str, tuple[str, str]]) -> dict:
    categories = sorted({d["category"] for _, d in graph.nodes(data=True)})
    index = {c: i for i, c in enumerate(categories)}
    heaviest = max((d["weight"] for *_, d in graph.edges(data=True)), default=1)
    zh = lang() == "zh"
    spots = _layout(graph, signature(graph))
    nodes = [
        {
            "id": node,
            # px of the plot area (series top/bottom below): network_layout keeps discs apart
            "x": round(spots[node].x, 1),
            "y": round(spots[node].y, 1),
            "name": (d["label_zh"] if zh else d["label_en"]) or node,
            "value": d["frequency"],
            "symbolSize": round(spots[node].size, 1),
            "category": index[d["category"]],
        }
        for node, d in graph.nodes(data=True)
    ]
    links = [
        {
            "source": a,
            "target": b,
            "value": d["weight"],
            "lineStyle": {"width": round(1 + 7 * d["weight"] / heaviest, 1), "opacity": 0.55},
        }
        for a, b, d in graph.edges(data=True)
    ]
    return {
        "animation": False,
        "tooltip": {},
        "legend": [{"data": [category_label(c, names) for c in categories], "top": 0}],
        "series": [
            {
                "type": "graph",
                "layout": "none",
                "top": 40,
                "bottom": 20,
                "roam": True,
                "draggable": True,
                "data": nodes,
                "links": links,
                "categories": [{"name": category_label(c, names)} for c in categories],
                "label": {"show": True, "position": "right", "fontSize": 11},
                "emphasis": {"focus": "adjacency", "lineStyle": {"width": 8}},
            }
        ],
    }


def _item_of(event: object) -> str | None:
    """'a' for a node click, 'a|b' for an edge click."""
    if isinstance(event, dict) and "chart_event" in event:
        event = event["chart_event"]
    if not isinstance(event, dict):
        return None
    if event.get("kind") == "node":
        return event.get("id")
    if event.get("kind") == "edge":
        return "|".join(sorted((event.get("source", ""), event.get("target", ""))))
    return None


def draw(graph: nx.Graph, options: dict) -> str | None:
    """The chart; returns the item its last click opened."""
    from streamlit_echarts import st_echarts  # registers its component when the app runs

    events = {"click": CLICK, "finished": EXPOSE}
    value = st_echarts(options, events=events, height="560px", key="network_chart")
    return _item_of(value)


def render() -> None:
    st.title(t("network_title"))
    if not require_documents():
        return
    names = codebook().categories
    present = [c for c in names if c in {code.category for code in query("list_codes")}]
    left, mid, right = st.columns([3, 2, 2])
    chosen = lkey("network_categories")
    defaults = [c for c in DEFAULT_CATEGORIES if c in present]
    categories = left.multiselect(
        t("categories"),
        present,
        default=None if chosen in st.session_state else defaults,
        key=chosen,
        format_func=shown(lambda c: category_label(c, names), present),
    )
    unit = mid.radio(
        t("unit"), UNITS, key=lkey("network_unit"), horizontal=True,
        format_func=shown(lambda u: t(f"unit_{u}"), UNITS),
    )  # fmt: skip
    min_weight = right.number_input(t("min_weight"), 1, 1000, 2, key="network_min")
    max_nodes = right.slider(t("max_nodes"), 5, MAX_NODES, 40, key="network_max")
    graph = build(tuple(sorted(categories)), unit, int(min_weight), int(max_nodes))
    if not graph.number_of_edges():
        st.info(t("no_edges"))
        return
    st.caption(t("graph_size").format(nodes=graph.number_of_nodes(), edges=graph.number_of_edges()))
    clicked = draw(graph, echarts_options(graph, names))
    open_item(graph, clicked, unit)
    show_metrics(graph)
    downloads(graph)


def open_item(graph: nx.Graph, clicked: str | None, unit: str) -> None:
    codes = codes_by_id()
    options = [""] + sorted(graph) + ["|".join(sorted(e)) for e in graph.edges()]
    key = lkey("network_open")
    if clicked and clicked != st.session_state.get("network_clicked"):
        st.session_state["network_clicked"] = clicked
        if clicked in options:
            st.session_state[key] = clicked
    if st.session_state.get(key) not in options:
        st.session_state[key] = ""

    shorts = {c: short_label(codes.get(c), c) for c in graph}  # once per code, not per pair

    def name(item: str) -> str:
        return " — ".join(shorts.get(c, c) for c in item.split("|")) if item else "—"

    st.markdown(t("click_hint"))
    item = st.selectbox(t("open_item"), options, key=key, format_func=shown(name, options))
    if not item:
        return
    if "|" not in item:
        code = codes.get(item)
        hits = query("documents_for_code", item)
        st.markdown(f"**{label(code, item)}** · {len(hits)} {t('documents')}")
        st.dataframe(
            pd.DataFrame([{t("title"): h.title, t("year"): h.year} for h in hits]),
            hide_index=True,
            width="stretch",
        )
        evidence_list(evidence_sentences(item), limit=15)
        return
    a, b = item.split("|")
    units: dict[str, set[str]] = defaultdict(set)
    for unit_id, code in incidence(unit):
        if code in (a, b):
            units[code].add(unit_id)
    shared = units[a] & units[b]
    rows = [r for c in (a, b) for r in evidence_sentences(c)]
    field = "segment" if unit == "segment" else "document"
    rows = [r for r in rows if r.get(field) in shared]
    documents = sorted({r["document"] for r in rows} | (shared if field == "document" else set()))
    names = titles()
    st.markdown(f"**{name(item)}** · {t('pair_documents')}: {len(documents)}")
    st.dataframe(
        pd.DataFrame([{t("title"): names.get(d, d)} for d in documents]),
        hide_index=True,
        width="stretch",
    )
    evidence_list(rows, limit=20)


def show_metrics(graph: nx.Graph) -> None:
    st.subheader(t("metrics"))
    codes = codes_by_id()
    rows = [
        {
            t("code"): short_label(codes.get(r["code"]), r["code"]),
            t("category"): r["category"],
            t("frequency"): r["frequency"],
            t("degree"): r["degree"],
            t("weighted_degree"): r["weighted_degree"],
            t("betweenness"): r["betweenness"],
            t("community"): r["community"],
        }
        for r in _metrics(graph, signature(graph))
    ]
    st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")


def downloads(graph: nx.Graph | Callable[[], nx.Graph], heading: bool = True) -> None:
    """GraphML, GEXF and CSV-matrix buttons; a callable graph is built only when clicked."""
    if heading:
        st.subheader(t("download"))
    cols = st.columns(3)
    files = (
        ("GraphML", net.to_graphml, "graphml", "application/graphml+xml"),
        ("GEXF (Gephi)", net.to_gexf, "gexf", "application/xml"),
        ("CSV matrix", net.to_csv_matrix, "csv", "text/csv"),
    )
    for col, (title, write, ext, mime) in zip(cols, files, strict=True):
        lazy = callable(graph)
        col.download_button(
            title, (lambda w=write: w(graph())) if lazy else write(graph),
            file_name=f"kgreview-cooccurrence.{ext}", mime=mime, key=f"network_dl_{ext}",
            on_click="ignore" if lazy else "rerun",
        )  # fmt: skip
