"""The ten codes of session 9: each catches sentences of our own and leaves look-alikes."""

from __future__ import annotations

import pytest

from tests.nlp.test_tagger import codes

CASES = [
    ("factor.caregiver_burden",
     ["她长期照顾卧床的婆婆，照护压力很大，很少出门参加活动。",
      "Caregiver strain kept many wives of stroke survivors away from residents' meetings."],
     ["奶奶每天接送孙子上学，很少参加社区活动。"]),
    ("countermeasure.respite_care",
     ["街道为失智老人家庭提供每月两次的喘息服务。",
      "The council funded respite care so that carers could attend the Saturday meetings."],
     ["居民在周末休息时去公园散步。"]),
    ("countermeasure.employment_support",
     ["社工站为刑满释放人员提供就业帮扶，对接了三家企业的公益岗位。",
      "The project offered job placement for young people with intellectual disabilities."],
     ["该社区居民多为灵活就业人员。"]),
    ("countermeasure.psychological_services",
     ["社工为受灾居民开展心理疏导，并设立心理咨询热线。",
      "After the fire, the centre offered counselling services to affected families."],
     ["居民的心理压力普遍较大。"]),
    ("countermeasure.staff_training",
     ["区民政局每季度组织一线社工培训，并聘请高校教师开展专业督导。",
      "The district paid for supervision of social workers in every township station."],
     ["社区为楼栋长开展了议事技能培训。", "The association trained fifty residents in first aid."]),
    ("countermeasure.interagency_cooperation",
     ["街道建立了派出所、妇联与社区的部门联动机制。",
      "Inter-agency cooperation between the clinic and the street office cut waiting times."],
     ["社区推动三社联动，引入社会组织参与服务。"]),
    ("participation_type.intergenerational",
     ["社区组织大学生志愿者与老人开展代际互动，教老人使用智能手机。",
      "The intergenerational programme paired pupils with older residents for reading."],
     ["不同年龄段居民的参与率存在差异。"]),
    ("factor.social_cohesion",
     ["疫情期间居民互帮互助，社区凝聚力明显增强。",
      "Community cohesion declined as long-term residents moved out."],
     ["居民对社区有强烈的归属感。"]),
    ("context.drug_rehabilitation",
     ["禁毒社工为社区戒毒人员提供个案服务。",
      "The study followed former drug users in community drug rehabilitation."],
     ["社区康复站为精神障碍患者提供工疗服务。"]),
    ("factor.compensation",
     ["拆迁补偿标准不一，导致安置居民对社区缺乏信任。",
      "Residents near the incinerator demanded compensation before agreeing to the plan."],
     ["志愿者参加活动没有报酬，积极性不高。"]),
]  # fmt: skip


@pytest.mark.parametrize(("code", "catch", "leave"), CASES)
def test_a_session9_code_catches_and_leaves(code: str, catch: list, leave: list) -> None:
    """Each new code finds its concept in fresh sentences and stays off look-alikes."""
    for sentence in catch:
        assert code in codes(sentence), sentence
    for sentence in leave:
        assert code not in codes(sentence), sentence


def test_minding_grandchildren_stays_family_support() -> None:
    """Childcare of grandchildren is a family duty, not the burden of caring for a dependent."""
    found = codes("奶奶每天接送孙子上学，很少参加社区活动。")
    assert "factor.family_support" in found
    assert "factor.caregiver_burden" not in found


def test_caring_duties_moved_to_caregiver_burden() -> None:
    """Caring responsibilities code the new code now, and no longer family support."""
    found = codes("Many women cited caring responsibilities as the reason they left the group.")
    assert "factor.caregiver_burden" in found
    assert "factor.family_support" not in found


def test_training_residents_is_not_staff_training() -> None:
    """Training carers builds residents' capacity; training social workers is staff training."""
    residents = codes("社工为照料者开展了沟通技能训练。")
    assert "countermeasure.staff_training" not in residents
    staff = codes("机构为新入职社工提供岗前培训。")
    assert "countermeasure.staff_training" in staff
    assert "countermeasure.capacity_training" not in staff


def test_a_lack_of_supervision_stays_a_factor() -> None:
    """缺乏专业督导 is the social-worker-capacity problem, not a training countermeasure."""
    found = codes("一线社工普遍缺乏专业督导。")
    assert "factor.social_worker_capacity" in found
    assert "countermeasure.staff_training" not in found


def test_no_pay_is_a_lack_of_incentives_not_compensation() -> None:
    """Unpaid volunteering lacks incentives; compensation is payment for a loss."""
    found = codes("Volunteers received no compensation for their time.")
    assert "factor.lack_incentives" in found
    assert "factor.compensation" not in found
