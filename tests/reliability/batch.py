"""Run the real ``kgreview ingest`` on a folder of good and hostile files and collect what
the battery asserts: stderr lines per file, stored titles and texts, the file tree."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from kgreview.store import open_store
from tests.reliability import formats as f
from tests.reliability.hostile import Case

REPO = Path(__file__).resolve().parents[2]
CLI = "import sys; from kgreview.cli import main; sys.argv[0] = 'kgreview'; main()"
STORE_FILES = ("kg.db", "kg.db-wal", "kg.db-shm", "kg.db-journal")


def good_files(folder: Path) -> list[str]:
    """Valid files of every format (our samples plus generated ones); returns the titles of
    the generated ones, which must be stored whatever else is in the batch."""
    folder.mkdir(parents=True)
    for sample in (REPO / "corpus" / "exports").iterdir():
        (folder / sample.name).write_bytes(sample.read_bytes())
    for sample in (REPO / "corpus" / "transcripts").iterdir():
        (folder / sample.name).write_bytes(sample.read_bytes())
    titles = [f"Good file {n} community meeting" for n in range(6)]
    (folder / "good.vtt").write_text(f.vtt_file(titles[0]), encoding="utf-8")
    (folder / "good.srt").write_text(f.srt_file(titles[1]), encoding="utf-8")
    (folder / "good_turns.csv").write_text(f.table_file("transcript_csv", [titles[2]]))
    (folder / "good.qdpx").write_bytes(f.qdpx_file(titles[3]))
    (folder / "good.qde").write_bytes(f.qde_xml(titles[4]))
    (folder / "good.qdc").write_bytes(f.qdc_xml())
    (folder / "good.md").write_text(f"# {titles[5]}\n\n{f.ABSTRACT}\n", encoding="utf-8")
    return titles


def write_cases(folder: Path, cases: list[Case]) -> None:
    folder.mkdir(parents=True)
    for case in cases:
        (folder / case.name).write_bytes(case.data)


@dataclass(slots=True)
class Outcome:
    returncode: int
    stderr: str
    lines: list[str]  # the "skipped ..." lines
    titles: set[str]
    texts: list[str]
    stats: dict[str, int]


def ingest(paths: list[Path], store: Path, cwd: Path, *extra: str) -> Outcome:
    """``kgreview ingest`` as a user runs it (a subprocess, tagger on, one worker)."""
    env = {**os.environ, "PYTHONPATH": str(REPO), "COLUMNS": "400"}
    command = [sys.executable, "-c", CLI, "ingest", *map(str, paths),
               "--store", str(store), "--workers", "1", *extra]  # fmt: skip
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=900, check=False)  # fmt: skip
    lines = [ln for ln in done.stderr.splitlines() if ln.startswith("skipped ")]
    graph = open_store(str(store))
    try:
        docs = [graph.get_document(d.id) for d in graph.document_summaries()]
        stats = graph.stats()
    finally:
        graph.close()
    return Outcome(done.returncode, done.stderr, lines, {d.title for d in docs},
                   [d.text for d in docs], stats)  # fmt: skip


def tree(root: Path) -> dict[str, int]:
    """Every file under ``root`` with its size (the store's own files left out)."""
    found = {}
    for base, _, names in os.walk(root):
        for name in names:
            if not name.startswith(STORE_FILES):
                path = Path(base, name)
                found[str(path.relative_to(root))] = path.stat().st_size
    return found
