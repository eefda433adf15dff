"""Coded excerpts for a findings chapter: each quotation with who said it (the participant's
label built from their attributes, e.g. "张阿姨, 女, 63岁, 楼栋长") and when (the turn's
timestamp), read from the store's segments and participants."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from kgreview.model import Evidence, Participant, Segment, SegmentKind
from kgreview.store import GraphStore

GENDER = {"zh": {"female": "女", "male": "男"}, "en": {"female": "female", "male": "male"}}
INTERVIEWER = {"zh": "访谈者", "en": "interviewer"}
INTERVIEWER_TAGS = tuple(f", {word}" for word in INTERVIEWER.values())


@dataclass(frozen=True, slots=True)
class Excerpt:
    code_id: str
    document_id: str
    title: str
    quote: str  # the exact words: a coder's span, or the sentence holding an auto coding
    speaker: str  # the participant label with attributes; "" outside transcripts
    timestamp: str  # the turn's HH:MM:SS; "" when the turn has none
    coder: str
    polarity: str
    start: int
    end: int

    def as_json(self) -> dict:
        """Plain data for ``--json``."""
        return {k: getattr(self, k) for k in self.__slots__}


def participant_label(person: Participant, lang: str = "zh") -> str:
    """ "R7, 女, 63岁, 楼栋长": label, gender, age, then role (else occupation)."""
    attrs = person.attributes or {}
    parts = [person.label]
    if attrs.get("interviewer"):
        return f"{person.label}, {INTERVIEWER[lang]}"
    gender = GENDER[lang].get(str(attrs.get("gender", "")).casefold())
    if gender:
        parts.append(gender)
    age = attrs.get("age")
    if isinstance(age, int) or (isinstance(age, str) and age.isdigit()):
        parts.append(f"{age}岁" if lang == "zh" else f"aged {age}")
    what = attrs.get("role") or attrs.get("occupation")
    if what:
        parts.append(str(what))
    return ", ".join(parts)


class _Transcripts:
    """Segments, participants and texts of documents, each read once."""

    def __init__(self, graph: GraphStore, lang: str | None) -> None:
        self.graph, self.lang = graph, lang
        self.segments = lru_cache(maxsize=128)(self._segments)
        self.people = lru_cache(maxsize=128)(self._people)
        self.text = lru_cache(maxsize=64)(self._text)

    def _segments(self, document_id: str) -> tuple[Segment, ...]:
        return tuple(self.graph.segments_of(document_id))

    def _people(self, document_id: str) -> dict[str, str]:
        # Labels in the interview's own language unless one was asked for.
        lang = self.lang or ("zh" if self._document(document_id)[1] == "zh" else "en")
        return {p.id: participant_label(p, lang) for p in self.graph.participants_of(document_id)}

    def _document(self, document_id: str) -> tuple[str, str]:
        document = self.graph.get_document(document_id)
        return (document.text, document.lang) if document else ("", "und")

    def _text(self, document_id: str) -> str:
        return self._document(document_id)[0]

    def _around(self, document_id: str, start: int, end: int, kind: str) -> Segment | None:
        holders = [
            s
            for s in self.segments(document_id)
            if s.kind == kind and s.start <= start and end <= s.end
        ]
        return min(holders, key=lambda s: s.end - s.start, default=None)

    def excerpt(self, ev: Evidence) -> Excerpt:
        turn = self._around(ev.document_id, ev.start, ev.end, SegmentKind.TURN.value)
        text = self.text(ev.document_id)
        start, end = ev.start, ev.end
        if ev.origin != "manual":
            # An auto coding marks a term; the quotation a reader needs is its sentence.
            sentence = self._around(ev.document_id, ev.start, ev.end, SegmentKind.SENTENCE.value)
            if sentence is not None:
                start, end = sentence.start, sentence.end
        speaker = ""
        if turn is not None and turn.participant_id:
            speaker = self.people(ev.document_id).get(turn.participant_id, turn.speaker or "")
        elif turn is not None:
            speaker = turn.speaker or ""
        return Excerpt(
            code_id="",
            document_id=ev.document_id,
            title=ev.title,
            quote=text[start:end].strip() or ev.evidence,
            speaker=speaker,
            timestamp=(turn.timestamp or "") if turn else "",
            coder=ev.coder,
            polarity=ev.polarity,
            start=start,
            end=end,
        )


def coded_excerpts(
    graph: GraphStore,
    code_ids: Sequence[str],
    coder: str | None = None,
    limit: int | None = None,
    lang: str | None = None,
    transcripts_only: bool = False,
) -> dict[str, list[Excerpt]]:
    """code id → its excerpts (document order, each quotation once), labelled with the
    participant and timestamp of the turn holding them (labels in ``lang``, else in each
    document's language)."""
    reader = _Transcripts(graph, lang)
    found: dict[str, list[Excerpt]] = {}
    for code_id in code_ids:
        rows, seen = [], set()
        for ev in graph.evidence_for_code(code_id):
            if coder and ev.coder != coder:
                continue
            one = reader.excerpt(ev)
            # Findings quote the people interviewed, not the interviewer's questions.
            if transcripts_only and (not one.speaker or one.speaker.endswith(INTERVIEWER_TAGS)):
                continue
            key = (one.document_id, one.start, one.end)
            if key in seen:
                continue
            seen.add(key)
            rows.append(Excerpt(**{**one.as_json(), "code_id": code_id}))
        rows.sort(key=lambda e: (e.document_id, e.start))
        found[code_id] = rows[:limit] if limit else rows
    return found
