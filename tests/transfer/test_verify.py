"""kgreview verify: silent on equal stores, names what differs, exit 1 when anything does."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

from kgreview.store import open_store
from kgreview.transfer import StoreSource, compare, transfer
from tests.transfer.conftest import kgreview


def test_verify_names_a_changed_coding_and_a_missing_document(
    demo_copy: Path, tmp_path: Path
) -> None:
    copy = tmp_path / "copy.db"
    source, target = open_store(str(demo_copy)), open_store(str(copy))
    try:
        transfer(StoreSource(source), target)
        assert compare(source, target).identical
        changed = target.codings_by_coder("coder_b")[0]
        target.add_codings([dataclasses.replace(changed, polarity="negated")])
        gone = next(s.id for s in target.document_summaries() if s.id != changed.document_id)
        target.delete_document(gone)
    finally:
        source.close()
        target.close()
    result = kgreview("verify", "--store", str(demo_copy), "--against", str(copy), "--json")
    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert not report["identical"]
    documents = {d["what"]: d["a"] for d in report["differences"] if d["kind"] == "document"}
    assert documents == {changed.document_id: "Coding differ", gone: "only in A"}
    counts = {d["what"] for d in report["differences"] if d["kind"] != "document"}
    assert "Document" in counts and "Coding" in counts
    text = kgreview("verify", "--store", str(demo_copy), "--against", str(copy))
    assert text.returncode == 1
    assert f"document {changed.document_id}: Coding differ" in text.stdout
    assert "differences between" in text.stderr
