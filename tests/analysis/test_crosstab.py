"""Crosstabs: codings inside a participant's turn count for that participant."""

from __future__ import annotations

import json

from kgreview.analysis.crosstab import case_matrix, crosstab, speaker_of
from kgreview.model import Coding, Participant, Segment
from tests.conftest import REPO
from tests.test_cli import kgreview


def test_codes_by_attribute_with_row_percentages() -> None:
    turns = [Segment("t1", "d", "turn", 0, 10, participant_id="p1"),
             Segment("t2", "d", "turn", 10, 20, participant_id="p2"),
             Segment("s1", "d", "sentence", 10, 15, parent_id="t2")]  # fmt: skip
    people = {"p1": Participant("p1", "d", "张阿姨", {"gender": "female", "age": 63}),
              "p2": Participant("p2", "d", "R7", {"gender": "male"})}  # fmt: skip
    codings = [Coding("c1", "d", "t1", "factor.trust", "A", 1, 3, "xx"),
               Coding("c2", "d", "s1", "factor.trust", "A", 11, 13, "yy"),
               Coding("c3", "d", None, "factor.trust", "A", 12, 14, "zz"),
               Coding("c4", "d", None, "factor.age", "A", 2, 4, "ww")]  # fmt: skip
    speakers = speaker_of(codings, turns)
    assert speakers == {"c1": "p1", "c2": "p2", "c3": "p2", "c4": "p1"}
    table = crosstab(codings, speakers, people, "gender")
    trust = next(r for r in table["rows"] if r["code"] == "factor.trust")
    assert trust["counts"] == {"female": 1, "male": 2} and trust["row_percent"]["male"] == 66.7
    assert case_matrix(codings, speakers, people) == {
        "R7": {"factor.trust": 2},
        "张阿姨": {"factor.trust": 1, "factor.age": 1},
    }


def test_crosstab_command_on_our_transcripts(tmp_path) -> None:
    store = str(tmp_path / "t.db")
    assert (
        kgreview("ingest", str(REPO / "corpus" / "transcripts"), "--store", store).returncode == 0
    )
    result = kgreview("crosstab", "gender", "--store", store, "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert {"female", "male"} <= set(report["values"]) and report["rows"] and report["cases"]
