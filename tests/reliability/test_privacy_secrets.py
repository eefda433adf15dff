"""Privacy of the running tool: the app listens on 127.0.0.1 unless told otherwise, and the
Neo4j password (from the environment only) appears in no error line, no --debug output, no
backup and no export."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kgreview.cli import app, store_commands
from tests.conftest import neo4j_test_settings

REPO = Path(__file__).resolve().parents[2]
CLI = "import sys; from kgreview.cli import main; sys.argv[0] = 'kgreview'; main()"
WRONG = "Wr0ng-S3cret-kgreview-7c1"


def _served(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, *args: str) -> list[str]:
    seen: list[list[str]] = []

    def fake_run(command, **_kwargs):
        seen.append(command)
        return subprocess.CompletedProcess(command, 0)

    monkeypatch.setattr(store_commands.subprocess, "run", fake_run)
    result = CliRunner().invoke(app, ["serve", "--store", str(tmp_path / "kg.db"), *args])
    assert result.exit_code == 0, result.output
    (command,) = seen
    return command


def test_the_app_binds_loopback_unless_told(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    command = _served(monkeypatch, tmp_path)
    assert command[command.index("--server.address") + 1] == "127.0.0.1"
    assert "streamlit" in command and "--browser.gatherUsageStats" in command
    command = _served(monkeypatch, tmp_path, "--address", "0.0.0.0")
    assert command[command.index("--server.address") + 1] == "0.0.0.0"
    assert not (REPO / ".streamlit" / "config.toml").exists()  # nothing overrides the flag


def _kgreview(*args: str, password: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(REPO), "KGREVIEW_NEO4J_PASSWORD": password}
    return subprocess.run([sys.executable, "-c", CLI, *args], cwd=cwd, env=env, text=True,
                          capture_output=True, timeout=300, check=False)  # fmt: skip


@pytest.mark.neo4j
def test_a_refused_password_is_never_echoed(neo4j_store, tmp_path: Path) -> None:
    uri = neo4j_test_settings().uri
    for debug in ([], ["--debug"]):
        done = _kgreview(*debug, "stats", "--store", uri, password=WRONG, cwd=tmp_path)
        assert done.returncode != 0
        assert WRONG not in done.stdout + done.stderr
        if not debug:
            (line,) = done.stderr.strip().splitlines()
            assert uri in line and ("password" in line.lower() or "auth" in line.lower())


def test_credentials_in_a_store_uri_are_refused_without_echo(tmp_path: Path) -> None:
    uri = f"bolt://neo4j:{WRONG}@127.0.0.1:1"
    done = _kgreview("stats", "--store", uri, password="", cwd=tmp_path)
    assert done.returncode == 1 and "KGREVIEW_NEO4J_PASSWORD" in done.stderr
    assert WRONG not in done.stdout + done.stderr


@pytest.mark.neo4j
def test_backups_exports_and_logs_hold_no_password(neo4j_store, tmp_path: Path) -> None:
    neo4j_store.clear()
    settings = neo4j_test_settings()
    corpus = REPO / "corpus" / "transcripts"
    logs = []
    for args in (
        ["ingest", str(corpus), "--store", settings.uri],
        ["backup", "--store", settings.uri, str(tmp_path / "b.zip")],
        ["export", "qdpx", str(tmp_path / "p.qdpx"), "--store", settings.uri],
        ["report", str(tmp_path / "r.docx"), "--store", settings.uri],
        ["--debug", "stats", "--store", settings.uri],
    ):
        done = _kgreview(*args, password=settings.password, cwd=tmp_path)
        assert done.returncode == 0, done.stderr
        logs.append(done.stdout + done.stderr)
    assert settings.password and not [log for log in logs if settings.password in log]
    for name in ("b.zip", "p.qdpx", "r.docx"):
        with zipfile.ZipFile(tmp_path / name) as archive:
            for member in archive.namelist():
                assert settings.password.encode() not in archive.read(member), (name, member)
