"""Import & export: upload files of any format `kgreview ingest` reads (progress bar, the
CLI's own per-file and per-record lines), and download the project for other tools —
REFI-QDA, GraphML/GEXF for Gephi, CSV/XLSX tables."""

from __future__ import annotations

import networkx as nx
import streamlit as st

from kgreview.analysis import network as net
from kgreview.app import exports, network
from kgreview.app.components import query, store
from kgreview.app.i18n import lang, t
from kgreview.app.uploads import UploadOutcome, ingest_uploads
from kgreview.store import GraphStore

OUTCOME = "transfer_outcome"
NONCE = "transfer_upload_nonce"  # a new uploader key empties it after an ingest


def upload_section(graph: GraphStore) -> None:
    """The uploader, the ingest button with its progress bar, and the last outcome."""
    st.subheader(t("import"))
    st.caption(t("import_caption"))
    nonce = st.session_state.get(NONCE, 0)
    files = st.file_uploader(
        t("upload_files"), accept_multiple_files=True, key=f"transfer_upload_{nonce}"
    )
    if st.button(t("ingest_button"), disabled=not files, key="transfer_ingest", type="primary"):
        bar = st.progress(0.0, text=t("reading"))

        def advance(done: int, total: int, name: str) -> None:
            bar.progress(done / max(total, 1), text=f"{done}/{total} · {name}")

        uploaded = [(f.name, f.getvalue()) for f in files or []]
        try:
            outcome = ingest_uploads(uploaded, graph, progress=advance)
        except (OSError, ValueError) as exc:  # e.g. a full disk: one line, like the CLI
            outcome = UploadOutcome(t("upload_error"), [f"error: {' '.join(str(exc).split())}"])
        st.session_state[OUTCOME] = outcome
        st.session_state[NONCE] = nonce + 1
        st.rerun()  # every cached query is keyed by the store revision the ingest bumped
    outcome = st.session_state.get(OUTCOME)
    if isinstance(outcome, UploadOutcome):
        show_outcome(outcome)


def show_outcome(outcome: UploadOutcome) -> None:
    """The summary line and every `skipped …` line, as `kgreview ingest` prints them."""
    if outcome.lines and not outcome.documents:
        st.error(f"{t('upload_failed')} {outcome.summary}")
    elif outcome.lines:
        st.warning(f"{t('upload_partly')} {outcome.summary}")
    else:
        st.success(f"{t('upload_done')} {outcome.summary}")
    if outcome.lines:
        st.code("\n".join(outcome.lines), language=None, wrap_lines=True)


def refi_section(graph: GraphStore) -> None:
    st.markdown(f"**{t('refi')}**")
    st.caption(t("refi_caption"))
    auto = st.checkbox(t("include_auto"), key="transfer_auto")
    left, right = st.columns(2)
    left.download_button(
        t("download_qdpx"), lambda: exports.qdpx_bytes(graph, auto), file_name="kgreview.qdpx",
        mime="application/zip", key="transfer_qdpx", on_click="ignore",
    )  # fmt: skip
    right.download_button(
        t("download_qdc"), lambda: exports.qdc_bytes(graph), file_name="kgreview.qdc",
        mime="application/xml", key="transfer_qdc", on_click="ignore",
    )  # fmt: skip


def full_network(graph: GraphStore) -> nx.Graph:
    """Every code of every category co-occurring in a document (the 150 most frequent)."""
    return net.code_graph(graph.incidence(), graph.list_codes(), None, 1, 150)


def network_section(graph: GraphStore) -> None:
    # The network page's writers, fed the whole graph, built only when a file is asked for.
    st.markdown(f"**{t('network_files')}**")
    st.caption(t("network_files_caption"))
    network.downloads(lambda: full_network(graph), heading=False)


def tables_section(graph: GraphStore) -> None:
    st.markdown(f"**{t('tables')}**")
    st.caption(t("tables_caption"))
    chosen = lang()
    files = (
        ("summary_xlsx", lambda: exports.summary_xlsx_bytes(graph, chosen), "xlsx"),
        ("summary_csv", lambda: exports.summary_csv_bytes(graph, chosen), "csv"),
        ("frequencies_xlsx", lambda: exports.frequencies_xlsx(graph), "xlsx"),
        ("frequencies_csv", lambda: exports.frequencies_csv(graph), "csv"),
    )
    for column, (key, build, ext) in zip(st.columns(len(files)), files, strict=True):
        name = "kgreview-" + key.rsplit("_", 1)[0] + f".{ext}"
        mime = exports.XLSX if ext == "xlsx" else "text/csv"
        column.download_button(t(key), build, file_name=name, mime=mime,
                               key=f"transfer_{key}", on_click="ignore")  # fmt: skip


def render() -> None:
    """The import & export page."""
    graph = store()
    st.title(t("transfer_title"))
    upload_section(graph)
    st.divider()
    st.subheader(t("export"))
    if not query("stats")["documents"]:
        st.info(t("empty_store"))
        return
    refi_section(graph)
    network_section(graph)
    tables_section(graph)
