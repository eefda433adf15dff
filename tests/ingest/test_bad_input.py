"""Bad records and files: one line each (``file:line: record N: reason``), the rest goes in."""

from __future__ import annotations

from pathlib import Path

import pytest

from kgreview.ingest import ReaderError, ReadOptions, RecordFailure
from kgreview.model import Document
from kgreview.pipeline import ingest, read_documents
from kgreview.store import GraphStore

WOS = """FN Clarivate Analytics Web of Science
VR 1.0
PT J
AU Chen, X
TI Community practice in older neighbourhoods
PY 2023
ER

PT J
AU Li, Y
TI A record the export cut off
"""

NOTEEXPRESS = """{Reference Type}: Journal Article
{Title}: 社区治理中的居民参与
{Author}: 王芳;

{Reference Type}: Journal Article
{Author}: 没有题名;
{Year}: 2020

{Reference Type}: Journal Article
{Title}: 社会工作介入社区养老服务
{Author}: 李强
"""

BIBTEX = """@article{a, title = {Broken {braces}, year = {2020},

@article{b, title = {Good entry}, author = {Liu, Wei}, year = {2021}}
"""


def items(path: Path, text: str | bytes, **options) -> list[Document | RecordFailure]:
    if isinstance(text, str):
        path.write_text(text, encoding="utf-8")
    else:
        path.write_bytes(text)
    return list(read_documents(path, ReadOptions(**options)))


def test_truncated_wos_record_is_one_failure(tmp_path: Path) -> None:
    good, bad = items(tmp_path / "savedrecs.txt", WOS)
    assert isinstance(good, Document) and good.year == 2023
    assert bad == RecordFailure(9, 2, "truncated record (the file ends before ER)")


def test_missing_title_fails_that_record_only(tmp_path: Path) -> None:
    first, missing, last = items(tmp_path / "a.net", NOTEEXPRESS)
    assert missing == RecordFailure(5, 2, "missing title")
    assert first.title == "社区治理中的居民参与" and last.title == "社会工作介入社区养老服务"


def test_unbalanced_braces_fail_one_entry(tmp_path: Path) -> None:
    bad, good = items(tmp_path / "a.bib", BIBTEX)
    assert isinstance(bad, RecordFailure) and bad.line == 1 and "unbalanced braces" in bad.reason
    assert good.title == "Good entry" and good.meta["authors"] == ["Liu, Wei"]


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.ris", b"", "empty file"),
        ("blank.txt", b"  \n\n", "empty file"),
        ("table.xyz", b"a,b\n1,2\n", "unknown format"),
        ("noise.txt", b"\x00\xff\x00\xfe" * 100, "binary"),
    ],
)
def test_unreadable_files_raise_one_reason(
    tmp_path: Path, name: str, data: bytes, reason: str
) -> None:
    with pytest.raises(ReaderError, match=reason):
        items(tmp_path / name, data)


def test_undecodable_bytes_after_the_head_name_the_line(tmp_path: Path) -> None:
    record = "{Reference Type}: Journal Article\n{Title}: 社区治理\n\n"
    data = (record * 3000).encode("utf-8") + b"{Title}: \xff\xfe\xfa\n"
    with pytest.raises(ReaderError, match="undecodable bytes on line 9001"):
        items(tmp_path / "big.net", data)


def test_a_document_over_the_text_limit_fails_alone(tmp_path: Path) -> None:
    long = "{Reference Type}: Journal Article\n{Title}: 长摘要\n{Abstract}: " + "字" * 400
    text = long + "\n\n{Reference Type}: Journal Article\n{Title}: 短摘要\n{Abstract}: 短。\n"
    bad, good = items(tmp_path / "a.net", text, max_text_bytes=1000)
    assert isinstance(bad, RecordFailure) and "exceeds the limit" in bad.reason
    assert good.title == "短摘要"
    (too_big,) = items(tmp_path / "long.txt", "标题\n\n" + "字" * 400, max_text_bytes=1000)
    assert isinstance(too_big, RecordFailure) and "exceeds the limit" in too_big.reason


def test_ingest_reports_each_bad_record_as_one_line_and_stores_the_rest(
    store: GraphStore, tmp_path: Path
) -> None:
    (tmp_path / "a.net").write_text(NOTEEXPRESS, encoding="utf-8")
    (tmp_path / "savedrecs.txt").write_text(WOS, encoding="utf-8")
    (tmp_path / "empty.ris").write_bytes(b"")
    report = ingest([tmp_path], store)
    lines = sorted(f.line() for f in report.failures)
    assert lines == [
        f"{tmp_path / 'a.net'}:5: record 2: missing title",
        f"{tmp_path / 'empty.ris'}:1: empty file",
        f"{tmp_path / 'savedrecs.txt'}:9: record 2: truncated record (the file ends before ER)",
    ]
    assert report.documents == 3 and store.stats()["documents"] == 3
