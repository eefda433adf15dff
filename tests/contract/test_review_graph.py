"""Contract: the review part of the graph — CITES, WROTE, ATTRIBUTES, STATES_GAP, CONCERNS —
in both backends, rewritten with its document and removed with it."""

from __future__ import annotations

import dataclasses

from kgreview import ids
from kgreview.model import Attribution, Author, Gap, Polarity, PolicyDocument, Reference
from kgreview.store import GraphStore
from tests.builders import CODES, bundle, coding, document

TEXT = (
    "王思斌认为社区治理需要增能理论。他还强调居民参与。已有研究较少关注老旧小区。本文采用优势视角。"
)


def review_bundle():
    doc = document(TEXT, doc_type="review")
    codings = (
        coding(doc, "增能理论", "theory.empowerment", polarity=Polarity.MENTIONS),
        coding(doc, "老旧小区", "context.old_community", polarity=Polarity.GAP),
        coding(doc, "优势视角", "theory.strengths"),
    )
    base = bundle(doc, codings)
    sentences = [s for s in base.segments if s.kind == "sentence"]
    gap_sentence = sentences[2]
    gap = Gap(
        id=ids.digest("gap", doc.id, gap_sentence.id), document_id=doc.id,
        segment_id=gap_sentence.id, kind="population", start=gap_sentence.start,
        end=gap_sentence.end, statement=TEXT[gap_sentence.start:gap_sentence.end],
    )  # fmt: skip
    wang = Author(ids.author_id("王思斌"), "王思斌")
    refs = (
        Reference(ids.reference_id("a"), "[1] 王思斌, 李某. 社会治理[J]. 社会工作, 2020.",
                  title="社会治理", authors=("王思斌", "李某"), year=2020, type="J"),
        Reference(ids.reference_id("b"), "[2] ROTHMAN J. Three models[M]. 1995.",
                  title="Three models", authors=("ROTHMAN J",), year=1995, type="M"),
    )  # fmt: skip
    return dataclasses.replace(
        base,
        references=refs,
        gaps=(gap,),
        gap_codes=((gap.id, "context.old_community"),),
        policies=((3, PolicyDocument("policy:1", "2014年政府工作报告", "国务院", 2014)),),
        attributions=(Attribution(sentences[0].id, wang), Attribution(sentences[1].id, wang)),
    )


def test_gap_statements_carry_their_codes(store: GraphStore) -> None:
    store.upsert_codes(CODES)
    b = review_bundle()
    store.upsert_bundles([b])
    (gap,) = store.gap_statements()
    assert gap.codes == ("context.old_community",)
    assert gap.statement == "已有研究较少关注老旧小区。"
    assert TEXT[gap.start : gap.end] == gap.statement
    assert (gap.document_id, gap.doc_type, gap.kind) == (b.document.id, "review", "population")


def test_attributed_codings_and_cited_authors(store: GraphStore) -> None:
    store.upsert_codes(CODES)
    b = review_bundle()
    store.upsert_bundles([b])
    (said,) = store.attributed_codings("theory.empowerment")
    assert (said.author, said.via, said.evidence) == ("王思斌", "named", "增能理论")
    assert store.attributed_codings("theory.strengths") == []  # not in an attributed sentence
    refs = store.references_of(b.document.id)
    assert [(n, names) for n, _, names in refs] == [(1, ("王思斌", "李某")), (2, ("ROTHMAN J",))]
    # The scholar named in the text and the author of reference [1] are one Author node;
    # a policy text's issuer is no author.
    assert store.stats()["authors"] == 3
    assert store.policies_cited(b.document.id) == [(3, "2014年政府工作报告", "国务院")]


def test_rewrite_and_delete_remove_review_links(store: GraphStore) -> None:
    store.upsert_codes(CODES)
    b = review_bundle()
    store.upsert_bundles([b])
    store.upsert_bundles([dataclasses.replace(b, gap_codes=(), attributions=())])
    assert store.gap_statements()[0].codes == ()
    assert store.attributed_codings("theory.empowerment") == []
    store.upsert_bundles([b])
    store.delete_document(b.document.id)
    assert store.gap_statements() == []
    assert store.attributed_codings("theory.empowerment") == []
    assert store.references_of(b.document.id) == []
    assert store.policies_cited(b.document.id) == []


def test_polarity_incidence_and_summaries(store: GraphStore) -> None:
    store.upsert_codes(CODES)
    b = review_bundle()
    store.upsert_bundles([b])
    assert (b.document.id, "context.old_community", "gap") in store.polarity_incidence()
    (summary,) = store.document_summaries()
    assert (summary.id, summary.doc_type, summary.year) == (b.document.id, "review", 2022)


def test_same_as_links_a_cited_work_to_its_document(store: GraphStore) -> None:
    store.upsert_codes(CODES)
    b = review_bundle()
    cited = document("社会治理。本文讨论社区。", title="社会治理", year=2020)
    store.upsert_bundles([b, bundle(cited, authors=("王思斌",))])
    summaries = {ref: rest for ref, *rest in store.reference_summaries()}
    ref_id = b.references[0].id
    assert summaries[ref_id] == ["社会治理", 2020, ("王思斌", "李某")]
    store.link_same_as([(ref_id, cited.id)])
    store.link_same_as([(ref_id, cited.id)])  # idempotent
    assert store.same_as() == [(ref_id, cited.id)]


def test_segments_of_a_document_in_text_order(store: GraphStore) -> None:
    b = review_bundle()
    store.upsert_bundles([b])
    got = store.segments_of(b.document.id)
    assert sorted(got, key=lambda s: (s.start, s.end, s.id)) == got
    assert {s.id for s in got} == {s.id for s in b.segments}
    assert store.segments_of("doc:missing") == []


def test_sites_of_a_document(store: GraphStore) -> None:
    from tests.builders import sample_bundles

    bundles = sample_bundles()
    store.upsert_bundles(bundles)
    assert store.sites_of(bundles[0].document.id) == [("H社区", "成都")]
    assert store.sites_of(bundles[1].document.id) == []


def test_a_citation_covers_its_own_clause_only(store: GraphStore) -> None:
    # "Wang (2020) used the strengths perspective, while Zhao (2021) adopted empowerment theory"
    text = "王某（2020）运用优势视角；赵某（2021）采用增能理论。"
    doc = document(text, doc_type="review")
    codings = (
        coding(doc, "优势视角", "theory.strengths", polarity=Polarity.MENTIONS),
        coding(doc, "增能理论", "theory.empowerment", polarity=Polarity.MENTIONS),
    )
    base = bundle(doc, codings)
    (sentence,) = [s for s in base.segments if s.kind == "sentence"]
    cut = text.index("；")
    wang, zhao = (Author(ids.author_id(n), n) for n in ("王某", "赵某"))
    said = (
        Attribution(sentence.id, wang, "cited", sentence.start, cut),
        Attribution(sentence.id, zhao, "cited", cut + 1, sentence.end),
    )
    store.upsert_codes(CODES)
    store.upsert_bundles([dataclasses.replace(base, attributions=said)])
    assert [a.author for a in store.attributed_codings("theory.strengths")] == ["王某"]
    assert [a.author for a in store.attributed_codings("theory.empowerment")] == ["赵某"]
