"""The Evidence search page through Streamlit's AppTest, on the seeds plus our abstracts."""

from __future__ import annotations

import pytest

from kgreview.pipeline import ingest
from kgreview.store import open_store
from kgreview.tagging import load_tagger
from tests.app.seeded import seeded_store
from tests.app.test_explorer import open_page, texts
from tests.conftest import REPO


@pytest.fixture(scope="module")
def seeded(tmp_path_factory) -> str:
    """The seeds and abstracts plus the two sample interviews (the field side)."""
    path = seeded_store(tmp_path_factory.mktemp("search") / "kg.db")
    store = open_store(path)
    tagger = load_tagger()
    report = ingest([REPO / "corpus" / "transcripts"], store, annotate=tagger.tag,
                    tag_key=tagger.key)  # fmt: skip
    assert report.documents == 2 and not report.failures
    store.close()
    return path


@pytest.fixture
def store_env(seeded: str, monkeypatch) -> str:
    monkeypatch.setenv("KGREVIEW_STORE", seeded)
    return seeded


def test_search_marks_the_query_and_shows_document_and_codes(store_env: str) -> None:
    app = open_page("search")
    assert "Evidence search" in app.title[0].value
    assert any("Type a word" in i.value for i in app.info)
    app.text_input(key="search_query").input("增能").run()
    assert not app.exception, app.exception
    shown = texts(app)
    assert "<mark>增能</mark>" in shown
    assert "sentences" in shown
    assert any("— " in c.value for c in app.caption)  # each hit names its document
    assert "empowerment theory" in shown  # the hit's code badge


def test_filters_narrow_and_nothing_found_says_so(store_env: str) -> None:
    app = open_page("search")
    app.text_input(key="search_query").input("社区").run()
    every = texts(app).count("<mark>")
    app.selectbox(key="search_polarity.en").set_value("gap").run()
    assert not app.exception, app.exception
    narrowed = texts(app).count("<mark>")
    assert 0 < narrowed < every
    app.text_input(key="search_query").input("没有这样的句子xyz").run()
    assert any("No sentence" in w.value for w in app.warning)


def test_chinese_ui_and_literature_vs_field(store_env: str) -> None:
    app = open_page("search")
    app.sidebar.radio(key="ui_lang").set_value("中文").run()
    assert "证据检索" in app.title[0].value
    app.radio(key="search_view.zh").set_value("lit_vs_field").run()
    headers = [h.value for h in app.subheader]
    literature = next(h for h in headers if h.startswith("文献（"))
    field = next(h for h in headers if h.startswith("田野：访谈（"))
    # The default code is one both sides discuss: sentences on each side, speakers named.
    assert literature != "文献（0）" and field != "田野：访谈（0）", headers
    assert any("说话人 张阿姨" in c.value or "说话人 R7" in c.value for c in app.caption)
    assert "<mark>" in texts(app)


def test_speaker_filter_keeps_one_persons_turns(store_env: str) -> None:
    app = open_page("search")
    app.text_input(key="search_query").input("的").run()
    app.selectbox(key="search_speaker").set_value("张阿姨").run()
    assert not app.exception, app.exception
    spoken = [c.value for c in app.caption if c.value.startswith("— ")]
    assert spoken and all("said by 张阿姨 (" in c for c in spoken), spoken
