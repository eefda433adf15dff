"""The bilingual codebook: load ``schemas/codebook.yaml`` (or a user's file), check it, and
turn it into the surface forms the tagger matches.

``check_codebook`` reports every problem as one line (schema violations, duplicate ids, a
surface form claimed by two codes, unknown parents, empty labels); ``load_codebook`` refuses
a codebook with problems, so a broken file never half-retags a store.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from kgreview import ids
from kgreview.config import schemas_dir
from kgreview.model import Code
from kgreview.nlp.frames import FramesError, heads_problems, load_frames
from kgreview.nlp.normalize import normalise

_CJK = re.compile(r"[\u3400-\u9fff]")


class CodebookError(ValueError):
    """The codebook has problems; ``problems`` lists them, one line each."""

    def __init__(self, source: str, problems: list[str]) -> None:
        super().__init__(f"{source}: {len(problems)} problem(s): " + "; ".join(problems[:5]))
        self.problems = problems


@dataclass(frozen=True, slots=True)
class CodeEntry:
    id: str
    category: str
    label_en: str
    label_zh: str
    synonyms_en: tuple[str, ...]
    synonyms_zh: tuple[str, ...]
    parent: str | None
    description: str
    ambiguous_en: tuple[str, ...] = ()
    ambiguous_zh: tuple[str, ...] = ()
    otherwise: str | None = None
    requires_context: tuple[str, ...] = ()
    not_forms: tuple[str, ...] = ()  # longer phrases holding a form but naming something else
    heads: tuple[tuple[str, str, str], ...] = ()  # (frame, lang, head): kgreview.nlp.frames

    def surface_forms(self) -> list[tuple[str, str]]:
        """(form, lang) for the label and every synonym. A label's lang is its script: a code
        from another QDA tool has one name, which serves as both labels."""
        forms = [(label, "zh" if _CJK.search(label) else "en")
                 for label in (self.label_en, self.label_zh)]  # fmt: skip
        forms += [(s, "en") for s in self.synonyms_en] + [(s, "zh") for s in self.synonyms_zh]
        return [(f, lang) for f, lang in forms if f and f.strip()]


@dataclass(frozen=True, slots=True)
class Codebook:
    source: str
    digest: str
    categories: dict[str, tuple[str, str]]
    codes: tuple[CodeEntry, ...]

    def by_id(self) -> dict[str, CodeEntry]:
        return {c.id: c for c in self.codes}

    def to_codes(self) -> list[Code]:
        return [
            Code(c.id, c.category, c.label_en, c.label_zh, c.parent, c.description)
            for c in self.codes
        ]


def default_codebook_path() -> Path:
    return schemas_dir() / "codebook.yaml"


@cache
def _json_schema() -> dict[str, Any]:
    return json.loads((schemas_dir() / "codebook.schema.json").read_text(encoding="utf-8"))


def _key(form: str) -> str:
    return " ".join(normalise(form).text.split())


def check_codebook(data: Any) -> list[str]:
    """Every problem in a parsed codebook, one line each (empty when it is sound)."""
    validator = jsonschema.Draft202012Validator(_json_schema())
    problems = [
        f"{'/'.join(str(p) for p in error.absolute_path) or '(top)'}: {error.message}"
        for error in sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path))
    ]
    if problems:
        return problems
    codes = data["codes"]
    seen_ids: set[str] = set()
    owner: dict[str, str] = {}
    by_id = {c["id"]: c for c in codes}
    for code in codes:
        cid = code["id"]
        if cid in seen_ids:
            problems.append(f"{cid}: duplicate id")
        seen_ids.add(cid)
        if code["category"] not in data["categories"]:
            problems.append(f"{cid}: unknown category {code['category']!r}")
        for lang in ("en", "zh"):
            if not str(code["label"].get(lang, "")).strip():
                problems.append(f"{cid}: empty {lang} label")
        parent = code.get("parent")
        if parent and parent not in by_id:
            problems.append(f"{cid}: unknown parent {parent!r}")
        other = code.get("otherwise")
        if other and other not in by_id:
            problems.append(f"{cid}: unknown 'otherwise' code {other!r}")
        forms = [code["label"].get("en", ""), code["label"].get("zh", "")]
        for field in ("synonyms", "ambiguous"):
            for lang in ("en", "zh"):
                forms += (code.get(field) or {}).get(lang) or []
        for form in forms:
            if not str(form).strip():
                continue
            key = _key(str(form))
            if key in owner and owner[key] != cid:
                problems.append(f"{cid}: synonym {form!r} is also claimed by {owner[key]}")
            owner.setdefault(key, cid)
    for code in codes:  # a not-form another code claims would silently drop that code
        for lang in ("en", "zh"):
            for form in (code.get("not_forms") or {}).get(lang) or []:
                if _key(str(form)) in owner:
                    claimed = owner[_key(str(form))]
                    problems.append(f"{code['id']}: not-form {form!r} is a form of {claimed}")
    try:
        return problems + heads_problems(codes, load_frames())
    except FramesError as exc:
        return problems + exc.problems


def _entry(code: dict[str, Any]) -> CodeEntry:
    syn = code.get("synonyms") or {}
    amb = code.get("ambiguous") or {}
    ctx = code.get("requires_context") or {}
    nots = code.get("not_forms") or {}
    return CodeEntry(
        id=code["id"], category=code["category"],
        label_en=code["label"]["en"].strip(), label_zh=code["label"]["zh"].strip(),
        synonyms_en=tuple(syn.get("en") or ()), synonyms_zh=tuple(syn.get("zh") or ()),
        parent=code.get("parent") or None, description=(code.get("description") or "").strip(),
        ambiguous_en=tuple(amb.get("en") or ()), ambiguous_zh=tuple(amb.get("zh") or ()),
        otherwise=code.get("otherwise") or None,
        requires_context=tuple((ctx.get("en") or []) + (ctx.get("zh") or [])),
        not_forms=tuple((nots.get("en") or []) + (nots.get("zh") or [])),
        heads=tuple(sorted((frame, lang, h) for frame, langs in (code.get("heads") or {}).items()
                           for lang in ("zh", "en") for h in (langs or {}).get(lang) or ())),
    )  # fmt: skip


def parse_codebook_file(path: Path) -> Any:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise CodebookError(str(path), [f"cannot read: {exc}"]) from exc
    except yaml.YAMLError as exc:
        raise CodebookError(str(path), [f"not valid YAML: {' '.join(str(exc).split())}"]) from exc


def codebook_data(path: Path) -> tuple[Any, str]:
    """A codebook file (YAML, or a REFI-QDA ``.qdc``/``.qdpx``) as unchecked codebook data,
    and the digest of what it was made from. Raises CodebookError when it cannot be read."""
    from kgreview.ingest import ReaderError
    from kgreview.ingest.refi_codebook import is_refi_codebook, qdc_codebook_data

    raw = path.read_bytes() if path.is_file() else b""
    if not raw:
        raise CodebookError(str(path), ["file not found or empty"])
    if not is_refi_codebook(path):
        return parse_codebook_file(path), ids.file_hash(raw)
    # Codes of ours keep the default codebook's entries: its edits re-tag too.
    ours = default_codebook_path()
    try:
        data = qdc_codebook_data(path, parse_codebook_file(ours))
    except ReaderError as exc:
        raise CodebookError(str(path), [str(exc)]) from exc
    return data, ids.digest(ids.file_hash(raw), ids.file_hash(ours.read_bytes()))


def load_codebook(path: str | Path | None = None) -> Codebook:
    """Load and check a codebook (YAML, or a REFI-QDA ``.qdc``/``.qdpx``); raise
    :class:`CodebookError` listing every problem."""
    path = Path(path) if path else default_codebook_path()
    data, digest = codebook_data(path)
    problems = check_codebook(data)
    if problems:
        raise CodebookError(str(path), problems)
    categories = {k: (v.get("en", k), v.get("zh", k)) for k, v in data["categories"].items()}
    return Codebook(
        source=str(path), digest=digest, categories=categories,
        codes=tuple(_entry(c) for c in data["codes"]),
    )  # fmt: skip
