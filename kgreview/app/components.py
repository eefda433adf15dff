"""Shared widgets, the cached store connection and cached queries.

No queries here either: only GraphStore protocol calls, cached per store revision so a write
anywhere refreshes every page.
"""

from __future__ import annotations

import html
import logging
import os
from collections.abc import Callable, Iterable
from typing import Any

import streamlit as st

from kgreview import ids
from kgreview.analysis.whocites import sentence_finder
from kgreview.app.i18n import label, lkey, polarity_label, shown, t
from kgreview.model import Code, Polarity
from kgreview.nlp.codebook import Codebook, default_codebook_path, load_codebook
from kgreview.store import GraphStore, StoreError, open_store

log = logging.getLogger(__name__)


@st.cache_resource(show_spinner=False)
def _store(uri: str | None) -> GraphStore:
    return open_store(uri)


def store() -> GraphStore:
    """The store named by KGREVIEW_STORE (set by ``kgreview serve``), opened once per process."""
    try:
        return _store(os.environ.get("KGREVIEW_STORE"))
    except StoreError as exc:
        st.error(f"{t('store_error')}: {exc}")
        st.stop()
        raise  # unreachable: st.stop() ends the run


@st.cache_resource(show_spinner=False)
def codebook() -> Codebook:
    return load_codebook(default_codebook_path())


@st.cache_data(show_spinner=False, max_entries=256)
def _query(uri: str, revision: int, method: str, args: tuple) -> Any:
    return getattr(store(), method)(*args)


def query(method: str, *args: Any) -> Any:
    """``store().method(*args)``, cached until the store's revision changes."""
    graph = store()
    return _query(graph.describe(), graph.revision(), method, args)


@st.cache_data(show_spinner=False, max_entries=128)
def _computed(uri: str, revision: int, name: str, args: tuple, _fn: Callable) -> Any:
    return _fn(store(), *args)


def computed(fn: Callable[..., Any], *args: Any) -> Any:
    """``fn(store, *args)`` (an analysis over protocol calls), cached per store revision."""
    graph = store()
    name = f"{fn.__module__}.{fn.__qualname__}"
    return _computed(graph.describe(), graph.revision(), name, args, _fn=fn)


def guarded(render: Callable[[], None]) -> Callable[[], None]:
    """A page that shows a clear message instead of a traceback when something fails."""

    def page() -> None:
        try:
            render()
        except StoreError as exc:
            st.error(f"{t('store_error')}: {exc}")
        except Exception as exc:  # a page never shows a traceback; the log keeps it
            log.exception("page failed")
            st.error(f"{t('page_error')}: {type(exc).__name__}: {exc}")

    page.__name__ = getattr(render, "__name__", "page")
    return page


def require_documents() -> bool:
    """False (with the how-to message) when the store holds no document."""
    if query("stats")["documents"]:
        return True
    st.info(t("empty_store"))
    return False


def metric_row(counts: dict[str, int]) -> None:
    columns = st.columns(len(counts))
    for column, (name, value) in zip(columns, counts.items(), strict=True):
        column.metric(name.capitalize(), f"{value:,}")


def codes_by_id() -> dict[str, Code]:
    return {c.id: c for c in query("list_codes")}


def titles() -> dict[str, str]:
    return {d.id: d.title for d in query("document_summaries")}


# --- the code picker ------------------------------------------------------------------------
def _forms(code: Code, book: Codebook) -> list[str]:
    entry = book.by_id().get(code.id)
    forms = [code.id, code.label_en, code.label_zh]
    if entry is not None:
        forms += [f for f, _ in entry.surface_forms()]
    return [ids.normalise_key(f) for f in forms if f]


def search_codes(text: str, codes: Iterable[Code], book: Codebook) -> list[Code]:
    """Codes whose id, English or Chinese label or a synonym contains ``text``; exact first."""
    key = ids.normalise_key(text)
    pool = list(codes)
    if not key:
        return pool
    exact, partial = [], []
    for code in pool:
        forms = _forms(code, book)
        if key in forms:
            exact.append(code)
        elif any(key in f for f in forms):
            partial.append(code)
    return exact + partial


def code_picker(
    key: str,
    codes: list[Code],
    prompt: str,
    default: str | None = None,
) -> Code | None:
    """A search box (Chinese, English, synonyms) and a select box of the matching codes."""
    left, right = st.columns([1, 2])
    text = left.text_input(prompt, key=f"{key}_search", placeholder="增能 / empowerment")
    matches = search_codes(text, codes, codebook())
    if not matches:
        right.warning(f"{t('code')}: 0 / {len(codes)}")
        return None
    options = [c.id for c in matches]
    by_id = {c.id: c for c in matches}
    pick = lkey(f"{key}_pick")
    if pick in st.session_state and st.session_state[pick] not in options:
        del st.session_state[pick]
    index = options.index(default) if default in options and not text else 0
    chosen = right.selectbox(
        t("matching"),
        options,
        index=None if pick in st.session_state else index,
        key=pick,
        format_func=shown(lambda c: label(by_id[c]), options),
    )
    return by_id.get(chosen)


# --- evidence -------------------------------------------------------------------------------
def _evidence_sentences(graph: GraphStore, code_id: str, limit: int | None) -> list[dict]:
    find = sentence_finder(graph)
    evidence = graph.evidence_for_code(code_id, limit)
    # Their documents in one read (a round trip each on Neo4j: 200 rows, ~150 documents).
    find.preload(graph.get_documents(list(dict.fromkeys(ev.document_id for ev in evidence))))
    rows = []
    for ev in evidence:
        row = find(ev.document_id, ev.start, ev.end, ev.polarity)
        rows.append({**row, "title": ev.title, "segment": ev.segment_id, "code": code_id})
    return rows


def evidence_sentences(code_id: str, limit: int | None = 200) -> list[dict]:
    """Sentences holding a code's codings: document, title, sentence, term, polarity."""
    return computed(_evidence_sentences, code_id, limit)


POLARITY_COLOURS = {
    Polarity.USES: "green",
    Polarity.RECOMMENDS: "blue",
    Polarity.MENTIONS: "gray",
    Polarity.NEGATED: "red",
    Polarity.GAP: "orange",
    Polarity.LIMITATION: "violet",
}


def highlighted(sentence: str, terms: Iterable[str]) -> str:
    """HTML of the sentence with each term marked (escaped; case-insensitive match)."""
    spans: list[tuple[int, int]] = []
    folded = sentence.casefold()
    for term in {term for term in terms if term}:
        start = folded.find(term.casefold())
        while start >= 0:
            spans.append((start, start + len(term)))
            start = folded.find(term.casefold(), start + len(term))
    out, pos = [], 0
    for start, end in sorted(spans):
        if start < pos:
            continue
        mark = html.escape(sentence[start:end])
        out += [html.escape(sentence[pos:start]), f"<mark>{mark}</mark>"]
        pos = end
    out.append(html.escape(sentence[pos:]))
    return "".join(out)


def evidence_list(rows: list[dict], limit: int = 30, terms: Iterable[str] = ()) -> None:
    """Each sentence with its term marked, its polarity and its document."""
    if not rows:
        st.caption(t("no_evidence"))
        return
    extra = list(terms)
    for row in rows[:limit]:
        colour = POLARITY_COLOURS.get(row.get("polarity", ""), "gray")
        shown_polarity = polarity_label(row.get("polarity") or "")
        polarity = f":{colour}-badge[{shown_polarity}]" if shown_polarity else ""
        marked = highlighted(row["sentence"], [row.get("term", ""), *extra])
        st.markdown(f"{polarity} <span class='kg-evidence'>{marked}</span>", unsafe_allow_html=True)
        st.caption(f"— {row.get('title') or row['document']}")
    if len(rows) > limit:
        st.caption(f"… +{len(rows) - limit}")
