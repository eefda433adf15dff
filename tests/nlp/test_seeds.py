"""The five real seeds (read by path from ../shared/seeds) tag as a reviewer would expect."""

from __future__ import annotations

from functools import cache

import pytest

from kgreview.pipeline import build_bundle, read_documents
from kgreview.tagging import load_tagger
from tests.conftest import SHARED

SEEDS = SHARED / "seeds"


@cache
def tagged(prefix: str):
    path = next(SEEDS.glob(f"{prefix}_*.txt"))
    (document,) = read_documents(path, path.read_bytes())
    return build_bundle(document, load_tagger().tag)


def polarities(prefix: str, code: str) -> set[str]:
    return {c.polarity for c in tagged(prefix).codings if c.code_id == code}


def test_review_004_gaps_and_mentions() -> None:
    assert polarities("004", "theory.social_learning") == {"gap"}
    assert "gap" in polarities("004", "context.mixed")
    for theory in ("theory.strengths", "theory.synergetics", "theory.structural_functionalism"):
        assert polarities("004", theory) == {"mentions"}, theory


def test_004_lack_of_norms_is_a_factor_not_a_gap() -> None:
    assert "gap" not in polarities("004", "factor.missing_norms")
    assert polarities("004", "factor.missing_norms")


def test_001_uses_empowerment_theory_and_its_stage_activities() -> None:
    assert polarities("001", "theory.empowerment") == {"uses"}
    interventions = {
        c.code_id
        for c in tagged("001").codings
        if c.code_id.startswith("countermeasure.") and c.polarity == "uses"
    }
    assert {
        "countermeasure.online_channels",
        "countermeasure.building_leader",
        "countermeasure.community_education",
        "countermeasure.backbones",
    } <= interventions


@pytest.mark.parametrize(
    ("prefix", "site", "city"),
    [
        ("000", "Y community", ""),
        ("001", "B community", ""),
        ("002", "Q community", ""),
        ("003", "J community", "Kunming"),
    ],
)
def test_case_sites_are_found(prefix: str, site: str, city: str) -> None:
    sites = {s.name: s for s in tagged(prefix).sites}
    assert site in sites
    assert sites[site].city == city


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_every_span_is_exact(prefix: str) -> None:
    bundle = tagged(prefix)
    text = bundle.document.text
    assert bundle.codings
    for coding in bundle.codings:
        assert text[coding.start : coding.end] == coding.evidence
        segment = next(s for s in bundle.segments if s.id == coding.segment_id)
        assert segment.start <= coding.start < coding.end <= segment.end


def test_seed_boilerplate_does_not_reach_the_stored_text() -> None:
    text = tagged("001").document.text
    assert "Font Size" not in text and "Posted on" not in text
    assert tagged("001").document.year == 2022
    assert not tagged("000").document.text.startswith("|")
