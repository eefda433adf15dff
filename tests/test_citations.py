"""SAME_AS: a work cited in one text and present in the corpus is linked at ingest."""

from __future__ import annotations

from kgreview.analysis.citations import same_as_pairs
from kgreview.model import DocumentSummary
from kgreview.pipeline import ingest
from kgreview.store import open_store
from kgreview.tagging import load_tagger


def summary(doc_id: str, title: str, year: int | None) -> DocumentSummary:
    return DocumentSummary(doc_id, title, "thesis", "zh", year, "")


def test_titles_years_and_first_authors_must_agree() -> None:
    docs = [summary("d1", "增能理论视角下老旧小区居民参与研究", 2021),
            summary("d2", "Introduction", 2021)]  # fmt: skip
    refs = [
        ("r1", "增能理论视角下老旧小区居民参与研究", 2021, ("李四",)),
        ("r2", "增能理论视角下老旧小区居民参与研究", 2019, ("李四",)),  # another year
        ("r3", "增能理论视角下老旧小区居民参与研究。", None, ("王五",)),  # another author
        ("r4", "Introduction", 2021, ()),  # too short to identify anything
        ("r5", "增能理论视角下老旧小区居民参与研究", None, ()),
    ]
    assert same_as_pairs(refs, docs, {"d1": ["李四"]}) == [("r1", "d1"), ("r5", "d1")]


def test_ingest_links_the_cited_thesis(tmp_path) -> None:
    (tmp_path / "review.txt").write_text(
        "居民参与研究综述\n\n王某认为居民参与很重要[1]。\n\n参考文献\n"
        "[1] 李四.增能理论视角下老旧小区居民参与研究[D].成都:四川大学,2021.\n",
        encoding="utf-8",
    )
    (tmp_path / "thesis.txt").write_text(
        "增能理论视角下老旧小区居民参与研究\n\n本研究在增能理论指导下开展居民参与实践。\n",
        encoding="utf-8",
    )
    store = open_store(str(tmp_path / "kg.db"))
    tagger = load_tagger()
    report = ingest([tmp_path], store, annotate=tagger.tag, tag_key=tagger.key)
    assert report.cited_in_corpus == 1
    ((_ref, doc),) = store.same_as()
    assert store.get_document(doc).title == "增能理论视角下老旧小区居民参与研究"
    store.close()
