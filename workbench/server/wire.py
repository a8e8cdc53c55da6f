"""The server's handling of wire values: canonical JSON and hashes, instants kept in UTC."""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import DateTime

from workbench.server.tables import columns


def canonical(value: Any) -> str:
    """One JSON text for equal values (sorted keys, no spaces, UTF-8 kept)."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def digest(value: Any) -> str:
    return hashlib.sha256(canonical(value).encode("utf-8")).hexdigest()


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def iso_utc(moment: datetime) -> str:
    """A naive-UTC or aware datetime as an instant with the UTC offset."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat()


def now_wire() -> str:
    return datetime.now(UTC).isoformat()


def to_utc(table: str, fields: dict[str, Any]) -> dict[str, Any]:
    """``fields`` with every date-time instant converted to the UTC offset (already validated)."""
    cols = columns(table)
    out = dict(fields)
    for key, value in fields.items():
        column = cols.get(key)
        if column is not None and isinstance(column.type, DateTime) and isinstance(value, str):
            out[key] = datetime.fromisoformat(value).astimezone(UTC).isoformat()
    return out
