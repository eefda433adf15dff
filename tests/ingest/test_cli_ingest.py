"""`kgreview ingest` on exports as users run it: options, one line per problem, exit status."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import REPO
from tests.test_cli import kgreview

EXPORTS = REPO / "corpus" / "exports"


def test_exports_ingest_cleanly_and_merge(tmp_path: Path) -> None:
    store = str(tmp_path / "kg.db")
    result = kgreview("ingest", str(EXPORTS), "--store", store)
    assert result.returncode == 0, result.stderr
    assert "25 records read, 4 merged" in result.stderr
    stats = json.loads(kgreview("stats", "--store", store, "--json").stdout)
    assert stats["documents"] == 21 and stats["references"] == 5


def test_bad_records_are_one_line_each_and_exit_1(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.net").write_text(
        "{Reference Type}: Journal Article\n{Title}: 社区治理\n\n"
        "{Reference Type}: Journal Article\n{Author}: 无题\n",
        encoding="utf-8",
    )
    result = kgreview("ingest", str(folder), "--store", str(tmp_path / "kg.db"))
    assert result.returncode == 1
    problems = [line for line in result.stderr.splitlines() if line.startswith("skipped")]
    assert problems == [f"skipped {folder / 'a.net'}:4: record 2: missing title"]
    assert "Traceback" not in result.stderr and "1 documents written" in result.stderr


def test_columns_option_maps_a_table(tmp_path: Path) -> None:
    table = tmp_path / "t.csv"
    table.write_text("名称,人,内容\n社区营造研究,王一,摘要文字\n", encoding="utf-8")
    store = str(tmp_path / "kg.db")
    without = kgreview("ingest", str(table), "--store", store)
    assert without.returncode == 1 and "no title column" in without.stderr
    mapped = kgreview(
        "ingest", str(table), "--store", store, "--columns", "title=名称,authors=人,abstract=内容"
    )
    assert mapped.returncode == 0, mapped.stderr
    bad = kgreview("ingest", str(table), "--store", store, "--columns", "titel=名称")
    assert bad.returncode == 1 and "unknown fields ['titel']" in bad.stderr
    assert "Traceback" not in bad.stderr
