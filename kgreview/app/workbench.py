"""Coding workbench: a coder reads a transcript as turns, selects words and applies a code
or creates an in-vivo one; edits the code tree, decides on the tagger's suggestions, writes
memos, and checks agreement with another coder, saturation and the attribute crosstab.

Every write goes through :class:`kgreview.coding.Workbench` (store protocol), which bumps
the store's revision: the cached reads of every page refresh on the next run.
"""

from __future__ import annotations

import html

import streamlit as st

from kgreview.app import workbench_analysis, workbench_panels
from kgreview.app.components import code_picker, codes_by_id, computed, query, store
from kgreview.app.components import require_documents as has_documents
from kgreview.app.i18n import label, shown, t
from kgreview.app.textselect import PENDING, Mark, text_select
from kgreview.app.workbench_data import documents_to_code, human_coders, turns_of
from kgreview.app.workbench_panels import valid_key
from kgreview.coding import Workbench
from kgreview.model import Coder, Origin

SELECTION = "wb_selection"  # the pending selection: {document, segment, start, end, text}


def pick_document() -> str | None:
    """The transcript picker (any document when the store has no transcript)."""
    pool, transcripts = computed(documents_to_code)
    if not transcripts:
        st.caption(t("wb_no_transcripts"))
    titles = dict(pool)
    options = list(titles)
    return st.selectbox(
        t("wb_transcript"), options, key="wb_doc", format_func=shown(titles.__getitem__, options)
    )


def _name_coder() -> None:
    """A typed name becomes a Coder node (so it is listed everywhere) and the chosen coder."""
    name = st.session_state.get("wb_new_coder", "").strip()
    if name:
        store().upsert_coders([Coder(id=name, name=name)])
        st.session_state["wb_coder"] = name
        st.session_state["wb_new_coder"] = ""


def pick_coder() -> str | None:
    """Who is coding: a stored coder, or a new name typed beside the list."""
    left, right = st.columns([1, 1])
    coders = computed(human_coders)
    if st.session_state.get("wb_coder") not in coders:
        st.session_state.pop("wb_coder", None)
    coder = left.selectbox(
        t("wb_coder"), coders, index=None, key="wb_coder", placeholder=t("wb_pick_coder")
    )
    right.text_input(t("wb_new_coder"), key="wb_new_coder", on_change=_name_coder)
    return coder


def marks_of(document_id: str, coder: str, others: bool, auto: bool) -> list[Mark]:
    """Highlights: this coder's codings, other coders' (optional), suggestions (optional)."""
    codes = codes_by_id()
    found = []
    for c in query("codings_for_document", document_id):
        kind = "auto" if c.origin == Origin.AUTO else "mine" if c.coder == coder else "other"
        if (kind == "auto" and not auto) or (kind == "other" and not others):
            continue
        title = f"{label(codes.get(c.code_id), c.code_id)} — {c.coder}"
        found.append(Mark(c.start, c.end, kind, title))
    return found


def transcript(document_id: str, coder: str) -> None:
    """The turns with highlights; a new selection becomes the pending one."""
    left, right = st.columns(2)
    others = left.toggle(t("wb_show_others"), value=True, key="wb_others")
    auto = right.toggle(t("wb_show_auto"), value=False, key="wb_auto")
    pending = st.session_state.get(SELECTION) or {}
    marks = marks_of(document_id, coder, others, auto)
    if pending.get("document") == document_id:
        marks.append(Mark(pending["start"], pending["end"], PENDING, t("wb_selection")))
    turns = [{**turn, "marks": marks} for turn in computed(turns_of, document_id)]
    picked = pending.get("segment") if pending.get("document") == document_id else None
    selection = text_select(turns, key=f"wb_text_{document_id}", hint=t("wb_hint"), selected=picked)
    if selection is not None and selection.n != st.session_state.get("wb_seen"):
        st.session_state["wb_seen"] = selection.n
        st.session_state[SELECTION] = {
            "document": document_id,
            "segment": selection.segment,
            "start": selection.start,
            "end": selection.end,
            "text": selection.text,
        }
        st.rerun()  # once more, so the turns show the selection waiting for a code


def pending_selection(document_id: str) -> dict | None:
    found = st.session_state.get(SELECTION)
    return found if found and found.get("document") == document_id else None


def apply_panel(document_id: str, bench: Workbench) -> None:
    """The selected words, with: apply an existing code (searchable), or an in-vivo code."""
    st.subheader(t("wb_selection"))
    chosen = pending_selection(document_id)
    if chosen is None:
        st.caption(t("wb_no_selection"))
        return
    st.markdown(
        f"<blockquote class='kg-selected'>{html.escape(chosen['text'])}</blockquote>",
        unsafe_allow_html=True,
    )
    st.caption(f"{chosen['start']}–{chosen['end']}")
    code = code_picker("wb_code", query("list_codes"), t("wb_apply_code"))
    one, two = st.columns(2)
    if one.button(t("wb_apply"), key="wb_apply", type="primary", disabled=code is None,
                  width="stretch"):  # fmt: skip
        bench.apply(document_id, chosen["start"], chosen["end"], code.id)
        done(label(code))
    if two.button(t("wb_in_vivo"), key="wb_in_vivo", width="stretch"):
        made, _ = bench.in_vivo(document_id, chosen["start"], chosen["end"])
        done(made.label_en)
    if st.button(t("wb_clear"), key="wb_clear", type="tertiary"):
        st.session_state.pop(SELECTION, None)
        st.rerun()


def done(code_label: str) -> None:
    """After a coding: drop the pending selection, say so, and rerun on the new revision."""
    st.session_state.pop(SELECTION, None)
    st.session_state["wb_flash"] = t("wb_applied").format(code=code_label)
    st.rerun()


def my_codings(document_id: str, coder: str) -> None:
    """This coder's codings in the document, one removable at a time."""
    codes = codes_by_id()
    mine = sorted(
        (
            c
            for c in query("codings_for_document", document_id)
            if c.coder == coder and c.origin == Origin.MANUAL
        ),
        key=lambda c: c.start,
    )
    st.subheader(t("wb_my_codings"))
    if not mine:
        st.caption(t("wb_no_my_codings"))
        return
    st.dataframe(
        [
            {
                t("code"): label(codes.get(c.code_id), c.code_id),
                t("wb_selection"): c.evidence,
                "start": c.start,
                "end": c.end,
            }
            for c in mine
        ],
        hide_index=True,
        width="stretch",
        key="wb_my_table",
    )
    by_id = {c.id: c for c in mine}
    options = list(by_id)
    name = shown(
        lambda i: (
            f"{label(codes.get(by_id[i].code_id))}: «{by_id[i].evidence[:40]}» @{by_id[i].start}"
        ),
        options,
    )
    left, right = st.columns([3, 1], vertical_alignment="bottom")
    target = left.selectbox(
        t("wb_remove"), options, key=valid_key("wb_remove_pick", options), format_func=name
    )
    if right.button(t("wb_remove_button"), key="wb_remove") and target:
        store().delete_coding(target)
        st.rerun()


def render() -> None:
    st.title(t("workbench"))
    if not has_documents():
        return
    document_id = pick_document()
    coder = pick_coder()
    if document_id is None:
        return
    if not coder:
        st.info(t("wb_pick_coder"))
        return
    bench = Workbench(store(), coder)
    # Always one slot, shown or empty: the tabs below keep their place (and the open tab).
    notice = st.empty()
    if flash := st.session_state.pop("wb_flash", None):
        notice.success(flash)
    reading, working = st.columns([4, 3])
    with reading:
        transcript(document_id, coder)
    with working:
        apply_panel(document_id, bench)
        my_codings(document_id, coder)
    tabs = st.tabs(
        [
            t("wb_tree"),
            t("wb_suggestions"),
            t("wb_memos"),
            t("wb_agreement"),
            t("wb_saturation"),
            t("wb_crosstab"),
        ]
    )
    with tabs[0]:
        workbench_panels.code_tree(bench)
    with tabs[1]:
        workbench_panels.suggestion_panel(document_id, bench, pending_selection(document_id))
    with tabs[2]:
        workbench_panels.memo_panel(document_id, bench, pending_selection(document_id))
    with tabs[3]:
        workbench_analysis.agreement_panel(document_id, coder)
    with tabs[4]:
        workbench_analysis.saturation_panel(coder)
    with tabs[5]:
        workbench_analysis.crosstab_panel(coder)
