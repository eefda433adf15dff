"""graph.yaml, the model and the code that uses them stay in step."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from kgreview import model
from kgreview.store.schema import SCHEMA, SchemaError, parse_schema

REPO = Path(__file__).resolve().parents[1]


def test_every_label_has_a_dataclass_with_the_declared_properties() -> None:
    for label, spec in SCHEMA.nodes.items():
        if spec.bookkeeping:
            continue
        cls = getattr(model, label)
        assert {f.name for f in dataclasses.fields(cls)} == set(spec.properties), label


def test_dataclasses_are_frozen() -> None:
    doc = model.Document(id="d", title="t", text="x")
    with pytest.raises(dataclasses.FrozenInstanceError):
        doc.title = "changed"  # type: ignore[misc]


def test_schema_rejects_non_identifiers_and_unknown_labels() -> None:
    with pytest.raises(SchemaError):
        parse_schema({"nodes": {"Bad Label": {"properties": {"id": "str"}}}})
    with pytest.raises(SchemaError):
        parse_schema(
            {
                "nodes": {"A": {"properties": {"id": "str"}}},
                "relationships": {"R": {"from": "A", "to": "B"}},
            }
        )


def test_no_label_string_outside_schema_and_queries_only_in_store() -> None:
    labels = "|".join(sorted(SCHEMA.nodes) + sorted(SCHEMA.relationships))
    quoted = re.compile(rf"[\"'`:]({labels})\b[\"'`]")
    query = re.compile(r"\b(MATCH|MERGE|UNWIND)\b.*\(|\bSELECT\b.+\bFROM\b|\bINSERT INTO\b")
    for path in (REPO / "kgreview").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        # UI string tables hold display words ("Memo", "Coder"), never graph labels.
        ui_strings = path.parent.name == "app" and (
            path.name.startswith("i18n") or path.name.endswith("_labels.py")
        )
        assert ui_strings or not quoted.search(text), f"{path}: label or type written as a string"
        if "store" not in path.parts:
            assert not query.search(text), f"{path}: query text outside store/"
