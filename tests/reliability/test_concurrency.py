"""Readers while a writer writes, and two writers at once, on both backends.

- The app reads while ``kgreview ingest`` writes: the pages' own cached helpers
  (``components.query`` / ``computed``, keyed on the store revision) run in a loop against
  the store the ingest fills. No error reaches the user (no "database is locked"), no torn
  read (a listed document always has its segments, a coding's segment exists, counts never go
  down), and once the ingest ends the helpers show the final counts (no stale cache).
- Two coders code at once (two processes, each hundreds of manual codings through
  :class:`kgreview.coding.Workbench` on the same documents and codes): nothing is lost, the
  final number of codings is the sum.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from collections.abc import Iterator

import pytest
import streamlit as st

from kgreview.app import components, gaps, network
from kgreview.model import Origin
from kgreview.pipeline import ingest
from tests.reliability.fixtures import INGEST, Target, baseline, corpus, tagger, target  # noqa: F401
from tests.reliability.harness import kgreview, start

pytestmark = [pytest.mark.slow, pytest.mark.timeout(900)]
CODINGS_EACH = 300  # manual codings per coder


@pytest.fixture
def app_on(target: Target, monkeypatch: pytest.MonkeyPatch) -> Iterator[Target]:  # noqa: F811
    """The app's helpers pointed at ``target``, with empty caches."""
    monkeypatch.setenv("KGREVIEW_STORE", target.uri)
    for key, value in target.env.items():
        monkeypatch.setenv(key, value)
    st.cache_data.clear()
    st.cache_resource.clear()
    yield target
    st.cache_data.clear()
    st.cache_resource.clear()  # closes nothing: the test's own store stays open


def _page_reads(rng: random.Random) -> dict[str, int]:
    """What the pages ask, through their cached helpers; raises on a torn read."""
    stats = components.query("stats")
    components.query("document_facets")
    components.query("code_frequencies")
    components.query("polarity_incidence")
    components.computed(network._segment_incidence)
    components.computed(gaps._report)
    listed = components.query("document_summaries")
    graph = components.store()
    for summary in rng.sample(listed, min(4, len(listed))):
        segments = {s.id for s in graph.segments_of(summary.id)}
        assert segments, f"{summary.id} is listed without its segments"
        for coding in graph.codings_for_document(summary.id):
            assert coding.segment_id is None or coding.segment_id in segments, coding.id
    return stats


def test_the_app_reads_while_an_ingest_writes(app_on: Target, corpus, baseline, tmp_path):  # noqa: F811
    rng = random.Random(7)
    log = tmp_path / "ingest.log"
    proc = start("ingest", str(corpus.root), *INGEST, "--store", app_on.uri, env=app_on.env,
                 log=log)  # fmt: skip
    seen: list[dict[str, int]] = []
    problems: list[str] = []
    while proc.poll() is None:
        try:
            seen.append(_page_reads(rng))
        except Exception as exc:  # any error here is one a user would see on a page
            problems.append(f"{type(exc).__name__}: {exc}")
    assert proc.wait() == 0, log.read_text()[-2000:]
    assert not problems, problems[:5]
    growing = [s for s in seen if 0 < s["documents"] < baseline[0]["Document"]]
    print(f"\n{app_on.kind}: {len(seen)} rounds of page reads, {len(growing)} mid-ingest")
    assert len(growing) >= 3, "the reads never overlapped the writes"
    for key in ("documents", "segments", "codings"):
        values = [s[key] for s in seen]
        assert values == sorted(values), f"{key} went down: {values}"
    final = _page_reads(rng)  # the cache follows the revision: the final counts, not stale
    assert final == app_on.store.stats()
    assert final["documents"] == baseline[0]["Document"]


WRITER = """
import json, sys
from kgreview.coding import Workbench
from kgreview.store import open_store
store = open_store(sys.argv[1])
plan = json.loads(sys.argv[3])
bench = Workbench(store, sys.argv[2])
for document_id, start, code_id in plan:
    bench.apply(document_id, start, start + 2, code_id)
store.close()
print(len(plan))
"""


def test_two_coders_coding_at_once_lose_nothing(target: Target, tagger, corpus) -> None:  # noqa: F811
    store = target.store
    store.upsert_codes(tagger.codebook.to_codes())
    report = ingest([corpus.root / "texts"], store, annotate=tagger.tag, tag_key=tagger.key)
    assert report.documents > 30 and not report.failures
    before = store.stats()["codings"]
    documents = sorted(s.id for s in store.document_summaries())
    codes = sorted(c.id for c in store.list_codes())[:40]
    # Both coders code the same spans with the same codes: they meet on every node.
    plan = [(documents[i % len(documents)], 3 * (i // len(documents)), codes[i % len(codes)])
            for i in range(CODINGS_EACH)]  # fmt: skip
    env = {**os.environ, **target.env}
    coders = [
        subprocess.Popen([sys.executable, "-c", WRITER, target.uri, coder, json.dumps(plan)],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
        for coder in ("coder_a", "coder_b")
    ]  # fmt: skip
    for proc in coders:
        out, err = proc.communicate(timeout=600)
        assert proc.returncode == 0 and "Traceback" not in err, err[-2000:]
        assert out.strip() == str(CODINGS_EACH)
    for coder in ("coder_a", "coder_b"):
        mine = store.codings_by_coder(coder)
        assert len(mine) == CODINGS_EACH
        assert all(c.origin == Origin.MANUAL.value for c in mine)
    assert store.stats()["codings"] == before + 2 * CODINGS_EACH
    again = kgreview("stats", "--json", "--store", target.uri, env=target.env)
    assert json.loads(again.stdout)["codings"] == before + 2 * CODINGS_EACH
