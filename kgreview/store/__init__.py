"""Graph stores behind one protocol; :func:`open_store` picks the backend from a URI."""

from __future__ import annotations

from kgreview.config import StoreSettings, store_settings
from kgreview.store.base import GraphStore, StoreError, StoreUnavailable, StoreWriteError

__all__ = ["GraphStore", "StoreError", "StoreUnavailable", "StoreWriteError", "open_store"]


def open_store(target: str | StoreSettings | None = None) -> GraphStore:
    """Open the store a URI names.

    A file path (or nothing: the default file) is embedded; neo4j:// or bolt:// is a server.
    """
    try:
        settings = target if isinstance(target, StoreSettings) else store_settings(target)
    except ValueError as exc:
        raise StoreUnavailable(str(exc)) from exc
    if settings.is_neo4j:
        from kgreview.store.neo4j import Neo4jStore  # the driver loads only when needed

        return Neo4jStore(settings)
    from kgreview.store.embedded import EmbeddedStore

    return EmbeddedStore(settings.uri)
