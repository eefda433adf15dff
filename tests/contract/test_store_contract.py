"""The contract every GraphStore backend passes — run against embedded and a real Neo4j."""

from __future__ import annotations

import dataclasses
import itertools

import pytest

from kgreview import ids
from kgreview.analysis.cooccurrence import cooccurrence
from kgreview.model import Code, Document, Origin, Polarity
from kgreview.store import GraphStore, StoreWriteError
from kgreview.store.base import STAT_KEYS
from tests.builders import CODES, TEXT_A, bundle, coding, document, sample_bundles


def load(store: GraphStore) -> list:
    bundles = sample_bundles()
    store.upsert_codes(CODES)
    store.upsert_bundles(bundles)
    return bundles


def test_upsert_counts_every_part(store: GraphStore) -> None:
    bundles = load(store)
    stats = store.stats()
    assert set(stats) == set(STAT_KEYS)
    assert stats["documents"] == 3
    assert stats["segments"] == sum(len(b.segments) for b in bundles)
    assert stats["codings"] == sum(len(b.codings) for b in bundles) == 9
    assert stats["codes"] == len(CODES)
    assert stats["authors"] == 4  # 张三 wrote two of them: one node; 王某 wrote the reference
    assert stats["references"] == 1


def test_same_batch_twice_changes_no_count(store: GraphStore) -> None:
    load(store)
    before = store.stats()
    load(store)
    assert store.stats() == before


def test_document_round_trips_unchanged(store: GraphStore) -> None:
    bundles = load(store)
    original = bundles[0].document
    assert store.get_document(original.id) == original
    assert store.get_document("doc:missing") is None


def test_failed_batch_leaves_no_half_document(store: GraphStore) -> None:
    store.upsert_codes(CODES)
    good, bad = sample_bundles()[:2]
    # A value no backend can store (a dict in a text property) fails midway through the
    # batch, after the documents' own rows were sent.
    broken_segment = dataclasses.replace(bad.segments[0], speaker={"not": "storable"})
    bad = dataclasses.replace(bad, segments=(broken_segment, *bad.segments[1:]))
    revision = store.revision()
    with pytest.raises(StoreWriteError):
        store.upsert_bundles([good, bad])
    assert store.stats()["documents"] == 0
    assert store.stats()["segments"] == 0
    assert store.get_document(good.document.id) is None
    assert store.revision() == revision


def test_rewrite_keeps_manual_codings_and_drops_stale_auto_ones(store: GraphStore) -> None:
    bundles = load(store)
    doc = bundles[0].document
    manual = coding(doc, "老旧小区", "context.old_community", coder="coder-a", origin=Origin.MANUAL)
    store.add_codings([manual])
    fewer = dataclasses.replace(bundles[0], codings=bundles[0].codings[:1])
    store.upsert_bundles([fewer])
    kept = {(c.coder, c.code_id) for c in store.codings_for_document(doc.id)}
    assert kept == {("tagger", "theory.empowerment"), ("coder-a", "context.old_community")}


def test_replace_auto_codings_leaves_manual(store: GraphStore) -> None:
    bundles = load(store)
    doc = bundles[0].document
    manual = coding(doc, "访谈", "method.interview", coder="coder-a", origin=Origin.MANUAL)
    store.add_codings([manual])
    new_auto = coding(doc, "老旧小区", "context.old_community", coder="tagger")
    store.replace_auto_codings(doc.id, [new_auto])
    got = store.codings_for_document(doc.id)
    assert sorted(c.id for c in got) == sorted([manual.id, new_auto.id])


def test_set_tag_key_marks_documents_current_and_keeps_codings(store: GraphStore) -> None:
    bundles = load(store)
    before = {b.document.id: store.codings_for_document(b.document.id) for b in bundles}
    first, *rest = [b.document.id for b in bundles]
    revision = store.revision()
    store.set_tag_key(rest, "new-key")
    assert [d.id for d in store.documents_with_other_tag_key("new-key")] == [first]
    assert {d: store.codings_for_document(d) for d in before} == before
    assert store.revision() > revision


def test_delete_document_keeps_shared_authors_and_codes(store: GraphStore) -> None:
    bundles = load(store)
    doc = bundles[0].document
    store.delete_document(doc.id)
    stats = store.stats()
    assert stats["documents"] == 2
    assert stats["segments"] == sum(len(b.segments) for b in bundles[1:])
    assert stats["codings"] == sum(len(b.codings) for b in bundles[1:])
    assert stats["codes"] == len(CODES)
    assert stats["authors"] == 4  # people are shared nodes: they outlive one document
    assert store.codings_for_document(doc.id) == []
    assert store.authors_of(bundles[1].document.id) == ["张三"]


def test_code_frequencies_by_category(store: GraphStore) -> None:
    load(store)
    theory = store.code_frequencies("theory")
    assert [(r.code_id, r.documents, r.codings) for r in theory] == [
        ("theory.empowerment", 2, 3),
        ("theory.strengths", 2, 2),
    ]
    assert theory[0].label_zh == "增能理论"
    everything = store.code_frequencies()
    assert {r.category for r in everything} == {"theory", "method", "context"}
    assert everything[0].documents >= everything[-1].documents


def test_documents_for_code_with_polarities(store: GraphStore) -> None:
    bundles = load(store)
    hits = store.documents_for_code("theory.empowerment")
    by_id = {h.document_id: h for h in hits}
    a, c = bundles[0].document, bundles[2].document
    assert set(by_id) == {a.id, c.id}
    assert by_id[a.id].codings == 2 and by_id[a.id].polarities == ("uses",)
    assert by_id[c.id].polarities == ("gap",)
    assert by_id[a.id].year == 2021 and by_id[c.id].year is None


def test_incidence_feeds_cooccurrence(store: GraphStore) -> None:
    load(store)
    rows = store.incidence()
    assert len(rows) == len(set(rows)) == 8
    pairs = {(a, b): n for a, b, n in cooccurrence(rows)}
    assert pairs[("context.old_community", "method.interview")] == 2
    assert pairs[("theory.empowerment", "theory.strengths")] == 1
    assert ("method.interview", "theory.empowerment") in pairs


def test_evidence_spans_are_exact(store: GraphStore) -> None:
    bundles = load(store)
    texts = {b.document.id: b.document.text for b in bundles}
    evidence = store.evidence_for_code("theory.empowerment")
    assert len(evidence) == 3
    for row in evidence:
        assert texts[row.document_id][row.start : row.end] == row.evidence == "增能理论"
        assert row.title
    assert len(store.evidence_for_code("theory.empowerment", limit=1)) == 1


def test_codings_by_coder(store: GraphStore) -> None:
    bundles = load(store)
    doc = bundles[1].document
    mine = [
        coding(doc, "优势视角", "theory.strengths", coder="coder-b", origin=Origin.MANUAL),
        coding(doc, "访谈", "method.interview", coder="coder-b", origin=Origin.MANUAL),
    ]
    store.add_codings(mine)
    got = store.codings_by_coder("coder-b")
    assert got == sorted(mine, key=lambda c: (c.document_id, c.start, c.id))
    assert len(store.codings_by_coder("tagger")) == 9


def test_same_document_from_two_files_has_one_id(store: GraphStore, tmp_path) -> None:
    from kgreview.pipeline import ingest

    text = "增能理论视角下的社区参与\n\n本研究以增能理论为指导。\n"
    (tmp_path / "utf8.txt").write_text(text, encoding="utf-8")
    (tmp_path / "gbk_crlf.txt").write_bytes(text.replace("\n", "\r\n").encode("gb18030"))
    report = ingest([tmp_path / "utf8.txt", tmp_path / "gbk_crlf.txt"], store)
    assert report.failures == []
    assert store.stats()["documents"] == 1


def test_revision_moves_on_every_write(store: GraphStore) -> None:
    seen = [store.revision()]
    bundles = sample_bundles()
    doc = bundles[0].document
    extra = coding(doc, "访谈", "method.interview", coder="c", origin=Origin.MANUAL)
    writes = [
        lambda: store.upsert_codes(CODES),
        lambda: store.upsert_bundles(bundles),
        lambda: store.add_codings([extra]),
        lambda: store.replace_auto_codings(doc.id, []),
        lambda: store.delete_coding(extra.id),
        lambda: store.delete_document(doc.id),
    ]
    for write in writes:
        write()
        seen.append(store.revision())
    assert all(b > a for a, b in itertools.pairwise(seen)), seen


def test_schema_version_and_migrations_recorded(store: GraphStore) -> None:
    assert store.schema_version() >= 1
    migrations = store.migrations()
    assert migrations and migrations[0][0] == 1
    assert migrations[-1][0] == store.schema_version()


def test_codes_round_trip_with_hierarchy(store: GraphStore) -> None:
    store.upsert_codes(CODES)
    assert store.list_codes() == sorted(CODES, key=lambda c: c.id)


def test_coding_of_unknown_code_creates_bare_code(store: GraphStore) -> None:
    doc = document(TEXT_A)
    store.upsert_bundles([bundle(doc, (coding(doc, "访谈", "method.new_code"),))])
    assert [c.id for c in store.list_codes()] == ["method.new_code"]
    assert store.code_frequencies()[0].code_id == "method.new_code"


def test_rewritten_document_loses_stale_segments_and_links(store: GraphStore) -> None:
    bundles = load(store)
    first = bundles[0]
    trimmed = dataclasses.replace(first, segments=first.segments[:2], codings=(), authors=())
    store.upsert_bundles([trimmed])
    stats = store.stats()
    assert stats["segments"] == 2 + sum(len(b.segments) for b in bundles[1:])
    assert store.authors_of(first.document.id) == []
    assert store.codings_for_document(first.document.id) == []


def test_authors_keep_byline_order(store: GraphStore) -> None:
    bundles = load(store)
    assert store.authors_of(bundles[0].document.id) == ["张三", "李四"]


def test_fingerprints_and_facets(store: GraphStore) -> None:
    bundles = load(store)
    prints = store.fingerprints()
    assert set(prints) == {b.document.id for b in bundles}
    doc = bundles[0].document
    assert prints[doc.id].text_hash == doc.text_hash
    facets = store.document_facets()
    assert sum(f.documents for f in facets) == 3
    assert [f.year for f in facets] == [2021, 2022, None]


def test_clear_empties_but_keeps_bookkeeping(store: GraphStore) -> None:
    load(store)
    version = store.schema_version()
    store.clear()
    assert all(v == 0 for v in store.stats().values())
    assert store.schema_version() == version


def test_manual_coding_survives_delete_of_other_document(store: GraphStore) -> None:
    bundles = load(store)
    doc_b = bundles[1].document
    manual = coding(
        doc_b,
        "老旧小区",
        "context.old_community",
        coder="coder-a",
        origin=Origin.MANUAL,
        polarity=Polarity.MENTIONS,
    )
    store.add_codings([manual])
    store.delete_document(bundles[0].document.id)
    assert manual in store.codings_by_coder("coder-a")


def test_values_are_parameters_not_query_text(store: GraphStore) -> None:
    hostile = 'x\'); DROP TABLE "Document"; -- }) DETACH DELETE n //'
    doc = Document(id=ids.document_id(text=hostile), title=hostile, text=hostile)
    store.upsert_codes([Code(hostile, "theory", hostile, hostile)])
    store.upsert_bundles([bundle(doc)])
    assert store.get_document(doc.id).title == hostile
    assert store.code_frequencies(hostile) == []
    assert store.stats()["documents"] == 1


@pytest.mark.neo4j
def test_backends_answer_identically(store_factory) -> None:
    answers = []
    for kind in ("embedded", "neo4j"):
        store = store_factory(kind)
        bundles = load(store)
        doc = bundles[0].document
        answers.append(
            (
                store.stats(),
                store.code_frequencies(),
                store.documents_for_code("theory.strengths"),
                store.incidence(),
                store.evidence_for_code("method.interview"),
                store.codings_for_document(doc.id),
                store.document_facets(),
                store.list_codes(),
                store.authors_of(doc.id),
            )
        )
    assert answers[0] == answers[1]
