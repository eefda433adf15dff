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
CHART_POINTS = 60  # documents the saturation chart shows (the most recent ones)


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


def _titles(graph: GraphStore, document_ids: list[str]) -> dict[str, str]:
    """Titles of a few documents (one read each: cheaper than every summary of a big store)."""
    found = {}
    for document_id in dict.fromkeys(document_ids):
        document = graph.get_document(document_id)
        found[document_id] = document.title if document else document_id
    return found


def documents_to_code(graph: GraphStore) -> tuple[list[tuple[str, str]], bool]:
    """(id, title) of the transcripts, or of every document when there is none; and whether
    these are transcripts. Small tuples: cheap to cache (unlike 10,000 summaries)."""
    summaries = graph.document_summaries()
    transcripts = [d for d in summaries if d.doc_type == "transcript"]
    return [(d.id, d.title or d.id) for d in transcripts or summaries], bool(transcripts)


def coder_view(graph: GraphStore, coder: str) -> dict:
    """Everything the page needs from the coder's codings, read once per revision: the code
    tree, the saturation curve (and whether it is saturated), and the curve's titles."""
    codings = graph.codings_by_coder(coder)
    used: dict[str, int] = {}
    for c in codings:
        used[c.code_id] = used.get(c.code_id, 0) + 1
    first: dict[str, str] = {}
    for c in sorted(codings, key=lambda c: (c.created, c.document_id)):
        first.setdefault(c.document_id, c.created)
    curve = saturation(codings, sorted(first, key=lambda d: (first[d], d)))
    titles = _titles(graph, [p["document"] for p in curve[-CHART_POINTS:]])
    return {"tree": _tree(graph, coder, used), "curve": curve, "saturated": saturated(curve),
            "titles": titles}  # fmt: skip


def _tree(graph: GraphStore, coder: str, used: dict[str, int]) -> list[dict]:
    """The coder's part of the code tree: codes with a grounded-theory level, the coder's
    in-vivo codes and the codes they used, with every ancestor; depth-first with depths."""
    codes = {c.id: c for c in graph.list_codes()}
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
) -> tuple[Agreement, dict[str, str]]:
    """Agreement of two coders on one document, or on every document both coded (a unit
    only one of them opened is missing for the other and never counts, so the rest can be
    left out); with the titles of the documents of the disagreements."""
    if document_id is not None:
        codings = [c for c in graph.codings_for_document(document_id) if c.coder in coders]
        documents = [document_id]
    else:
        codings = [c for name in coders for c in graph.codings_by_coder(name)]
        each = [{c.document_id for c in codings if c.coder == name} for name in coders]
        documents = sorted(set.intersection(*each))
    result = agreement(_units(graph, documents, unit), codings, list(coders))
    return result, _titles(graph, [row["document"] for row in result.disagreements])


def crosstab_of(graph: GraphStore, coder: str | None) -> dict:
    """The participants' attributes, the crosstab of codes by each attribute and the case ×
    code matrix, over the codings (of ``coder``, or everyone's) inside participants' turns."""
    codings: list[Coding] = []
    speakers: dict[str, str] = {}
    participants = {}
    for d in graph.document_summaries():
        if d.doc_type != "transcript":  # only transcripts have participants
            continue
        people = graph.participants_of(d.id)
        if not people:
            continue
        found = [c for c in graph.codings_for_document(d.id) if not coder or c.coder == coder]
        participants.update({p.id: p for p in people})
        speakers.update(speaker_of(found, graph.segments_of(d.id)))
        codings += found
    attributes = sorted({k for p in participants.values() for k in p.attributes})
    return {
        "attributes": attributes,
        "tables": {a: crosstab(codings, speakers, participants, a) for a in attributes},
        "cases": case_matrix(codings, speakers, participants),
    }
