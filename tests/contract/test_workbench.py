"""The coding workbench on both backends: a grounded-theory flow (in-vivo codes → categories →
core category, memos, the coding table), hierarchy edits whose codings follow, suggestions
accepted and rejected, saturation, orphaned manual codings kept."""

from __future__ import annotations

import pytest

from kgreview.coding import Workbench, coding_table, orphaned_codings, saturated, saturation
from kgreview.model import Code, Origin
from kgreview.store import GraphStore
from tests.builders import bundle, coding, document

INTERVIEW = (
    "访谈者：您怎么看加装电梯？受访者：我们老人爬楼太难了，天天盼着电梯。"
    "一楼的说影响采光，死活不同意。后来社工请大家坐下来谈，一户一户去做工作。"
    "最后大家各让一步，签了协议。"
)


def spans(*words: str) -> list[tuple[int, int]]:
    return [(INTERVIEW.index(w), INTERVIEW.index(w) + len(w)) for w in words]


def test_grounded_theory_flow_produces_the_coding_table(store: GraphStore) -> None:
    doc = document(INTERVIEW, doc_type="transcript")
    store.upsert_bundles([bundle(doc)])
    bench = Workbench(store, "coder_a")
    (s1, s2, s3, s4) = spans("爬楼太难", "影响采光", "坐下来谈", "各让一步")
    need, c1 = bench.in_vivo(doc.id, *s1)
    light, _ = bench.in_vivo(doc.id, *s2)
    talk, _ = bench.in_vivo(doc.id, *s3)
    give, _ = bench.in_vivo(doc.id, *s4)
    assert (need.label_zh, c1.evidence, c1.origin) == ("爬楼太难", "爬楼太难", Origin.MANUAL)
    interests = bench.new_code("利益分歧")
    negotiation = bench.new_code("协商过程")
    main = bench.new_code("邻里协商", level="main_category")
    core = bench.new_code("以协商化解加梯冲突", level="core")
    for concept, category in ((need, interests), (light, interests), (talk, negotiation),
                              (give, negotiation)):  # fmt: skip
        bench.move(concept.id, category.id)
    bench.move(interests.id, main.id)
    bench.move(negotiation.id, main.id)
    bench.move(main.id, core.id)
    memo = bench.memo(negotiation.id, "社工的逐户沟通是协商得以发生的条件。")
    assert store.memos_for(negotiation.id) == [memo]
    table = coding_table(store, "coder_a")
    assert [r["quote"] for r in table] == ["爬楼太难", "影响采光", "坐下来谈", "各让一步"]
    assert table[0] | {} == {
        "quote": "爬楼太难", "document": doc.id, "start": s1[0], "end": s1[1],
        "concept": "爬楼太难", "category": "利益分歧", "main_category": "邻里协商",
        "core": "以协商化解加梯冲突",
    }  # fmt: skip
    assert table[3]["category"] == "协商过程"


def test_merge_and_split_move_codings_and_keep_spans(store: GraphStore) -> None:
    doc = document(INTERVIEW, doc_type="transcript")
    store.upsert_bundles([bundle(doc)])
    bench = Workbench(store, "coder_a")
    a, ca = bench.in_vivo(doc.id, *spans("爬楼太难")[0])
    b, cb = bench.in_vivo(doc.id, *spans("盼着电梯")[0])
    bench.merge(b.id, into=a.id)
    mine = store.codings_by_coder("coder_a")
    assert {c.code_id for c in mine} == {a.id}
    assert sorted((c.start, c.end) for c in mine) == sorted(
        [(ca.start, ca.end), (cb.start, cb.end)]
    )
    assert b.id not in {c.id for c in store.list_codes()}
    split = bench.split(a.id, [cb.id], "盼电梯")
    assert {c.id: c.code_id for c in store.codings_by_coder("coder_a")}[cb.id] == split.id
    with pytest.raises(ValueError):
        store.delete_code(a.id)  # still used: refused, nothing lost


def test_suggestions_are_accepted_adjusted_or_rejected(store: GraphStore) -> None:
    doc = document(INTERVIEW, doc_type="transcript")
    auto = coding(doc, "电梯", "countermeasure.lift", coder="auto")
    store.upsert_bundles([bundle(doc, (auto,))])
    bench = Workbench(store, "coder_b")
    accepted = bench.accept(auto)
    assert (accepted.origin, accepted.suggestion_id, accepted.coder) == (
        "manual",
        auto.id,
        "coder_b",
    )
    start = INTERVIEW.index("加装电梯")
    adjusted = bench.adjust(auto, start, start + 4)
    assert adjusted.evidence == "加装电梯" and adjusted.suggestion_id == auto.id
    bench.reject(auto, "not about lifts")
    assert "rejected by coder_b" in store.memos_for(auto.id)[0].text
    assert auto.id in {c.id for c in store.codings_for_document(doc.id)}  # still a suggestion


def test_orphaned_manual_codings_are_kept_and_flagged(store: GraphStore) -> None:
    doc = document(INTERVIEW, doc_type="transcript")
    store.upsert_codes([Code("old.code", "factor", "old", "旧代码")])
    manual = coding(doc, "电梯", "old.code", coder="coder_a", origin=Origin.MANUAL)
    store.upsert_bundles([bundle(doc, (manual,))])
    flagged = orphaned_codings(store, codebook_ids={"theory.empowerment"})
    assert [e.coding_id for e in flagged] == [manual.id]


def test_saturation_curve() -> None:
    from kgreview.model import Coding

    def c(doc: str, code: str) -> Coding:
        return Coding(f"{doc}{code}", doc, None, code, "a", 0, 1, "x")

    codings = [c("d1", "x"), c("d1", "y"), c("d2", "y"), c("d2", "z"), c("d3", "x"), c("d4", "z")]
    curve = saturation(codings, ["d1", "d2", "d3", "d4"])
    assert [p["new_codes"] for p in curve] == [2, 1, 0, 0]
    assert curve[-1]["total_codes"] == 3 and saturated(curve)
    assert not saturated(saturation(codings, ["d1", "d3", "d4", "d2"]), last=2)  # d4 adds z
