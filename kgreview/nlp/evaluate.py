"""Measure the tagger against a gold set written by hand (``corpus/gold/gold.yaml``).

Unit of the code scores: document × code. A document's gold ``must`` list is complete, so a
predicted code outside it is a false positive. Polarity is scored on annotated sentences:
every gold (sentence, code, polarity) needs a coding of that code in that sentence with that
polarity. Cohen's kappa compares the tagger with the gold over every document × code cell.

Two further readings separate what rules can reach from what they cannot. A gold ``latent``
list names the ``must`` codes a coder *infers* from described events or quotes (送餐上门 coded
as mutual aid) rather than reads off words that name the concept; ``explicit`` scores leave
those units out. ``polarity among found`` scores polarity only on the annotated sentences
where the tagger found the code at all, so a missed code is not counted twice.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from kgreview.model import Coding, Polarity


@dataclass(frozen=True, slots=True)
class GoldSentence:
    text: str  # a substring of one sentence of the document
    code: str
    polarity: str


@dataclass(frozen=True, slots=True)
class GoldDocument:
    path: Path
    split: str
    must: frozenset[str]
    must_not: frozenset[str]
    sentences: tuple[GoldSentence, ...]
    sites: tuple[str, ...] = ()
    complete: bool = True
    latent: frozenset[str] = frozenset()


@dataclass(slots=True)
class Scores:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(slots=True)
class Evaluation:
    documents: int = 0
    overall: Scores = field(default_factory=Scores)
    by_category: dict[str, Scores] = field(default_factory=lambda: defaultdict(Scores))
    polarity_total: int = 0
    polarity_correct: int = 0
    gap_as_uses: int = 0
    forbidden_hits: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    kappa: float = 0.0
    span_mismatches: int = 0
    explicit: Scores = field(default_factory=Scores)
    latent_total: int = 0
    latent_found: int = 0
    polarity_found_total: int = 0
    polarity_found_correct: int = 0

    @property
    def polarity_accuracy(self) -> float:
        return self.polarity_correct / self.polarity_total if self.polarity_total else 1.0

    @property
    def polarity_among_found(self) -> float:
        """Polarity accuracy on the annotated sentences where the code was found."""
        total = self.polarity_found_total
        return self.polarity_found_correct / total if total else 1.0


def load_gold(path: Path) -> list[GoldDocument]:
    """Read gold.yaml; document paths are relative to the gold file's folder."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    docs = []
    for entry in data["documents"]:
        docs.append(
            GoldDocument(
                path=(path.parent / entry["file"]).resolve(),
                split=entry.get("split", "dev"),
                must=frozenset(entry.get("must") or ()),
                must_not=frozenset(entry.get("must_not") or ()),
                sentences=tuple(
                    GoldSentence(s["text"], s["code"], s["polarity"])
                    for s in entry.get("sentences") or ()
                ),
                sites=tuple(entry.get("sites") or ()),
                complete=bool(entry.get("complete", True)),
                latent=frozenset(entry.get("latent") or ()),
            )
        )
    return docs


def cohen_kappa(pairs: list[tuple[bool, bool]]) -> float:
    """Cohen's kappa of two binary raters over the same units."""
    n = len(pairs)
    if not n:
        return 1.0
    agree = sum(a == b for a, b in pairs) / n
    pa = sum(a for a, _ in pairs) / n
    pb = sum(b for _, b in pairs) / n
    expected = pa * pb + (1 - pa) * (1 - pb)
    return 1.0 if expected == 1 else (agree - expected) / (1 - expected)


def score_codes(
    gold: GoldDocument, predicted: set[str], category_of: dict[str, str], result: Evaluation
) -> None:
    """Add one document's document × code units to ``result`` (overall, per category, explicit)."""
    for code in predicted | gold.must:
        cat = category_of.get(code, code.split(".")[0])
        hit, wanted = code in predicted, code in gold.must
        for scores in (result.overall, result.by_category[cat]):
            scores.tp += hit and wanted
            scores.fp += hit and not wanted
            scores.fn += wanted and not hit
        if code in gold.latent:
            result.latent_total += wanted
            result.latent_found += wanted and hit
        else:
            result.explicit.tp += hit and wanted
            result.explicit.fp += hit and not wanted
            result.explicit.fn += wanted and not hit
        if hit != wanted:
            result.errors.append(f"{gold.path.name}: {'extra' if hit else 'missed'} {code}")


def score_document(
    gold: GoldDocument,
    text: str,
    codings: list[Coding],
    sentence_spans: list[tuple[int, int]],
    category_of: dict[str, str],
    result: Evaluation,
) -> list[tuple[bool, bool]]:
    """Add one document's figures to ``result``; return its kappa cells (gold, predicted)."""
    result.documents += 1
    predicted = {c.code_id for c in codings}
    for coding in codings:
        if text[coding.start : coding.end] != coding.evidence:
            result.span_mismatches += 1
    # A partial annotation only judges the codes it names.
    judged = predicted if gold.complete else predicted & (gold.must | gold.must_not)
    score_codes(gold, judged, category_of, result)
    result.forbidden_hits += [f"{gold.path.name}: {c}" for c in sorted(predicted & gold.must_not)]
    for sentence in gold.sentences:
        result.polarity_total += 1
        at = text.find(sentence.text)
        span = next(((s, e) for s, e in sentence_spans if s <= at < e), None) if at >= 0 else None
        if span is None:
            result.errors.append(f"{gold.path.name}: gold sentence not found: {sentence.text[:30]}")
            continue
        inside = [c for c in codings if span[0] <= c.start < span[1] and c.code_id == sentence.code]
        if sentence.polarity == Polarity.GAP:
            result.gap_as_uses += sum(c.polarity == Polarity.USES for c in inside)
        correct = bool(inside) and all(c.polarity == sentence.polarity for c in inside)
        result.polarity_found_total += bool(inside)
        result.polarity_found_correct += correct
        if correct:
            result.polarity_correct += 1
        else:
            got = sorted({c.polarity for c in inside}) or ["not found"]
            result.errors.append(
                f"{gold.path.name}: {sentence.code} in '{sentence.text[:24]}' "
                f"wanted {sentence.polarity}, got {'/'.join(got)}"
            )
    universe = set(category_of) if gold.complete else gold.must | gold.must_not
    return [(code in gold.must, code in predicted) for code in sorted(universe)]
