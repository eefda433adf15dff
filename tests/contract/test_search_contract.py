"""Full-text search over sentences (search_segments) on both backends, and their agreement."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from kgreview.ingest.transcript import transcript_document
from kgreview.model import Polarity
from kgreview.nlp.segment import segment_text
from kgreview.pipeline import build_bundle
from kgreview.store import GraphStore, open_store
from kgreview.store.schema import SCHEMA
from tests.builders import CODES, TEXT_A, bundle, coding, document, sample_bundles

ENGLISH = (
    "Community participation in old neighbourhoods grows slowly. "
    "Residents join the meetings when trust exists."
)
SPECIAL = 'Write a:b (c) "d" *~ and `rm -rf` as literal text. Nothing OR everything.'
TRADITIONAL = "社區營造強調居民參與。ＡＢＣ小組每週開會。"
TRANSCRIPT = """Interview 3
Participant: R3 (female, 52, cleaner, tenant since 2019)

[00:00:02] Interviewer: How did you first join the residents' meetings?
[00:00:09] R3: A neighbour took me along. I did not know anyone there.
[00:00:20] Interviewer: And now?
[00:00:23] R3: Now I keep the list of who needs help with shopping.
"""


def _corpus() -> list:
    english = document(ENGLISH, title="Participation", year=2019, doc_type="article")
    special = document(SPECIAL, title="Specials", year=2018, doc_type="text")
    traditional = document(TRADITIONAL, title="社區營造", year=2020, doc_type="article")
    interview = transcript_document(Path("r3.txt"), TRANSCRIPT, fmt="transcript")
    assert interview is not None
    return [
        *sample_bundles(),
        bundle(english, (coding(english, "participation", "method.interview"),)),
        bundle(special),
        bundle(traditional),
        build_bundle(dataclasses.replace(interview, year=2023)),
    ]


def load(store: GraphStore) -> list:
    store.upsert_codes(CODES)
    bundles = _corpus()
    store.upsert_bundles(bundles)
    return bundles


def texts(store: GraphStore, query: str, **filters) -> list[str]:
    return [hit.text for hit in store.search_segments(query, **filters)]


def test_two_and_one_character_chinese_queries(store: GraphStore) -> None:
    load(store)
    # 2021 before the undated document; within a document by position.
    assert texts(store, "增能") == [
        "本研究以增能理论为指导。",
        "增能理论强调赋权。",
        "已有研究较少运用增能理论。",
    ]
    assert texts(store, "赋") == ["增能理论强调赋权。"]
    hit = store.search_segments("增能")[0]
    assert hit.matches == ((4, 6),) and hit.text[4:6] == "增能"
    assert (hit.document_id, hit.year, hit.doc_type) == (document(TEXT_A).id, 2021, "thesis")


def test_longer_chinese_substrings_across_word_boundaries(store: GraphStore) -> None:
    load(store)
    assert texts(store, "增能理论") == texts(store, "增能")
    assert texts(store, "理论为指") == ["本研究以增能理论为指导。"]
    assert texts(store, "理论为指南") == []


def test_english_words_fragments_and_case(store: GraphStore) -> None:
    load(store)
    expected = ["Community participation in old neighbourhoods grows slowly."]
    assert texts(store, "participation") == expected
    assert texts(store, "PARTICIPATION in old") == expected
    assert texts(store, "ticipat") == expected  # inside a word: no Lucene term, still found
    # The transcript (2023) is newer than the article (2019), so it comes first.
    assert texts(store, "join the") == [
        "How did you first join the residents' meetings?",
        "Residents join the meetings when trust exists.",
    ]
    assert texts(store, "the meetings") == ["Residents join the meetings when trust exists."]


def test_query_syntax_is_literal_text(store: GraphStore) -> None:
    load(store)
    literal = ['Write a:b (c) "d" *~ and `rm -rf` as literal text.']
    assert texts(store, 'a:b (c) "d" *~') == literal
    assert texts(store, "`rm -rf`") == literal
    assert texts(store, "*") == literal
    assert texts(store, "OR everything") == ["Nothing OR everything."]
    for nothing in ('"d" OR *', "a:b AND c", "text~2", "(c) AND NOT x", "\\", "d*"):
        assert texts(store, nothing) == [], nothing
    assert store.stats()["documents"] == len(_corpus())


def test_traditional_and_full_width_queries_meet_simplified_text(store: GraphStore) -> None:
    load(store)
    assert texts(store, "社区营造") == ["社區營造強調居民參與。"]
    # Traditional query, simplified text (2022) and traditional text (2020) alike.
    assert texts(store, "居民參與") == ["老旧小区改造需要居民参与。", "社區營造強調居民參與。"]
    assert texts(store, "abc小组") == ["ＡＢＣ小組每週開會。"]
    hit = store.search_segments("ＡＢＣ")[0]
    assert hit.text[slice(*hit.matches[0])] == "ＡＢＣ"


def test_hits_carry_their_codes(store: GraphStore) -> None:
    load(store)
    (hit,) = store.search_segments("已有研究")
    assert [(c.code_id, c.polarity, c.label_zh) for c in hit.codings] == [
        ("theory.empowerment", Polarity.GAP, "增能理论")
    ]
    coded = hit.codings[0]
    assert (coded.start, coded.end) == (hit.start + 8, hit.start + 12)


def test_filters(store: GraphStore) -> None:
    load(store)
    assert texts(store, "研究", polarity=Polarity.GAP) == ["已有研究较少运用增能理论。"]
    assert texts(store, "研究", codes=["theory.empowerment"]) == [
        "本研究以增能理论为指导。",
        "已有研究较少运用增能理论。",
    ]
    assert texts(store, "研究", codes=["theory.empowerment"], polarity="uses") == [
        "本研究以增能理论为指导。"
    ]
    assert texts(store, "访谈", category="method") == [
        "通过访谈了解居民需求。",
        "采用访谈法收集资料。",
    ]
    assert texts(store, "访谈", year_from=2022) == ["通过访谈了解居民需求。"]
    assert texts(store, "访谈", year_to=2021) == ["采用访谈法收集资料。"]
    assert texts(store, "居民", doc_types=["article"]) == ["社區營造強調居民參與。"]
    assert texts(store, "neighbour", speaker="R3") == ["A neighbour took me along."]
    assert texts(store, "join", speaker="Interviewer") == [
        "How did you first join the residents' meetings?"
    ]
    hits = store.search_segments("e", doc_types=["transcript"])
    speakers = {(h.speaker, h.role) for h in hits if h.text != "Interview 3"}
    assert speakers == {("R3", ""), ("Interviewer", "interviewer")}
    # the header's title line is the researcher's: searchable, spoken by no one
    assert [(h.speaker, h.role) for h in hits if h.text == "Interview 3"] == [("", "")]


def test_paging_is_stable(store: GraphStore) -> None:
    load(store)
    every = texts(store, "。", limit=100)
    assert len(every) > 6
    pages = [texts(store, "。", limit=3, offset=n) for n in range(0, len(every), 3)]
    assert [t for page in pages for t in page] == every


def test_rewritten_document_returns_no_stale_text(store: GraphStore) -> None:
    bundles = load(store)
    old = bundles[0]
    new_text = "本研究以社会资本理论为指导。研究地点为新建小区。"
    doc = dataclasses.replace(old.document, text=new_text)
    segments = tuple(segment_text(doc.id, new_text))
    store.upsert_bundles([dataclasses.replace(old, document=doc, codings=(), segments=segments)])
    assert texts(store, "为指导") == ["本研究以社会资本理论为指导。"]
    assert texts(store, "赋权") == []
    assert texts(store, "新建") == ["研究地点为新建小区。"]


def test_delete_and_clear_remove_from_the_index(store: GraphStore) -> None:
    bundles = load(store)
    store.delete_document(bundles[0].document.id)
    assert texts(store, "增能") == ["已有研究较少运用增能理论。"]
    store.clear()
    assert texts(store, "增能") == [] and texts(store, "e") == []


def test_imported_in_any_order_is_searchable(store: GraphStore, tmp_path: Path) -> None:
    source = open_store(str(tmp_path / "source.db"))
    load(source)
    # Segments before their documents (a restore may meet them in any order).
    for label in reversed(SCHEMA.content_labels()):
        rows = source.export_nodes(label, None, 10_000)
        if rows:
            store.import_nodes(label, rows)
    assert texts(store, "增能") == texts(source, "增能")
    assert len(texts(store, "增能")) == 3
    source.close()


def test_bad_queries(store: GraphStore) -> None:
    load(store)
    assert store.search_segments("   ") == []
    with pytest.raises(ValueError):
        store.search_segments("增能", limit=0)
    with pytest.raises(ValueError):
        store.search_segments("长" * 201)


@pytest.mark.neo4j
def test_backends_answer_searches_identically(store_factory) -> None:
    queries = [
        ("增能", {}), ("能", {}), ("增能理论", {}), ("participation", {}), ("ticipat", {}),
        ('a:b (c) "d" *~', {}), ("社區", {}), ("。", {"limit": 4, "offset": 2}),
        ("研究", {"codes": ["theory.empowerment"], "polarity": "gap"}),
        ("e", {"doc_types": ["transcript"], "speaker": "R3"}), ("访谈", {"year_from": 2022}),
    ]  # fmt: skip
    answers = []
    for kind in ("embedded", "neo4j"):
        store = store_factory(kind)
        load(store)
        answers.append([store.search_segments(q, **filters) for q, filters in queries])
    assert answers[0] == answers[1]
    assert all(answers[0][:4])


def test_empty_query_with_codes_lists_their_sentences(store: GraphStore) -> None:
    load(store)
    assert texts(store, "", codes=["theory.empowerment"]) == [
        "本研究以增能理论为指导。",
        "增能理论强调赋权。",
        "已有研究较少运用增能理论。",
    ]
    assert texts(store, "", codes=["method.interview"], doc_types=["article"]) == [
        "Community participation in old neighbourhoods grows slowly."
    ]
    assert texts(store, "") == []
