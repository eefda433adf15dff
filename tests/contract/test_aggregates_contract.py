"""Contract: the aggregates a store computes itself (co-occurrence, counts per polarity and
per year) equal what the analyses derive from the row reads, and the batched document reads
equal the per-document ones, in both backends."""

from __future__ import annotations

import dataclasses
import random
from collections import Counter, defaultdict

from kgreview import ids
from kgreview.analysis.cooccurrence import cooccurrence
from kgreview.model import Author, Origin, Polarity
from kgreview.store import GraphStore
from tests.builders import CODES, bundle, coding, document, sample_bundles

TERMS = {
    "增能理论": "theory.empowerment",
    "优势视角": "theory.strengths",
    "社区增能": "theory.empowerment.community",
    "访谈": "method.interview",
    "老旧小区": "context.old_community",
}
POLARITIES = [Polarity.USES, Polarity.USES, Polarity.MENTIONS, Polarity.GAP]


def mixed_bundles(n: int = 40, seed: int = 3) -> list:
    """Documents with random subsets of the codes, repeated codings, two coders, several
    polarities, and years that include none and 0."""
    rng = random.Random(seed)
    out = []
    for k in range(n):
        text = f"第{k}篇：增能理论与优势视角。社区增能和访谈。老旧小区。增能理论再现。"
        doc = document(text, year=rng.choice([None, 0, 2019, 2020, 2021]))
        codings = []
        for term in rng.sample(list(TERMS), rng.randint(0, len(TERMS))):
            nth = rng.choice([0, 1]) if term == "增能理论" else 0
            polarity = rng.choice(POLARITIES)
            codings.append(coding(doc, term, TERMS[term], nth=nth, polarity=polarity))
            if rng.random() < 0.4:
                codings.append(coding(doc, term, TERMS[term], coder="coder_a",
                                      origin=Origin.MANUAL, polarity=polarity))  # fmt: skip
        out.append(bundle(doc, tuple(dict((c.id, c) for c in codings).values())))
    return out


def expected_pairs(store: GraphStore, rows: str, cols: str) -> list[tuple[str, str, int]]:
    category = {c.id: c.category for c in store.list_codes()}
    wanted = [(d, k) for d, k in store.incidence() if category.get(k) in (rows, cols)]
    found = []
    for a, b, n in cooccurrence(wanted):
        if rows == cols or (category[a] == rows and category[b] == cols):
            found.append((a, b, n))
        elif category[b] == rows and category[a] == cols:
            found.append((b, a, n))
    return sorted(found, key=lambda p: (-p[2], p[0], p[1]))


def test_cooccurrence_counts_documents_not_codings(store: GraphStore) -> None:
    store.upsert_codes(CODES)
    store.upsert_bundles(sample_bundles())
    # Document A codes empowerment twice and the old community once: one document, once.
    assert store.code_cooccurrence("theory", "context") == [
        ("theory.empowerment", "context.old_community", 1),
        ("theory.strengths", "context.old_community", 1),
    ]
    # Document C holds both theories (the gap coding counts as a coding).
    assert store.code_cooccurrence("theory", "theory") == [
        ("theory.empowerment", "theory.strengths", 1)
    ]
    assert store.code_cooccurrence("theory", "nothing") == []


def test_aggregates_match_the_row_reads(store: GraphStore) -> None:
    store.upsert_codes(CODES)
    store.upsert_bundles(mixed_bundles())
    for rows, cols in (("theory", "context"), ("context", "theory"), ("theory", "method"),
                       ("theory", "theory")):  # fmt: skip
        pairs = store.code_cooccurrence(rows, cols)
        assert pairs == expected_pairs(store, rows, cols)
    assert store.code_cooccurrence("theory", "context")  # the corpus is not trivially empty

    polarities = Counter((k, p) for _, k, p in store.polarity_incidence())
    assert store.polarity_counts() == sorted((k, p, n) for (k, p), n in polarities.items())
    theories = [(k, p, n) for k, p, n in store.polarity_counts() if k.startswith("theory.")]
    assert store.polarity_counts("theory") == theories and len(theories) > 3

    years = {d.id: d.year for d in store.document_summaries() if d.year}
    docs: dict[tuple[str, int], set[str]] = defaultdict(set)
    for d, k in store.incidence():
        if d in years:
            docs[(k, years[d])].add(d)
    wanted = ["theory.strengths", "context.old_community", "nothing.here"]
    expected = sorted((k, y, len(found)) for (k, y), found in docs.items() if k in wanted)
    assert store.year_counts(wanted) == expected
    assert {y for _, y, _ in expected} == {2019, 2020, 2021}
    assert store.year_counts([]) == []


def test_aggregates_of_an_empty_store(store: GraphStore) -> None:
    assert store.code_cooccurrence("theory", "context") == []
    assert store.polarity_counts() == [] and store.polarity_counts("theory") == []
    assert store.year_counts(["theory.empowerment"]) == []


def test_batched_document_reads_equal_the_per_document_ones(store: GraphStore) -> None:
    store.upsert_codes(CODES)
    bundles = sample_bundles()
    teacher = Author(ids.author_id("导师甲"), "导师甲")
    bundles[0] = dataclasses.replace(bundles[0], supervisors=(teacher,))
    store.upsert_bundles(bundles)
    wanted = [b.document.id for b in reversed(bundles)] + ["doc:missing", bundles[2].document.id]
    documents = store.get_documents(wanted)
    assert [d.id for d in documents] == [b.document.id for b in reversed(bundles)]
    assert documents == [store.get_document(d.id) for d in documents]
    details = store.document_details(wanted)
    assert [d.document for d in details] == documents
    for detail in details:
        doc = detail.document.id
        assert detail.codings == tuple(store.codings_for_document(doc))
        assert detail.authors == tuple(store.authors_of(doc))
        assert detail.supervisors == tuple(store.supervisors_of(doc))
        assert detail.sites == tuple(store.sites_of(doc))
    first = details[-1]  # bundles[0]: two authors, a site, a supervisor, four codings
    assert (first.authors, first.supervisors) == (("张三", "李四"), ("导师甲",))
    assert first.sites == (("H社区", "成都"),) and len(first.codings) == 4
    assert store.get_documents([]) == [] and store.document_details([]) == []
