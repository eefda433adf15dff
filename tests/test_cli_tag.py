"""`kgreview tag`, `eval` and `suggest-codes` as users run them, and the shared CLI contract."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.conftest import REPO, SHARED
from tests.test_cli import kgreview


def test_tag_prints_one_json_object_per_document_with_exact_spans(tmp_path) -> None:
    (tmp_path / "a.txt").write_text(
        "增能理论视角下的社区参与\n\n本研究以成都市H社区为例，在增能理论指导下开展能力培训。\n",
        encoding="utf-8",
    )
    (tmp_path / "b.txt").write_text(
        "A review\n\nThe existing literature rarely uses social learning theory.\n",
        encoding="utf-8",
    )
    result = kgreview("tag", str(tmp_path), "--json")
    assert result.returncode == 0, result.stderr
    docs = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(docs) == 2
    for doc in docs:
        for c in doc["codings"]:
            assert doc["text"][c["start"] : c["end"]] == c["evidence"]
            assert c["label_en"] and c["label_zh"] and c["segment"]
    by_title = {d["title"]: d for d in docs}
    zh = by_title["增能理论视角下的社区参与"]
    assert {"code": "theory.empowerment", "polarity": "uses"}.items() <= next(
        c for c in zh["codings"] if c["code"] == "theory.empowerment"
    ).items()
    assert [s["name"] for s in zh["sites"]] == ["H社区"] and zh["sites"][0]["city"] == "成都市"
    en = by_title["A review"]
    assert [c["polarity"] for c in en["codings"] if c["code"] == "theory.social_learning"] == [
        "gap"
    ]


def test_eval_json_reports_both_splits() -> None:
    result = kgreview("eval", "--json")
    assert result.returncode == 0, result.stderr
    figures = json.loads(result.stdout)
    assert {"dev", "dev2", "dev6"} <= set(figures)
    assert figures["dev"]["span_mismatches"] == 0
    assert 0 < figures["dev6"]["micro"]["f1"] <= 1


def test_eval_all_never_reads_a_held_out_part(tmp_path) -> None:
    """A held-out part is read once, by name; ``--split all`` skips it and says so."""
    (tmp_path / "a.txt").write_text("本研究在增能理论指导下开展。\n", encoding="utf-8")
    (tmp_path / "gold.yaml").write_text(
        "documents:\n"
        "  - {file: a.txt, split: dev, must: [theory.empowerment]}\n"
        "  - {file: a.txt, split: heldout9, must: [theory.empowerment]}\n",
        encoding="utf-8",
    )
    result = kgreview("eval", "--gold", str(tmp_path / "gold.yaml"), "--json")
    assert result.returncode == 0, result.stderr
    assert set(json.loads(result.stdout)) == {"dev"}
    assert "heldout9" in result.stderr
    named = kgreview("eval", "--gold", str(tmp_path / "gold.yaml"), "--split", "heldout9", "--json")
    assert set(json.loads(named.stdout)) == {"heldout9"}


def test_suggest_codes_lists_uncovered_terms_with_examples() -> None:
    result = kgreview("suggest-codes", str(REPO / "corpus" / "abstracts"), "--json", "--top", "10")
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows and all(r["count"] >= 2 and r["examples"] for r in rows)
    terms = {r["term"] for r in rows}
    assert "empowerment theory" not in terms and "增能理论" not in terms


def test_shared_cli_contract_passes() -> None:
    result = subprocess.run(
        [sys.executable, str(SHARED / "checks" / "cli_contract.py")],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout[-2000:]
    assert " 0 failed" in result.stdout
