"""The tagger measured on the hand-written gold set (corpus/gold): dev, dev2 (the first
held-out part, folded into development after one look at its aggregates), dev3 (written to
exercise polarity), dev4 (polarity, by a second annotator), dev5 (written 2026-11-24 and first
measured before any tuning on it), dev6–dev8 (the held-out parts heldout2–4, each measured once
and then opened to tuning).

Prints the figures (run with -s to see them). dev6–dev8 were tuned on last, so they are held
to floors for now rather than the targets.
"""

from __future__ import annotations

from functools import cache

import pytest

from kgreview import config
from kgreview.cli.eval_commands import evaluate
from kgreview.nlp.evaluate import Evaluation

GOLD = config.corpus_dir() / "gold" / "gold.yaml"


@cache
def result(split: str) -> Evaluation:
    return evaluate(GOLD, split)


@pytest.mark.parametrize(
    "split",
    [
        "dev",
        "dev2",
        "dev3",
        "dev4",
        "dev5",
        "dev6",
        "dev7",
        "dev8",
        "dev9",
        "dev10",
        "dev11",
        "dev12",
        "dev13",
        "dev14",
        "dev15",
        "dev16",
        "dev17",
    ],
)
def test_figures_are_printed_and_spans_exact(split: str) -> None:
    r = result(split)
    print(
        f"\n{split}: {r.documents} documents; micro P/R/F1 {r.overall.precision:.3f}/"
        f"{r.overall.recall:.3f}/{r.overall.f1:.3f}; polarity {r.polarity_accuracy:.3f} "
        f"on {r.polarity_total} ({r.polarity_among_found:.3f} among found codes); "
        f"gap→uses {r.gap_as_uses}; kappa {r.kappa:.3f}"
    )
    for cat, s in sorted(r.by_category.items()):
        print(f"  {cat:20s} P {s.precision:.3f} R {s.recall:.3f} F1 {s.f1:.3f}")
    assert r.documents >= 10
    assert r.span_mismatches == 0


@pytest.mark.parametrize("split", ["dev", "dev2", "dev3", "dev4", "dev5"])
def test_dev_meets_the_targets(split: str) -> None:
    r = result(split)
    assert r.overall.f1 >= 0.95
    assert r.polarity_accuracy >= 0.9
    assert r.gap_as_uses == 0
    assert min(s.f1 for s in r.by_category.values()) >= 0.9


def test_former_heldout2_meets_the_code_targets() -> None:
    r = result("dev6")
    assert r.overall.f1 >= 0.95
    assert min(s.f1 for s in r.by_category.values()) >= 0.9
    assert r.gap_as_uses == 0
    assert r.kappa >= 0.9
    # the voice round: 0.762 -> 0.946 (with the recall round's codes); the target is 0.9
    assert r.polarity_accuracy >= 0.9


def test_second_annotators_former_heldout_floor() -> None:
    """dev7 (heldout3) meets the code targets since it was tuned on (micro-F1 0.904 when it was
    read once, 0.983 after); polarity 0.792 then, 0.968 after the voice round."""
    r = result("dev7")
    assert r.overall.f1 >= 0.95
    assert min(s.f1 for s in r.by_category.values()) >= 0.9
    assert r.gap_as_uses == 0
    assert r.polarity_accuracy >= 0.9


def test_former_heldout4_polarity_floor() -> None:
    """dev8 (heldout4): polarity 0.696 when it was held out, 0.768 read once after the voice
    round tuned on dev..dev7 (the honest estimate), 0.942 after tuning on it (with the recall
    round's codes)."""
    r = result("dev8")
    assert r.gap_as_uses == 0
    assert r.polarity_accuracy >= 0.88


def test_former_heldout4_code_floor() -> None:
    """dev8 (heldout4): micro-F1 0.833 when read once, 0.831 after a recall round tuned on
    dev..dev7 only (the honest estimate), 0.980 after tuning on it: a floor so it stays."""
    r = result("dev8")
    assert r.overall.f1 >= 0.95
    assert r.gap_as_uses == 0


def test_kappa_of_identical_raters_is_one_and_of_opposite_is_negative() -> None:
    from kgreview.nlp.evaluate import cohen_kappa

    assert cohen_kappa([(True, True), (False, False), (True, True)]) == 1.0
    assert cohen_kappa([(True, False), (False, True)]) < 0


def test_dev9_first_reading_floor() -> None:
    """dev9 (heldout5, a third annotator's): read once as held-out after this session's code
    and voice rounds — micro-F1 0.818 (recall 0.734), participation types 0.522, polarity
    0.485 (58 of its 86 misses: the code not found in that sentence), gap→uses 2. The floors
    keep that reading from getting worse; the targets are not met on unseen text.
    After the dev9 round (voice2: reviews by their citations, a gap guard, numbered proposal
    lists; recall2: paraphrase families, not the instances) it is a development split."""
    r = result("dev9")
    assert r.overall.f1 >= 0.95
    assert min(s.f1 for s in r.by_category.values()) >= 0.9
    assert r.polarity_accuracy >= 0.85
    assert r.gap_as_uses == 0


def test_dev10_first_reading_floor() -> None:
    """dev10 (heldout6: 14 documents by a fifth hand, written before the dev9 round and read
    once after it): micro-F1 0.778 (P 0.871, R 0.703), factor 0.644, participation types 0.500,
    polarity 0.517 (68 of its 87 misses: the code not found in that sentence; 0.83 among the
    codes found), gap→uses 0, every span exact. The acceptance targets (F1 >= 0.95, every
    category >= 0.9, polarity >= 0.9) are NOT met on unseen text: these are floors at that
    reading so it cannot get worse unnoticed. It was renamed dev10 and opened to tuning after
    heldout7 was commissioned; the frames and voice3 rounds tuned on it: F1 0.891, polarity
    0.783 (0.959 among found codes)."""
    r = result("dev10")
    assert r.overall.f1 >= 0.88
    assert r.polarity_accuracy >= 0.77
    assert r.gap_as_uses == 0
    assert r.span_mismatches == 0


def test_dev11_first_reading_floor() -> None:
    """dev11 (heldout7: 20 documents by two new writers, latent codes marked by second coders;
    read once after the frames and voice3 rounds): micro P/R/F1 0.960/0.795/0.870, factor
    0.760, participation types 0.769, polarity 0.700 (0.896 among found codes), gap→uses 0,
    explicit-only F1 0.876. The tagger before those rounds read 0.860 / 0.663 (0.872 among
    found) on it: the rounds' dev10 gain (F1 +0.11) carried over as +0.01 to unseen text.
    Floors at the first reading; the acceptance targets are not met on unseen text. After the
    frames2 and voice4 rounds tuned on it: F1 0.930, polarity 0.884 (0.988 among found)."""
    r = result("dev11")
    assert r.overall.f1 >= 0.92
    assert r.polarity_accuracy >= 0.87
    assert r.gap_as_uses == 0
    assert r.span_mismatches == 0


def test_dev12_first_reading_floor() -> None:
    """dev12 (heldout8: 20 documents by two more writers, latent codes marked by second coders;
    read once after the frames2 and voice4 rounds): micro P/R/F1 0.941/0.784/0.855, factor
    0.763, polarity 0.653 (0.865 among found codes), gap→uses 0, explicit-only F1 0.881. The
    same part read by earlier trees, for the record: 0.827 / 0.602 before this session's rounds,
    0.852 / 0.653 after the first round — the second round's dev11 gain (F1 +0.06) carried over
    as +0.003. Floors at the first reading; the targets are not met on unseen text."""
    r = result("dev12")
    assert r.overall.f1 >= 0.85
    assert r.polarity_accuracy >= 0.64
    assert r.gap_as_uses == 0
    assert r.span_mismatches == 0


def test_dev13_first_reading_floor() -> None:
    """dev13 (heldout9: 20 documents by two more writers, with the eight codes added in session 6;
    read once after session 7's vocabulary rounds): micro P/R/F1 0.852/0.754/0.800, factor 0.652,
    polarity 0.560 (0.789 among found codes), gap→uses 0. The tree before those rounds read
    0.855/0.734/0.790; an independent second coder reads this part at F1 0.890 (P 0.833). After
    the first reading the part was re-read for the ten codes added in session 7 (17 codes added,
    4 replaced): 0.859/0.739/0.795, polarity 0.546. Floors at that; the targets are not met on
    unseen text."""
    r = result("dev13")
    assert r.overall.f1 >= 0.79
    assert r.polarity_accuracy >= 0.54
    assert r.gap_as_uses == 0
    assert r.span_mismatches == 0


def test_dev14_first_reading_floor() -> None:
    """dev14 (heldout10: 20 documents by two more writers with the 258-code codebook, latent codes
    marked by the writers; read once in session 8 after the transcript-header and polarity rounds):
    micro P/R/F1 0.881/0.675/0.765, participation type 0.649, factor 0.652, polarity 0.551 (0.883
    among found codes), gap→uses 0. The tree at the session's start read 0.881/0.672/0.762; an
    independent second coder reads this part at F1 0.890 (P 0.872, R 0.909), polarity 0.942.
    Floors at the first reading; the targets are not met on unseen text."""
    r = result("dev14")
    assert r.overall.f1 >= 0.76
    assert r.polarity_accuracy >= 0.55 and r.polarity_among_found >= 0.88
    assert r.gap_as_uses == 0
    assert r.span_mismatches == 0


def test_dev15_first_reading_floor() -> None:
    """dev15 (heldout11: 20 documents by two more writers with the 258-code codebook, annotated for
    the ten session-9 codes from the text only; read once in session 9 after the ten codes, the
    limitation-design rule and the factor and countermeasure recall rounds): micro P/R/F1
    0.903/0.741/0.814, factor 0.721 (lowest), polarity 0.629 (0.918 among found codes), kappa
    0.803, gap→uses 0. The tree at the session's start read 0.897/0.719/0.798, polarity 0.609
    (0.926 among found); an independent second coder reads this part at F1 0.905 (P 0.890,
    R 0.920), polarity 0.984. Floors at the first reading; the targets are not met on unseen
    text."""
    r = result("dev15")
    assert r.overall.f1 >= 0.81
    assert r.polarity_accuracy >= 0.62 and r.polarity_among_found >= 0.91
    assert r.gap_as_uses == 0
    assert r.span_mismatches == 0


def test_dev16_first_reading_floor() -> None:
    """dev16 (heldout12: 20 documents by two more writers with the 268-code codebook, 73 of its 311
    codes latent; read once in session 10 after the r11a/r11b recall rounds and the polarity fixes):
    micro P/R/F1 0.746/0.547/0.631, participation type 0.300 and factor 0.452 (lowest), polarity
    0.436 (0.904 among found codes), kappa 0.612, gap→uses 1 ("the literature is almost silent
    on …", fixed after the reading). The tree at the session's start read 0.751/0.543/0.631; an
    independent second coder reads this part at F1 0.914 (P 0.903, R 0.926). Floors at the first
    reading; the targets are far from met on unseen text written this way."""
    r = result("dev16")
    assert r.overall.f1 >= 0.63
    assert r.polarity_accuracy >= 0.43 and r.polarity_among_found >= 0.90
    assert r.gap_as_uses == 0
    assert r.span_mismatches == 0


def test_dev17_first_reading_floor() -> None:
    """dev17 (heldout13: 20 documents by two more writers with the 268-code codebook, 75 codes
    latent; read once in session 11 after the genre spot-check rounds): micro P/R/F1
    0.794/0.653/0.717, participation type 0.462 and factor 0.517 (lowest), polarity 0.516 (0.895
    among found codes), kappa 0.699, gap→uses 2 (fixed after the reading). The tree at the
    session's start read 0.792/0.645/0.711; an independent second coder reads this part at F1
    0.917 (P 0.927, R 0.907). Floors at the first reading; the targets are not met on unseen
    text."""
    r = result("dev17")
    assert r.overall.f1 >= 0.71
    assert r.polarity_accuracy >= 0.51 and r.polarity_among_found >= 0.89
    assert r.gap_as_uses == 0
    assert r.span_mismatches == 0
