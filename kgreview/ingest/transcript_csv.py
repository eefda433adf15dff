"""Transcript tables (CSV/TSV: speaker, start, text): see :mod:`kgreview.ingest.subtitles`."""

from kgreview.ingest.subtitles import read_table as read

__all__ = ["read"]
