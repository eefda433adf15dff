"""What the coding workbench shows, computed from GraphStore protocol reads only (the page
caches each function per store revision through ``components.computed``)."""

from __future__ import annotations

from kgreview.analysis.agreement import Agreement, Unit, agreement
from kgreview.analysis.crosstab import case_matrix, crosstab, speaker_of
from kgreview.coding import IN_VIVO, saturated, saturation
from kgreview.model import Coding, Origin, SegmentKind
from kgreview.nlp.tagger import TAGGER_CODER
from kgreview.store import GraphStore

WHOLE = 10**12  # a document unit spans the whole text
UNITS = ("turn", "sentence", "document")


def turns_of(graph: GraphStore, document_id: str) -> list[dict]:
    """The blocks a coder reads: transcript turns (speaker, timestamp), else paragraphs, else
    sentences, else the whole text; each with its document offset and its exact text."""
    document = graph.get_document(document_id)
    if document is None:
        return []
    segments = graph.segments_of(document_id)
    people = {p.id: p.label for p in graph.participants_of(document_id)}
    for kind in (SegmentKind.TURN, SegmentKind.PARAGRAPH, SegmentKind.SENTENCE):
        chosen = sorted((s for s in segments if s.kind == kind), key=lambda s: s.start)
        if chosen:
            return [
                {
                    "id": s.id,
                    "speaker": _speaker(s.speaker, people.get(s.participant_id or "")),
                    "timestamp": s.timestamp or "",
                    "start": s.start,
                    "text": document.text[s.start : s.end],
                }
                for s in chosen
            ]
    return [{"id": document_id, "speaker": "", "timestamp": "", "start": 0, "text": document.text}]


def _speaker(label: str | None, person: str | None) -> str:
    """The turn's speaker label, with the person it stands for when that differs
    (受访者 · 张阿姨)."""
    if person and person != label:
        return f"{label} · {person}" if label else person
    return label or ""


def human_coders(graph: GraphStore) -> list[str]:
    """Coders a person can be: every stored coder but the tagger and machines."""
    return [c.id for c in graph.list_coders() if c.id != TAGGER_CODER and c.kind != "machine"]


def all_coders(graph: GraphStore) -> list[str]:
    return [c.id for c in graph.list_coders()]


def suggestions(graph: GraphStore, document_id: str, coder: str) -> list[dict]:
    """The tagger's codings of a document with this coder's decision on each: accepted (a
    manual coding carries its id), rejected (a rejection memo on it) or open."""
    codings = graph.codings_for_document(document_id)
    accepted = {c.suggestion_id for c in codings if c.coder == coder and c.suggestion_id}
    rejected = {
        m.target_id
        for m in graph.memos()
        if m.author == coder and m.text.startswith(f"rejected by {coder}")
    }
    rows = []
    for c in sorted(codings, key=lambda c: (c.start, c.code_id)):
        if c.origin != Origin.AUTO:
            continue
        status = "accepted" if c.id in accepted else "rejected" if c.id in rejected else "open"
        rows.append({"coding": c, "status": status})
    return rows


def tree_codes(graph: GraphStore, coder: str) -> list[dict]:
    """The coder's part of the code tree: codes with a grounded-theory level, in-vivo codes
    and codes the coder used, with every ancestor; depth-first, each with its depth."""
    codes = {c.id: c for c in graph.list_codes()}
    used: dict[str, int] = {}
    for c in graph.codings_by_coder(coder):
        used[c.code_id] = used.get(c.code_id, 0) + 1
    mine = f"in-vivo code by {coder}"  # how Workbench.in_vivo signs the codes it makes
    own = {c.id for c in codes.values() if c.description == mine}
    keep = {c.id for c in codes.values() if c.level and c.category != IN_VIVO} | own | set(used)
    for code_id in list(keep):
        parent = codes[code_id].parent if code_id in codes else None
        while parent and parent in codes and parent not in keep:
            keep.add(parent)
            parent = codes[parent].parent
    children: dict[str | None, list[str]] = {}
    for code_id in sorted(keep & set(codes)):
        parent = codes[code_id].parent
        children.setdefault(parent if parent in keep else None, []).append(code_id)
    rows: list[dict] = []

    def walk(parent: str | None, depth: int) -> None:
        for code_id in children.get(parent, []):
            rows.append({"code": codes[code_id], "depth": depth, "codings": used.get(code_id, 0)})
            walk(code_id, depth + 1)

    walk(None, 0)
    return rows


def _units(graph: GraphStore, document_ids: list[str], unit: str) -> list[Unit]:
    if unit == "document":
        return [Unit(d, d, 0, WHOLE) for d in document_ids]
    found: list[Unit] = []
    for d in document_ids:
        segments = graph.segments_of(d)
        turns = [s for s in segments if s.kind == SegmentKind.TURN] if unit == "turn" else []
        chosen = turns or [s for s in segments if s.kind == SegmentKind.SENTENCE]
        found += [Unit(d, s.id, s.start, s.end) for s in sorted(chosen, key=lambda s: s.start)]
    return found


def agreement_of(
    graph: GraphStore, coders: tuple[str, str], unit: str, document_id: str | None
) -> Agreement:
    """Agreement of two coders on one document or on every document either coded."""
    codings = [
        c
        for name in coders
        for c in graph.codings_by_coder(name)
        if document_id is None or c.document_id == document_id
    ]
    documents = [document_id] if document_id else sorted({c.document_id for c in codings})
    return agreement(_units(graph, documents, unit), codings, list(coders))


def saturation_of(graph: GraphStore, coder: str) -> tuple[list[dict], bool]:
    """The coder's saturation curve, documents in the order first coded (as the CLI)."""
    codings = graph.codings_by_coder(coder)
    first: dict[str, str] = {}
    for c in sorted(codings, key=lambda c: (c.created, c.document_id)):
        first.setdefault(c.document_id, c.created)
    curve = saturation(codings, sorted(first, key=lambda d: (first[d], d)))
    return curve, saturated(curve)


def crosstab_of(graph: GraphStore, attribute: str | None, coder: str | None) -> dict:
    """Attributes of the participants, the crosstab of codes by ``attribute`` and the case ×
    code matrix, over the codings (of ``coder``, or everyone's) inside participants' turns."""
    codings: list[Coding] = []
    speakers: dict[str, str] = {}
    participants = {}
    for d in graph.document_summaries():
        people = graph.participants_of(d.id)
        if not people:
            continue
        found = [c for c in graph.codings_for_document(d.id) if not coder or c.coder == coder]
        participants.update({p.id: p for p in people})
        speakers.update(speaker_of(found, graph.segments_of(d.id)))
        codings += found
    attributes = sorted({k for p in participants.values() for k in p.attributes})
    table = crosstab(codings, speakers, participants, attribute) if attribute else None
    return {
        "attributes": attributes,
        "table": table,
        "cases": case_matrix(codings, speakers, participants),
    }
