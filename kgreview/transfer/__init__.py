"""Moving a project between stores and in and out of backup files, and comparing two stores.

Everything goes through the stores' raw, schema-driven API (``export_nodes``,
``import_nodes`` ...): what graph.yaml declares is what is copied, label by label, in pages.
"""

from __future__ import annotations

from kgreview.transfer.backup import BackupSource, open_backup, write_backup
from kgreview.transfer.copy import TransferError, TransferReport, transfer
from kgreview.transfer.source import StoreSource, steps
from kgreview.transfer.verify import Comparison, compare

__all__ = [
    "BackupSource",
    "Comparison",
    "StoreSource",
    "TransferError",
    "TransferReport",
    "compare",
    "open_backup",
    "steps",
    "transfer",
    "write_backup",
]
