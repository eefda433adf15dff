"""The eight codes of session 6: each catches sentences of our own and leaves look-alikes."""

from __future__ import annotations

import pytest

from tests.nlp.test_tagger import codes

CASES = [
    ("factor.stigma",
     ["不少家属担心被贴标签，不愿带孩子参加活动。",
      "Former prisoners faced discrimination when they joined the council."],
     ["邻里之间交往较少。"]),
    ("factor.language_barrier",
     ["部分少数民族老人听不懂普通话，议事会上很少发言。",
      "Language barriers kept migrant spouses out of the meetings."],
     ["社工用普通话主持了会议。"]),
    ("context.children",
     ["本研究以某村留守儿童关爱服务为个案。",
      "The project ran an after-school programme for migrant children."],
     ["Parents with young children had little time to attend."]),
    ("context.disability",
     ["社工为智力障碍人士家庭组建了互助小组。",
      "Wheelchair users mapped the barriers on their estate."],
     ["建议听取老年人和残障人士的意见。"]),
    ("context.disaster",
     ["灾后重建中，居民参与了安置点的规划。",
      "Volunteers organised food deliveries during the lockdown."],
     ["The emergency contact list was out of date."]),
    ("method.longitudinal",
     ["目前缺乏追踪调查数据。",
      "We followed the same 60 households in three panel survey waves."],
     ["Attendance grew over time."]),
    ("countermeasure.mediation",
     ["人民调解委员会每月接待居民来访。",
      "The social worker held mediation sessions between owners and the developer."],
     ["The mediation effect of trust was significant."]),
]  # fmt: skip


@pytest.mark.parametrize(("code", "catch", "leave"), CASES)
def test_a_new_code_catches_and_leaves(code: str, catch: list, leave: list) -> None:
    """Each new code finds its concept in fresh sentences and stays off look-alikes."""
    for sentence in catch:
        assert code in codes(sentence), sentence
    for sentence in leave:
        assert code not in codes(sentence), sentence
