"""`kgreview gaps` and `who-cites` on the seeds plus our corpus, as users run them: the
acceptance cases of the reviews issue."""

from __future__ import annotations

import json
from functools import cache

from tests.conftest import REPO, SHARED
from tests.test_cli import kgreview


@cache
def seeded_store(tmp: str) -> str:
    store = f"{tmp}/review.db"
    result = kgreview(
        "ingest", str(SHARED / "seeds"), str(REPO / "corpus" / "abstracts"), "--store", store
    )
    assert result.returncode == 0, result.stderr
    return store


def lines(*args: str) -> list[dict]:
    result = kgreview(*args, "--json")
    assert result.returncode == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_gaps_report_stated_and_combination_gaps_with_evidence(tmp_path_factory) -> None:
    store = seeded_store(str(tmp_path_factory.getbasetemp()))
    gaps = lines("gaps", "--store", store)
    stated = {g["codes"][0]: g for g in gaps if g["kind"] == "stated"}
    # 004's stated gaps, each with its sentence.
    for code in ("theory.social_learning", "context.mixed"):
        assert code in stated, sorted(stated)
        assert any(e["sentence"] and e["start"] < e["end"] for e in stated[code]["evidence"])
    # The same for a Chinese review of our own (优势视角 in 混合型社区).
    evidence = [e["sentence"] for g in stated.values() for e in g["evidence"]]
    zh = [sentence for sentence in evidence if "较少有研究从优势视角" in sentence]
    assert zh, "the Chinese review's gap sentence"
    combination = [g for g in gaps if g["kind"] == "combination"]
    assert combination and all(g["documents"] and g["expected"] > 0 for g in combination)
    assert {g["kind"] for g in gaps} <= {"stated", "combination", "untested", "trend"}


def test_who_cites_empowerment_lists_004s_scholars_and_no_strengths_only_paper(
    tmp_path_factory,
) -> None:
    store = seeded_store(str(tmp_path_factory.getbasetemp()))
    rows = lines("who-cites", "增能理论", "--store", store)
    attributed = {r["author"]: r for r in rows if r["via"] == "attributed"}
    assert {"Chen Weidong", "Ma Tao"} <= set(attributed)
    for name in ("Chen Weidong", "Ma Tao"):
        assert any("empowerment theory" in e["sentence"] for e in attributed[name]["evidence"])
    # Every row's documents really carry the code as used or as an attributed claim.
    titles = {d["title"] for r in rows for d in r["documents"]}
    assert not any("优势视角" in t and "增能" not in t for t in titles)
    # Same answer by id and by English label.
    assert lines("who-cites", "theory.empowerment", "--store", store) == rows


def test_who_cites_unknown_code_is_one_line(tmp_path) -> None:
    result = kgreview("who-cites", "no such theory", "--store", str(tmp_path / "x.db"))
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "no code matches" in result.stderr


def test_who_cites_groups_theses_by_supervisor_and_institution(tmp_path) -> None:
    store = str(tmp_path / "theses.db")
    result = kgreview("ingest", str(REPO / "corpus" / "exports"), "--store", store)
    assert result.returncode == 0, result.stderr
    groups = {g["group"]: g for g in lines("who-cites", "增能理论", "--store", store,
                                             "--by", "supervisor")}  # fmt: skip
    # The NoteExpress thesis record names 张红梅 as supervisor (导师), never as an author.
    assert "刘伟" in groups["张红梅"]["authors"]
    assert all("张红梅" not in g["authors"] for g in groups.values())
    by_school = lines("who-cites", "增能理论", "--store", store, "--by", "institution")
    assert any(g["group"] == "南京师范大学" for g in by_school)


def test_who_cites_reads_an_english_author_year_review(tmp_path) -> None:
    review = tmp_path / "review.txt"
    review.write_text(
        "Participation and Social Work: A Review\n\n"
        "Chen and Li (2018) applied empowerment theory to group work with older residents. "
        "Others drew on the strengths perspective (Okafor, 2020).\n\n"
        "References\n"
        "Chen, Y., & Li, M. (2018). Empowering older residents. Journal of Community "
        "Practice, 12(3), 45-60.\n"
        "Okafor, N. (2020). Strengths in estates. Housing Studies, 8(2), 10-22.\n",
        encoding="utf-8",
    )
    store = str(tmp_path / "en.db")
    assert kgreview("ingest", str(review), "--store", store).returncode == 0
    # "empowerment" alone names the theory only beside a head; a reader still means it
    rows = {(r["author"], r["via"]) for r in lines("who-cites", "empowerment", "--store", store)}
    assert {("Chen Y", "cited"), ("Li M", "cited")} <= rows
    assert not any(author.startswith("Okafor") for author, _ in rows)
    strengths = lines("who-cites", "strengths perspective", "--store", store)
    assert {(r["author"], r["via"]) for r in strengths} == {("Okafor N", "cited")}
