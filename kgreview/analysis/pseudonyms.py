"""A simple, consistent replacement of participant names (张阿姨 → 受访者1, R7 → P2) in
labelled excerpts. The full anonymiser (places, organisations, free-text names) is issue 11's;
this stays one separate function so that one can replace it."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Sequence

from kgreview.analysis.excerpts import Excerpt


def pseudonym_map(labels: Iterable[str], lang: str = "zh") -> dict[str, str]:
    """label → pseudonym, numbered in first-seen order (the same person, the same number)."""
    prefix = "受访者" if lang == "zh" else "P"
    found: dict[str, str] = {}
    for name in labels:
        if name and name not in found:
            found[name] = f"{prefix}{len(found) + 1}"
    return found


def _speaker_name(speaker: str) -> str:
    return speaker.split(", ")[0] if speaker else ""


def _pattern(name: str) -> str:
    # A Latin label ("A", "R7", "Dan") only as a whole word; a Chinese name anywhere.
    if name.isascii():
        return rf"(?<![A-Za-z0-9]){re.escape(name)}(?![A-Za-z0-9])"
    return re.escape(name)


def pseudonymise(
    excerpts: Sequence[Excerpt], lang: str = "zh", extra_names: Iterable[str] = ()
) -> list[Excerpt]:
    """The excerpts with every participant's name replaced consistently, in the speaker
    label and wherever it occurs in a quotation (longest names first, so 张阿姨 wins over 张)."""
    names = pseudonym_map([*(_speaker_name(e.speaker) for e in excerpts), *extra_names], lang)
    if not names:
        return list(excerpts)
    pattern = re.compile("|".join(_pattern(n) for n in sorted(names, key=len, reverse=True)))

    def swap(text: str) -> str:
        return pattern.sub(lambda m: names[m.group(0)], text)

    return [dataclasses.replace(e, speaker=swap(e.speaker), quote=swap(e.quote)) for e in excerpts]
