"""The command line as users run it: real processes, JSON on stdout, one line per problem."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from kgreview.store.base import STAT_KEYS
from tests.conftest import REPO, neo4j_test_settings

CORPUS = REPO / "corpus" / "abstracts"


def kgreview(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", "from kgreview.cli import main; main()", *args],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, **(env or {})},
    )


def test_help_lists_every_command_with_a_purpose() -> None:
    from kgreview.cli import app

    result = kgreview("--help")
    assert result.returncode == 0
    for command in app.registered_commands:
        name = command.name or command.callback.__name__
        assert name in result.stdout
        assert (command.callback.__doc__ or "").strip(), f"{name} has no one-line purpose"


def test_ingest_reports_bad_file_and_keeps_the_rest(tmp_path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text("社区治理研究\n\n居民参与不足。", encoding="utf-8")
    (folder / "noise.txt").write_bytes(b"\x00\xff\x00\xfe" * 100)
    (folder / "table.xyz").write_text("a,b", encoding="utf-8")
    store = str(tmp_path / "kg.db")
    result = kgreview("ingest", str(folder), "--store", store)
    assert result.returncode == 1, result.stderr  # something failed; the rest went in
    problems = [line for line in result.stderr.splitlines() if line.startswith("skipped")]
    assert len(problems) == 2
    assert any("noise.txt" in line for line in problems)
    assert any("table.xyz" in line and "unsupported" in line for line in problems)
    assert "Traceback" not in result.stderr
    stats = json.loads(kgreview("stats", "--store", store, "--json").stdout)
    assert stats["documents"] == 1


def test_stats_json_is_alone_on_stdout(tmp_path) -> None:
    store = str(tmp_path / "kg.db")
    assert kgreview("ingest", str(CORPUS), "--store", store).returncode == 0
    result = kgreview("stats", "--store", store, "--json")
    stats = json.loads(result.stdout)  # fails if anything else reached stdout
    assert list(stats) == list(STAT_KEYS)
    assert stats["documents"] == len(list(CORPUS.glob("*.txt")))
    assert stats["segments"] > stats["documents"]


def test_reingest_skips_unchanged_files(tmp_path) -> None:
    store = str(tmp_path / "kg.db")
    kgreview("ingest", str(CORPUS), "--store", store)
    again = kgreview("ingest", str(CORPUS), "--store", store)
    n = len(list(CORPUS.glob("*.txt")))
    assert f"0 documents written from {n} files ({n} unchanged" in again.stderr


def test_store_from_environment(tmp_path) -> None:
    store = str(tmp_path / "env.db")
    kgreview("ingest", str(CORPUS), env={"KGREVIEW_STORE": store})
    assert (
        json.loads(kgreview("stats", "--json", env={"KGREVIEW_STORE": store}).stdout)["documents"]
        > 0
    )


@pytest.mark.parametrize(
    ("uri", "expected"),
    [("http://example.org/db", "unsupported store URI"), ("bolt://127.0.0.1:1", "not answering")],
)
def test_unusable_store_gives_one_line(uri: str, expected: str) -> None:
    result = kgreview("stats", "--store", uri, "--json")
    assert result.returncode == 1
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and expected in lines[0], result.stderr


def test_debug_shows_the_traceback() -> None:
    result = kgreview("--debug", "stats", "--store", "http://example.org/db")
    assert result.returncode != 0
    assert "Traceback" in result.stderr


@pytest.mark.neo4j
def test_wrong_neo4j_password_gives_one_line(neo4j_store) -> None:
    settings = neo4j_test_settings()
    result = kgreview(
        "stats", "--store", settings.uri, env={"KGREVIEW_NEO4J_PASSWORD": "wrong-password"}
    )
    lines = result.stderr.strip().splitlines()
    assert result.returncode == 1 and len(lines) == 1
    assert "refused the credentials" in lines[0]


@pytest.mark.neo4j
def test_stats_agree_on_both_backends_after_same_ingest(tmp_path, neo4j_store) -> None:
    settings = neo4j_test_settings()
    neo4j_store.clear()
    env = {"KGREVIEW_NEO4J_USER": settings.user, "KGREVIEW_NEO4J_PASSWORD": settings.password}
    embedded = str(tmp_path / "kg.db")
    results = []
    for store in (embedded, settings.uri):
        assert kgreview("ingest", str(CORPUS), "--store", store, env=env).returncode == 0
        results.append(json.loads(kgreview("stats", "--store", store, "--json", env=env).stdout))
    assert results[0] == results[1]
    assert results[0]["documents"] > 0


def test_every_command_is_documented_in_the_readme() -> None:
    from kgreview.cli import app

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    names = [c.name or c.callback.__name__ for c in app.registered_commands]
    names += [
        f"{g.name} {c.name}"
        for g in app.registered_groups
        for c in g.typer_instance.registered_commands
    ]
    missing = [n for n in names if f"kgreview {n}" not in readme]
    assert not missing, missing
