"""Pages 2-5 of the explorer through Streamlit's AppTest, on the seeds plus our abstracts."""

from __future__ import annotations

import networkx as nx
import pytest
from streamlit.testing.v1 import AppTest

from kgreview.analysis import network as net
from tests.app.seeded import seeded_store


def _page(start: str) -> None:
    from kgreview.app.main import run

    run(start)


def open_page(start: str) -> AppTest:
    app = AppTest.from_function(_page, kwargs={"start": start}, default_timeout=120).run()
    assert not app.exception, app.exception
    assert not app.error, [e.value for e in app.error]
    return app


@pytest.fixture(scope="module")
def seeded(tmp_path_factory) -> str:
    return seeded_store(tmp_path_factory.mktemp("explorer") / "kg.db")


@pytest.fixture
def store_env(seeded: str, monkeypatch) -> str:
    monkeypatch.setenv("KGREVIEW_STORE", seeded)
    return seeded


def texts(app: AppTest) -> str:
    return "\n".join(m.value for m in app.markdown)


def frames(app: AppTest) -> list:
    return [d.value for d in app.dataframe]


def test_codes_page_tree_counts_and_highlighted_evidence(store_env: str) -> None:
    app = open_page("codes")
    tree = frames(app)[0]
    row = tree[tree["id"] == "theory.empowerment"].iloc[0]
    assert row["Documents"] >= 4 and row["Codings"] >= row["Documents"]
    assert row["uses"] >= 3  # per-polarity document counts
    # The picker finds a code by its Chinese synonym, then shows its marked sentences.
    app.text_input(key="codes_search").input("赋权").run()
    assert app.selectbox(key="codes_pick.en").value == "theory.empowerment"
    shown = texts(app)
    assert "<mark>empowerment theory</mark>" in shown
    assert "<mark>增能理论</mark>" in shown


def test_who_cites_empowerment_shows_chen_weidong_and_ma_tao(store_env: str) -> None:
    app = open_page("who-cites")
    app.text_input(key="citing_search").input("增能理论").run()
    assert app.selectbox(key="citing_pick.en").value == "theory.empowerment"
    citers = frames(app)[0]
    attributed = set(citers[citers["Via"] == "attributed"]["Author name"])
    assert {"Chen Weidong", "Ma Tao"} <= attributed
    assert citers["Communities (contexts)"].str.len().max() > 0  # pairs with contexts
    assert "Social workers use <mark>empowerment theory</mark>" in texts(app)
    # Reverse view: an author's theories.
    app.selectbox(key="citing_author").set_value("Chen Weidong").run()
    theories = frames(app)[-1]
    assert "theory.empowerment" in set(theories["id"])


def test_gaps_page_states_social_learning_and_opens_a_cell(store_env: str) -> None:
    app = open_page("gaps")
    stated = frames(app)[0]
    assert {"theory.social_learning", "context.mixed"} <= set(stated["id"])
    assert "较少有研究从优势视角" in texts(app)
    cell = app.selectbox(key="gaps_cell.en")
    empty = [o for o in cell.options if o.endswith("∅")]
    assert empty, cell.options  # theory × context has empty cells in this corpus
    cell.select(empty[0]).run()
    assert not app.exception
    assert any("Closest documents" in m.value for m in app.markdown)
    closest = next(f for f in frames(app) if "Why" in f.columns)
    assert len(closest) >= 1 and closest["Why"].str.len().min() > 0


def test_network_page_opens_a_node_and_a_pair_and_exports_graphml(
    store_env: str, monkeypatch
) -> None:
    written: list[str] = []

    original = net.to_graphml

    def recording(graph: nx.Graph) -> str:
        written.append(original(graph))
        return written[-1]

    monkeypatch.setattr(net, "to_graphml", recording)
    app = open_page("network")
    labels = [b.label for b in app.get("download_button")]
    assert labels == ["GraphML", "GEXF (Gephi)", "CSV matrix"]
    graph = nx.parse_graphml(written[-1])
    assert graph.number_of_edges() > 0
    assert graph.nodes["theory.empowerment"]["label_zh"] == "增能理论"
    assert all(d["weight"] >= 2 for *_, d in graph.edges(data=True))  # default minimum
    metrics = frames(app)[-1]
    assert {"Degree", "Betweenness", "Community"} <= set(metrics.columns)
    item = app.selectbox(key="network_open.en")
    item.select("theory.empowerment").run()
    assert "<mark>empowerment theory</mark>" in texts(app)
    pair = "|".join(sorted(next(iter(graph.edges("theory.empowerment")))))
    app.selectbox(key="network_open.en").select(pair).run()
    assert "Documents coding both" in texts(app)
    assert not app.exception


def test_network_by_segment_has_fewer_or_equal_weights(store_env: str) -> None:
    app = open_page("network")
    app.number_input(key="network_min").set_value(1).run()
    by_doc = frames(app)[-1].set_index("Code label")["Weighted degree"]
    app.radio(key="network_unit.en").set_value("segment").run()
    assert not app.exception and not app.error
    by_segment = frames(app)[-1].set_index("Code label")["Weighted degree"]
    shared = by_doc.index.intersection(by_segment.index)
    assert len(shared) and (by_segment[shared] <= by_doc[shared]).all()


def test_language_switch_turns_labels_and_codes_chinese(store_env: str) -> None:
    app = open_page("who-cites")
    app.text_input(key="citing_search").input("social learning").run()
    app.radio(key="ui_lang").set_value("中文").run()
    assert not app.exception
    # The choice survives the switch; the picker now shows Chinese labels first.
    picker = app.selectbox(key="citing_pick.zh")
    assert picker.value == "theory.social_learning"
    assert picker.options[0].startswith("社会学习理论")
    app.text_input(key="citing_search").input("").run()
    app.selectbox(key="citing_pick.zh").set_value("theory.empowerment").run()
    assert app.title[0].value == "谁在引用某一理论"
    assert "增能理论 (empowerment theory)" in texts(app)
    assert "作者" in frames(app)[0].columns


@pytest.mark.parametrize("start", ["codes", "who-cites", "network", "gaps"])
def test_empty_store_says_how_to_fill_it(start: str, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("KGREVIEW_STORE", str(tmp_path / "empty.db"))
    app = open_page(start)
    assert any("kgreview ingest" in info.value for info in app.info)


def test_store_down_is_one_clear_message(monkeypatch) -> None:
    monkeypatch.setenv("KGREVIEW_STORE", "bolt://127.0.0.1:9")  # nothing listens there
    app = AppTest.from_function(_page, kwargs={"start": "gaps"}, default_timeout=120).run()
    assert not app.exception
    assert app.error, "a clear message, not a blank page"
    assert "graph store cannot be read" in app.error[0].value


def test_reverse_view_agrees_with_who_cites(seeded: str) -> None:
    from kgreview.analysis.whocites import who_cites
    from kgreview.app.citing import _theories_by_author
    from kgreview.store import open_store

    store = open_store(seeded)
    try:
        reverse = _theories_by_author(store)
        for count in store.code_frequencies("theory"):
            forward = {(r.author, r.via, len(r.documents)) for r in who_cites(store, count.code_id)}
            backward = {
                (author, via, n)
                for author, rows in reverse.items()
                for code, via, n in rows
                if code == count.code_id
            }
            assert forward == backward, count.code_id
    finally:
        store.close()


def test_a_store_failing_mid_page_is_a_message_not_a_traceback(filled_store, monkeypatch) -> None:
    from kgreview.app.reads import _read as shared_reads
    from kgreview.store import StoreUnavailable
    from kgreview.store.embedded import EmbeddedStore

    def down(self):
        raise StoreUnavailable("the server went away")

    monkeypatch.setattr(EmbeddedStore, "gap_statements", down)
    app = AppTest.from_function(_page, kwargs={"start": "gaps"}, default_timeout=120).run()
    assert not app.exception
    assert "the server went away" in app.error[0].value
    monkeypatch.setattr(EmbeddedStore, "polarity_incidence", lambda self: 1 / 0)
    shared_reads.cache_clear()  # the gaps page read it already, at this very revision
    app = AppTest.from_function(_page, kwargs={"start": "who-cites"}, default_timeout=120).run()
    assert not app.exception
    assert "could not be shown" in app.error[0].value
