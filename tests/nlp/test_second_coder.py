"""The second-coder agreement: scored like the tagger, on the same gold units."""

from __future__ import annotations

from pathlib import Path

import yaml

from kgreview.nlp.evaluate import Evaluation, cohen_kappa, load_gold
from kgreview.nlp.second_coder import load_second_coder, score_second_coder

CATEGORIES = {
    "theory.empowerment": "theory",
    "factor.awareness": "factor",
    "factor.channels": "factor",
    "method.interview": "method",
}


def _write(tmp_path: Path) -> tuple[Path, Path]:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.txt").write_text("本研究以增能理论为指导。居民缺乏参与意识。", "utf-8")
    gold = {
        "documents": [
            {
                "file": "docs/a.txt",
                "split": "dev",
                "must": ["theory.empowerment", "factor.awareness", "method.interview"],
                "latent": ["method.interview"],
                "sentences": [
                    {
                        "text": "本研究以增能理论为指导",
                        "code": "theory.empowerment",
                        "polarity": "uses",
                    },
                    {"text": "居民缺乏参与意识", "code": "factor.awareness", "polarity": "gap"},
                ],
            }
        ]
    }
    second = {
        "coder": "c9",
        "documents": [
            {
                "file": "docs/a.txt",
                "codes": ["theory.empowerment", "factor.awareness", "factor.channels"],
                "polarity": [
                    {
                        "text": "本研究以增能理论为指导",
                        "code": "theory.empowerment",
                        "polarity": "uses",
                    },
                    {"text": "居民缺乏参与意识", "code": "factor.awareness", "polarity": "uses"},
                ],
            }
        ],
    }
    (tmp_path / "gold.yaml").write_text(yaml.safe_dump(gold, allow_unicode=True), "utf-8")
    (tmp_path / "second.yaml").write_text(yaml.safe_dump(second, allow_unicode=True), "utf-8")
    return tmp_path / "gold.yaml", tmp_path / "second.yaml"


def test_second_coder_scores_codes_polarity_and_kappa(tmp_path) -> None:
    gold_path, second_path = _write(tmp_path)
    [gold] = load_gold(gold_path)
    second = load_second_coder(second_path)
    result = Evaluation()
    cells = score_second_coder(gold, second[gold.path], CATEGORIES, result)
    # 2 agreed, 1 extra (channels), 1 missed (interview, latent).
    assert (result.overall.tp, result.overall.fp, result.overall.fn) == (2, 1, 1)
    assert (result.explicit.tp, result.explicit.fp, result.explicit.fn) == (2, 1, 0)
    assert (result.latent_total, result.latent_found) == (1, 0)
    assert result.by_category["factor"].fp == 1 and result.by_category["method"].fn == 1
    # One polarity agrees; the gap read as uses is counted as such.
    assert (result.polarity_total, result.polarity_correct, result.gap_as_uses) == (2, 1, 1)
    assert len(cells) == len(CATEGORIES)
    assert cohen_kappa(cells) < 1.0


def test_cli_puts_second_coder_beside_tagger(tmp_path) -> None:
    from kgreview.cli.eval_commands import second_coder_agreement

    gold_path, second_path = _write(tmp_path)
    human, tagger = second_coder_agreement(gold_path, second_path, "all")
    assert human.documents == tagger.documents == 1
    assert human.overall.tp == 2
    # The tagger is scored on the same gold, so it finds the named theory too.
    assert tagger.overall.tp >= 1


def test_the_committed_second_coder_file_fits_the_gold() -> None:
    """Every document and (sentence, code) pair the second coders saw is the gold's; codes exist."""
    from kgreview import config
    from kgreview.nlp.codebook import load_codebook

    gold_dir = config.corpus_dir() / "gold"
    golds = {g.path: g for g in load_gold(gold_dir / "gold.yaml")}
    second = load_second_coder(gold_dir / "second_coder.yaml")
    known = {c.id for c in load_codebook().codes}
    problems = []
    for path, coding in second.items():
        gold = golds.get(path)
        if gold is None:
            problems.append(f"{coding.file}: not in gold.yaml")
            continue
        problems += [f"{coding.file}: unknown code {c}" for c in sorted(coding.codes - known)]
        pairs = {(s.text, s.code) for s in gold.sentences}
        problems += [
            f"{coding.file}: not a gold pair {k}" for k in coding.polarity if k not in pairs
        ]
    assert len(second) == 160 and len({c.coder for c in second.values()}) == 16
    assert problems == []


def test_second_coder_and_tagger_on_the_parts_both_read() -> None:
    """The human ceiling beside the tagger, printed (dev11 … dev17). A second coder agreeing
    less than kappa 0.8 would mean a broken file."""
    from kgreview import config
    from kgreview.cli.eval_commands import second_coder_agreement

    gold_dir = config.corpus_dir() / "gold"
    human, tagger = second_coder_agreement(
        gold_dir / "gold.yaml", gold_dir / "second_coder.yaml", "all"
    )
    for name, r in (("second coder", human), ("tagger", tagger)):
        o = r.overall
        print(
            f"{name}: {r.documents} documents P {o.precision:.3f} R {o.recall:.3f} "
            f"F1 {o.f1:.3f} kappa {r.kappa:.3f} polarity of found {r.polarity_among_found:.3f}"
        )
    assert human.documents == tagger.documents == 140  # dev11 … dev17; held-out parts stay unread
    assert human.kappa >= 0.8 and human.gap_as_uses == 0
    assert tagger.gap_as_uses == 0
