"""Agreement statistics against reference implementations, and the two-coder flow."""

from __future__ import annotations

import json

import krippendorff
import numpy as np
import pytest

from kgreview import ids
from kgreview.analysis.agreement import MISSING, Unit, agreement, cohen_kappa, scores
from kgreview.model import Coding, Origin
from kgreview.nlp.segment import segment_text
from kgreview.store import open_store
from tests.builders import bundle, document
from tests.test_cli import kgreview


def reference_kappa(a: np.ndarray, b: np.ndarray) -> float:
    """Cohen's kappa from the 2×2 confusion matrix (another computation path)."""
    table = np.zeros((2, 2))
    for x, y in zip(a, b, strict=True):
        table[x, y] += 1
    n = table.sum()
    po = np.trace(table) / n
    pe = (table.sum(axis=1) * table.sum(axis=0)).sum() / n**2
    return (po - pe) / (1 - pe)


@pytest.mark.parametrize("seed", range(20))
def test_alpha_and_kappa_equal_the_references_on_random_data(seed: int) -> None:
    rng = np.random.default_rng(seed)
    coders, units = int(rng.integers(2, 5)), int(rng.integers(5, 60))
    matrix = rng.integers(0, 2, size=(coders, units)).astype(np.int8)
    matrix[rng.random((coders, units)) < 0.2] = MISSING
    matrix[:, rng.integers(0, units)] = 1  # both values present
    matrix[:, rng.integers(0, units)] = 0
    ours = scores(matrix)
    data = np.where(matrix == MISSING, np.nan, matrix).astype(float)
    expected = krippendorff.alpha(reliability_data=data, level_of_measurement="nominal")
    assert ours.alpha == pytest.approx(expected, abs=1e-9)
    a, b = rng.integers(0, 2, size=(2, 40))
    a[0], b[0], a[1], b[1] = 0, 0, 1, 1
    assert cohen_kappa(a, b) == pytest.approx(reference_kappa(a, b), abs=1e-9)


def coding(doc, start: int, end: int, code: str, coder: str) -> Coding:
    return Coding(
        id=ids.coding_id(doc.id, start, end, code, coder), document_id=doc.id, segment_id=None,
        code_id=code, coder=coder, start=start, end=end, evidence=doc.text[start:end],
        origin=Origin.MANUAL.value,
    )  # fmt: skip


TEXT = (
    "我们楼没有电梯。老人上下楼很难。大家想加装电梯。"
    "可是一楼住户反对。后来开了协商会。最后签了协议。"
)


def two_coders():
    doc = document(TEXT, doc_type="transcript")
    spans = {
        s: TEXT.index(s) for s in ("电梯", "老人", "加装电梯", "一楼住户反对", "协商会", "协议")
    }

    def at(words: str, code: str, coder: str) -> Coding:
        return coding(doc, spans[words], spans[words] + len(words), code, coder)

    a = [at("电梯", "need", "A"), at("加装电梯", "need", "A"), at("一楼住户反对", "conflict", "A"),
         at("协商会", "deliberation", "A")]  # fmt: skip
    b = [at("电梯", "need", "B"), at("老人", "need", "B"), at("一楼住户反对", "conflict", "B"),
         at("协议", "deliberation", "B")]  # fmt: skip
    return doc, a, b


def test_two_coder_flow_matches_hand_computed_values() -> None:
    doc, a, b = two_coders()
    units = [Unit(doc.id, s.id, s.start, s.end) for s in segment_text(doc.id, doc.text)
             if s.kind == "sentence"]  # fmt: skip
    result = agreement(units, [*a, *b], ["A", "B"])
    # need: A codes sentences 1 and 3, B codes 1 and 2 → agree on 1, 4, 5, 6 (4 of 6).
    need = result.by_code["need"]
    assert need.percent == pytest.approx(4 / 6)
    assert need.holsti == pytest.approx(2 * 1 / (2 + 2))
    assert need.kappa == pytest.approx(reference_kappa(np.array([1, 0, 1, 0, 0, 0]),
                                                       np.array([1, 1, 0, 0, 0, 0])))  # fmt: skip
    assert result.by_code["conflict"].percent == 1.0 and result.by_code["conflict"].kappa == 1.0
    # Disagreements list both coders' spans for adjudication.
    listed = [d for d in result.disagreements if d["code"] == "deliberation"]
    assert {d["start"] for d in listed} == {TEXT.index("后来"), TEXT.index("最后")}
    first = min(listed, key=lambda d: d["start"])
    assert first["coders"]["A"][0]["evidence"] == "协商会" and first["coders"]["B"] == []
    # Pooled: 18 unit × code decisions; mean over the three codes.
    assert result.pooled.units == 18
    assert result.mean["percent"] == pytest.approx((4 / 6 + 1 + 4 / 6) / 3)


def test_unopened_document_is_missing_and_uncoded_units_can_be_dropped() -> None:
    doc, a, b = two_coders()
    other = document("第二份访谈。没有人编码这里。", doc_type="transcript")
    units = [Unit(d.id, s.id, s.start, s.end) for d in (doc, other)
             for s in segment_text(d.id, d.text) if s.kind == "sentence"]  # fmt: skip
    only_a = coding(other, 0, 2, "need", "A")
    result = agreement(units, [*a, *b, only_a], ["A", "B"])
    # B never opened the second document: its units are missing, not disagreements.
    assert result.by_code["need"].units == 6
    assert agreement(units, [*a, *b], ["A", "B"]).units == 8
    # Every sentence of the first interview is coded by someone; none of the second is.
    assert agreement(units, [*a, *b], ["A", "B"], exclude_uncoded=True).units == 6


def test_agree_command_json(tmp_path) -> None:
    doc, a, b = two_coders()
    path = str(tmp_path / "kg.db")
    store = open_store(path)
    store.upsert_bundles([bundle(doc)])
    store.add_codings([*a, *b])
    store.close()
    result = kgreview("agree", "--coders", "A,B", "--store", path, "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    by_code = {c["code"]: c for c in report["codes"]}
    assert by_code["need"]["percent"] == pytest.approx(4 / 6, abs=1e-6)
    assert report["units"] == 6 and report["disagreements"]
    bad = kgreview("agree", "--coders", "A,Z", "--store", path)
    assert bad.returncode == 1 and "no codings by coder 'Z'" in bad.stderr


def test_coding_table_and_saturation_commands(tmp_path) -> None:
    from kgreview.coding import Workbench

    doc, _, _ = two_coders()
    path = str(tmp_path / "gt.db")
    store = open_store(path)
    store.upsert_bundles([bundle(doc)])
    bench = Workbench(store, "A")
    start = TEXT.index("一楼住户反对")
    concept, _ = bench.in_vivo(doc.id, start, start + 6)
    bench.move(concept.id, bench.new_code("利益冲突").id)
    store.close()
    result = kgreview("coding-table", "--coder", "A", "--store", path, "--json")
    assert result.returncode == 0, result.stderr
    (row,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert (row["quote"], row["concept"], row["category"]) == (
        "一楼住户反对",
        "一楼住户反对",
        "利益冲突",
    )
    sat = json.loads(kgreview("saturation", "--coder", "A", "--store", path, "--json").stdout)
    assert sat["curve"][0]["new_codes"] == 1 and sat["saturated"] is False
