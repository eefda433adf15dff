"""What REFI-QDA export and import share: namespaces, GUIDs, the kgreview metadata note.

GUIDs are derived from our ids (UUID 5), so exporting twice gives the same file and a tool
that keeps GUIDs brings back the same objects. Positions are code points of the source's
plain text exactly as stored in the project (NVivo: BOM dropped, CRLF counts as two).

The exchange format has no place for our ids, code categories, bilingual labels or a coding's
polarity; an export carries them in one project note named :data:`META_NOTE` (JSON), so a
kgreview → kgreview round trip is exact. A file from another tool has no such note: ids are
then made from its GUIDs and names.
"""

from __future__ import annotations

import re
import uuid
from datetime import UTC, datetime

PROJECT_NS = "urn:QDA-XML:project:1.0"
CODEBOOK_NS = "urn:QDA-XML:codebook:1.0"
META_NOTE = "kgreview-metadata"
META_VERSION = 1
ORIGIN = "kgreview"
_SPACE = uuid.UUID("6f1c2a4e-2d0b-5b8e-9a57-4b0f3c1d7e21")
_CJK = re.compile(r"[\u3400-\u9fff]")


def guid(kind: str, *key: object) -> str:
    """A stable GUID for one of our objects (``kind`` keeps kinds apart)."""
    return str(uuid.uuid5(_SPACE, "\x1f".join([kind, *map(str, key)])))


def bare_guid(value: str) -> str:
    """A GUID without braces, lower case: the form ids are made from."""
    return value.strip().strip("{}").lower()


def xsd_datetime(value: str | None) -> str | None:
    """An ISO timestamp as xsd:dateTime in UTC (``2024-03-12T08:00:00Z``), None if unreadable."""
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def code_name(label_en: str, label_zh: str, fallback: str) -> str:
    """The one name a QDA tool shows: both labels when a code has two."""
    if label_zh and label_en and label_zh != label_en:
        return f"{label_zh} / {label_en}"
    return label_zh or label_en or fallback


def labels_from_name(name: str) -> tuple[str, str]:
    """(label_en, label_zh) for a code name from another tool: by script."""
    return ("", name) if _CJK.search(name) else (name, "")
