"""Remove scrape boilerplate from pasted web pages and read the metadata block they carry.

Patterns live in ``schemas/scrape.yaml``. The result is the stored text: offsets are counted
in it, so cleaning happens once, here, before anything else sees the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

import yaml

from kgreview.config import schemas_dir


@dataclass(frozen=True, slots=True)
class Cleaned:
    text: str
    metadata: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class _Rules:
    drop: re.Pattern[str]
    pipes: re.Pattern[str]
    metadata_line: re.Pattern[str]
    fields: dict[str, re.Pattern[str]]


@cache
def _rules() -> _Rules:
    data = yaml.safe_load((schemas_dir() / "scrape.yaml").read_text(encoding="utf-8"))
    return _Rules(
        drop=re.compile("|".join(f"(?:{p})" for p in data["drop_lines"])),
        pipes=re.compile(data["strip_pipes"]),
        metadata_line=re.compile(data["metadata_line"]),
        fields={k: re.compile(v) for k, v in data["metadata_fields"].items()},
    )


def clean_scraped(text: str) -> Cleaned:
    """Drop boilerplate lines and table pipes; lift a metadata block out of the text."""
    rules = _rules()
    kept: list[str] = []
    metadata: dict[str, str] = {}
    for line in text.split("\n"):
        if rules.drop.search(line):
            continue
        if rules.metadata_line.search(line):
            for name, pattern in rules.fields.items():
                found = pattern.search(line)
                if found and name not in metadata:
                    metadata[name] = found.group(1).strip()
            continue
        kept.append(rules.pipes.sub("", line))
    cleaned = "\n".join(kept).strip("\n")
    return Cleaned(cleaned + ("\n" if text.endswith("\n") else ""), metadata)
