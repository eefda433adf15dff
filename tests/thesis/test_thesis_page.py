"""The "Thesis & trends" page through Streamlit's AppTest, on the seeds plus our abstracts:
the summary table with its filter and evidence, a code's document set, the trends tab with
the policy timeline and timezone, the words tab."""

from __future__ import annotations

import pytest

from kgreview.store import open_store
from tests.app.seeded import seeded_store
from tests.app.test_explorer import frames, open_page


@pytest.fixture(scope="module")
def seeded(tmp_path_factory) -> str:
    return seeded_store(tmp_path_factory.mktemp("thesis") / "kg.db")


@pytest.fixture
def store_env(seeded: str, monkeypatch) -> str:
    monkeypatch.setenv("KGREVIEW_STORE", seeded)
    return seeded


def _frame_with(app, column: str):
    return next(f for f in frames(app) if column in f.columns)


def test_summary_table_filters_and_shows_a_rows_evidence(store_env: str) -> None:
    store = open_store(store_env)
    documents = len(store.document_summaries())
    empowerment = {h.document_id for h in store.documents_for_code("theory.empowerment")}
    store.close()
    app = open_page("thesis")
    assert app.title[0].value == "Thesis & trends"
    table = _frame_with(app, "Theory")
    assert len(table) == documents
    app.text_input(key="th_filter").input("empowerment theory").run()
    filtered = _frame_with(app, "Theory")
    assert 0 < len(filtered) < documents
    assert all(
        "empowerment theory" in " ".join(map(str, row)).casefold() for row in filtered.itertuples()
    )
    evidence = _frame_with(app, "Evidence sentence")
    theory = evidence[evidence["Column"] == "Theory"]
    assert len(theory) and all(isinstance(s, str) and s for s in theory["Evidence sentence"])
    assert any(
        v.casefold() in s.casefold()
        for v, s in zip(theory["Value"], theory["Evidence sentence"], strict=True)
    )

    app.radio(key="th_kind.en").set_value("code").run()
    app.text_input(key="thesis_search").input("增能理论").run()
    assert any(f"{len(empowerment)} documents in the set" in c.value for c in app.caption)
    assert len(_frame_with(app, "Theory")) <= len(empowerment)


def test_trends_and_words_tabs(store_env: str) -> None:
    app = open_page("thesis")
    app.radio(key="th_view.en").set_value("th_trends").run()
    policies = _frame_with(app, "Issuer")
    assert "关于加强和完善城乡社区治理的意见" in set(policies["Policy"])
    assert list(policies["Date"]) == sorted(policies["Date"])
    timezone = _frame_with(app, "First year")
    assert len(timezone) and list(timezone["First year"]) == sorted(timezone["First year"])
    core = _frame_with(app, "Papers")
    assert len(core) >= 1
    app.radio(key="th_view.en").set_value("th_words").run()
    words = _frame_with(app, "Word")
    assert len(words) and all(len(w) >= 2 for w in words["Word"])
    assert not [w.value for w in app.warning]  # the CJK font was found for the cloud


def test_chinese_labels(store_env: str) -> None:
    app = open_page("thesis")
    app.sidebar.radio(key="ui_lang").set_value("中文").run()
    assert app.title[0].value == "论文写作与文献计量"
    assert "理论视角" in _frame_with(app, "理论视角").columns
