"""Re-tag only what a codebook edit can change.

A tag key names the codebook, cue lists, review cues and tagger version a document was
tagged with. Each setup used for a store is kept (content-addressed by its tag key, so one
copy serves every store) in the user's cache folder. On ``kgreview retag`` the old setup is
compared with the new one: when only codebook *terms* changed (labels, synonyms, ambiguous
forms of some codes — never cues, review cues, categories, parents, ``otherwise`` or
``requires_context`` rules, nor the tagger), a document in which no term of a changed code
(old or new, with the matcher's variants) occurs in the normalised text would be tagged
exactly as before: it keeps its auto codings and only gets the new tag key. Everything else,
or a setup that was never kept, means re-tagging every stale document.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

import ahocorasick_rs
import platformdirs

from kgreview.model import Document
from kgreview.nlp.attributions import load_review_cues
from kgreview.nlp.codebook import CodebookError, CodeEntry, load_codebook
from kgreview.nlp.normalize import normalise
from kgreview.nlp.tagger import TAGGER_VERSION, Tagger

RULE_FIELDS = ("category", "parent", "otherwise", "requires_context", "heads")
TERM_FIELDS = ("label_en", "label_zh", "synonyms_en", "synonyms_zh", "ambiguous_en",
               "ambiguous_zh", "not_forms")  # fmt: skip


def setups_dir() -> Path:
    """Where kept tagger setups live (``KGREVIEW_CACHE_DIR`` overrides the user cache)."""
    base = os.environ.get("KGREVIEW_CACHE_DIR") or platformdirs.user_cache_dir("kgreview")
    return Path(base) / "tag-setups"


def _setup(tagger: Tagger) -> dict[str, str]:
    return {"cues": tagger.cues.digest, "review": load_review_cues().digest,
            "frames": tagger.framed.frames.digest, "version": TAGGER_VERSION}  # fmt: skip


def keep_setup(tagger: Tagger) -> Path | None:
    """Keep the codebook and digests behind ``tagger.key`` (once); None when the codebook
    file changed since the tagger read it (then nothing trustworthy can be kept)."""
    folder = setups_dir() / tagger.key
    if (folder / "setup.json").exists():
        return folder
    try:
        raw = Path(tagger.codebook.source).read_bytes()
    except OSError:
        return None
    from kgreview import ids

    if ids.file_hash(raw) != tagger.codebook.digest:
        return None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "codebook.yaml").write_bytes(raw)
        (folder / "setup.json").write_text(json.dumps(_setup(tagger)), encoding="utf-8")
    except OSError:
        return None  # a read-only cache only costs a full re-tag later
    return folder


@dataclass(frozen=True, slots=True)
class RetagPlan:
    """What a change from one tag key to another needs: ``full`` re-tags every document;
    otherwise only documents where ``terms`` occur (``changed``: the codes whose terms
    changed)."""

    full: bool
    reason: str
    changed: frozenset[str] = frozenset()
    terms: tuple[str, ...] = ()

    def affects(self, document: Document, automaton: ahocorasick_rs.AhoCorasick | None) -> bool:
        """Whether ``document`` must be tagged again under this plan."""
        if self.full:
            return True
        if automaton is None:
            return False
        view = normalise(document.text).text
        title = normalise(document.title).text
        return bool(automaton.find_matches_as_indexes(view + "\n" + title, overlapping=True))

    def automaton(self) -> ahocorasick_rs.AhoCorasick | None:
        """One bare Aho–Corasick automaton over the changed terms."""
        return ahocorasick_rs.AhoCorasick(list(self.terms)) if self.terms else None


def plan_retag(old_key: str, tagger: Tagger) -> RetagPlan:
    """How documents tagged under ``old_key`` must be brought to ``tagger``'s setup."""
    folder = setups_dir() / old_key
    try:
        setup = json.loads((folder / "setup.json").read_text(encoding="utf-8"))
        old_book = load_codebook(folder / "codebook.yaml")
    except (OSError, ValueError, CodebookError):
        return RetagPlan(True, "the previous codebook was not kept")
    if setup != _setup(tagger):
        return RetagPlan(True, "cue lists, review cues, frames or the tagger changed")
    if old_book.categories != tagger.codebook.categories:
        return RetagPlan(True, "the categories changed")
    old, new = old_book.by_id(), tagger.codebook.by_id()
    changed: set[str] = set()
    for code in old.keys() | new.keys():
        before, after = old.get(code), new.get(code)
        if before is None or after is None:
            changed.add(code)
        elif _fields(before, RULE_FIELDS) != _fields(after, RULE_FIELDS):
            return RetagPlan(True, f"the rules of {code} changed")
        elif _fields(before, TERM_FIELDS) != _fields(after, TERM_FIELDS):
            changed.add(code)
    targets = {e.otherwise for e in [*old.values(), *new.values()] if e.otherwise}
    if changed & targets:
        return RetagPlan(True, "a code that ambiguous terms fall back to was added or removed")
    # Exactly the surface forms (with the matcher's variants) whose owner, language or
    # ambiguity differs: where none occurs, the matcher finds the same forms as before.
    before, after = _forms(Tagger(old_book, tagger.cues)), _forms(tagger)
    terms = {p for p in before.keys() | after.keys() if before.get(p) != after.get(p)}
    return RetagPlan(False, f"terms of {len(changed)} codes changed", frozenset(changed),
                     tuple(sorted(terms)))  # fmt: skip


def _forms(tagger: Tagger) -> dict:
    """What each searchable term means to the matcher: its literal form and, for the weak
    matches, what a gapped or 的-joined form's head and a coordinated modifier lead to."""
    literal = tagger.forms[: len(tagger.patterns)]
    forms: dict[str, tuple] = {p: (f,) for p, f in zip(tagger.patterns, literal, strict=True)}
    weak: dict[str, set[tuple[str, str, str]]] = {}
    for (head, tail, joiner), code in zip(tagger.gapped.parts, tagger.gapped.codes, strict=True):
        weak.setdefault(head, set()).add((tail, joiner, code))
    for mod, code in tagger.coordination.modifiers():
        weak.setdefault(mod, set()).add(("", "", code))
    for term, meaning in weak.items():
        forms[term] = (*forms.get(term, ()), frozenset(meaning))
    return forms


def _fields(entry: CodeEntry, names: tuple[str, ...]) -> tuple:
    return tuple(getattr(entry, name) for name in names)


def split_stale(
    stale: list[Document], tagger: Tagger
) -> tuple[list[Document], list[Document], list[str]]:
    """(documents to tag again, documents whose auto codings stay current, one reason per
    old tag key) for ``stale`` documents tagged under older setups."""
    by_key: dict[str, list[Document]] = {}
    for document in stale:
        by_key.setdefault(document.tag_key or "", []).append(document)
    todo: list[Document] = []
    keep: list[Document] = []
    reasons = []
    for key, documents in by_key.items():
        plan = plan_retag(key, tagger) if key else RetagPlan(True, "never tagged")
        reasons.append(plan.reason)
        automaton = plan.automaton()
        for document in documents:
            (todo if plan.affects(document, automaton) else keep).append(document)
    return todo, keep, reasons
