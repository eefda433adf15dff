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
