"""What every benchmark shares: the figures of one run (printed as they come, as a table at
the end, optionally appended to BENCHMARKS.md), the targets, timing, peak RSS and Neo4j."""

from __future__ import annotations

import os
import platform
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

# Ratios: (target, True when higher is better). The CI pass fails when one is worse than half
# (or, lower-is-better, twice) its target; absolute times are reported, never asserted.
RATIO_TARGETS: dict[str, tuple[float, bool]] = {
    "store.neo4j.batched_vs_rowwise": (20.0, True),
    "tag.full_vs_jieba_lcut": (5.0, True),
    "tag.full_vs_bare_automaton": (0.1, True),
    "ingest.2_workers_vs_1": (1.5, True),
    "e2e.reingest_vs_first": (0.05, False),
    # The network page at 300 codes / 2k edges vs 30 / 200, first visits in Chromium: the
    # graph's own cost stays small next to loading Streamlit and ECharts.
    "network.interactive_vs_small": (2.0, False),
    "network.visit_cpu_vs_small": (2.0, False),
}
# Values with a target (upper bounds), shown in the table; informative only.
VALUE_TARGETS: dict[str, float] = {
    "e2e.embedded.seconds": 180.0,
    "e2e.embedded.peak_rss_mb": 1500.0,
    "e2e.neo4j.seconds": 480.0,
    "retag.seconds": 60.0,
    "query.embedded.cold_s": 3.0,
    "query.embedded.cached_s": 0.2,
    "query.neo4j.cold_s": 3.0,
    "query.neo4j.cached_s": 0.2,
    "query.alpha.max_s_per_code": 1.0,
    "network.interactive_ms": 2000.0,
}
TEST_NEO4J = {
    "KGREVIEW_NEO4J_HOME": str(Path.home() / ".cache" / "kgreview" / "neo4j-test"),
    "KGREVIEW_NEO4J_PORT": "7688",
    "KGREVIEW_NEO4J_PASSWORD": "kgreview-test",
    "KGREVIEW_NEO4J_HEAP": "1g",
    "KGREVIEW_NEO4J_PAGECACHE": "512m",
}


@dataclass
class Results:
    """The figures of one run, printed as machine-readable lines the moment they are known."""

    rows: list[tuple[str, str, float, str]] = field(default_factory=list)  # kind, name, x, unit
    notes: list[str] = field(default_factory=list)

    def ratio(self, name: str, value: float) -> None:
        self.rows.append(("ratio", name, value, ""))
        print(f"ratio {name} {value:.3g}", flush=True)

    def value(self, name: str, number: float, unit: str) -> None:
        self.rows.append(("value", name, number, unit))
        shown = f"{number:.3g}" if abs(number) < 100 else f"{number:.0f}"
        print(f"value {name} {shown} {unit}", flush=True)

    def note(self, text: str) -> None:
        self.notes.append(text)
        print(f"  {text}", flush=True)

    def table(self) -> str:
        """The run's figures with their targets, one row each."""
        lines = ["| measure | figure | target | met |", "|---|---|---|---|"]
        for kind, name, x, unit in self.rows:
            target, met = "", ""
            if kind == "ratio" and name in RATIO_TARGETS:
                goal, higher = RATIO_TARGETS[name]
                target = f"{'>=' if higher else '<='} {goal:g}"
                met = "yes" if (x >= goal if higher else x <= goal) else "no"
            elif name in VALUE_TARGETS:
                target, met = (
                    f"< {VALUE_TARGETS[name]:g} {unit}",
                    "yes" if x < VALUE_TARGETS[name] else "no",
                )
            figure = (
                f"{x:.3g}×"
                if kind == "ratio"
                else f"{x:,.3g} {unit}"
                if x < 100
                else f"{x:,.0f} {unit}"
            )
            lines.append(f"| {name} | {figure} | {target} | {met} |")
        return "\n".join(lines)

    def failures(self) -> list[str]:
        """Ratios worse than half (lower-is-better: twice) their target."""
        bad = []
        for kind, name, x, _ in self.rows:
            if kind == "ratio" and name in RATIO_TARGETS:
                goal, higher = RATIO_TARGETS[name]
                if (x < goal / 2) if higher else (x > goal * 2):
                    bad.append(f"{name} {x:.3g} (target {goal:g})")
        return bad


def timed(fn: Callable[[], object]) -> float:
    """Seconds ``fn()`` took."""
    began = time.perf_counter()
    fn()
    return time.perf_counter() - began


def children_peak_mb() -> float:
    """Peak RSS of the largest finished child process (getrusage), in MB."""
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def neo4j_settings():
    """The scratch Neo4j server the benchmarks may WIPE: KGREVIEW_BENCH_NEO4J_URI, else the
    test server's (KGREVIEW_TEST_NEO4J_URI, default bolt://127.0.0.1:7688)."""
    from kgreview.config import StoreSettings

    uri = (
        os.environ.get("KGREVIEW_BENCH_NEO4J_URI")
        or os.environ.get("KGREVIEW_TEST_NEO4J_URI")
        or "bolt://127.0.0.1:7688"
    )
    password = (
        os.environ.get("KGREVIEW_BENCH_NEO4J_PASSWORD")
        or os.environ.get("KGREVIEW_NEO4J_PASSWORD")
        or "kgreview-test"
    )
    return StoreSettings(uri=uri, user="neo4j", password=password)


class Neo4jServer:
    """Opens the scratch server, starting the default test server if it is not running (and
    stopping it again at the end). ``store`` is None when no server can be reached."""

    def __init__(self) -> None:
        self.started = False
        self.settings = neo4j_settings()

    def open(self):
        from kgreview.store import StoreUnavailable, open_store

        try:
            return open_store(self.settings)
        except StoreUnavailable:
            if not self.settings.uri.endswith(":7688") or "KGREVIEW_BENCH_NEO4J_URI" in os.environ:
                return None
        env = {**os.environ, **TEST_NEO4J}
        done = subprocess.run([str(REPO / "scripts" / "neo4j"), "start"], env=env, check=False)
        if done.returncode:
            return None
        self.started = True
        return open_store(self.settings)

    def stop(self) -> None:
        if self.started:
            env = {**os.environ, **TEST_NEO4J}
            subprocess.run([str(REPO / "scripts" / "neo4j"), "stop"], env=env, check=False)
            self.started = False


def record(results: Results, argv: list[str]) -> Path:
    """Append the run (date, commit, machine, command, table) to BENCHMARKS.md."""
    if os.environ.get("CI"):
        raise SystemExit("--record is for a developer's machine, never CI")
    commit = subprocess.run(
        ["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    dirty = subprocess.run(
        ["git", "-C", str(REPO), "status", "--porcelain", "--untracked-files=no"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    machine = (
        f"{platform.machine()}, {os.cpu_count()} cores, "
        f"{os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30:.0f} GB, "
        f"Python {platform.python_version()}, load {os.getloadavg()[0]:.1f}"
    )
    path = REPO / "BENCHMARKS.md"
    if not path.exists():
        path.write_text(
            "# Benchmark runs\n\nAppended by `scripts/bench ... --record`; figures "
            "of one run on one machine, ratios measured in the same run.\n",
            encoding="utf-8",
        )
    lines = [
        f"\n## {datetime.now(UTC):%Y-%m-%d %H:%M} UTC · {commit}{' (modified)' if dirty else ''}",
        "",
        f"- machine: {machine}",
        f"- command: `scripts/bench {' '.join(argv)}`",
        "",
        results.table(),
        "",
    ]
    lines += [f"- {n}" for n in results.notes]
    lines += [
        "",
        "```",
        *(f"{k} {n} {x:.4g}{' ' + u if u else ''}" for k, n, x, u in results.rows),
        "```",
        "",
    ]
    with open(path, "a", encoding="utf-8") as out:
        out.write("\n".join(lines))
    return path


class TreeRss:
    """Samples the summed RSS of a process and all its descendants (from /proc) in a thread;
    ``peak_mb`` is the largest sum seen: what the whole job needed at once."""

    def __init__(self, pid: int, every: float = 0.2) -> None:
        import threading

        self.pid, self.every, self.peak_mb = pid, every, 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _tree(self) -> list[int]:
        parents: dict[int, int] = {}
        for entry in os.listdir("/proc"):
            if entry.isdigit():
                try:
                    with open(f"/proc/{entry}/stat", encoding="utf-8") as f:
                        parents[int(entry)] = int(f.read().rsplit(")", 1)[1].split()[1])
                except (OSError, ValueError, IndexError):
                    continue
        tree, frontier = [self.pid], [self.pid]
        while frontier:
            frontier = [p for p, parent in parents.items() if parent in frontier]
            tree += frontier
        return tree

    def _rss_mb(self, pid: int) -> float:
        try:
            with open(f"/proc/{pid}/status", encoding="utf-8") as f:
                for line in f:
                    if line.startswith("VmRSS:"):
                        return int(line.split()[1]) / 1024
        except OSError:
            pass
        return 0.0

    def _run(self) -> None:
        while not self._stop.wait(self.every):
            self.peak_mb = max(self.peak_mb, sum(self._rss_mb(p) for p in self._tree()))

    def stop(self) -> float:
        """Stop sampling; the peak in MB."""
        self._stop.set()
        self._thread.join()
        return self.peak_mb
