"""``--anonymise`` on every export: participant names and named places become pseudonyms,
consistently across the export, and every coding still points at its words on the
anonymised text (``text[start:end] == evidence``)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kgreview import ids
from kgreview.export.anonymise import anonymise_text, place_names, pseudonyms
from kgreview.export.anonymise_view import AnonymisedStore
from kgreview.ingest.refi_import import import_project
from kgreview.model import Coding, Memo, Origin
from kgreview.store import open_store
from tests.qda.project_fixture import build_project

REPO = Path(__file__).resolve().parents[2]
CLI = "import sys; from kgreview.cli import main; sys.argv[0] = 'kgreview'; main()"
NAMES = ["张阿姨", "王老师", "Li Na", "幸福里社区", "Riverside Estate"]


# --- the pure function ----------------------------------------------------------------------
@settings(max_examples=300, deadline=1000)
@given(
    st.lists(st.sampled_from(["张阿姨", "幸福里社区", "Li Na", "说", "。", " ", "的", "a"]),
             max_size=30).map("".join),
    st.data(),
)  # fmt: skip
def test_spans_follow_the_words(text: str, data: st.DataObject) -> None:
    table = pseudonyms([("张阿姨", "person"), ("Li Na", "person"), ("幸福里社区", "place")])
    new, offsets = anonymise_text(text, table)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    new_start, new_end = offsets.span(start, end)
    assert 0 <= new_start <= new_end <= len(new)
    words = text[start:end]
    if not any(n in text[max(0, start - 5) : end + 5] for n in table):
        assert new[new_start:new_end] == words  # untouched words stay the same words
    assert all(name not in new for name in table)


def test_one_pseudonym_per_name_and_generic_places_kept() -> None:
    table = pseudonyms([("张阿姨", "person"), ("幸福里社区", "place"), ("张阿姨", "person")])
    assert table == {"张阿姨": "[P1]", "幸福里社区": "[S1]"}
    found = place_names(
        "幸福里社区居民。我们在本小区住了20年，老旧小区改造中发挥社区作用；金桥街道办。"
    )
    assert found == ["幸福里社区", "金桥街道"]


# --- every export, through the CLI ----------------------------------------------------------
@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("anon")
    store = open_store(str(folder / "kg.db"))
    made = build_project(store)
    zh = made["zh"]
    extra = []
    for phrase in ("张阿姨", "幸福里社区居委会二楼活动室"):  # codings on the names themselves
        start = zh.text.index(phrase)
        end = start + len(phrase)
        extra.append(Coding(ids.coding_id(zh.id, start, end, "gt.online", "coder-a"), zh.id,
                            None, "gt.online", "coder-a", start, end, phrase,
                            origin=Origin.MANUAL))  # fmt: skip
    store.add_codings(extra)
    store.add_memos(
        [Memo("memo:name", zh.id, "coder-a", "张阿姨 in 幸福里社区 agrees with Li Na.")]
    )
    store.close()
    return folder


def _run(folder: Path, *args: str) -> str:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    done = subprocess.run([sys.executable, "-c", CLI, *args, "--store", str(folder / "kg.db")],
                          cwd=folder, env=env, text=True, capture_output=True, timeout=300,
                          check=False)  # fmt: skip
    assert done.returncode == 0, done.stderr
    return done.stdout


def _zip_text(path: Path) -> str:
    with zipfile.ZipFile(path) as archive:
        return "".join(archive.read(n).decode("utf-8", "replace") for n in archive.namelist())


def test_qdpx_export_is_anonymised_with_exact_spans(project: Path, tmp_path: Path) -> None:
    _run(project, "export", "qdpx", str(tmp_path / "a.qdpx"), "--anonymise")
    content = _zip_text(tmp_path / "a.qdpx")
    assert not [n for n in NAMES if n in content]
    assert "[P1]" in content and "[S1]" in content
    store = open_store(str(tmp_path / "back.db"))
    import_project(tmp_path / "a.qdpx", store)
    texts = {d.id: store.get_document(d.id).text for d in store.document_summaries()}
    codings = [c for d in texts for c in store.codings_for_document(d)]
    assert len([c for c in codings if c.origin == Origin.MANUAL]) == 8
    for coding in codings:
        assert texts[coding.document_id][coding.start : coding.end] == coding.evidence
    evidence = {c.evidence for c in codings}
    assert {"[P1]", "[S1]居委会二楼活动室", "坐下来商量是能解决问题的"} <= evidence
    memo = next(m for m in store.memos() if "agrees" in m.text)
    assert memo.text == "[P1] in [S1] agrees with [P3]."  # same pseudonyms as in the texts
    participants = {p.label for d in texts for p in store.participants_of(d)}
    assert {"[P1]", "[P2]", "[P3]", "[P4]"} <= participants
    store.close()


@pytest.mark.slow  # nine CLI runs
def test_table_report_coding_table_and_crosstab_are_anonymised(
    project: Path, tmp_path: Path
) -> None:
    outputs = [
        _run(project, "coding-table", "--coder", "coder-a", "--json", "--anonymise"),
        _run(project, "crosstab", "gender", "--json", "--anonymise"),
        _run(project, "table", "--anonymise"),
        _run(project, "excerpts", "--json", "--transcripts", "--anonymise"),
        _run(project, "words", "--json", "--top", "500", "--anonymise"),
    ]
    _run(project, "report", str(tmp_path / "r.docx"), "--coder", "coder-a", "--anonymise")
    outputs.append(_zip_text(tmp_path / "r.docx"))
    _run(project, "table", "--out", str(tmp_path / "t.xlsx"), "--anonymise")
    outputs.append(_zip_text(tmp_path / "t.xlsx"))
    for text in outputs:
        assert not [n for n in NAMES if n in text], text[:400]
    rows = [json.loads(line) for line in outputs[0].splitlines()]
    assert {"[P1]", "[S1]居委会二楼活动室"} <= {r["quote"] for r in rows}
    plain = _run(project, "coding-table", "--coder", "coder-a", "--json")
    assert "张阿姨" in plain  # without the flag nothing is changed


def test_the_view_refuses_writes(project: Path) -> None:
    store = open_store(str(project / "kg.db"))
    try:
        view = AnonymisedStore(store)
        with pytest.raises(AttributeError, match="read-only"):
            view.upsert_codes([])
        assert view.stats() == store.stats()
    finally:
        store.close()


def test_batched_reads_are_anonymised_like_the_single_ones(project: Path) -> None:
    # The summary table and who-cites read documents in batches: the view must cover those too.
    store = open_store(str(project / "kg.db"))
    view = AnonymisedStore(store)
    wanted = [d.id for d in store.document_summaries()]
    documents = view.get_documents(wanted)
    assert documents == [view.get_document(i) for i in wanted]
    details = view.document_details(wanted)
    assert [d.document for d in details] == documents
    for detail in details:
        assert list(detail.codings) == view.codings_for_document(detail.document.id)
        assert list(detail.sites) == view.sites_of(detail.document.id)
    assert not [n for n in NAMES if n in repr(details)]
    assert any(n in repr(store.document_details(wanted)) for n in NAMES)  # they were there
    store.close()
