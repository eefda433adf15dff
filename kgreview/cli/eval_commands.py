"""``kgreview eval``: the tagger against the hand-written gold set, per split."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from kgreview import config
from kgreview.cli.common import CodebookOption, UserError, app, err, out
from kgreview.model import SegmentKind
from kgreview.nlp.evaluate import Evaluation, cohen_kappa, load_gold, score_document
from kgreview.nlp.second_coder import load_second_coder, score_second_coder
from kgreview.pipeline import build_bundle, read_documents
from kgreview.tagging import load_tagger


def evaluate(
    gold_path: Path, split: str, codebook: str | None = None, only: set[Path] | None = None
) -> Evaluation:
    """Tag and score the gold documents of ``split`` (or 'all'), only those in ``only`` if given."""
    tagger = load_tagger(codebook)
    category_of = {c.id: c.category for c in tagger.codebook.codes}
    result = Evaluation()
    cells: list[tuple[bool, bool]] = []
    for gold in load_gold(gold_path):
        if (split != "all" and gold.split != split) or (only is not None and gold.path not in only):
            continue
        documents = list(read_documents(gold.path, gold.path.read_bytes()))
        if len(documents) != 1:
            raise UserError(f"{gold.path}: gold files hold one document each")
        bundle = build_bundle(documents[0], tagger.tag)
        spans = [(s.start, s.end) for s in bundle.segments if s.kind == SegmentKind.SENTENCE]
        cells += score_document(
            gold, bundle.document.text, list(bundle.codings), spans, category_of, result
        )
    result.kappa = cohen_kappa(cells)
    return result


def second_coder_agreement(
    gold_path: Path, coder_path: Path, split: str, codebook: str | None = None
) -> tuple[Evaluation, Evaluation]:
    """(second coder vs gold, tagger vs gold) on the documents of ``split`` both coders coded."""
    second = load_second_coder(coder_path)
    category_of = {c.id: c.category for c in load_tagger(codebook).codebook.codes}
    human = Evaluation()
    cells: list[tuple[bool, bool]] = []
    # As for the tagger alone, "all" leaves held-out parts to be read by name.
    chosen = [
        g for g in load_gold(gold_path)
        if g.path in second
        and (g.split == split or (split == "all" and not g.split.startswith("heldout")))
    ]  # fmt: skip
    for gold in chosen:
        cells += score_second_coder(gold, second[gold.path], category_of, human)
    human.kappa = cohen_kappa(cells)
    covered = {g.path for g in chosen}
    return human, evaluate(gold_path, split, codebook, only=covered)


def _as_dict(result: Evaluation) -> dict:
    return {
        "documents": result.documents,
        "micro": {"precision": result.overall.precision, "recall": result.overall.recall,
                  "f1": result.overall.f1},
        "categories": {k: {"precision": v.precision, "recall": v.recall, "f1": v.f1,
                           "tp": v.tp, "fp": v.fp, "fn": v.fn}
                       for k, v in sorted(result.by_category.items())},
        "explicit": {"precision": result.explicit.precision, "recall": result.explicit.recall,
                     "f1": result.explicit.f1},
        "latent_codes": result.latent_total,
        "latent_found": result.latent_found,
        "polarity_accuracy": result.polarity_accuracy,
        "polarity_among_found": result.polarity_among_found,
        "polarity_sentences_found": result.polarity_found_total,
        "polarity_sentences": result.polarity_total,
        "gap_coded_as_uses": result.gap_as_uses,
        "kappa": result.kappa,
        "span_mismatches": result.span_mismatches,
        "forbidden_hits": result.forbidden_hits,
    }  # fmt: skip


@app.command("eval")
def eval_command(
    gold: Annotated[
        Path | None, typer.Option(help="Gold file (default corpus/gold/gold.yaml).")
    ] = None,
    split: Annotated[
        str, typer.Option(help="A split name (dev, heldout9, …) or all (held-out parts excepted).")
    ] = "all",
    as_json: Annotated[bool, typer.Option("--json", help="Print figures as JSON.")] = False,
    errors: Annotated[bool, typer.Option("--errors", help="List every disagreement.")] = False,
    codebook: CodebookOption = None,
    second_coder: Annotated[
        Path | None,
        typer.Option(
            "--second-coder",
            help="A second human coder's file (corpus/gold/second_coder.yaml): their agreement "
            "with the gold beside the tagger's, on the documents they coded.",
        ),
    ] = None,
) -> None:
    """Precision, recall and F1 per category, polarity accuracy and kappa on the gold set."""
    gold_path = gold or config.corpus_dir() / "gold" / "gold.yaml"
    if not gold_path.exists():
        raise UserError(f"gold file not found: {gold_path}")
    if second_coder is not None:
        _print_second_coder(gold_path, second_coder, split, as_json, errors, codebook)
        return
    present = sorted({g.split for g in load_gold(gold_path)}, key=lambda s: (s != "dev", s))
    # A held-out part is read once, on purpose, by name: "all" must not spend it by accident.
    held_out = [name for name in present if name.startswith("heldout")]
    if split == "all" and held_out:
        err.print(f"held-out parts skipped (read one with --split NAME): {', '.join(held_out)}")
    splits = [n for n in present if n not in held_out] if split == "all" else [split]
    results = {name: evaluate(gold_path, name, codebook) for name in splits}
    if as_json:
        sys.stdout.write(json.dumps({k: _as_dict(v) for k, v in results.items()}) + "\n")
        return
    for name, result in results.items():
        table = Table(
            "category",
            "precision",
            "recall",
            "F1",
            "tp",
            "fp",
            "fn",
            title=f"{name}: {result.documents} documents (unit: document × code)",
        )
        for cat, s in sorted(result.by_category.items()):
            table.add_row(
                cat,
                f"{s.precision:.3f}",
                f"{s.recall:.3f}",
                f"{s.f1:.3f}",
                str(s.tp),
                str(s.fp),
                str(s.fn),
            )
        o = result.overall
        table.add_row(
            "[bold]micro",
            f"{o.precision:.3f}",
            f"{o.recall:.3f}",
            f"{o.f1:.3f}",
            str(o.tp),
            str(o.fp),
            str(o.fn),
        )
        out.print(table)
        out.print(
            f"polarity accuracy {result.polarity_accuracy:.3f} on {result.polarity_total} "
            f"sentences; gap coded as uses: {result.gap_as_uses}; Cohen's kappa "
            f"{result.kappa:.3f}; span mismatches: {result.span_mismatches}",
            highlight=False,
        )
        out.print(
            f"polarity among found codes {result.polarity_among_found:.3f} on "
            f"{result.polarity_found_total}",
            highlight=False,
        )
        if result.latent_total:
            e = result.explicit
            out.print(
                f"explicit codes only (gold marks {result.latent_total} as latent, "
                f"{result.latent_found} of them found): P {e.precision:.3f} R {e.recall:.3f} "
                f"F1 {e.f1:.3f}",
                highlight=False,
            )
        if errors:
            for line in result.errors + [f"forbidden {h}" for h in result.forbidden_hits]:
                err.print(line, highlight=False, soft_wrap=True)


def _print_second_coder(
    gold_path: Path, coder_path: Path, split: str, as_json: bool, errors: bool, codebook
) -> None:
    """The human ceiling: a second coder's agreement with the gold beside the tagger's."""
    if not coder_path.exists():
        raise UserError(f"second coder's file not found: {coder_path}")
    try:
        human, tagger = second_coder_agreement(gold_path, coder_path, split, codebook)
    except (KeyError, TypeError, AttributeError) as exc:
        raise UserError(f"{coder_path}: not a second coder's file ({exc})") from exc
    if as_json:
        figures = {"second_coder": _as_dict(human), "tagger": _as_dict(tagger)}
        sys.stdout.write(json.dumps({split: figures}) + "\n")
        return
    table = Table(
        "category", "second coder F1", "tagger F1",
        title=f"{split}: {human.documents} documents coded by the gold coder and a second coder",
    )  # fmt: skip
    for cat in sorted(set(human.by_category) | set(tagger.by_category)):
        table.add_row(cat, f"{human.by_category[cat].f1:.3f}", f"{tagger.by_category[cat].f1:.3f}")
    for name, r in (("second coder", human), ("tagger", tagger)):
        o = r.overall
        table.add_row(
            f"[bold]micro ({name})", f"P {o.precision:.3f} R {o.recall:.3f}", f"F1 {o.f1:.3f}"
        )
    out.print(table)
    for name, r in (("second coder", human), ("tagger", tagger)):
        out.print(
            f"{name}: kappa {r.kappa:.3f}; polarity of a found code {r.polarity_among_found:.3f} "
            f"on {r.polarity_found_total}; gap coded as uses {r.gap_as_uses}",
            highlight=False,
        )
    if errors:
        for line in human.errors:
            err.print(f"second coder: {line}", highlight=False, soft_wrap=True)
