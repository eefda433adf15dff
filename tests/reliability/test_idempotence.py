"""Every command that writes can be run again: the second run changes nothing.

Each case runs one write command twice on a store (a copy of an uninterrupted ingest of the
generated corpus) and compares counts and the content hash after the first and the second
run. A run killed midway is the crash and copy tests' business; once a run has completed,
running it again must be harmless, so a user who is unsure whether it finished simply runs
it again. The commands run in-process (typer's runner) to keep the test quick.
"""

from __future__ import annotations

import json
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from kgreview.cli import app
from kgreview.coding import Workbench
from kgreview.nlp.codebook import default_codebook_path
from kgreview.store import open_store
from tests.reliability.fixtures import baseline, baseline_copy, corpus  # noqa: F401
from tests.reliability.harness import fingerprint

pytestmark = [pytest.mark.slow, pytest.mark.timeout(900)]


@dataclass(frozen=True)
class Inputs:
    corpus: Path
    coder_store: str  # the corpus plus coder_b's manual codings and a memo
    qdpx: Path  # coder_store exported as a REFI-QDA project
    backup: Path  # coder_store backed up
    codebook: Path  # the default codebook with one code more


def _coder_store(path: Path) -> str:
    uri = baseline_copy(path)
    store = open_store(uri)
    try:
        bench = Workbench(store, "coder_b")
        documents = sorted(s.id for s in store.document_summaries())[:20]
        codes = sorted(c.id for c in store.list_codes())[:5]
        for n, doc in enumerate(documents):
            bench.apply(doc, 0, 4, codes[n % len(codes)])
        bench.memo(documents[0], "coded by hand first")
    finally:
        store.close()
    return uri


def _codebook(path: Path) -> Path:
    book = yaml.safe_load(default_codebook_path().read_text(encoding="utf-8"))
    book["codes"].append({
        "id": "context.activity_room", "category": "context", "parent": None,
        "label": {"en": "activity room", "zh": "社区活动室"}, "synonyms": {"en": [], "zh": []},
        "description": "A code added after the first tagging (reliability test).",
    })  # fmt: skip
    path.write_text(yaml.safe_dump(book, allow_unicode=True), encoding="utf-8")
    return path


def run(*args: str) -> str:
    """One command in-process; its exit status must be 0."""
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, f"{args}: {result.output[-2000:]} {result.exception!r}"
    return result.output


@pytest.fixture(scope="module")
def inputs(corpus, baseline, tmp_path_factory: pytest.TempPathFactory) -> Inputs:  # noqa: F811
    root = tmp_path_factory.mktemp("idempotence")
    coder = _coder_store(root / "coder" / "kg.db")
    run("export", "qdpx", str(root / "coder.qdpx"), "--store", coder)
    run("backup", "--store", coder, str(root / "coder.zip"))
    return Inputs(corpus.root, coder, root / "coder.qdpx", root / "coder.zip",
                  _codebook(root / "codebook.yaml"))  # fmt: skip


# name -> the arguments of the command, given the inputs and the target store's URI
# (after the first run the store differs from the plain ingest, except for UNCHANGING)
CASES: dict[str, Callable[[Inputs, str], list[str]]] = {
    "ingest": lambda i, s: ["ingest", str(i.corpus), "--store", s],
    "ingest a REFI-QDA project": lambda i, s: ["ingest", str(i.qdpx), "--store", s],
    "ingest with a changed codebook": lambda i, s: [
        "ingest", str(i.corpus), "--store", s, "--codebook", str(i.codebook)],
    "retag": lambda i, s: ["retag", "--store", s],
    "retag with a changed codebook": lambda i, s: [
        "retag", "--store", s, "--codebook", str(i.codebook)],
    "merge a .qdpx": lambda i, s: ["merge", str(i.qdpx), "--store", s],
    "merge another store": lambda i, s: ["merge", i.coder_store, "--store", s],
    "copy --merge": lambda i, s: ["copy", "--from", i.coder_store, "--to", s, "--merge"],
    "restore --merge": lambda i, s: ["restore", str(i.backup), "--store", s, "--merge"],
}  # fmt: skip
UNCHANGING = {"ingest", "retag"}  # the store already holds exactly what they would write


@pytest.mark.parametrize("name", list(CASES))
def test_a_second_run_changes_nothing(
    name: str,
    inputs: Inputs,
    baseline,  # noqa: F811
    tmp_path: Path,
) -> None:
    uri = baseline_copy(tmp_path / "kg.db")
    args = CASES[name](inputs, uri)
    run(*args)
    store = open_store(uri)
    try:
        first = fingerprint(store)
        assert (first == baseline) == (name in UNCHANGING), "the first run did not do its work"
        run(*args)
        assert fingerprint(store) == first
    finally:
        store.close()


def test_copy_and_restore_into_a_filled_store_are_refused_and_change_nothing(
    inputs: Inputs, tmp_path: Path
) -> None:
    """Run again after they completed, copy and restore refuse (the target is no longer
    empty) in one line, and leave the store as it was."""
    copied, restored = str(tmp_path / "copied.db"), str(tmp_path / "restored.db")
    run("copy", "--from", inputs.coder_store, "--to", copied)
    run("restore", str(inputs.backup), "--store", restored)
    twice = {copied: ["copy", "--from", inputs.coder_store, "--to", copied],
             restored: ["restore", str(inputs.backup), "--store", restored]}  # fmt: skip
    for uri, args in twice.items():
        store = open_store(uri)
        try:
            before = fingerprint(store)
            again = CliRunner().invoke(app, args)
            assert again.exit_code != 0 and "not empty" in str(again.exception)
            assert fingerprint(store) == before
        finally:
            store.close()
    assert fingerprint(open_store(copied)) == fingerprint(open_store(restored))


def test_backup_again_writes_the_same_content(inputs: Inputs, tmp_path: Path) -> None:
    out = tmp_path / "again.zip"
    sums = []
    for _ in range(2):
        run("backup", "--store", inputs.coder_store, str(out), "--force")
        with zipfile.ZipFile(out) as archive:
            manifest = json.loads(archive.read("manifest.json"))
        manifest.pop("created_at")
        sums.append(manifest)
    assert sums[0] == sums[1]
