"""Contract (both backends): what bibliographic records bring — supervisors, keywords, cited
references, provenance and match keys — is stored and read back alike."""

from __future__ import annotations

import dataclasses

from kgreview import ids
from kgreview.model import Author, Document, DocumentBundle, Keyword, Reference
from kgreview.pipeline import build_bundle
from kgreview.store import GraphStore


def thesis() -> Document:
    title = "增能理论视角下流动儿童家庭教育支持的小组工作研究"
    return Document(
        id=ids.document_id(title=title, first_author="刘伟", year=2021),
        title=title,
        text=f"{title}\n\n本研究在增能理论指导下开展小组工作。\n",
        lang="zh",
        doc_type="thesis",
        year=2021,
        meta={
            "authors": ["刘伟"],
            "supervisors": ["张红梅"],
            "keywords": ["增能理论", "流动儿童", "小组工作"],
            "references": ["[1] 陈树强. 增权: 社会工作理论与实践的新视角[J]. 社会学研究, 2003."],
            "provenance": [{"file": "a.net", "record": 2, "line": 14, "format": "noteexpress"}],
        },
        match_keys=ids.match_keys(
            doi=None, title=title, first_author="刘伟", year=2021, full_text=False
        ),
    )


def test_supervisor_is_supervised_not_authored(store: GraphStore) -> None:
    doc = thesis()
    store.upsert_bundles([build_bundle(doc)])
    assert store.authors_of(doc.id) == ["刘伟"]
    assert store.supervisors_of(doc.id) == ["张红梅"]
    # 刘伟, 张红梅 and 陈树强, who wrote the cited work (WROTE), are the three people.
    assert store.stats()["authors"] == 3 and store.stats()["references"] == 1
    ((n, _, cited_by),) = store.references_of(doc.id)
    assert (n, cited_by) == (1, ("陈树强",))


def test_affiliations_link_authors_to_institutions(store: GraphStore) -> None:
    doc = thesis()
    doc = dataclasses.replace(doc, meta={**doc.meta, "affiliated": [["刘伟", "南京师范大学"]]})
    store.upsert_bundles([build_bundle(doc)])
    assert store.affiliations_of(doc.id) == [("刘伟", "南京师范大学")]
    store.upsert_bundles([build_bundle(doc)])  # twice: still one edge
    assert store.affiliations_of(doc.id) == [("刘伟", "南京师范大学")]


def test_keywords_round_trip_and_are_replaced_on_rewrite(store: GraphStore) -> None:
    doc = thesis()
    store.upsert_bundles([build_bundle(doc)])
    assert store.keywords_of(doc.id) == sorted(["增能理论", "流动儿童", "小组工作"])
    fewer = dataclasses.replace(doc, meta={**doc.meta, "keywords": ["增能理论"]})
    store.upsert_bundles([build_bundle(fewer)])
    assert store.keywords_of(doc.id) == ["增能理论"]


def test_match_keys_and_provenance_survive_the_store(store: GraphStore) -> None:
    doc = thesis()
    store.upsert_bundles([build_bundle(doc)])
    assert store.get_document(doc.id) == doc
    assert store.fingerprints()[doc.id].match_keys == doc.match_keys
    assert store.fingerprints()[doc.id].match_keys[0].startswith("ta:")


def test_bundle_parts_by_hand(store: GraphStore) -> None:
    doc = dataclasses.replace(thesis(), meta={})
    bundle = DocumentBundle(
        document=doc,
        authors=(Author(ids.author_id("Liu, Wei"), "Liu, Wei"),),
        supervisors=(Author(ids.author_id("LIU, WEI"), "LIU, WEI"),),
        keywords=(Keyword(ids.keyword_id("empowerment"), "empowerment"),),
        references=(Reference(ids.reference_id("Putnam RD, 2000"), "Putnam RD, 2000"),),
    )
    store.upsert_bundles([bundle])
    # Same-script variants are one person: one Author node, with both links.
    assert store.stats()["authors"] == 1
    (name,) = store.authors_of(doc.id)
    assert name in ("Liu, Wei", "LIU, WEI") and store.supervisors_of(doc.id) == [name]
