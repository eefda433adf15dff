"""Settings from the environment and the command line; no globals elsewhere."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

NEO4J_SCHEMES = ("neo4j://", "neo4j+s://", "neo4j+ssc://", "bolt://", "bolt+s://", "bolt+ssc://")


def schemas_dir() -> Path:
    """The folder holding graph.yaml and the codebook (``KGREVIEW_SCHEMAS`` overrides)."""
    override = os.environ.get("KGREVIEW_SCHEMAS")
    if override:
        return Path(override)
    return Path(__file__).resolve().parent.parent / "schemas"


def corpus_dir() -> Path:
    """The sample corpus shipped in a source checkout."""
    return Path(__file__).resolve().parent.parent / "corpus"


def default_store_path() -> Path:
    return Path(platformdirs.user_data_dir("kgreview")) / "kgreview.db"


@dataclass(frozen=True, slots=True)
class StoreSettings:
    """Where the graph lives: an embedded file, or a Neo4j server with credentials."""

    uri: str
    user: str = "neo4j"
    password: str = ""
    database: str = "neo4j"

    @property
    def is_neo4j(self) -> bool:
        return self.uri.lower().startswith(NEO4J_SCHEMES)

    def describe(self) -> str:
        return self.uri if self.is_neo4j else f"embedded store {self.uri}"


def store_settings(cli_value: str | None = None) -> StoreSettings:
    """``--store`` wins over ``KGREVIEW_STORE``; nothing means the default embedded file."""
    uri = cli_value or os.environ.get("KGREVIEW_STORE") or str(default_store_path())
    if "://" in uri and not uri.lower().startswith(NEO4J_SCHEMES) and not uri.startswith("file://"):
        raise ValueError(
            f"unsupported store URI {uri!r}: use a file path or neo4j://, bolt:// (+s, +ssc)"
        )
    uri = uri.removeprefix("file://")
    if "://" in uri and "@" in uri.split("://", 1)[1].split("/", 1)[0]:
        # A password in the URI would be echoed by every error line and log: refuse it,
        # without repeating the URI.
        raise ValueError(
            "the store URI holds credentials: give the server as bolt://host:port and the "
            "password in KGREVIEW_NEO4J_PASSWORD (the user in KGREVIEW_NEO4J_USER)"
        )
    return StoreSettings(
        uri=uri,
        user=os.environ.get("KGREVIEW_NEO4J_USER", "neo4j"),
        password=os.environ.get("KGREVIEW_NEO4J_PASSWORD", ""),
        database=os.environ.get("KGREVIEW_NEO4J_DATABASE", "neo4j"),
    )
