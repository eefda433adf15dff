"""kgreview backup / restore: round trips, checksums checked first, every format version read."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from kgreview.store import GraphStore, open_store
from kgreview.store.schema import Label
from kgreview.transfer import TransferError, compare, open_backup, transfer, write_backup
from kgreview.transfer.backup import FORMAT_VERSION, MANIFEST
from tests.transfer.conftest import HUMAN_CODERS, kgreview, neo4j_cli

FIXTURES = Path(__file__).parent / "fixtures"
# One small backup per format version ever written (tests.builders.sample_bundles, a manual
# coding by coder_a and a memo about it); each must stay restorable.
COMMITTED = {1: FIXTURES / "backup-v1.zip"}


def test_backup_then_restore_ends_identical(demo_copy: Path, tmp_path: Path) -> None:
    backup, restored = tmp_path / "project.zip", tmp_path / "restored.db"
    made = kgreview("backup", "--store", str(demo_copy), str(backup))
    assert made.returncode == 0, made.stderr
    manifest = json.loads(zipfile.ZipFile(backup).read(MANIFEST))
    assert manifest["format_version"] == FORMAT_VERSION
    documents = _documents(demo_copy)
    assert manifest["counts"]["nodes"][Label.Document] == documents
    assert manifest["codebook_hash"] and manifest["schema_version"] >= 1
    back = kgreview("restore", str(backup), "--store", str(restored))
    assert back.returncode == 0, back.stderr
    verdict = kgreview("verify", "--store", str(demo_copy), "--against", str(restored), "--json")
    assert verdict.returncode == 0, verdict.stdout[-2000:]
    result = json.loads(verdict.stdout)
    assert result["identical"] and result["documents"] == documents
    store = open_store(str(restored))
    try:
        assert all(store.codings_by_coder(coder) for coder in HUMAN_CODERS)
    finally:
        store.close()
    again = kgreview("backup", "--store", str(demo_copy), str(backup))
    assert again.returncode == 1 and "--force" in again.stderr


@pytest.mark.neo4j
def test_backup_restores_into_neo4j(
    demo_copy: Path, tmp_path: Path, neo4j_store: GraphStore
) -> None:
    neo4j_store.clear()
    uri, env = neo4j_cli()
    backup = tmp_path / "project.zip"
    try:
        assert kgreview("backup", "--store", str(demo_copy), str(backup)).returncode == 0
        back = kgreview("restore", str(backup), "--store", uri, env=env)
        assert back.returncode == 0, back.stderr
        verdict = kgreview("verify", "--store", str(demo_copy), "--against", uri, env=env)
        assert verdict.returncode == 0, verdict.stdout[-2000:]
    finally:
        neo4j_store.clear()


def _one_line_refusal(backup: Path, tmp_path: Path) -> str:
    target = tmp_path / "never.db"
    result = kgreview("restore", str(backup), "--store", str(target))
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert not target.exists(), "nothing may be written before the checksums are checked"
    return lines[0]


def test_damaged_backup_is_refused_in_one_line(tmp_path: Path) -> None:
    flipped = tmp_path / "flipped.zip"
    data = bytearray((COMMITTED[1]).read_bytes())
    data[len(data) // 3] ^= 0xFF  # inside a compressed member
    flipped.write_bytes(bytes(data))
    assert "damaged" in _one_line_refusal(flipped, tmp_path)

    # A member rewritten whole (valid zip, valid JSON) no longer matches its checksum.
    edited = tmp_path / "edited.zip"
    with zipfile.ZipFile(COMMITTED[1]) as src, zipfile.ZipFile(edited, "w") as dst:
        for item in src.infolist():
            body = src.read(item)
            if item.filename == "nodes/Coding.jsonl":
                body = body.replace(b'"polarity":"uses"', b'"polarity":"negated"', 1)
            dst.writestr(item, body)
    line = _one_line_refusal(edited, tmp_path)
    assert "nodes/Coding.jsonl" in line and "checksum" in line

    garbage = tmp_path / "garbage.zip"
    garbage.write_text("not a backup", encoding="utf-8")
    assert "not a kgreview backup" in _one_line_refusal(garbage, tmp_path)


def test_newer_format_version_is_refused(tmp_path: Path) -> None:
    newer = tmp_path / "newer.zip"
    with zipfile.ZipFile(COMMITTED[1]) as src, zipfile.ZipFile(newer, "w") as dst:
        for item in src.infolist():
            body = src.read(item)
            if item.filename == MANIFEST:
                manifest = json.loads(body)
                manifest["format_version"] = FORMAT_VERSION + 1
                body = json.dumps(manifest).encode()
            dst.writestr(item, body)
    with pytest.raises(TransferError, match="format version"):
        open_backup(newer)


@pytest.mark.parametrize("version", sorted(COMMITTED))
def test_every_committed_backup_version_restores(version: int, tmp_path: Path) -> None:
    source = open_backup(COMMITTED[version])
    store = open_store(str(tmp_path / "old.db"))
    try:
        transfer(source, store)
        counts = source.manifest["counts"]
        for label, n in counts["nodes"].items():
            assert store.count_nodes(label) == n, label
        for rel, n in counts["relationships"].items():
            assert store.count_relationships(rel) == n, rel
        assert {c.coder for c in store.codings_by_coder("coder_a")} == {"coder_a"}
        assert store.authors_of("doc:ff107b03af49a71872bf")
        # And it backs up again to the same content: every property the old format had is
        # as it was (properties added to the schema later come back empty).
        again_path = tmp_path / "again.zip"
        again = write_backup(store, again_path)
        members = source.manifest["members"]
        assert set(members) <= set(again["members"])
        with zipfile.ZipFile(COMMITTED[version]) as old, zipfile.ZipFile(again_path) as new:
            for name in members:
                before = [json.loads(x) for x in old.read(name).splitlines() if x.strip()]
                after = [json.loads(x) for x in new.read(name).splitlines() if x.strip()]
                trimmed = [{k: row.get(k) for k in b} for row, b in zip(after, before, strict=True)]
                assert trimmed == before, name
                assert all(v in (None, "") for row, b in zip(after, before, strict=True)
                           for k, v in row.items() if k not in b), name  # fmt: skip
    finally:
        source.close()
        store.close()


def _documents(path: Path) -> int:
    store = open_store(str(path))
    try:
        return store.stats()["documents"]
    finally:
        store.close()


class _Stop(Exception):
    pass


def test_interrupted_restore_resumes_to_identical(demo_copy: Path, tmp_path: Path) -> None:
    backup, other = tmp_path / "project.zip", tmp_path / "other.zip"
    source_store = open_store(str(demo_copy))
    target = open_store(str(tmp_path / "restored.db"))
    try:
        write_backup(source_store, backup)
        write_backup(source_store, other)
        pages: list = []

        def stop_midway(step, n: int) -> None:
            pages.append(step)
            if len(pages) == 8:  # among the segments: documents are in, codings are not
                raise _Stop

        with pytest.raises(_Stop):
            transfer(open_backup(backup), target, batch=100, progress=stop_midway)
        segments = target.count_nodes(Label.Segment)
        assert 0 < segments < source_store.count_nodes(Label.Segment)
        assert target.count_nodes(Label.Coding) == 0
        with pytest.raises(TransferError, match="unfinished copy"):
            transfer(open_backup(other), target)
        report = transfer(open_backup(backup), target, batch=100)
        assert report.resumed
        assert "nodes/Document" not in report.copied  # done before the interruption
        total = source_store.count_nodes(Label.Segment)
        assert report.copied["nodes/Segment"] == total - segments  # picks up where it stopped
        result = compare(source_store, target)
        assert result.identical, [d.line() for d in result.differences[:5]]
    finally:
        source_store.close()
        target.close()
