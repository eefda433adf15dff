"""A small coded project in a store: two transcripts, a code tree with colours, two coders,
memos on a code, a coding, a document and a segment, and a memo on nothing exported."""

from __future__ import annotations

from pathlib import Path

from kgreview import ids
from kgreview.model import Code, Coder, Coding, Memo, Origin, SegmentKind
from kgreview.pipeline import ingest
from kgreview.store import GraphStore

REPO = Path(__file__).resolve().parents[2]
TRANSCRIPTS = REPO / "corpus" / "transcripts"
CODES = [
    Code("gt.core", "qda", "re-organising participation", "居民参与的再组织化", color="#336699"),
    Code("gt.deliberation", "qda", "", "协商解决问题", parent="gt.core", color="#AA0000"),
    Code("gt.sit_down", "qda", "", "坐下来商量", "gt.deliberation", "in-vivo code"),
    Code("gt.renters", "qda", "renters left out", "", parent="gt.core"),
    Code("gt.online", "qda", "online channels", "线上渠道", parent="gt.core"),
]


def _coding(doc, phrase: str, code: str, coder: str, created: str = "") -> Coding:
    start = doc.text.index(phrase)
    end = start + len(phrase)
    return Coding(ids.coding_id(doc.id, start, end, code, coder), doc.id, None, code, coder,
                  start, end, phrase, origin=Origin.MANUAL, created=created)  # fmt: skip


def build_project(store: GraphStore) -> dict:
    ingest([TRANSCRIPTS], store)
    docs = {d.lang: store.get_document(d.id) for d in store.document_summaries()}
    zh, en = docs["zh"], docs["en"]
    store.upsert_codes(CODES)
    store.upsert_coders([Coder("coder-a", "Wang Fang"), Coder("coder-b", "Li Lei")])
    codings = [
        _coding(
            zh, "坐下来商量是能解决问题的", "gt.sit_down", "coder-a", "2024-05-01T10:00:00+00:00"
        ),
        _coding(zh, "坐下来商量是能解决问题的", "gt.deliberation", "coder-b"),
        _coding(zh, "建了一个单元微信群", "gt.online", "coder-a"),
        _coding(en, "Nobody asked renters anyway", "gt.renters", "coder-a"),
        _coding(en, "keep the online voting", "gt.online", "coder-b"),
        _coding(en, "The WeChat group for Block C", "gt.online", "coder-b"),
    ]
    store.add_codings(codings)
    turn = next(s for s in store.segments_of(en.id) if s.kind == SegmentKind.TURN)
    memos = [
        Memo("memo:code", "gt.core", "coder-a", "核心范畴：居民参与从动员走向协商。", "2024-05-02"),
        Memo("memo:coding", codings[0].id, "coder-a", "In vivo: the resident's own words."),
        Memo("memo:doc", zh.id, "coder-b", "访谈环境安静，受访者表达清楚。\n第二行。"),
        Memo("memo:seg", turn.id, "coder-b", "Opening question sets a friendly tone."),
        Memo("memo:free", "project", "coder-a", "Saturation looks close after R7."),
    ]
    store.add_memos(memos)
    return {"zh": zh, "en": en, "codings": codings, "memos": memos}
