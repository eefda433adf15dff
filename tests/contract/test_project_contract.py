"""Whole-project reads and coder/memo writes (REFI-QDA export/import) on both backends."""

from __future__ import annotations

from pathlib import Path

from kgreview.ingest.transcript import transcript_document
from kgreview.model import Code, Coder, Memo, Origin, SegmentKind
from kgreview.pipeline import build_bundle
from kgreview.store import GraphStore
from tests.builders import coding

TRANSCRIPT = """Interview 3
Participant: R3 (female, 52, cleaner, tenant since 2019)

[00:00:02] Interviewer: How did you first join the residents' meetings?
[00:00:09] R3: A neighbour took me along. I did not know anyone there.
[00:00:20] Interviewer: And now?
[00:00:23] R3: Now I keep the list of who needs help with shopping.
"""


def _transcript_bundle():
    document = transcript_document(Path("r3.txt"), TRANSCRIPT, fmt="transcript")
    assert document is not None
    return build_bundle(document)


def test_segments_and_participants_of_a_transcript(store: GraphStore) -> None:
    bundle = _transcript_bundle()
    store.upsert_bundles([bundle])
    doc_id = bundle.document.id
    segments = store.segments_of(doc_id)
    assert segments == sorted(bundle.segments, key=lambda s: (s.start, s.end, s.id))
    turns = [s for s in segments if s.kind == SegmentKind.TURN]
    assert [(t.speaker, t.timestamp) for t in turns] == [
        ("Interviewer", "00:00:02"), ("R3", "00:00:09"),
        ("Interviewer", "00:00:20"), ("R3", "00:00:23"),
    ]  # fmt: skip
    people = {p.label: p for p in store.participants_of(doc_id)}
    assert set(people) == {"R3", "Interviewer"}
    assert people["R3"].attributes == {
        "gender": "female", "age": 52, "occupation": "cleaner",
        "tenure": "tenant since 2019", "since": 2019,
    }  # fmt: skip
    assert people["Interviewer"].attributes == {"interviewer": True}
    assert {t.participant_id for t in turns} == {people["R3"].id, people["Interviewer"].id}
    assert store.segments_of("doc:missing") == [] and store.participants_of("doc:missing") == []


def test_coders_and_memos_round_trip(store: GraphStore) -> None:
    bundle = _transcript_bundle()
    store.upsert_bundles([bundle])
    store.upsert_codes([Code("gt.neighbour", "qda", "neighbour took me", "", color="#AA3300")])
    doc = bundle.document
    done = coding(doc, "A neighbour took me along", "gt.neighbour", coder="coder-a",
                  origin=Origin.MANUAL)  # fmt: skip
    store.add_codings([done])
    store.upsert_coders([Coder("coder-a", "Wang Fang"), Coder("kgreview-tagger", "", "machine")])
    assert store.list_coders() == [Coder("coder-a", "Wang Fang"),
                                   Coder("kgreview-tagger", "", "machine")]  # fmt: skip
    memos = [
        Memo("memo:1", done.id, "coder-a", "Entry through a neighbour: weak ties matter.", "t1"),
        Memo("memo:2", "gt.neighbour", "coder-a", "初始概念：熟人带入", "t2"),
        Memo("memo:3", doc.id, "coder-b", "Short interview, noisy room.", "t3"),
    ]
    store.add_memos(memos)
    store.add_memos(memos)  # idempotent
    assert sorted(store.memos(), key=lambda m: m.id) == memos
    assert store.list_codes()[0].color == "#AA3300"
