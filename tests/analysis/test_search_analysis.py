"""A code's literature-versus-field comparison and the JSON rows of hits."""

from __future__ import annotations

from pathlib import Path

from kgreview import ids
from kgreview.analysis.search import hit_json, literature_vs_field
from kgreview.ingest.transcript import transcript_document
from kgreview.model import Coding
from kgreview.pipeline import build_bundle
from kgreview.store import open_store
from tests.builders import CODES, sample_bundles

INTERVIEW = """访谈编号：F1
受访者：张阿姨（女，63岁，退休教师，楼栋长）
访谈者：王老师（社区社工）

访谈者：您怎么看增能？
受访者：我觉得增能就是让我们自己能做主。大家一起商量。
访谈者：还有呢？
受访者：老旧小区的事情要靠居民自己。
"""


def test_literature_beside_field(tmp_path: Path) -> None:
    store = open_store(str(tmp_path / "kg.db"))
    store.upsert_codes(CODES)
    bundles = sample_bundles()
    parsed = transcript_document(Path("f1.txt"), INTERVIEW, fmt="transcript")
    assert parsed is not None
    field_bundle = build_bundle(parsed)
    start = parsed.text.index("增能就是")
    sentence = next(
        s for s in field_bundle.segments if s.kind == "sentence" and s.start <= start < s.end
    )
    turn = Coding(ids.coding_id(parsed.id, start, start + 2, "theory.empowerment", "coder-a"),
                  parsed.id, sentence.id, "theory.empowerment", "coder-a", start, start + 2,
                  "增能", origin="manual")  # fmt: skip
    store.upsert_bundles([*bundles, field_bundle])
    store.add_codings([turn])
    found = literature_vs_field(store, "theory.empowerment")
    assert [h.text for h in found.literature] == [
        "本研究以增能理论为指导。",
        "增能理论强调赋权。",
        "已有研究较少运用增能理论。",
    ]
    assert [(h.text, h.speaker, h.role) for h in found.field] == [
        ("我觉得增能就是让我们自己能做主。", "张阿姨", "楼栋长")
    ]
    assert "transcript" not in found.literature_types
    row = hit_json(found.field[0])
    assert row["codes"][0]["code"] == "theory.empowerment" and row["doc_type"] == "transcript"
    assert row["codes"][0]["coder"] == "coder-a" and row["speaker"] == "张阿姨"
    store.close()
