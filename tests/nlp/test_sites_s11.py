"""Case sites: villages keep their kind, and a type word must be a whole word (session 11)."""

from __future__ import annotations

from kgreview.nlp.cues import load_cues
from kgreview.nlp.sites import find_sites


def sites(text: str) -> dict[str, str]:
    return {s.name: s.community_type for s in find_sites(text, load_cues())}


def test_an_english_village_stays_a_village() -> None:
    assert sites("Taking C Village in Hunan as a case, we observed a mutual-aid group.") == {
        "C village": "rural"
    }


def test_a_chinese_village_is_rural_even_near_older_residents() -> None:
    assert sites("本研究以湖南省C村为个案，关注留守老人的互助养老。") == {"C村": "rural"}


def test_older_residents_do_not_make_an_old_community() -> None:
    assert sites("本研究在成都市K社区招募老年照护者组建支持小组。")["K社区"] == ""


def test_a_household_or_a_years_old_resident_is_no_old_community() -> None:
    text = "In Y community, a 67-year-old resident said every household pays the fee."
    assert sites(text) == {"Y community": ""}


def test_named_old_and_resettlement_communities_keep_their_type() -> None:
    assert sites("本研究以合肥市B社区这一老旧小区为例。")["B社区"] == "old"
    assert sites("We studied an old community, Y community, in Kunming.")["Y community"] == "old"
    assert sites("本文以安置型的南京市Q社区为个案。")["Q社区"] == "resettlement"
