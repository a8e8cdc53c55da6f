"""Rows as they travel: the synced tables, their columns, and one encoding of their values.

One definition serves the change journal (what a device writes into its outbox), the sync
client (what it applies from a pull) and the server (what it decodes and re-validates), so the
three can never disagree on a column or a time zone (docs/sync-protocol.md, "Values on the
wire"):

- a row's payload is every mapped column minus the device-local ones (:data:`DEVICE_LOCAL`);
- dates are ``YYYY-MM-DD``; every date-time is an instant with its offset. Naive UTC columns
  (bookkeeping) get ``+00:00``; naive local wall-clock columns (``info=LOCAL_CLOCK``) get the
  local offset in force at that moment; decoding turns the instant back into the column's own
  convention on the receiving machine;
- bytes are base64, ``Decimal`` a string, booleans JSON booleans.
"""

from __future__ import annotations

import base64
from datetime import UTC, date, datetime
from decimal import Decimal
from functools import cache
from typing import Any

from sqlalchemy import Boolean, Column, Date, DateTime, Integer, LargeBinary, inspect
from sqlalchemy.orm import Mapper

from workbench.store.base import Base

# Columns that never leave the device: the search index's rowid alias and values each device
# derives itself from synced rows (the name's pinyin order, the earliest open follow-up, the
# last visit). A pull recomputes them.
DEVICE_LOCAL: dict[str, frozenset[str]] = {
    "customers": frozenset({"num", "sort_key", "next_follow_up", "last_visit_at"}),
}

# Tables whose rows sync, in an order where a row's foreign keys point at earlier tables.
SYNCED_TABLES: tuple[str, ...] = (
    "users", "industries", "stage_defs", "price_books",
    "customers", "contacts", "visits", "contact_scores", "visit_contacts", "stage_events",
    "offers", "offer_versions", "offer_events", "proposals", "conflicts",
)

# History tables: rows are inserted and never changed, so they never conflict.
INSERT_ONLY: frozenset[str] = frozenset({"stage_events", "offer_events", "contact_scores"})


@cache
def model_for(table: str) -> type[Base]:
    """The mapped class of a synced table (KeyError for any other name)."""
    if table not in SYNCED_TABLES:
        raise KeyError(table)
    for mapper in Base.registry.mappers:
        if getattr(mapper.class_, "__tablename__", None) == table:
            return mapper.class_  # type: ignore[no-any-return]
    raise KeyError(table)


def _mapper(model: type[Base]) -> Mapper[Any]:
    return inspect(model)


@cache
def synced_columns(model: type[Base]) -> dict[str, Column[Any]]:
    """``{attribute name: column}`` of the columns that travel, in table order (do not
    modify the dictionary: it is shared)."""
    table = model.__tablename__
    skip = DEVICE_LOCAL.get(table, frozenset())
    out: dict[str, Column[Any]] = {}
    for attr in _mapper(model).column_attrs:
        if attr.key in skip:
            continue
        out[attr.key] = attr.columns[0]  # type: ignore[assignment]
    return out


def is_local_clock(column: Column[Any]) -> bool:
    return column.info.get("clock") == "local"


def encode_value(column: Column[Any], value: Any) -> Any:
    if value is None:
        return None
    if isinstance(column.type, DateTime):
        if value.tzinfo is None:
            # naive local wall-clock -> aware in the local zone; naive UTC -> aware UTC
            value = value.astimezone() if is_local_clock(column) else value.replace(tzinfo=UTC)
        return value.isoformat()
    if isinstance(column.type, Date):
        return value.isoformat()
    if isinstance(column.type, LargeBinary):
        return base64.b64encode(value).decode("ascii")
    if isinstance(value, Decimal):
        return str(value)
    return value


def decode_value(column: Column[Any], value: Any) -> Any:
    """The Python value of a wire value for ``column``; ValueError/TypeError when malformed."""
    if value is None:
        return None
    kind = column.type
    if isinstance(kind, DateTime):
        if not isinstance(value, str):
            raise TypeError("a date-time is a string")
        parsed = datetime.fromisoformat(value)
        if parsed.tzinfo is None:
            raise ValueError("a date-time on the wire carries its offset")
        if is_local_clock(column):
            return parsed.astimezone().replace(tzinfo=None)
        return parsed.astimezone(UTC).replace(tzinfo=None)
    if isinstance(kind, Date):
        if not isinstance(value, str):
            raise TypeError("a date is a string")
        return date.fromisoformat(value)
    if isinstance(kind, LargeBinary):
        if not isinstance(value, str):
            raise TypeError("bytes travel as base64")
        return base64.b64decode(value.encode("ascii"), validate=True)
    if isinstance(kind, Boolean):
        if not isinstance(value, bool):
            raise TypeError("a flag is true or false")
        return value
    if isinstance(kind, Integer):
        if isinstance(value, bool) or not isinstance(value, int):
            raise TypeError("a whole number is expected")
        return value
    if not isinstance(value, str):
        raise TypeError("text is expected")
    return value


def row_payload(row: Base, only: set[str] | None = None) -> dict[str, Any]:
    """The wire form of ``row``'s synced columns (all of them, or ``only`` those)."""
    cols = synced_columns(type(row))
    return {k: encode_value(c, getattr(row, k)) for k, c in cols.items() if only is None or k in only}


def encode_fields(model: type[Base], values: dict[str, Any]) -> dict[str, Any]:
    """The wire form of some attribute values of ``model`` (non-columns pass unchanged)."""
    cols = synced_columns(model)
    return {k: encode_value(cols[k], v) if k in cols else v for k, v in values.items()}


def decode_fields(model: type[Base], data: dict[str, Any]) -> dict[str, Any]:
    """Python values of a wire payload; KeyError for an unknown column."""
    cols = synced_columns(model)
    out: dict[str, Any] = {}
    for key, value in data.items():
        if key not in cols:
            raise KeyError(key)
        out[key] = decode_value(cols[key], value)
    return out


def primary_key(model: type[Base]) -> tuple[str, ...]:
    return tuple(c.key for c in _mapper(model).primary_key)  # type: ignore[misc]


def key_column(table: str) -> str:
    """The column a row id on the wire names (visit_contacts aside: ``visit:contact``)."""
    return "code" if table in ("industries", "stage_defs") else "id"


def row_key(table: str, row: Base) -> str:
    """The row id on the wire: the UUID, or ``visit:contact`` for a visit's contact."""
    if table == "visit_contacts":
        return f"{row.visit_id}:{row.contact_id}"  # type: ignore[attr-defined]
    return str(getattr(row, key_column(table)))
