"""Which Neo4j driver errors mean "the server is gone" and the one line that says so.

The store writes and reads through the driver's managed transactions
(``session.execute_write`` / ``execute_read``), which retry transient errors and lost
connections with exponential backoff for ``max_transaction_retry_time``
(``KGREVIEW_NEO4J_RETRY_SECONDS``). An error of these kinds that outlasts the retries means the
server went away: the command must stop with one line naming the store, not go on document
by document.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from neo4j import exceptions as neo_errors

from kgreview.config import StoreSettings
from kgreview.store.base import StoreUnavailable

GONE = (neo_errors.ServiceUnavailable, neo_errors.SessionExpired, neo_errors.TransientError)


def message(exc: Exception) -> str:
    """The driver's message, on one line."""
    return " ".join((getattr(exc, "message", None) or str(exc) or type(exc).__name__).split())


def gone(settings: StoreSettings, exc: Exception, during: str) -> StoreUnavailable:
    """The error for a server that stopped answering (the URI, never the password)."""
    return StoreUnavailable(
        f"Neo4j at {settings.uri} stopped answering during {during} (still failing after "
        f"{settings.retry_seconds:g} s of retries): {message(exc)}; nothing of the unfinished "
        "transaction was kept, run the same command again once the server is back"
    )


@contextmanager
def reported_gone(settings: StoreSettings, during: str) -> Iterator[None]:
    """Turn a driver error that outlasted the retries into :func:`gone`'s one line."""
    try:
        yield
    except GONE as exc:
        raise gone(settings, exc, during) from exc
