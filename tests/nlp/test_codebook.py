"""The codebook is data: checked, one problem per line, and never half-applied."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from kgreview.nlp.codebook import CodebookError, check_codebook, load_codebook
from tests.test_cli import kgreview


def test_shipped_codebook_is_sound_and_large() -> None:
    codebook = load_codebook()
    assert len(codebook.codes) > 150
    families = {c.category for c in codebook.codes}
    assert families == {
        "theory",
        "role",
        "factor",
        "countermeasure",
        "method",
        "context",
        "participation_type",
    }
    forms = {f.lower() for c in codebook.codes for f, _ in c.surface_forms()}
    for literal in (
        "advantage perspective",
        "regional development model",
        "industry committee",
        "unit length",
        "public venture capital",
        "capable people",
        "优势视角",
        "地区发展模式",
        "业委会",
        "公益创投",
    ):
        assert literal in forms, literal


def broken() -> dict:
    return {
        "version": 1,
        "categories": {"theory": {"en": "Theories", "zh": "理论"}},
        "codes": [
            {
                "id": "theory.a",
                "category": "theory",
                "label": {"en": "alpha theory", "zh": "甲理论"},
                "synonyms": {"en": ["shared form"]},
            },
            {"id": "theory.a", "category": "theory", "label": {"en": "beta theory", "zh": ""}},
            {
                "id": "theory.c",
                "category": "theory",
                "label": {"en": "gamma", "zh": "丙理论"},
                "synonyms": {"en": ["Shared Form"]},
                "parent": "theory.missing",
            },
        ],
    }


def test_check_reports_each_problem_once() -> None:
    problems = check_codebook(broken())
    joined = "\n".join(problems)
    assert "theory.a: duplicate id" in joined
    assert "empty zh label" in joined
    assert "unknown parent 'theory.missing'" in joined
    assert "'Shared Form' is also claimed by theory.a" in joined
    assert len(problems) == 4


def test_schema_violations_are_reported_with_their_path() -> None:
    data = broken()
    data["codes"][0]["id"] = "Not An Id"
    problems = check_codebook(data)
    assert problems and problems[0].startswith("codes/0/id")


def test_cli_check_prints_one_line_per_problem(tmp_path: Path) -> None:
    path = tmp_path / "codebook.yaml"
    path.write_text(yaml.safe_dump(broken(), allow_unicode=True), encoding="utf-8")
    result = kgreview("codebook", "check", str(path))
    assert result.returncode == 1
    assert len(result.stderr.strip().splitlines()) == 4
    assert "Traceback" not in result.stderr


def test_broken_codebook_stops_ingest_before_any_write(tmp_path: Path) -> None:
    path = tmp_path / "codebook.yaml"
    path.write_text("codes: [unclosed", encoding="utf-8")
    store = tmp_path / "kg.db"
    result = kgreview(
        "ingest", str(Path(__file__).parent), "--store", str(store), "--codebook", str(path)
    )
    assert result.returncode == 1
    assert "not valid YAML" in result.stderr
    assert not store.exists()
    with pytest.raises(CodebookError):
        load_codebook(path)


def test_a_not_form_that_another_code_claims_is_reported() -> None:
    data = broken()
    data["codes"][0]["not_forms"] = {"en": ["shared form"]}
    problems = check_codebook(data)
    assert any("not-form 'shared form' is a form of theory.a" in p for p in problems)
