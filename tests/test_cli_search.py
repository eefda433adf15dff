"""``kgreview search`` as users run it: JSON lines on stdout, filters, one-line errors."""

from __future__ import annotations

import json

import pytest

from tests.test_cli import CORPUS, kgreview


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> str:
    path = str(tmp_path_factory.mktemp("search") / "kg.db")
    assert kgreview("ingest", str(CORPUS), "--store", path).returncode == 0
    return path


def _hits(*args: str) -> list[dict]:
    result = kgreview("search", *args, "--json")
    assert result.returncode == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_json_lines_carry_sentence_document_and_codes(store: str) -> None:
    hits = _hits("增能", "--store", store)
    assert hits and all("增能" in h["sentence"] for h in hits)
    first = hits[0]
    assert set(first) >= {"document", "title", "year", "sentence", "matches", "codes", "speaker"}
    start, end = first["matches"][0]
    assert first["sentence"][start:end] == "增能"
    assert any(c["code"] == "theory.empowerment" for h in hits for c in h["codes"])


def test_code_filter_accepts_a_label_and_limit_pages(store: str) -> None:
    every = _hits("社区", "--store", store, "--limit", "1000")
    coded = _hits("社区", "--store", store, "--code", "增能理论", "--limit", "1000")
    assert 0 < len(coded) < len(every)
    assert all(any(c["code"] == "theory.empowerment" for c in h["codes"]) for h in coded)
    assert _hits("社区", "--store", store, "--limit", "2", "--offset", "1") == every[1:3]


def test_bad_input_is_one_line(store: str) -> None:
    for args in (
        ("",),
        ("x", "--polarity", "bad"),
        ("x", "--limit", "0"),
        ("x", "--code", "无此编码"),
    ):
        result = kgreview("search", *args, "--store", store)
        assert result.returncode == 1
        assert "Traceback" not in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr
