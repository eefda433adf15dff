"""Causes found in session 11 by tagging English texts of one genre each, on our own sentences."""

from __future__ import annotations

import pytest

from kgreview.model import Document
from kgreview.pipeline import build_bundle
from kgreview.tagging import load_tagger


def codings_of(text: str) -> list[tuple[str, str, str]]:
    bundle = build_bundle(Document(id="doc:g11", title="A study", text=text), load_tagger().tag)
    return [(c.code_id, c.polarity, text[c.start : c.end]) for c in bundle.codings]


def polarity_of(text: str, code: str) -> set[str]:
    return {p for c, p, _ in codings_of(text) if c == code}


def tag_file(tmp_path, text: str, name: str = "pasted.txt") -> list[tuple[str, str]]:
    """Codings of a file, read as `kgreview tag` reads it."""
    from kgreview.pipeline import read_documents

    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    (document,) = read_documents(path, path.read_bytes())
    bundle = build_bundle(document, load_tagger().tag)
    return [(c.code_id, c.polarity) for c in bundle.codings]


@pytest.mark.parametrize(
    "text",
    [
        "We held three focus groups with carers and interviews with eight ward nurses.",
        "Individual interviews with staff as well as focus groups with tenants were held.",
    ],
)
def test_interviews_listed_beside_focus_groups_are_a_method_of_their_own(text: str) -> None:
    codes = {(c, e.lower()) for c, _, e in codings_of(text)}
    assert ("method.interview", "interviews") in codes
    assert ("method.focus_group", "focus groups") in codes


def test_the_interviews_of_a_focus_group_study_still_fold() -> None:
    text = "We ran four focus groups with volunteers. The interviews lasted about ninety minutes."
    assert not polarity_of(text, "method.interview")


@pytest.mark.parametrize(
    "text",
    [
        "The sample consisted of rural older people in northern Finland.",
        "Data were gathered in three rural counties of Oregon.",
        "Home care is thin in small rural municipalities.",
    ],
)
def test_a_rural_population_or_district_is_the_rural_context(text: str) -> None:
    assert polarity_of(text, "context.rural")


def test_a_rural_origin_of_migrants_is_no_rural_context() -> None:
    assert not polarity_of("Rural-urban migrants rent rooms near the factory.", "context.rural")


def test_a_keywords_line_stays_in_the_text_and_is_lifted(tmp_path) -> None:
    from kgreview.pipeline import read_documents

    text = (
        "Mutual aid among renters\n\nAbstract: We studied a renters' association.\n\n"
        "Keywords: participatory action research; mutual aid\n\nIntroduction\n\nIt met monthly.\n"
    )
    path = tmp_path / "paper.txt"
    path.write_text(text, encoding="utf-8")
    (document,) = read_documents(path, path.read_bytes())
    assert document.meta["keywords"] == ["participatory action research", "mutual aid"]
    assert "Keywords: participatory action research" in document.text
    assert ("method.participatory_action_research", "uses") in tag_file(tmp_path, text)


def test_a_glued_metadata_block_is_still_removed(tmp_path) -> None:
    from kgreview.pipeline import read_documents

    page = "Renters Organising\n\nPosted on:2020-03-01Degree:MasterType:Thesis\n\nIt met monthly.\n"
    path = tmp_path / "page.txt"
    path.write_text(page, encoding="utf-8")
    (document,) = read_documents(path, path.read_bytes())
    assert "Posted on" not in document.text and document.year == 2020


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        # an effect placed in one group and not the other: the group is still the design's
        ("Wellbeing rose in the treatment group but not in the control group.", "uses"),
        ("Not only the control group but also the parents were surveyed.", "uses"),
        # a method denied beside another stays negated
        ("We compared outcomes with a survey but not a control group.", "negated"),
    ],
)
def test_not_placing_an_effect_denies_no_design(text: str, wanted: str) -> None:
    assert polarity_of(text, "method.quasi_experiment") == {wanted}


@pytest.mark.parametrize(
    "text",
    [
        "As households were not randomly allocated, selection bias cannot be ruled out.",
        "Participants were not randomly assigned to the two arms.",
    ],
)
def test_a_design_without_randomisation_is_the_study_limitation(text: str) -> None:
    assert polarity_of(text, "method.rct") == {"limitation"}


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Of the eligible papers, none examined older migrants.", "context.migrant"),
        ("None of the reviewed studies addressed rural areas.", "context.rural"),
        ("Only two of the included studies took place in rural areas.", "context.rural"),
        ("Earlier research did not examine trust between tenants.", "factor.trust"),
        ("Controlled trials of time banks remain rare.", "countermeasure.time_bank"),
    ],
)
def test_what_a_review_counts_as_missing_is_a_gap(text: str, code: str) -> None:
    assert polarity_of(text, code) == {"gap"}


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("None of the tenants joined the time bank.", "countermeasure.time_bank"),
        ("Many tenants knew the scheme; none used the time bank.", "countermeasure.time_bank"),
        ("The survey did not measure trust.", "factor.trust"),
    ],
)
def test_residents_or_the_study_own_survey_missing_is_no_gap(text: str, code: str) -> None:
    assert "gap" not in polarity_of(text, code)


def test_what_reviewed_studies_report_lacking_is_their_finding() -> None:
    text = "The included studies reported that poor transport and carer burden kept carers away."
    assert polarity_of(text, "factor.caregiver_burden") == {"mentions"}
    # respondents reporting in the study's own results: the study's interpretation follows
    own = "Carers reported that meetings clashed with care, which points to carer burden."
    assert polarity_of(own, "factor.caregiver_burden") == {"uses"}


@pytest.mark.parametrize(
    "text",
    ["This systematic review pools trials of befriending.", "Our scoping review charts the field."],
)
def test_the_review_naming_itself_is_its_own_method(text: str) -> None:
    assert polarity_of(text, "method.literature") == {"uses"}


def test_a_review_document_naming_itself_uses_its_method(tmp_path) -> None:
    text = (
        "Befriending older tenants: a scoping review\n\n"
        "This scoping review charts how befriending has been evaluated. Of the included "
        "studies, seven used surveys and two used focus groups.\n"
    )
    codings = tag_file(tmp_path, text)
    assert ("method.literature", "uses") in codings
    assert ("method.questionnaire", "mentions") in codings


def test_a_design_of_earlier_work_set_against_the_study_is_theirs() -> None:
    text = "Unlike prior studies that used one-off surveys, we interviewed carers twice."
    assert polarity_of(text, "method.cross_sectional") == {"mentions"}
    own = "We used one-off surveys, unlike prior studies."
    assert polarity_of(own, "method.cross_sectional") == {"uses"}


def test_a_proposed_comparison_is_the_comparative_method() -> None:
    text = "Later work should compare estates with high and low turnover."
    assert polarity_of(text, "method.comparative") == {"recommends"}
    assert not polarity_of("Tenants compare rents online.", "method.comparative")


TRANSCRIPT = (
    "Interview transcript: tenants and the lunch club\n"
    "Date: 3 May 2025\n\n"
    "[00:00:10] Interviewer: How did you hear about the lunch club?\n"
    "[00:00:25] P7 (male, 74): A neighbour told me. I live alone since my wife passed.\n"
    "[00:01:02] Interviewer: Do you go to the residents' meetings?\n"
    "[00:01:15] P7 (male, 74): No. The council had already decided everything before we came.\n"
    "[00:02:40] Interviewer: Anything else?\n"
    "[00:02:51] P7 (male, 74): Not everyone has a smartphone, so send letters.\n"
)


def test_a_speaker_label_with_particulars_opens_a_turn(tmp_path) -> None:
    from kgreview.pipeline import read_documents

    path = tmp_path / "t.txt"
    path.write_text(TRANSCRIPT, encoding="utf-8")
    (document,) = read_documents(path, path.read_bytes())
    assert document.doc_type == "transcript"
    speakers = [turn[2] for turn in document.meta["turns"]]
    assert speakers == ["Interviewer", "P7"] * 3
    assert document.meta["turns"][1][3] == "00:00:25"
    (p7,) = [p for p in document.meta["participants"] if p["label"] == "P7"]
    assert p7["attributes"]["gender"] == "male" and p7["attributes"]["age"] == 74
    codings = tag_file(tmp_path, TRANSCRIPT, "t2.txt")
    assert ("method.interview", "uses") in codings  # the title: the researcher's own words
    assert ("method.interview", "mentions") not in codings


def test_a_timestamp_in_parentheses_is_still_no_particulars(tmp_path) -> None:
    from kgreview.pipeline import read_documents

    text = "".join(
        f"R2 (0:{10 + n}): answer number {n}.\nInterviewer: question {n}?\n" for n in range(3)
    )
    path = tmp_path / "t.txt"
    path.write_text(text, encoding="utf-8")
    (document,) = read_documents(path, path.read_bytes())
    assert [t[2] for t in document.meta["turns"]][:2] == ["R2", "Interviewer"]
    assert document.meta["turns"][0][3] == "00:00:10"


@pytest.mark.parametrize(
    "text",
    ["Not everyone owns a smartphone.", "Many older tenants do not have the internet."],
)
def test_not_owning_a_device_is_the_digital_divide(text: str) -> None:
    assert polarity_of(text, "factor.digital_divide")


def test_a_respondent_without_a_smartphone_is_reported(tmp_path) -> None:
    assert ("factor.digital_divide", "mentions") in tag_file(tmp_path, TRANSCRIPT)


def test_having_no_phone_number_is_no_digital_divide() -> None:
    assert not polarity_of("We have no phone number for the chair.", "factor.digital_divide")


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # technical senses in computing, biology and food science exports
        ("Its joint network training scheme locates the tags.", "countermeasure.capacity_training"),
        ("SEM images showed cracks in the shell.", "method.sem"),
        ("Heterogeneity between studies was large.", "factor.heterogeneity"),
        ("The chip uses frequency offset compensation.", "factor.compensation"),
        ("We tested the efficacy of the vaccine.", "factor.efficacy"),
        ("A positive feedback loop between the two proteins drives growth.",
         "countermeasure.feedback"),
        ("The drones carry agricultural sensors over the farm.", "context.rural"),
        ("The course improves wheelchair education for therapists.", "factor.education"),
    ],
)  # fmt: skip
def test_a_technical_sense_of_another_field_is_no_code(text: str, code: str) -> None:
    assert not polarity_of(text, code)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Volunteers received training in chairing meetings.", "countermeasure.capacity_training"),
        ("We fitted an SEM of trust and participation.", "method.sem"),
        ("The heterogeneity of residents made consensus hard.", "factor.heterogeneity"),
        ("Households disputed the relocation compensation.", "factor.compensation"),
        ("Political efficacy predicted voting in the committee election.", "factor.efficacy"),
        ("Less educated tenants seldom spoke at meetings.", "factor.education"),
    ],
)  # fmt: skip
def test_the_social_sense_is_still_coded(text: str, code: str) -> None:
    assert polarity_of(text, code)


@pytest.mark.parametrize(
    "text",
    ["We evaluated a peer mentoring scheme for young carers.",
     "This study evaluates the lunch club pilot in two estates."],
)  # fmt: skip
def test_the_study_evaluating_a_programme_is_programme_evaluation(text: str) -> None:
    assert polarity_of(text, "method.evaluation") == {"uses"}


@pytest.mark.parametrize(
    "text", ["Residents evaluated the committee poorly.", "We evaluated whether trust rose."]
)
def test_evaluating_no_programme_is_no_programme_evaluation(text: str) -> None:
    assert not polarity_of(text, "method.evaluation")
