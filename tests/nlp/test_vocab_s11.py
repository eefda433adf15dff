"""Vocabulary decided in session 11, each on sentences of our own."""

from __future__ import annotations

import pytest

from kgreview.model import Document
from kgreview.pipeline import build_bundle
from kgreview.tagging import load_tagger


def codings(text: str, title: str = "A study") -> set[tuple[str, str]]:
    bundle = build_bundle(Document(id="doc:v11", title=title, text=text), load_tagger().tag)
    return {(c.code_id, c.polarity) for c in bundle.codings}


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("田野笔记（2024年5月3日，成都市K社区）", "上午随社工入户走访三户独居老人。"),
        ("Field notes: a tenants' meeting in Block 4", "About thirty tenants came to the meeting."),
    ],
)
def test_a_field_notes_title_is_the_writers_own_fieldwork(title: str, text: str) -> None:
    assert ("method.field_research", "uses") in codings(f"{title}\n\n{text}", title)


def test_field_notes_kept_by_others_are_reported() -> None:
    found = codings("王某（2020）的田野笔记记录了居民议事会的运作。")
    assert ("method.field_research", "mentions") in found
    assert ("method.field_research", "uses") not in found


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # literal English renderings of 农村劳动力 / 农村老人 / 留守老人
        ("Young rural labour has moved to the coastal cities.", "context.rural"),
        ("The project served rural elderly in two townships.", "context.rural"),
        ("The elderly left behind in the village raise grandchildren.", "context.hollow_village"),
    ],
)
def test_english_renderings_of_rural_settings(text: str, code: str) -> None:
    assert code in {c for c, _ in codings(text)}


def test_rural_migrants_in_a_city_are_not_a_rural_setting() -> None:
    assert "context.rural" not in {c for c, _ in codings("Rural migrants in Shenzhen rarely vote.")}


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # words a social-work code shares with other fields (real exports mix fields)
        ("A multiaxial fatigue model predicts the life of welded steel.", "factor.burnout"),
        ("The efficacy of the group intervention was tested in two wards.", "factor.efficacy"),
        ("The education bureau funded the after-school project.", "factor.education"),
    ],
)
def test_a_shared_word_in_another_sense_is_not_coded(text: str, code: str) -> None:
    assert code not in {c for c, _ in codings(text)}


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Volunteers reported fatigue after the third month.", "factor.burnout"),
        ("Residents' sense of efficacy grew over the project.", "factor.efficacy"),
        ("Education had no significant effect on participation.", "factor.education"),
        (
            "We ran food safety education programmes for volunteers.",
            "countermeasure.community_education",
        ),
    ],
)
def test_the_social_work_sense_is_still_coded(text: str, code: str) -> None:
    assert code in {c for c, _ in codings(text)}
