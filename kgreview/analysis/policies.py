"""The policy timeline: PolicyDocument nodes from ``schemas/policies.yaml`` (users extend it)
and from reference lists (CITES_POLICY), one node per policy — the data-file entry gets the
same id a cited copy gets (:func:`kgreview.nlp.review.to_policy`), so the two meet."""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from pathlib import Path

import yaml

from kgreview.config import schemas_dir
from kgreview.model import PolicyDocument
from kgreview.nlp.references import ParsedReference
from kgreview.nlp.review import to_policy
from kgreview.store import GraphStore
from kgreview.store.schema import Label, Rel

_DATE = re.compile(
    r"^(?P<year>(?:19|20)\d\d)(?:-(?:0?[1-9]|1[0-2])(?:-(?:0?[1-9]|[12]\d|3[01]))?)?$"
)
PAGE = 1000


class PolicyFileError(ValueError):
    """A bad entry in the policies file: one line naming it."""


def policy(title: str, issuer: str = "", date: str = "", short_name: str = "") -> PolicyDocument:
    """A PolicyDocument keyed exactly as a cited one with this title and year is."""
    found = _DATE.match(date.strip())
    if not found:
        raise PolicyFileError(f"{title}: date {date!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    year = int(found["year"])
    cited = to_policy(
        ParsedReference(
            n=0,
            raw=title,
            start=0,
            end=len(title),
            authors=(issuer,) if issuer else (),
            title=title,
            year=year,
        )
    )
    return dataclasses.replace(
        cited, issuer=issuer, date=date.strip(), short_name=short_name or title
    )


def load_policies(path: Path | None = None) -> list[PolicyDocument]:
    """The policies of the data file (default ``schemas/policies.yaml``), by date."""
    source = path or schemas_dir() / "policies.yaml"
    try:
        data = yaml.safe_load(source.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise PolicyFileError(f"{source}: {' '.join(str(exc).split())}") from exc
    found = []
    for n, entry in enumerate(data.get("policies") or [], start=1):
        if not isinstance(entry, dict) or not str(entry.get("title") or "").strip():
            raise PolicyFileError(f"{source}: policy {n} has no title")
        found.append(
            policy(
                str(entry["title"]).strip(),
                str(entry.get("issuer") or ""),
                str(entry.get("date") or ""),
                str(entry.get("short_name") or ""),
            )
        )
    return sorted(found, key=lambda p: (p.date, p.title))


def _row(p: PolicyDocument) -> dict:
    return {f.name: getattr(p, f.name) for f in dataclasses.fields(p)}


def stored_policies(graph: GraphStore) -> list[PolicyDocument]:
    """Every PolicyDocument node in the store."""
    found, after = [], None
    names = {f.name for f in dataclasses.fields(PolicyDocument)}
    while rows := graph.export_nodes(Label.PolicyDocument, after, PAGE):
        found += [
            PolicyDocument(**{k: v for k, v in r.items() if k in names and v is not None})
            for r in rows
        ]
        after = rows[-1]["id"]
    return found


def save_policies(graph: GraphStore, policies: list[PolicyDocument]) -> int:
    """Write the data-file policies as nodes; a node a reference list made keeps its id and
    gains the file's issuer, date and short name. Returns how many were new."""
    known = {p.id for p in stored_policies(graph)}
    graph.import_nodes(Label.PolicyDocument, [_row(p) for p in policies])
    return sum(p.id not in known for p in policies)


def citing_counts(graph: GraphStore) -> Counter[str]:
    """policy id → documents whose reference list cites it."""
    counts: Counter[str] = Counter()
    after = None
    while rows := graph.export_relationships(Rel.CITES_POLICY, after, PAGE):
        counts.update(r["dst"] for r in rows)
        after = (rows[-1]["src"], rows[-1]["dst"])
    return counts


def policy_timeline(graph: GraphStore, policies: list[PolicyDocument] | None = None) -> list[dict]:
    """The policies of the data file and the store as one list by date: title, short name,
    issuer, date, year and how many documents cite it (data-file fields win)."""
    merged = {p.id: p for p in stored_policies(graph)}
    for p in load_policies() if policies is None else policies:
        merged[p.id] = p
    cited = citing_counts(graph)
    rows = [
        {
            "id": p.id,
            "title": p.title,
            "short_name": p.short_name or p.title,
            "issuer": p.issuer,
            "date": p.date or (str(p.year) if p.year else ""),
            "year": p.year,
            "cited_by": cited.get(p.id, 0),
        }
        for p in merged.values()
        if p.year
    ]
    return sorted(rows, key=lambda r: (r["date"], r["title"]))
