"""The workbench's editing panels: the code tree (edited in place), the tagger's suggestions
(accept / adjust / reject) and memos. Writes go through :class:`kgreview.coding.Workbench`."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from kgreview.app.components import codes_by_id, computed, query, store
from kgreview.app.i18n import label, lkey, shown, t
from kgreview.app.workbench_data import coder_view, suggestions, turns_of
from kgreview.coding import LEVELS, Workbench
from kgreview.model import Code

NO_PARENT = ""


def valid_key(name: str, options: list, per_language: bool = True) -> str:
    """A select box key whose remembered value is dropped when it is no longer an option
    (another transcript, a merged code): the box falls back to its default."""
    key = lkey(name) if per_language else name
    if key in st.session_state and st.session_state[key] not in options:
        del st.session_state[key]
    return key


def label_edits(rows: list[dict], codes: dict[str, Code]) -> list[tuple[str, str, str]]:
    """(code id, Chinese label, English label) of the grid rows whose labels were edited;
    an emptied label takes the other one (a code never ends up without a label)."""
    found = []
    for row in rows:
        zh, en = (str(row.get("label_zh") or "").strip(), str(row.get("label_en") or "").strip())
        code = codes.get(row["id"])
        if code is not None and (zh or en) and (code.label_zh, code.label_en) != (zh, en):
            found.append((row["id"], zh or en, en or zh))
    return found


def _level(code: Code) -> str:
    return t(f"lvl_{code.level}") if code.level else ""


def code_tree(bench: Workbench) -> None:
    """The coder's codes as an indented tree; labels edited in the grid, then new, move and
    merge below."""
    st.caption(t("wb_tree_caption"))
    rows = computed(coder_view, bench.coder)["tree"]
    codes = {r["code"].id: r["code"] for r in rows}
    if rows:
        frame = pd.DataFrame(
            [
                {
                    "id": r["code"].id,
                    t("code"): "\u2003" * r["depth"] + label(r["code"]),
                    "label_zh": r["code"].label_zh,
                    "label_en": r["code"].label_en,
                    t("wb_level"): _level(r["code"]),
                    t("codings"): r["codings"],
                }
                for r in rows
            ]
        )
        # The revision in the key: after a write the grid starts from the stored labels.
        edited = st.data_editor(
            frame,
            hide_index=True,
            width="stretch",
            key=f"wb_tree_{store().revision()}",
            disabled=["id", t("code"), t("wb_level"), t("codings")],
        )
        changes = label_edits(edited.to_dict("records"), codes)
        if changes and st.button(t("wb_save_labels"), key="wb_save_labels", type="primary"):
            for code_id, zh, en in changes:
                bench.rename(code_id, zh, en)
            st.rerun()
    new_code(bench, codes)
    if codes:
        move_and_merge(bench, codes)


def _parent_picker(name: str, key: str, codes: dict[str, Code], skip: str = "") -> str:
    options = [NO_PARENT, *(c for c in codes if c != skip)]
    fmt = shown(lambda c: label(codes[c]) if c else t("wb_no_parent"), options)
    return st.selectbox(name, options, key=valid_key(key, options), format_func=fmt)


def new_code(bench: Workbench, codes: dict[str, Code]) -> None:
    """A named code at a grounded-theory level, optionally under a parent."""
    with st.form("wb_new_code_form", clear_on_submit=True):
        st.markdown(f"**{t('wb_new_code')}**")
        one, two, three = st.columns(3)
        name = one.text_input(t("wb_label"), key="wb_new_label")
        level = two.selectbox(
            t("wb_level"),
            LEVELS,
            index=1,
            key=lkey("wb_new_level"),
            format_func=shown(lambda v: t(f"lvl_{v}"), LEVELS),
        )
        with three:
            parent = _parent_picker(t("wb_parent"), "wb_new_parent", codes)
        if st.form_submit_button(t("wb_create")) and name.strip():
            bench.new_code(name.strip(), level, parent or None)
            st.rerun()


def move_and_merge(bench: Workbench, codes: dict[str, Code]) -> None:
    """Move a code under another (axial coding) or merge it into another (codings follow)."""
    options = list(codes)
    fmt = shown(lambda c: label(codes[c]), options)
    left, right = st.columns(2)
    with left:
        code = st.selectbox(
            t("wb_move_code"), options, key=valid_key("wb_move_pick", options), format_func=fmt
        )
        parent = _parent_picker(t("wb_move"), "wb_move_parent", codes, skip=code or "")
        if st.button(t("wb_do_move"), key="wb_do_move") and code:
            bench.move(code, parent or None)
            st.rerun()
    with right:
        source = st.selectbox(
            t("wb_merge_code"), options, key=valid_key("wb_merge_pick", options), format_func=fmt
        )
        into = [c for c in options if c != source]
        target = st.selectbox(
            t("wb_merge"),
            into,
            key=valid_key("wb_merge_into", into),
            format_func=shown(lambda c: label(codes[c]), into),
        )
        if st.button(t("wb_do_merge"), key="wb_do_merge") and source and target:
            try:
                bench.merge(source, target)
            except ValueError as exc:  # another coder still uses it: the store refuses
                st.warning(f"{t('wb_refused')}: {exc}")
                return
            st.rerun()


def suggestion_panel(document_id: str, bench: Workbench, selection: dict | None) -> None:
    """The tagger's codings here with this coder's decision; accept, reject, or adjust one to
    the selected words."""
    rows = computed(suggestions, document_id, bench.coder)
    if not rows:
        st.caption(t("wb_no_suggestions"))
        return
    codes = codes_by_id()
    st.dataframe(
        pd.DataFrame(
            [
                {
                    t("code"): label(codes.get(r["coding"].code_id), r["coding"].code_id),
                    t("wb_selection"): r["coding"].evidence,
                    t("polarity"): r["coding"].polarity,
                    "start": r["coding"].start,
                    t("wb_status"): t(f"st_{r['status']}"),
                }
                for r in rows
            ]
        ),
        hide_index=True,
        width="stretch",
        key="wb_suggestion_table",
    )
    by_id = {r["coding"].id: r for r in rows}
    options = list(by_id)

    def name(i: str) -> str:
        # Unique and stable: the same words recur, and a decision must not rename the option.
        c = by_id[i]["coding"]
        return f"{label(codes.get(c.code_id), c.code_id)}: «{c.evidence}» @{c.start}"

    picked = st.selectbox(
        t("wb_pick_suggestion"),
        options,
        key=valid_key("wb_suggestion", options),
        format_func=shown(name, options),
    )
    if picked is None:
        return
    suggestion = by_id[picked]["coding"]
    reason = st.text_input(t("wb_reason"), key="wb_reason")
    one, two, three = st.columns(3)
    if one.button(t("wb_accept"), key="wb_accept", type="primary"):
        bench.accept(suggestion)
        st.rerun()
    if two.button(t("wb_reject"), key="wb_reject"):
        bench.reject(suggestion, reason.strip())
        st.rerun()
    if three.button(t("wb_adjust"), key="wb_adjust", disabled=selection is None) and selection:
        bench.adjust(suggestion, selection["start"], selection["end"])
        st.rerun()


def memo_panel(document_id: str, bench: Workbench, selection: dict | None) -> None:
    """Memos on this transcript, the selected turn, a code of the tree or one of my codings;
    the memos already written on any of them."""
    codes = codes_by_id()
    targets: dict[str, str] = {document_id: t("wb_target_document")}
    if selection:
        targets[selection["segment"]] = f"{t('wb_target_turn')}: {selection['text'][:40]}"
    for row in computed(coder_view, bench.coder)["tree"]:
        targets[row["code"].id] = f"{t('code')}: {label(row['code'])}"
    for c in query("codings_for_document", document_id):
        if c.coder == bench.coder:
            shown_code = label(codes.get(c.code_id), c.code_id)
            targets[c.id] = f"{shown_code}: «{c.evidence[:40]}» @{c.start}"
    options = list(targets)
    with st.form("wb_memo_form", clear_on_submit=True):
        target = st.selectbox(
            t("wb_memo_on"),
            options,
            key=valid_key("wb_memo_target", options),
            format_func=shown(targets.__getitem__, options),
        )
        text = st.text_area(t("wb_memo_text"), key="wb_memo_text")
        if st.form_submit_button(t("wb_save_memo")) and text.strip() and target:
            bench.memo(target, text.strip())
            st.rerun()
    turns = {turn["id"]: turn for turn in computed(turns_of, document_id)}
    for turn_id, turn in turns.items():
        targets.setdefault(turn_id, f"{turn['speaker']}: {turn['text'][:40]}")
    memos = [m for m in query("memos") if m.target_id in targets]
    if not memos:
        st.caption(t("wb_no_memos"))
        return
    st.dataframe(
        pd.DataFrame(
            [
                {
                    t("wb_memo_on"): targets.get(m.target_id, m.target_id),
                    t("wb_coder"): m.author,
                    t("wb_memo_text"): m.text,
                    "created": m.created,
                }
                for m in memos
            ]
        ),
        hide_index=True,
        width="stretch",
        key="wb_memo_table",
    )
