"""Thesis & trends: the literature summary table of a chosen document set (sortable,
filterable, each cell's evidence sentence, XLSX/DOCX downloads), the trends view
(:mod:`kgreview.app.thesis_trends`) and word frequencies with the word cloud."""

from __future__ import annotations

import io
import tempfile
from pathlib import Path

import pandas as pd
import streamlit as st

from kgreview.analysis.docsets import document_set
from kgreview.analysis.summary import SummaryRow, summary_table
from kgreview.analysis.words import code_counts, word_frequencies
from kgreview.app import thesis_trends
from kgreview.app.components import code_picker, codebook, computed, query, require_documents
from kgreview.app.i18n import lang, lkey, shown, t
from kgreview.export.cloud import word_cloud_image
from kgreview.export.tables import HEADERS_ZH, ORDER, summary_docx, summary_xlsx
from kgreview.store import GraphStore

# A large corpus: the table and the word counts read every document's text, so they take the
# first documents of the set and say so (narrow the set to a code or a hand-picked list).
MAX_TABLE = 300
MAX_WORDS = 3000
HEADERS_EN = {
    "authors": "Authors",
    "year": "Year",
    "venue": "Institution / journal",
    "title": "Title",
    "theory": "Theory",
    "method": "Method",
    "community": "Community",
    "intervention": "Intervention",
    "findings": "Key findings",
}


def _summary(graph: GraphStore, document_ids: tuple[str, ...], label_lang: str) -> list:
    return summary_table(graph, list(document_ids), label_lang)


def _set(graph: GraphStore, code_id: str | None, picked: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(document_set(graph, code_id, picked=picked))


def choose_set() -> tuple[str, ...]:
    """The document set the page works on: all, a code's documents or a hand-picked list."""
    kinds = ["all", "code", "picked"]
    names = {"all": t("th_all"), "code": t("th_code"), "picked": t("th_picked")}
    kind = st.radio(
        t("th_set"),
        kinds,
        key=lkey("th_kind"),
        horizontal=True,
        format_func=shown(names.__getitem__, kinds),
    )
    code_id, picked = None, ()
    if kind == "code":
        used = {c.code_id for c in query("code_frequencies")}
        pool = [c for c in query("list_codes") if c.id in used]
        code = code_picker("thesis", pool, t("pick_code"))
        if code is None:
            return ()
        code_id = code.id
    elif kind == "picked":
        titles = {d.id: d.title for d in query("document_summaries")}
        picked = tuple(
            st.multiselect(
                t("th_pick_docs"),
                list(titles),
                key="th_docs",
                format_func=shown(titles.__getitem__, titles),
            )
        )
        if not picked:
            return ()
    found = computed(_set, code_id, picked)
    st.caption(t("th_set_size").format(n=len(found)))
    return found


def _cells(row: SummaryRow) -> dict[str, str]:
    return {
        "authors": "、".join(row.authors),
        "year": str(row.year or ""),
        "venue": row.venue,
        "title": row.title,
        **{k: c.text() for k, c in row.cells.items()},
        "findings": " / ".join(f["sentence"] for f in row.findings[:1]),
    }


def _file_bytes(write, rows: list[SummaryRow], suffix: str) -> bytes:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"summary{suffix}"
        write(rows, path)
        return path.read_bytes()


def _capped(document_ids: tuple[str, ...], cap: int) -> None:
    if len(document_ids) > cap:
        st.caption(t("th_capped").format(n=cap, total=len(document_ids)))


def summary_section(document_ids: tuple[str, ...]) -> None:
    """The summary table, a filter, one row's evidence sentences, and the downloads."""
    _capped(document_ids, MAX_TABLE)
    rows: list[SummaryRow] = computed(_summary, document_ids[:MAX_TABLE], lang())
    headers = HEADERS_ZH if lang() == "zh" else HEADERS_EN
    needle = st.text_input(t("th_filter"), key="th_filter").strip().casefold()
    cells = [_cells(r) for r in rows]
    keep = [
        k
        for k, c in enumerate(cells)
        if not needle or any(needle in v.casefold() for v in c.values())
    ]
    frame = pd.DataFrame(
        [{headers[k]: cells[i][k] for k in ORDER} for i in keep],
        columns=[headers[k] for k in ORDER],
    )
    st.dataframe(frame, hide_index=True, width="stretch")  # click a header to sort
    left, right = st.columns(2)
    left.download_button(
        t("th_xlsx"),
        lambda: _file_bytes(summary_xlsx, rows, ".xlsx"),  # written when clicked, not per rerun
        file_name="literature-summary.xlsx",
        key="th_xlsx",
        on_click="ignore",
    )
    right.download_button(
        t("th_docx"),
        lambda: _file_bytes(summary_docx, rows, ".docx"),  # written when clicked, not per rerun
        file_name="literature-summary.docx",
        key="th_docx",
        on_click="ignore",
    )
    if not keep:
        return
    titles = {i: rows[i].title for i in keep}
    chosen = st.selectbox(
        t("th_evidence_of"),
        list(titles),
        key="th_row",
        format_func=shown(titles.__getitem__, titles),
    )
    evidence = [
        {t("th_column"): headers[column], t("th_label"): label, t("th_sentence"): e["sentence"]}
        for column, cell in rows[chosen].cells.items()
        for label, e in zip(cell.labels, cell.evidence, strict=False)
    ]
    evidence += [
        {t("th_column"): headers["findings"], t("th_label"): "", t("th_sentence"): f["sentence"]}
        for f in rows[chosen].findings
    ]
    st.dataframe(pd.DataFrame(evidence), hide_index=True, width="stretch")


def _words(graph: GraphStore, document_ids: tuple[str, ...], script: str, top: int):
    chosen = document_ids[:MAX_WORDS]  # read 200 at a time: a round trip each on Neo4j
    texts = [
        d.text
        for at in range(0, len(chosen), 200)
        for d in graph.get_documents(chosen[at : at + 200])
    ]
    terms = [f for e in codebook().codes for f, s in e.surface_forms() if s == "zh"]
    labels = {c.id: f"{c.label_zh} / {c.label_en}" for c in graph.list_codes()}
    words = word_frequencies(texts, terms=terms, top=top, lang=script)
    return words, code_counts(graph.polarity_incidence(), set(document_ids), labels, top)


@st.cache_data(max_entries=8, show_spinner=False)
def _cloud_png(words: tuple) -> bytes:
    """The cloud as PNG bytes, drawn once per word list (drawing takes ~0.3 s)."""
    buffer = io.BytesIO()
    word_cloud_image(list(words)).save(buffer, format="PNG")
    return buffer.getvalue()


def words_section(document_ids: tuple[str, ...]) -> None:
    """Word frequencies beside code frequencies of the same set, and the word cloud."""
    scripts = ["zh", "en", "all"]
    script = st.radio(
        t("th_script"),
        scripts,
        key="th_script",
        horizontal=True,
        format_func=shown(
            {"zh": "中文", "en": "English", "all": "all / 全部"}.__getitem__, scripts
        ),
    )
    top = st.slider(t("th_top"), 10, 150, 40, key="th_top")
    _capped(document_ids, MAX_WORDS)
    words, codes = computed(_words, document_ids, script, top)
    left, right = st.columns(2)
    left.dataframe(
        pd.DataFrame(
            [
                {t("th_word"): w.word, t("th_count"): w.count, t("documents"): w.documents}
                for w in words
            ]
        ),
        hide_index=True,
        width="stretch",
    )
    right.markdown(f"**{t('th_codes_beside')}**")
    right.dataframe(
        pd.DataFrame([{t("code"): c["label"], t("documents"): c["documents"]} for c in codes]),
        hide_index=True,
        width="stretch",
    )
    if not words:
        st.info(t("th_no_words"))
        return
    try:
        st.image(_cloud_png(tuple(words)), width="stretch")
    except ValueError as exc:  # no CJK font: say how to install it
        st.warning(str(exc))


def render() -> None:
    st.title(t("th_title"))
    if not require_documents():
        return
    document_ids = choose_set()
    if not document_ids:
        return
    # A switch, not tabs: tabs run every section on each rerun (the word counts alone take
    # a second on 10k documents); this runs only the one shown.
    views = ["th_summary", "th_trends", "th_words"]
    view = st.radio(t("th_title"), views, horizontal=True, key=lkey("th_view"),
                    format_func=shown(t, views), label_visibility="collapsed")  # fmt: skip
    if view == "th_trends":
        thesis_trends.render_trends(document_ids)
    elif view == "th_words":
        words_section(document_ids)
    else:
        summary_section(document_ids)
