"""The import & export page and the overview through Streamlit's AppTest: uploads go through
the ingest pipeline into the store and show up in the overview; bad uploads are lines on the
page; untrusted names never leave the temporary folder; the downloads hold what they say."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

import networkx as nx
import pytest
from openpyxl import load_workbook
from streamlit.testing.v1 import AppTest

from kgreview.analysis import network as net
from kgreview.app import exports
from kgreview.app.transfer_page import full_network
from kgreview.app.uploads import safe_name, save_uploads
from kgreview.store import open_store
from tests.app.test_explorer import _page

RIS = "\n".join([
    "TY  - JOUR",
    "TI  - Uploaded study of empowerment theory in old communities",
    "AU  - Zhou, Lan",
    "PY  - 2023",
    "AB  - Under the guidance of empowerment theory, social workers organised resident groups.",
    "ER  - ",
    "",
]).encode()  # fmt: skip

NOTEEXPRESS = """{Reference Type}: Thesis
{Title}: 上传的学位论文：优势视角下的社区参与研究
{Author}: 周岚
{Year}: 2024
{Abstract}: 本研究在优势视角指导下开展社区小组工作，研究发现居民参与意愿提升。

""".encode()


def open_page(start: str, lang: str = "English") -> AppTest:
    app = AppTest.from_function(_page, kwargs={"start": start}, default_timeout=120).run()
    if lang != "English":
        app.radio(key="ui_lang").set_value(lang).run()
    assert not app.exception, app.exception
    return app


def upload(app: AppTest, *files: tuple[str, bytes]) -> AppTest:
    app.get("file_uploader")[0].set_value([(name, data, "text/plain") for name, data in files])
    app.run()
    app.button(key="transfer_ingest").click().run()
    assert not app.exception, app.exception
    return app


def documents(app: AppTest) -> str:
    return {m.label: m.value for m in app.metric}["Documents"]


# --- untrusted names ----------------------------------------------------------------------
@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("../../etc/passwd", "passwd"),
        ("..\\..\\windows\\win.ini", "win.ini"),
        ("C:\\Users\\x\\refs.ris", "refs.ris"),
        ("/abs/path/export.net", "export.net"),
        ("..", "upload"),
        ("", "upload"),
        (".hidden.ris", "hidden.ris"),
        ("a\x00b\nc.ris", "a_b_c.ris"),
        ("知网导出.net", "知网导出.net"),
    ],
)
def test_safe_name_keeps_only_a_plain_name(raw: str, expected: str) -> None:
    assert safe_name(raw) == expected


def test_safe_name_shortens_and_keeps_names_apart() -> None:
    taken: set[str] = set()
    assert safe_name("x" * 500 + ".ris", taken).endswith(".ris")
    assert len(safe_name("y" * 500 + ".ris")) <= 120
    taken = set()
    assert [safe_name(n, taken) for n in ("a.ris", "dir/a.ris", "A.RIS")] == [
        "a.ris", "a (2).ris", "A (3).RIS",
    ]  # fmt: skip


def test_uploads_never_land_outside_their_folder(tmp_path: Path) -> None:
    folder = tmp_path / "up"
    folder.mkdir()
    names = ["../escape.ris", "../../escape2.ris", "/tmp/abs.ris", "..\\win.ris"]
    saved = save_uploads([(n, b"x") for n in names], folder)
    assert {p.parent for p, _ in saved} == {folder.resolve()}
    assert sorted(p.name for p in folder.iterdir()) == sorted(shown for _, shown in saved)
    assert not (tmp_path / "escape.ris").exists()


# --- the page -----------------------------------------------------------------------------
def test_upload_appears_in_the_overview(filled_store: str) -> None:
    before = open_page("overview")
    assert documents(before) == "3"
    app = upload(open_page("import-export"), ("../../refs.ris", RIS), ("cnki.net", NOTEEXPRESS))
    assert next(s.value for s in app.success).startswith("Imported: 2 documents written")
    assert not app.code  # no skipped lines
    after = open_page("overview")
    assert documents(after) == "5"
    history = after.dataframe[-1].value
    assert history.iloc[0]["Documents"] == 2  # the newest run first
    assert set(history.iloc[0]["Files"].split(", ")) == {"refs.ris", "cnki.net"}
    titles = {d.title for d in open_store(filled_store).document_summaries()}
    assert "Uploaded study of empowerment theory in old communities" in titles


def test_bad_uploads_are_lines_on_the_page_not_tracebacks(filled_store: str) -> None:
    app = upload(
        open_page("import-export"),
        ("empty.ris", b""),
        ("blob.bin", b"\x00\x01\x02\x03binary"),
        ("broken.ris", b"TY  - JOUR\nAB  - no title and no end\n"),
    )
    assert not app.success
    (message,) = [e.value for e in app.error]
    assert message.startswith("Nothing could be imported: 0 documents written from 3 files")
    lines = app.code[0].value.splitlines()
    assert len(lines) == 3 and all(line.startswith("skipped ") for line in lines)
    assert any(line.startswith("skipped blob.bin: binary content") for line in lines)
    assert all("kgreview-upload-" not in line for line in lines)  # no temp folder shown
    assert documents(open_page("overview")) == "3"


def test_a_good_and_a_bad_file_together_store_the_good_one(filled_store: str) -> None:
    app = upload(open_page("import-export"), ("ok.ris", RIS), ("blob.bin", b"\x00\x00"))
    assert next(w.value for w in app.warning).startswith("Imported, with problems: 1 documents")
    assert documents(open_page("overview")) == "4"


def test_export_page_offers_every_download(filled_store: str) -> None:
    app = open_page("import-export")
    keys = {b.key for b in app.get("download_button")}
    assert {"transfer_qdpx", "transfer_qdc", "network_dl_graphml", "network_dl_gexf",
            "transfer_summary_xlsx", "transfer_summary_csv", "transfer_frequencies_xlsx",
            "transfer_frequencies_csv"} <= keys  # fmt: skip


def test_empty_store_can_still_upload(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("KGREVIEW_STORE", str(tmp_path / "empty.db"))
    app = open_page("import-export")
    assert app.get("file_uploader") and not app.get("download_button")
    upload(app, ("refs.ris", RIS))
    assert documents(open_page("overview")) == "1"


# --- the files ----------------------------------------------------------------------------
def test_export_builders_write_real_files(filled_store: str) -> None:
    graph = open_store(filled_store)
    try:
        with zipfile.ZipFile(io.BytesIO(exports.qdpx_bytes(graph))) as archive:
            names = archive.namelist()
        assert "project.qde" in names and sum(n.startswith("Sources/") for n in names) == 3
        assert b"<CodeBook" in exports.qdc_bytes(graph)
        book = load_workbook(io.BytesIO(exports.summary_xlsx_bytes(graph)))
        assert book.sheetnames == ["文献综述表", "证据"]
        assert book["文献综述表"].max_row == 1 + 3
        table = list(csv.reader(io.StringIO(exports.summary_csv_bytes(graph).decode("utf-8-sig"))))
        assert table[0][0] == "作者" and len(table) == 1 + 3
        rows = list(csv.DictReader(io.StringIO(exports.frequencies_csv(graph).decode("utf-8-sig"))))
        assert {r["code"] for r in rows} == {c.code_id for c in graph.code_frequencies()}
        sheet = load_workbook(io.BytesIO(exports.frequencies_xlsx(graph)))["codes"]
        assert sheet.max_row == 1 + len(rows)
        network = full_network(graph)  # what the GraphML / GEXF buttons write
        assert network.number_of_edges() and set(network) <= {r["code"] for r in rows}
        assert nx.read_graphml(
            io.BytesIO(net.to_graphml(network).encode())
        ).number_of_nodes() == len(network)
    finally:
        graph.close()


# --- the overview -------------------------------------------------------------------------
def test_overview_links_every_other_page_and_speaks_chinese(filled_store: str) -> None:
    app = open_page("overview", lang="中文")
    assert app.title[0].value == "kgreview — 语料概览"
    assert {m.label for m in app.metric} >= {"文献", "编码次数", "作者"}
    links = app.get("page_link")
    assert len(links) >= 5  # codes, who cites, network, gaps, import & export, …
    assert "导入与导出" in {link.proto.label for link in links}
    frames = [d.value for d in app.dataframe]
    assert "类别" in frames[0].columns and "导入时间（UTC）" in frames[-1].columns
    assert len(app.get("vega_lite_chart")) == 3  # by type, by language, by year


def test_import_page_speaks_chinese(filled_store: str) -> None:
    app = open_page("import-export", lang="中文")
    assert app.title[0].value == "导入与导出"
    assert app.button(key="transfer_ingest").label == "导入数据库"
    labels = {b.label for b in app.get("download_button")}
    assert {"项目（.qdpx）", "编码本（.qdc）", "文献综述表（.xlsx）", "编码频次（.csv）"} <= labels
