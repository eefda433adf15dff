"""Page 7, the coding workbench, through Streamlit's AppTest on the demo corpus's transcripts:
a coder applies codes to selected words, the code tree changes, and the agreement panel
answers what kgreview.analysis.agreement computes from the store."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from kgreview.analysis.agreement import Agreement, Unit, agreement
from kgreview.app.workbench_data import suggestions, turns_of
from kgreview.model import Origin, SegmentKind
from kgreview.pipeline import ingest
from kgreview.store import open_store
from kgreview.tagging import load_tagger
from tests.conftest import REPO

TRANSCRIPTS = REPO / "corpus" / "transcripts"
R7 = "Community participation interview R7"


def transcript_store(path) -> str:
    """The demo corpus's two interview transcripts, ingested and auto-coded."""
    store = open_store(str(path))
    try:
        tagger = load_tagger()
        store.upsert_codes(tagger.codebook.to_codes())
        report = ingest([TRANSCRIPTS], store, annotate=tagger.tag, tag_key=tagger.key)
        assert not report.failures and report.documents == 2
    finally:
        store.close()
    return str(path)


def expected_agreement(store, document: str) -> Agreement:
    """What kgreview.analysis.agreement gives for A and B on the document's turns, from the
    stored codings (independent of the page's own code)."""
    units = [Unit(document, s.id, s.start, s.end) for s in store.segments_of(document)
             if s.kind == SegmentKind.TURN]  # fmt: skip
    codings = [c for name in ("A", "B") for c in store.codings_by_coder(name)]
    return agreement(units, [c for c in codings if c.document_id == document], ["A", "B"])


def _page(start: str) -> None:
    from kgreview.app.main import run

    run(start)


@pytest.fixture
def store_env(tmp_path, monkeypatch) -> str:
    path = transcript_store(tmp_path / "kg.db")
    monkeypatch.setenv("KGREVIEW_STORE", path)
    return path


def ok(app: AppTest) -> AppTest:
    assert not app.exception, app.exception
    assert not app.error, [e.value for e in app.error]
    return app


def open_workbench() -> AppTest:
    return ok(
        AppTest.from_function(_page, kwargs={"start": "workbench"}, default_timeout=120).run()
    )


def r7(path: str) -> tuple[str, list[dict]]:
    store = open_store(path)
    try:
        doc = next(d for d in store.document_summaries() if d.title == R7)
        return doc.id, turns_of(store, doc.id)
    finally:
        store.close()


def revision_of(path: str) -> int:
    store = open_store(path)
    try:
        return store.revision()
    finally:
        store.close()


def as_coder(app: AppTest, coder: str) -> AppTest:
    """Type a coder name: it becomes a stored coder and the chosen one."""
    return ok(app.text_input(key="wb_new_coder").input(coder).run())


def select(app: AppTest, document: str, turn: dict, words: str) -> AppTest:
    """What the text component does when words are selected in a turn (AppTest cannot drive
    the browser side; tests/browser does)."""
    start = turn["start"] + turn["text"].index(words)
    app.session_state["wb_selection"] = {
        "document": document, "segment": turn["id"], "start": start,
        "end": start + len(words), "text": words,
    }  # fmt: skip
    return ok(app.run())


def frame_with(app: AppTest, column: str):
    """The first table with this column."""
    return next(d.value for d in app.dataframe if column in d.value.columns)


def metrics(app: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in app.metric}


def test_the_page_asks_for_a_coder_first(store_env: str) -> None:
    app = open_workbench()
    assert app.selectbox(key="wb_doc").value is not None
    assert any("Pick a coder" in i.value for i in app.info)
    assert not app.get("button")  # nothing to code with before a coder is chosen


def test_apply_an_existing_code_and_an_in_vivo_code(store_env: str) -> None:
    document, turns = r7(store_env)
    app = open_workbench()
    app.selectbox(key="wb_doc").set_value(document).run()
    app = as_coder(app, "A")
    assert app.selectbox(key="wb_coder").value == "A"
    turn = next(t for t in turns if "WeChat group" in t["text"])
    app = select(app, document, turn, "The WeChat group for Block C")
    assert "The WeChat group for Block C" in "\n".join(m.value for m in app.markdown)
    app.text_input(key="wb_code_search").input("online participation").run()
    picked = app.selectbox(key="wb_code_pick.en").value
    assert picked
    revision = revision_of(store_env)
    ok(app.button(key="wb_apply").click().run())
    assert revision_of(store_env) > revision  # the write bumped it: cached reads refresh
    assert any("Coded" in s.value for s in app.success)
    ok(app.run())
    assert "wb_selection" not in app.session_state  # the selection was used up
    # An in-vivo code of other words in the same turn.
    app = select(app, document, turn, "get something done together")
    ok(app.button(key="wb_in_vivo").click().run())
    store = open_store(store_env)
    try:
        mine = [c for c in store.codings_by_coder("A") if c.origin == Origin.MANUAL]
        text = store.get_document(document).text
        codes = {c.id: c for c in store.list_codes()}
        assert "A" in {c.id for c in store.list_coders()}
    finally:
        store.close()
    assert {c.evidence for c in mine} == {"The WeChat group for Block C",
                                          "get something done together"}  # fmt: skip
    assert all(text[c.start : c.end] == c.evidence for c in mine)
    end = turn["start"] + len(turn["text"])
    assert all(turn["start"] <= c.start < c.end <= end and c.segment_id for c in mine)
    assert picked in {c.code_id for c in mine}
    in_vivo = next(c for c in mine if c.code_id != picked)
    assert codes[in_vivo.code_id].label_en == "get something done together"
    # Both show in "my codings" and in the code tree (a fresh run reads the new revision).
    app = ok(app.run())
    table = frame_with(app, "end")
    assert set(table["start"]) == {c.start for c in mine}
    # Remove one of them again.
    app.selectbox(key="wb_remove_pick.en").set_value(in_vivo.id)
    ok(app.button(key="wb_remove").click().run())
    assert set(frame_with(app, "end")["start"]) == {c.start for c in mine} - {in_vivo.start}


def test_code_tree_new_category_move_and_rename(store_env: str) -> None:
    document, turns = r7(store_env)
    app = as_coder(open_workbench(), "A")
    app.selectbox(key="wb_doc").set_value(document).run()
    app = select(app, document, turns[1], turns[1]["text"][:5])
    ok(app.button(key="wb_in_vivo").click().run())
    app.text_input(key="wb_new_label").input("Being heard")
    app.selectbox(key="wb_new_level.en").set_value("category")
    ok(app.button(key="FormSubmitter:wb_new_code_form-Create").click().run())
    store = open_store(store_env)
    try:
        category = next(c for c in store.list_codes() if c.label_en == "Being heard")
        in_vivo = next(c for c in store.list_codes() if c.category == "in_vivo")
    finally:
        store.close()
    assert category.level == "category"
    app.selectbox(key="wb_move_pick.en").set_value(in_vivo.id)
    app.selectbox(key="wb_move_parent.en").set_value(category.id)
    ok(app.button(key="wb_do_move").click().run())
    store = open_store(store_env)
    try:
        moved = next(c for c in store.list_codes() if c.id == in_vivo.id)
    finally:
        store.close()
    assert moved.parent == category.id
    # Merge the in-vivo code into the category: its coding follows, the code goes.
    app.selectbox(key="wb_merge_pick.en").set_value(in_vivo.id)
    app.selectbox(key="wb_merge_into.en").set_value(category.id)
    ok(app.button(key="wb_do_merge").click().run())
    store = open_store(store_env)
    try:
        left = {c.id for c in store.list_codes()}
        (coding,) = store.codings_by_coder("A")
    finally:
        store.close()
    assert in_vivo.id not in left and coding.code_id == category.id


def test_agreement_panel_follows_both_coders(store_env: str) -> None:
    document, turns = r7(store_env)
    turn = next(t for t in turns if "WeChat group" in t["text"])
    other = next(t for t in turns if "parcel locker" in t["text"])
    app = open_workbench()
    app.selectbox(key="wb_doc").set_value(document).run()
    app = as_coder(app, "A")
    app = select(app, document, turn, "The WeChat group")
    app.text_input(key="wb_code_search").input("online participation").run()
    code = app.selectbox(key="wb_code_pick.en").value
    ok(app.button(key="wb_apply").click().run())
    ok(app.run())
    app.selectbox(key="wb_agree_b").set_value("kgreview-tagger")
    before = metrics(ok(app.run()))
    # Coder B: the same code on the same turn (other words), and an in-vivo code elsewhere.
    app = as_coder(app, "B")
    app = select(app, document, turn, "Someone added me")
    app.text_input(key="wb_code_search").input("online participation").run()
    ok(app.button(key="wb_apply").click().run())
    app = select(app, document, other, "parcel locker plan")
    ok(app.button(key="wb_in_vivo").click().run())
    app = ok(app.run())
    app.selectbox(key="wb_agree_a").set_value("A")
    app.selectbox(key="wb_agree_b").set_value("B")
    app = ok(app.run())
    shown = metrics(app)
    store = open_store(store_env)
    try:
        expected = expected_agreement(store, document)
    finally:
        store.close()
    assert expected.pooled.units == len(turns) * 2  # two codes × every turn, both opened
    assert shown["Units"] == str(expected.pooled.units)
    assert shown["% agreement"] == f"{expected.pooled.percent:.3f}"
    assert shown["Cohen's kappa"] == f"{expected.pooled.kappa:.3f}"
    assert shown["Krippendorff's alpha"] == f"{expected.pooled.alpha:.3f}"
    assert shown["Holsti"] == f"{expected.pooled.holsti:.3f}"
    assert shown != before
    # The shared code agrees on its turn; the in-vivo code is one disagreement, shown with
    # B's span beside A's nothing.
    assert expected.by_code[code].percent == 1.0
    assert len(expected.disagreements) == 1
    page = "\n".join(m.value for m in app.markdown)
    assert "<mark>parcel locker plan</mark>" in page
    assert "(nothing)" in page
    # By document: two codes, one unit each; by sentence: more units than turns.
    app.radio(key="wb_agree_unit.en").set_value("document").run()
    assert metrics(ok(app))["Units"] == "2"
    app.radio(key="wb_agree_unit.en").set_value("sentence").run()
    assert int(metrics(ok(app))["Units"]) > 2 * len(turns)


def test_suggestions_accept_reject_adjust_then_memo(store_env: str) -> None:
    document, turns = r7(store_env)
    app = as_coder(open_workbench(), "A")
    app.selectbox(key="wb_doc").set_value(document).run()
    store = open_store(store_env)
    try:
        options = [row["coding"].id for row in suggestions(store, document, "A")]
    finally:
        store.close()
    assert len(options) >= 3, "the tagger suggested codes in R7"
    assert len(app.selectbox(key="wb_suggestion.en").options) == len(options)
    ok(app.button(key="wb_accept").click().run())
    store = open_store(store_env)
    try:
        accepted = [c for c in store.codings_by_coder("A") if c.suggestion_id]
    finally:
        store.close()
    assert len(accepted) == 1 and accepted[0].origin == Origin.MANUAL
    status = frame_with(app, "Status")["Status"]
    assert list(status).count("accepted") == 1
    # Reject the next one with a reason, adjust a third to selected words.
    app.selectbox(key="wb_suggestion.en").set_value(options[1])
    app.text_input(key="wb_reason").input("the respondent means something else")
    ok(app.button(key="wb_reject").click().run())
    assert list(frame_with(app, "Status")["Status"]).count("rejected") == 1
    store = open_store(store_env)
    try:
        memos = store.memos_for(options[1])
        third = next(c for c in store.codings_for_document(document) if c.id == options[2])
        text = store.get_document(document).text
    finally:
        store.close()
    assert memos and memos[0].text == "rejected by A: the respondent means something else"
    turn = next(t for t in turns if t["start"] <= third.start < t["start"] + len(t["text"]))
    wider = text[turn["start"] : third.end]
    app = select(app, document, turn, wider)
    app.selectbox(key="wb_suggestion.en").set_value(options[2])
    ok(app.button(key="wb_adjust").click().run())

    store = open_store(store_env)
    try:
        adjusted = next(c for c in store.codings_by_coder("A") if c.suggestion_id == third.id)
    finally:
        store.close()
    assert (adjusted.start, adjusted.end, adjusted.evidence) == (turn["start"], third.end, wider)
    assert adjusted.code_id == third.code_id
    app.text_area(key="wb_memo_text").input("Tenants feel outside the committee.")
    ok(app.button(key="FormSubmitter:wb_memo_form-Save memo").click().run())
    memos = frame_with(app, "Memo")
    assert "Tenants feel outside the committee." in set(memos["Memo"])


def test_saturation_and_crosstab_panels(store_env: str) -> None:
    document, turns = r7(store_env)
    app = as_coder(open_workbench(), "A")
    app.selectbox(key="wb_doc").set_value(document).run()
    app = select(app, document, turns[1], turns[1]["text"][:9])
    ok(app.button(key="wb_in_vivo").click().run())
    app = ok(app.run())
    assert app.get("vega_lite_chart"), "the saturation chart is drawn"
    cross = frame_with(app, "Total")
    assert list(cross["Total"]) == [1]
    assert list(cross["male"]) == ["1 (100.0%)"]  # R7 is a man: his turn, his attribute
    assert "Not saturated yet" in "\n".join(m.value for m in app.markdown)


def test_the_workbench_speaks_chinese(store_env: str) -> None:
    document, _ = r7(store_env)
    app = open_workbench()
    app.radio(key="ui_lang").set_value("中文").run()
    app = as_coder(app, "A")
    app.selectbox(key="wb_doc").set_value(document).run()
    assert app.title[0].value == "编码工作台"
    assert {"编码树", "自动建议", "备忘录", "编码一致性"} <= {tab.label for tab in app.tabs}
    assert "百分比一致性" in metrics(ok(app))
    # The Chinese transcript shows who stands behind the role label.
    store = open_store(store_env)
    try:
        other = next(d.id for d in store.document_summaries() if d.id != document)
        speakers = {turn["speaker"] for turn in turns_of(store, other)}
    finally:
        store.close()
    assert "受访者 · 张阿姨" in speakers


def test_an_empty_store_and_a_store_without_transcripts(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("KGREVIEW_STORE", str(tmp_path / "empty.db"))
    app = open_workbench()
    assert any("The store is empty" in i.value for i in app.info)
    # Abstracts only: any document can be coded, read as paragraphs or sentences.
    path = tmp_path / "abstracts.db"
    store = open_store(str(path))
    try:
        tagger = load_tagger()
        store.upsert_codes(tagger.codebook.to_codes())
        abstract = sorted((REPO / "corpus" / "abstracts").glob("*.txt"))[0]
        ingest([abstract], store, annotate=tagger.tag, tag_key=tagger.key)
    finally:
        store.close()
    monkeypatch.setenv("KGREVIEW_STORE", str(path))
    app = as_coder(open_workbench(), "A")
    assert any("No interview transcript" in c.value for c in app.caption)
    document = app.selectbox(key="wb_doc").value
    store = open_store(str(path))
    try:
        blocks = turns_of(store, document)
    finally:
        store.close()
    assert blocks and not blocks[0]["speaker"]  # paragraphs (or sentences): no speakers
    words = blocks[0]["text"][:12]
    app = select(app, document, blocks[0], words)
    ok(app.button(key="wb_in_vivo").click().run())
    store = open_store(str(path))
    try:
        (coding,) = store.codings_by_coder("A")
    finally:
        store.close()
    assert coding.evidence == words


def test_label_edits_in_the_tree_grid_become_renames() -> None:
    from kgreview.app.workbench_panels import label_edits
    from kgreview.model import Code

    codes = {"a": Code("a", "in_vivo", "lift fixed", "lift fixed"),
             "b": Code("b", "category", "Being heard", "被倾听")}  # fmt: skip
    rows = [
        {"id": "a", "label_zh": "电梯修好了 ", "label_en": "lift fixed"},  # edited
        {"id": "b", "label_zh": "被倾听", "label_en": "Being heard"},  # unchanged
    ]
    assert label_edits(rows, codes) == [("a", "电梯修好了", "lift fixed")]
    emptied = [{"id": "b", "label_zh": "", "label_en": "Being listened to"}]
    assert label_edits(emptied, codes) == [("b", "Being listened to", "Being listened to")]
    assert label_edits([{"id": "b", "label_zh": "", "label_en": None}], codes) == []
