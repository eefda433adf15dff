"""The coding workbench's operations: a coder codes by hand first (open coding, in-vivo codes),
organises codes into a hierarchy (axial and selective coding), writes memos, and treats the
tagger's codings as suggestions to accept, adjust or reject.

Every operation goes through the GraphStore protocol; spans are code points of the stored text.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, replace
from datetime import UTC, datetime

from kgreview import ids
from kgreview.model import Code, Coding, Evidence, Memo, Origin, SegmentKind
from kgreview.store import GraphStore

LEVELS = ("concept", "category", "main_category", "core")  # 初始概念, 范畴, 主范畴, 核心范畴
IN_VIVO = "in_vivo"


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass(slots=True)
class Workbench:
    """One coder's session on a store."""

    store: GraphStore
    coder: str

    def _segment_of(self, document_id: str, start: int, end: int) -> str | None:
        """The smallest turn or sentence holding the span (for agreement units and context)."""
        segments = [s for s in self.store.segments_of(document_id)
                    if s.kind in (SegmentKind.TURN, SegmentKind.SENTENCE)
                    and s.start <= start and end <= s.end]  # fmt: skip
        return min(segments, key=lambda s: s.end - s.start).id if segments else None

    def apply(self, document_id: str, start: int, end: int, code_id: str,
              polarity: str = "uses", suggestion_id: str | None = None) -> Coding:  # fmt: skip
        """Code ``text[start:end]`` with an existing code."""
        document = self.store.get_document(document_id)
        if document is None:
            raise ValueError(f"no document {document_id}")
        if not 0 <= start < end <= len(document.text):
            raise ValueError(f"span {start}:{end} is outside the text (0:{len(document.text)})")
        coding = Coding(
            id=ids.coding_id(document_id, start, end, code_id, self.coder),
            document_id=document_id, segment_id=self._segment_of(document_id, start, end),
            code_id=code_id, coder=self.coder, start=start, end=end,
            evidence=document.text[start:end], polarity=polarity, origin=Origin.MANUAL.value,
            created=_now(), suggestion_id=suggestion_id,
        )  # fmt: skip
        self.store.add_codings([coding])
        return coding

    def in_vivo(self, document_id: str, start: int, end: int) -> tuple[Code, Coding]:
        """A new code whose label is the selected words themselves, applied to them."""
        document = self.store.get_document(document_id)
        if document is None:
            raise ValueError(f"no document {document_id}")
        words = " ".join(document.text[start:end].split())
        code = Code(id=f"{IN_VIVO}.{ids.digest(self.coder, words, size=12)}", category=IN_VIVO,
                    label_en=words, label_zh=words, level="concept",
                    description=f"in-vivo code by {self.coder}")  # fmt: skip
        self.store.upsert_codes([code])
        return code, self.apply(document_id, start, end, code.id)

    def new_code(self, label: str, level: str = "category", parent: str | None = None) -> Code:
        """A code the coder names (a category, a main category, the core category)."""
        if level not in LEVELS:
            raise ValueError(f"level must be one of {', '.join(LEVELS)}")
        code = Code(id=f"{level}.{ids.digest(self.coder, label, size=12)}", category=level,
                    label_en=label, label_zh=label, parent=parent, level=level)  # fmt: skip
        self.store.upsert_codes([code])
        return code

    def _code(self, code_id: str) -> Code:
        found = next((c for c in self.store.list_codes() if c.id == code_id), None)
        if found is None:
            raise ValueError(f"no code {code_id}")
        return found

    def move(self, code_id: str, parent: str | None) -> Code:
        """Put a code under another (axial coding); codings stay where they are."""
        moved = replace(self._code(code_id), parent=parent)
        self.store.upsert_codes([moved])
        return moved

    def rename(self, code_id: str, label_zh: str, label_en: str | None = None) -> Code:
        renamed = replace(self._code(code_id), label_zh=label_zh, label_en=label_en or label_zh)
        self.store.upsert_codes([renamed])
        return renamed

    def merge(self, code_id: str, into: str) -> None:
        """Every coding of ``code_id`` moves to ``into``; the emptied code goes, its children
        move under ``into``."""
        self.store.recode([c.id for c in self._codings_of(code_id)], into)
        self.store.delete_code(code_id, reparent_to=into)

    def split(self, code_id: str, coding_ids: list[str], label: str) -> Code:
        """Move some codings of a code to a new sibling code."""
        old = self._code(code_id)
        new = replace(old, id=f"{old.id}.{ids.digest(label, size=8)}", label_zh=label,
                      label_en=label)  # fmt: skip
        self.store.upsert_codes([new])
        self.store.recode(coding_ids, new.id)
        return new

    def _codings_of(self, code_id: str) -> list[Coding]:
        return [c for c in self.store.codings_by_coder(self.coder) if c.code_id == code_id]

    def accept(self, suggestion: Coding) -> Coding:
        """Accept an auto-code: a human coding with the suggestion's span and provenance."""
        return self.apply(suggestion.document_id, suggestion.start, suggestion.end,
                          suggestion.code_id, suggestion.polarity, suggestion.id)  # fmt: skip

    def adjust(
        self, suggestion: Coding, start: int, end: int, code_id: str | None = None
    ) -> Coding:
        return self.apply(suggestion.document_id, start, end, code_id or suggestion.code_id,
                          suggestion.polarity, suggestion.id)  # fmt: skip

    def reject(self, suggestion: Coding, reason: str = "") -> Memo:
        """A rejected suggestion is remembered as a memo on it (it stays a suggestion)."""
        note = f"rejected by {self.coder}" + (f": {reason}" if reason else "")
        return self.memo(suggestion.id, note)

    def memo(self, target_id: str, text: str) -> Memo:
        """An analytic memo on a document, segment, code or coding."""
        created = _now()
        memo = Memo(id=f"memo:{ids.digest(target_id, self.coder, text, created)}",
                    target_id=target_id, author=self.coder, text=text, created=created)  # fmt: skip
        self.store.add_memos([memo])
        return memo


def coding_table(store: GraphStore, coder: str) -> list[dict]:
    """The grounded-theory coding table: 原始语句 → 初始概念 → 范畴 → 主范畴 (→ 核心范畴), one
    row per coded quotation, following each code's parents up the hierarchy."""
    codes = {c.id: c for c in store.list_codes()}

    def chain(code_id: str) -> dict[str, str]:
        found: dict[str, str] = {}
        seen: set[str] = set()
        current = codes.get(code_id)
        while current is not None and current.id not in seen:
            seen.add(current.id)
            level = current.level or ("concept" if current.category == IN_VIVO else "")
            if level and level not in found:
                found[level] = current.label_zh or current.label_en
            current = codes.get(current.parent) if current.parent else None
        return found

    rows = []
    for c in sorted(store.codings_by_coder(coder), key=lambda c: (c.document_id, c.start)):
        levels = chain(c.code_id)
        row = {"quote": c.evidence, "document": c.document_id, "start": c.start, "end": c.end}
        rows.append({**row, **{level: levels.get(level, "") for level in LEVELS}})
    return rows


def orphaned_codings(store: GraphStore, codebook_ids: set[str]) -> list[Evidence]:
    """Manual codings whose code the (re-loaded) codebook no longer has: kept, flagged.
    Coders' own codes (in-vivo, categories) are theirs, not the codebook's."""
    found: list[Evidence] = []
    for code in store.list_codes():
        if code.id in codebook_ids or code.level or code.category == IN_VIVO:
            continue
        found += [e for e in store.evidence_for_code(code.id) if e.origin == Origin.MANUAL]
    return found


def saturation(codings: list[Coding], order: list[str]) -> list[dict]:
    """New codes per additional document in coding order: the saturation curve."""
    first_seen: dict[str, int] = {}
    position = {d: k for k, d in enumerate(order)}
    for c in codings:
        k = position.get(c.document_id)
        if k is not None and (c.code_id not in first_seen or k < first_seen[c.code_id]):
            first_seen[c.code_id] = k
    firsts = sorted(first_seen.values())
    curve = []
    for k, document in enumerate(order):
        new = bisect.bisect_right(firsts, k) - bisect.bisect_left(firsts, k)
        curve.append({"document": document, "new_codes": new,
                      "total_codes": bisect.bisect_right(firsts, k)})  # fmt: skip
    return curve


def saturated(curve: list[dict], last: int = 2) -> bool:
    """The held-out check: the last ``last`` documents added no new code."""
    return len(curve) > last and all(point["new_codes"] == 0 for point in curve[-last:])
