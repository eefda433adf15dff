"""A REFI-QDA codebook (``.qdc``, or the codebook inside a ``.qdpx``) as a tagging codebook:
what ``--codebook codes.qdc`` reads, so a team can tag with the codes it keeps in NVivo,
ATLAS.ti, MAXQDA or QualCoder.

The result has the shape of ``schemas/codebook.yaml`` and goes through the same checks.
Code ids are the ones ``kgreview ingest`` gives the same file (a kgreview export's metadata
restores ours; other tools' codes become ``refi:<guid>``), so auto codings and the team's
imported manual codings meet on one code. A code of ours keeps everything the default
codebook says about it (synonyms, ambiguous forms, context rules); another tool's code is
matched by its name, plus any synonyms its description lists on a line of its own:
``synonyms: 增权; 赋权; empowering`` (also ``同义词：``).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from kgreview.export.refi_common import labels_from_name
from kgreview.ingest import ReaderError
from kgreview.ingest.refi_qda import _Mapping
from kgreview.ingest.refi_read import load

QDA_CATEGORY = "qda"
QDA_CATEGORY_LABELS = {"en": "codes from a QDA project", "zh": "QDA 项目编码"}
_SYNONYM_LINE = re.compile(r"^\s*(?:synonyms?|同义词|近义词)\s*[:：]\s*(.+)$", re.I | re.M)
_CJK = re.compile(r"[\u3400-\u9fff]")
MAX_CODEBOOK_BYTES = 50 * 1024 * 1024


def _synonyms(description: str) -> dict[str, list[str]]:
    forms: dict[str, list[str]] = {"en": [], "zh": []}
    for line in _SYNONYM_LINE.findall(description or ""):
        for form in re.split(r"[;；,，、]", line):
            form = form.strip()
            if form:
                lang = "zh" if _CJK.search(form) else "en"
                if lang == "en" or len(form) >= 2:
                    forms[lang].append(form)
    return forms


def qdc_codebook_data(path: Path, ours: dict[str, Any]) -> dict[str, Any]:
    """The codebook in ``path`` as codebook.yaml data; ``ours`` is the default codebook's
    parsed data (entries for codes whose ids it knows). Raises ReaderError for a refused file."""
    project = load(path, MAX_CODEBOOK_BYTES)
    if not project.codes:
        raise ReaderError("no codes in this REFI-QDA file", line=1)
    mapping = _Mapping(project, {})
    known = {c["id"]: c for c in ours.get("codes", [])}
    categories = dict(ours.get("categories", {}))
    codes = []
    for code in mapping.codes(project):
        if code.id in known:
            entry = dict(known[code.id])
            entry["parent"] = code.parent if code.parent in mapping.code.values() else None
            codes.append(entry)
            continue
        category = code.category
        if category not in categories:  # another tool's codes, or a coder's open codes
            labels = QDA_CATEGORY_LABELS if category == QDA_CATEGORY else None
            categories[category] = labels or {"en": category, "zh": category}
        name_en, name_zh = labels_from_name(code.label_en or code.label_zh)
        codes.append({
            "id": code.id, "category": category,
            # One name in one script: it serves as both labels (the tagger reads its script).
            "label": {"en": code.label_en or name_en or name_zh,
                      "zh": code.label_zh or name_zh or name_en},
            "synonyms": _synonyms(code.description),
            "parent": code.parent, "description": code.description or None,
        })  # fmt: skip
    # Codes of ours in the default codebook's order (the tagger weighs ties by it), then the rest.
    rank = {cid: n for n, cid in enumerate(known)}
    codes.sort(key=lambda c: rank.get(c["id"], len(rank)))
    return {"version": 1, "categories": categories, "codes": codes}


def is_refi_codebook(path: Path) -> bool:
    """A ``.qdc``, ``.qdpx`` or ``.qde`` file (by name, as ``ingest`` tells them apart)."""
    return path.suffix.lower() in {".qdc", ".qdpx", ".qde"}
