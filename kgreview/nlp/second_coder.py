"""Score an independent second human coder against the gold set: the human ceiling.

A gold ``must`` list is one careful coder's reading. How far a second careful coder, working
from the same codebook and the text alone, agrees with it bounds what any auto-coder can be
expected to reach against that gold. The second coder's file (``corpus/gold/second_coder.yaml``)
holds, per document, the codes they assigned without seeing the gold (step 1) and, for each
gold (sentence, code) pair shown to them afterwards without its polarity, the polarity they
chose (step 2). Scores fill the same :class:`Evaluation` as the tagger's, so both print alike:
codes per document × code, polarity on the gold sentences (conditional on the code, like the
tagger's "polarity among found codes"), gap coded as uses, Cohen's kappa.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from kgreview.model import Polarity
from kgreview.nlp.evaluate import Evaluation, GoldDocument, score_codes


@dataclass(frozen=True, slots=True)
class SecondCoding:
    """One document as the second coder coded it."""

    file: str  # relative to the gold file's folder, as in gold.yaml
    coder: str
    codes: frozenset[str]
    polarity: dict[tuple[str, str], str]  # (sentence text, code) -> polarity


def load_second_coder(path: Path) -> dict[Path, SecondCoding]:
    """Read a second coder's file; keys are resolved document paths (as GoldDocument.path)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    codings: dict[Path, SecondCoding] = {}
    for entry in data.get("documents") or ():
        items = entry.get("polarity") or ()
        codings[(path.parent / entry["file"]).resolve()] = SecondCoding(
            file=entry["file"],
            coder=str(entry.get("coder", "")),
            codes=frozenset(entry.get("codes") or ()),
            polarity={(i["text"], i["code"]): i["polarity"] for i in items},
        )
    return codings


def score_second_coder(
    gold: GoldDocument,
    coding: SecondCoding,
    category_of: dict[str, str],
    result: Evaluation,
) -> list[tuple[bool, bool]]:
    """Add one document's agreement to ``result``; return its kappa cells (gold, second)."""
    result.documents += 1
    score_codes(gold, set(coding.codes), category_of, result)
    for sentence in gold.sentences:
        result.polarity_total += 1
        chosen = coding.polarity.get((sentence.text, sentence.code))
        if chosen is None:
            result.errors.append(f"{gold.path.name}: no polarity for {sentence.code}")
            continue
        result.polarity_found_total += 1
        if sentence.polarity == Polarity.GAP and chosen == Polarity.USES:
            result.gap_as_uses += 1
        if chosen == sentence.polarity:
            result.polarity_correct += 1
            result.polarity_found_correct += 1
        else:
            result.errors.append(
                f"{gold.path.name}: {sentence.code} in '{sentence.text[:24]}' "
                f"gold {sentence.polarity}, second coder {chosen}"
            )
    return [(code in gold.must, code in coding.codes) for code in sorted(category_of)]
