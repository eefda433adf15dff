"""A codebook edit re-tags only documents a changed term occurs in, with exactly the result
of re-tagging everything; manual codings are never touched."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from kgreview.model import Origin
from kgreview.nlp.codebook import load_codebook
from kgreview.nlp.cues import load_cues
from kgreview.nlp.tagger import Tagger
from kgreview.pipeline import ingest, retag
from kgreview.retagging import keep_setup, plan_retag, split_stale
from kgreview.store import GraphStore, open_store
from kgreview.tagging import load_tagger
from tests.builders import coding
from tests.conftest import REPO


def _everything(store: GraphStore) -> dict:
    """Every document's tag key, codings (all fields), gaps and counts."""
    docs = {}
    for doc_id in sorted(store.fingerprints()):
        document = store.get_document(doc_id)
        codings = sorted(store.codings_for_document(doc_id), key=lambda c: c.id)
        docs[doc_id] = (document.tag_key, codings)
    return {"docs": docs, "stats": store.stats(), "gaps": sorted(map(str, store.gap_statements()))}


def _edited(tmp_path: Path, edit) -> Tagger:
    data = yaml.safe_load((REPO / "schemas" / "codebook.yaml").read_text(encoding="utf-8"))
    edit({c["id"]: c for c in data["codes"]})
    path = tmp_path / "edited.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return Tagger(load_codebook(path), load_cues())


def _building_leader(codes: dict) -> dict:
    return next(c for c in codes.values() if c["label"]["zh"] == "楼栋长")


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> tuple[Path, Path]:
    """The demo corpus ingested once (with one manual coding), and the kept setups."""
    folder = tmp_path_factory.mktemp("retag")
    cache = folder / "cache"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("KGREVIEW_CACHE_DIR", str(cache))
        tagger = load_tagger()
        store = open_store(str(folder / "demo.db"))
        store.upsert_codes(tagger.codebook.to_codes())
        report = ingest([REPO / "corpus"], store, annotate=tagger.tag, tag_key=tagger.key)
        assert report.documents > 50 and keep_setup(tagger) is not None
        doc = next(store.get_document(d) for d in sorted(store.fingerprints()))
        words = doc.text[:4]
        store.add_codings([coding(doc, words, "method.interview", coder="coder-a",
                                  origin=Origin.MANUAL)])  # fmt: skip
        store.close()
    return folder / "demo.db", cache


def test_synonym_edit_retags_a_few_documents_identically_to_a_full_retag(
    demo, tmp_path: Path, monkeypatch
) -> None:
    source, cache = demo
    monkeypatch.setenv("KGREVIEW_CACHE_DIR", str(cache))

    def edit(codes: dict) -> None:
        leader = _building_leader(codes)
        leader["synonyms"]["en"] = [*leader["synonyms"]["en"], "building representative"]
        leader["synonyms"]["zh"] = [s for s in leader["synonyms"]["zh"] if s != "单元长"]

    new = _edited(tmp_path, edit)
    stores = {}
    for way in ("diff", "full"):
        shutil.copy(source, tmp_path / f"{way}.db")
        stores[way] = open_store(str(tmp_path / f"{way}.db"))
    stale = stores["diff"].documents_with_other_tag_key(new.key)
    todo, current, reasons = split_stale(stale, new)
    assert reasons == ["terms of 1 codes changed"]
    assert 0 < len(todo) < len(stale) // 5 and len(todo) + len(current) == len(stale)
    manual_before = [c for c in stores["diff"].codings_by_coder("coder-a")]
    assert retag(stores["diff"], new.tag, new.key, tagger=new) == len(stale)
    assert retag(stores["full"], new.tag, new.key) == len(stale)
    assert _everything(stores["diff"]) == _everything(stores["full"])
    assert stores["diff"].codings_by_coder("coder-a") == manual_before
    assert stores["diff"].documents_with_other_tag_key(new.key) == []
    for store in stores.values():
        store.close()


def test_rule_or_category_edits_and_unknown_setups_retag_everything(
    demo, tmp_path: Path, monkeypatch
) -> None:
    _, cache = demo
    monkeypatch.setenv("KGREVIEW_CACHE_DIR", str(cache))
    old_key = load_tagger().key

    def move(codes: dict) -> None:
        _building_leader(codes)["category"] = "participation_type"

    def context_rule(codes: dict) -> None:
        _building_leader(codes)["requires_context"] = {"zh": ["社区"]}

    for edit in (move, context_rule):
        plan = plan_retag(old_key, _edited(tmp_path, edit))
        assert plan.full and "rules" in plan.reason
    assert plan_retag("never-kept", load_tagger()).full


def test_weak_matches_count_as_terms_of_a_codebook_edit(tmp_path: Path) -> None:
    """A gapped form or a coordinated modifier that changes owner marks its head as a term,
    so the documents where it could match are tagged again."""
    from kgreview.retagging import _forms

    def edit(codes: dict) -> None:
        codes["factor.weak_social_orgs"]["synonyms"]["zh"].append("社区组织…弱小")
        codes["participation_type.token"]["synonyms"]["en"].append("ceremonial participation")

    before, after = _forms(load_tagger()), _forms(_edited(tmp_path, edit))
    changed = {t for t in before.keys() | after.keys() if before.get(t) != after.get(t)}
    assert {"社区组织", "ceremonial"} <= changed
