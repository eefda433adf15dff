"""With worker processes, files are hashed and parsed in a reader process ahead of the writer:
the writer must see exactly what it would have read itself (same files, documents, failures,
in the same order), unchanged files must not be parsed at all, and the reader must stop when
the writer does."""

from __future__ import annotations

from pathlib import Path

from kgreview import pipeline_batch, pipeline_read
from kgreview.ingest import ReaderError, RecordFailure
from kgreview.pipeline import ingest
from kgreview.pipeline_read import FileFailed, ReaderProcess, local_files
from kgreview.store import open_store
from kgreview.tagging import load_tagger
from tests.conftest import REPO

WOS_CUT = "FN Clarivate\nVR 1.0\nPT J\nTI Whole record\nPY 2020\nER\n\nPT J\nTI Cut off\n"


def _corpus(tmp_path: Path) -> list[Path]:
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "cut_savedrecs.txt").write_text(WOS_CUT, encoding="utf-8")
    (bad / "empty.ris").write_text("", encoding="utf-8")
    (bad / "strange.xyz").write_bytes(b"\x00\x01 not a format")
    return [
        REPO / "corpus" / "exports",
        tmp_path / "missing.ris",
        bad,
        REPO / "corpus" / "abstracts",
    ]


def _seen(files, failures: list) -> list:
    """Everything the writer sees, in order: file, hash, project, items or the failure."""
    seen = []
    for found in files:
        try:
            entry = [found.path, found.digest(), found.project()]
            if not entry[2]:
                for item in found.items():
                    entry.append(item if isinstance(item, RecordFailure) else item.id)
        except (FileFailed, ReaderError, OSError) as exc:
            entry.append(("failed", str(exc)))
        seen.append((entry, len(failures)))
    return seen


def test_the_reader_process_yields_what_reading_in_place_does(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(pipeline_read, "CHUNK", 2)  # files cut into many messages
    paths = _corpus(tmp_path)
    here: list = []
    local = _seen(local_files(paths, here, None), here)
    there: list = []
    reader = ReaderProcess(paths, there, None, set())
    try:
        remote = _seen(reader, there)
    finally:
        reader.close()
    assert local == remote
    assert here == there and [f.where for f in here] == [str(tmp_path / "missing.ris")]
    items = [x for entry, _ in local for x in entry[3:]]
    assert sum(isinstance(x, str) for x in items) > 20  # documents
    assert any(isinstance(x, RecordFailure) for x in items)  # the cut record
    assert sum(isinstance(x, tuple) for x in items) >= 2  # the empty and the unknown file


def test_one_and_two_workers_store_and_report_the_same(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(pipeline_batch, "MIN_PARALLEL", 1)
    monkeypatch.setattr(pipeline_read, "CHUNK", 3)
    tagger, paths = load_tagger(), _corpus(tmp_path)
    results = []
    for workers in (1, 2):
        store = open_store(str(tmp_path / f"w{workers}.db"))
        store.upsert_codes(tagger.codebook.to_codes())
        report = ingest(paths, store, annotate=tagger.tag, tag_key=tagger.key, batch_size=4,
                        workers=workers)  # fmt: skip
        documents = {}
        for doc_id in sorted(store.fingerprints()):
            d = store.get_document(doc_id)
            codings = sorted((c.id, c.code_id) for c in store.codings_for_document(doc_id))
            documents[doc_id] = (d.title, d.text, d.meta, d.file_hash, codings)
        results.append((store.stats(), documents, report.summary(), report.failures))
        store.close()
    assert results[0] == results[1]
    assert len(results[0][3]) >= 4 and results[0][1]


def test_unchanged_files_are_not_parsed_by_the_reader(tmp_path, monkeypatch) -> None:
    tagger = load_tagger()
    store = open_store(str(tmp_path / "kg.db"))
    paths = [REPO / "corpus" / "exports"]
    first = ingest(paths, store, annotate=tagger.tag, tag_key=tagger.key, workers=2)

    def refuse(path, options=None):
        raise AssertionError(f"parsed {path}")

    monkeypatch.setattr(pipeline_read, "read_documents", refuse)  # the fork inherits it
    again = ingest(paths, store, annotate=tagger.tag, tag_key=tagger.key, workers=2)
    store.close()
    assert again.unchanged_files == first.files - len(first.failures) > 5
    assert again.records == 0 and again.documents == 0


def test_the_reader_stops_when_the_writer_does(tmp_path) -> None:
    reader = ReaderProcess([REPO / "corpus" / "exports"], [], None, set())
    next(iter(reader))  # the writer stops after one file (the reader is still ahead)
    reader.close()
    assert not reader._process.is_alive()


def test_a_file_failing_in_the_writer_leaves_the_rest_of_the_batch(tmp_path, monkeypatch) -> None:
    """An error the writer raises midway through a file (not the reader's) skips the rest of
    that file only; the next files still go in, also when the reader is ahead of it."""
    from kgreview import pipeline

    def fail_on_merge(old, new):
        raise KeyError("surprise")

    monkeypatch.setattr(pipeline, "merge", fail_on_merge)  # copies of one paper: a surprise
    results = []
    for workers in (1, 2):
        store = open_store(str(tmp_path / f"w{workers}.db"))
        report = ingest([REPO / "corpus" / "exports"], store, batch_size=3, workers=workers)
        results.append((store.stats(), report.summary(), report.failures))
        store.close()
    assert results[0] == results[1]
    surprises = [f for f in results[0][2] if "unexpected KeyError" in f.reason]
    assert surprises and results[0][0]["documents"] > 5
