"""Evidence search answers over the store protocol: hits as JSON rows, and a code's
literature-versus-field comparison (what abstracts and reviews claim beside what residents and
social workers say in transcripts)."""

from __future__ import annotations

from dataclasses import dataclass

from kgreview.model_search import SearchHit
from kgreview.store import GraphStore

# Document types holding what people in the field said; every other type is literature.
FIELD_TYPES = ("transcript",)


def hit_json(hit: SearchHit) -> dict:
    """One hit as the CLI's JSON line: sentence, document, speaker, matches and codes."""
    return {
        "segment": hit.segment_id,
        "document": hit.document_id,
        "title": hit.title,
        "year": hit.year,
        "doc_type": hit.doc_type,
        "start": hit.start,
        "end": hit.end,
        "sentence": hit.text,
        "speaker": hit.speaker,
        "role": hit.role,
        "matches": [list(m) for m in hit.matches],
        "codes": [
            {
                "code": c.code_id,
                "label_en": c.label_en,
                "label_zh": c.label_zh,
                "category": c.category,
                "polarity": c.polarity,
                "start": c.start,
                "end": c.end,
                "coder": c.coder,
            }
            for c in hit.codings
        ],
    }


def code_ids_of(hit: SearchHit) -> list[str]:
    """The distinct codes of a hit, in order of appearance (every coder counted once)."""
    return list(dict.fromkeys(c.code_id for c in hit.codings))


@dataclass(frozen=True, slots=True)
class LiteratureVsField:
    """A code's sentences in the literature and in the field (transcripts), side by side."""

    code_id: str
    literature: list[SearchHit]
    field: list[SearchHit]
    literature_types: tuple[str, ...]


def literature_vs_field(
    store: GraphStore, code_id: str, text: str = "", limit: int = 30
) -> LiteratureVsField:
    """Sentences coded ``code_id`` (containing ``text`` when given) in literature documents
    (every type but transcripts) and spoken in transcripts, newest first, ``limit`` of each."""
    types = sorted({f.doc_type for f in store.document_facets() if f.doc_type})
    literature_types = tuple(t for t in types if t not in FIELD_TYPES)
    literature = (
        store.search_segments(text, codes=[code_id], doc_types=literature_types, limit=limit)
        if literature_types
        else []
    )
    # What people said: a transcript's own header lines ("访谈记录（节选）：…") have no speaker;
    # they are few per transcript, so twice the limit leaves enough turns.
    spoken = store.search_segments(text, codes=[code_id], doc_types=FIELD_TYPES, limit=2 * limit)
    field = [hit for hit in spoken if hit.speaker][:limit]
    return LiteratureVsField(code_id, literature, field, literature_types)
