"""Ingest tags what it stores, skips what has not changed, and re-tags only auto codes."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from kgreview.model import Origin
from kgreview.nlp.codebook import load_codebook
from kgreview.nlp.cues import load_cues
from kgreview.nlp.tagger import Tagger
from kgreview.pipeline import ingest, retag
from kgreview.store import GraphStore, StoreWriteError
from kgreview.tagging import load_tagger
from tests.builders import coding
from tests.conftest import REPO

TEXT = (
    "增能理论视角下的居民参与研究\n\n本研究以成都市H社区为例，在增能理论指导下开展能力培训。"
    "已有研究较少运用社会学习理论。\n"
)


def _ingest(store: GraphStore, folder: Path, tagger: Tagger):
    store.upsert_codes(tagger.codebook.to_codes())
    return ingest([folder], store, annotate=tagger.tag, tag_key=tagger.key)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.txt").write_text(TEXT, encoding="utf-8")
    return tmp_path / "docs"


def test_ingest_stores_codings_with_polarity_and_sites(store: GraphStore, folder: Path) -> None:
    report = _ingest(store, folder, load_tagger())
    assert report.documents == 1 and not report.failures
    (doc_id,) = store.fingerprints()
    by_code = {c.code_id: c.polarity for c in store.codings_for_document(doc_id)}
    assert by_code["theory.empowerment"] == "uses"
    assert by_code["theory.social_learning"] == "gap"
    assert store.stats()["codes"] == len(load_codebook().codes)


def test_unchanged_files_are_not_read_again(store: GraphStore, folder: Path) -> None:
    tagger = load_tagger()
    _ingest(store, folder, tagger)
    revision = store.revision()
    report = _ingest(store, folder, tagger)
    assert report.unchanged_files == 1 and report.documents == 0
    assert store.revision() == revision + 1  # only the codes upsert wrote


def test_codebook_change_retags_auto_codes_and_keeps_manual(
    store: GraphStore, folder: Path, tmp_path: Path
) -> None:
    tagger = load_tagger()
    _ingest(store, folder, tagger)
    (doc_id,) = store.fingerprints()
    document = store.get_document(doc_id)
    manual = coding(
        document,
        "能力培训",
        "countermeasure.capacity_training",
        coder="coder-a",
        origin=Origin.MANUAL,
    )
    store.add_codings([manual])
    data = yaml.safe_load(Path(tagger.codebook.source).read_text(encoding="utf-8"))
    data["codes"] = [c for c in data["codes"] if c["id"] != "theory.social_learning"]
    edited = tmp_path / "edited.yaml"
    edited.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    new_tagger = Tagger(load_codebook(edited), load_cues())
    assert new_tagger.key != tagger.key
    assert retag(store, new_tagger.tag, new_tagger.key) == 1
    codes = {(c.code_id, c.origin) for c in store.codings_for_document(doc_id)}
    assert ("theory.social_learning", "auto") not in codes
    assert ("countermeasure.capacity_training", "manual") in codes
    assert ("theory.empowerment", "auto") in codes
    assert retag(store, new_tagger.tag, new_tagger.key) == 0  # nothing left to do


def test_failed_document_is_reported_and_the_rest_stored(
    store: GraphStore, folder: Path, monkeypatch
) -> None:
    (folder / "b.txt").write_text("另一篇文章\n\n居民参与不足。\n", encoding="utf-8")
    real = store.upsert_bundles

    def refuse_b(bundles):
        if any("另一篇" in b.document.text for b in bundles):
            raise StoreWriteError("simulated failure")
        real(bundles)

    monkeypatch.setattr(store, "upsert_bundles", refuse_b)
    report = _ingest(store, folder, load_tagger())
    assert report.documents == 1
    assert len(report.failures) == 1 and "b.txt" in report.failures[0].where


def test_two_tagging_workers_store_exactly_what_one_does(tmp_path) -> None:
    from kgreview import pipeline_batch
    from kgreview.pipeline import ingest
    from kgreview.store import open_store
    from kgreview.tagging import load_tagger

    tagger = load_tagger()
    corpus = REPO / "corpus" / "gold" / "docs"
    results = []
    for workers in (1, 2):
        store = open_store(str(tmp_path / f"w{workers}.db"))
        report = ingest([corpus], store, annotate=tagger.tag, tag_key=tagger.key,
                        batch_size=40, workers=workers)  # fmt: skip
        codings = sorted(c.id for d in store.document_summaries()
                         for c in store.codings_for_document(d.id))  # fmt: skip
        results.append((store.stats(), codings, report.failures))
        store.close()
    assert results[0] == results[1] and results[0][0]["documents"] >= pipeline_batch.MIN_PARALLEL
