"""Injection through the commands a user runs: a codebook whose labels and synonyms are
Cypher, SQL, regex and Lucene syntax → ``kgreview ingest`` of files with hostile names and
authors → ``who-cites`` by the hostile label → the stored evidence is the hostile words
verbatim, on both backends, and nothing else in the store or on disk changed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from kgreview.store import GraphStore
from tests.conftest import neo4j_test_settings

REPO = Path(__file__).resolve().parents[2]
CLI = "import sys; from kgreview.cli import main; sys.argv[0] = 'kgreview'; main()"
LABEL_EN = 'O\'Brien "C++" `theory` (a+)+$ DROP TABLE x; --'
LABEL_ZH = "增能'}) DETACH DELETE n //理论"
SYNONYMS = {"en": ["MATCH (n) RETURN n theory", "title:* AND ~x? [a TO z] theory"],
            "zh": ["%_通配'理论"]}  # fmt: skip
AUTHOR = "O'Brien, `Robert') DROP TABLE Author --"  # ';' would split it: a separator
FILE_NAME = "x'); DROP TABLE Document;-- `MATCH (n) DETACH DELETE n` $(touch pwned) & * ?.ris"
RECORD = f"""TY  - JOUR
AU  - {AUTHOR}
T1  - {LABEL_EN} 一项研究
PY  - 2021
AB  - 本研究在{LABEL_ZH}指导下开展小组工作。This study applies {SYNONYMS["en"][0]} to practice. 本研究运用{SYNONYMS["zh"][0]}开展服务。
ER  -
"""  # noqa: E501


def _kgreview(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run([sys.executable, "-c", CLI, *args], cwd=cwd, env=env, text=True,
                          capture_output=True, timeout=300, check=False)  # fmt: skip


def _uri(store: GraphStore, tmp_path: Path) -> str:
    return str(tmp_path / "kg.db") if "embedded" in store.describe() else neo4j_test_settings().uri


@pytest.mark.slow  # seven CLI runs per backend
def test_hostile_codebook_names_and_authors_through_the_cli(
    store: GraphStore, tmp_path: Path
) -> None:
    codebook = {
        "version": 1,
        "categories": {"theory": {"en": "Theories", "zh": "理论"}},
        "codes": [{"id": "theory.hostile", "category": "theory",
                   "label": {"en": LABEL_EN, "zh": LABEL_ZH}, "synonyms": SYNONYMS,
                   "parent": None}],
    }  # fmt: skip
    (tmp_path / "cb.yaml").write_text(yaml.safe_dump(codebook, allow_unicode=True))
    upload = tmp_path / "uploads"
    upload.mkdir()
    (upload / FILE_NAME).write_text(RECORD, encoding="utf-8")
    before = sorted(p.name for p in tmp_path.rglob("*"))
    uri, book = _uri(store, tmp_path), str(tmp_path / "cb.yaml")
    done = _kgreview("ingest", str(upload), "--store", uri, "--codebook", book, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    for query in (LABEL_EN, SYNONYMS["zh"][0]):
        found = _kgreview("who-cites", query, "--json", "--store", uri, "--codebook", book,
                          cwd=tmp_path)  # fmt: skip
        assert found.returncode == 0, found.stderr
        (row,) = [json.loads(line) for line in found.stdout.splitlines()]
        assert row["author"] == AUTHOR and row["via"] == "authored"
    evidence = {e.evidence for e in _evidence(store, "theory.hostile")}
    assert evidence == {LABEL_ZH, SYNONYMS["en"][0], SYNONYMS["zh"][0]}
    (summary,) = store.document_summaries()
    assert summary.source == str(upload / FILE_NAME)
    assert store.authors_of(summary.id) == [AUTHOR]
    stats = store.stats()
    assert stats["documents"] == 1 and stats["codes"] == 1 and stats["authors"] == 1
    after = sorted(p.name for p in tmp_path.rglob("*") if not p.name.startswith("kg.db"))
    assert after == [n for n in before if not n.startswith("kg.db")], "a file appeared"
    for probe in ("%", "' OR '1'='1"):
        none = _kgreview("who-cites", probe, "--store", uri, "--codebook", book, cwd=tmp_path)
        assert none.returncode == 1 and "no code matches" in none.stderr
        assert "Traceback" not in none.stderr


def _evidence(store: GraphStore, code_id: str) -> list:
    document_id = store.document_summaries()[0].id
    return [c for c in store.codings_for_document(document_id) if c.code_id == code_id]


@pytest.mark.parametrize("name", ["a'b\"c`d -rf --store x.txt"])
def test_odd_file_names_are_files_not_options_or_queries(tmp_path: Path, name: str) -> None:
    (tmp_path / name).write_text("社区治理研究\n\n本研究运用增能理论开展服务。\n", encoding="utf-8")
    done = _kgreview("ingest", "--store", str(tmp_path / "kg.db"), "--", name, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    stats = _kgreview("stats", "--json", "--store", str(tmp_path / "kg.db"), cwd=tmp_path)
    assert json.loads(stats.stdout)["documents"] == 1
    assert not (tmp_path / "x.txt").exists()
