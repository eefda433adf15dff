"""Shared widgets and the cached store connection (no queries here: only protocol calls)."""

from __future__ import annotations

import os

import streamlit as st

from kgreview.store import GraphStore, StoreError, open_store


@st.cache_resource(show_spinner=False)
def _store(uri: str | None) -> GraphStore:
    return open_store(uri)


def store() -> GraphStore:
    """The store named by KGREVIEW_STORE (set by ``kgreview serve``), opened once per process."""
    try:
        return _store(os.environ.get("KGREVIEW_STORE"))
    except StoreError as exc:
        st.error(f"Cannot open the graph store: {exc}")
        st.stop()
        raise  # unreachable: st.stop() ends the run


def metric_row(counts: dict[str, int]) -> None:
    columns = st.columns(len(counts))
    for column, (name, value) in zip(columns, counts.items(), strict=True):
        column.metric(name.capitalize(), f"{value:,}")
