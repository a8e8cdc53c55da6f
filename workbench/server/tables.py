"""Facts about the synced tables the server needs, read off the local models (the schema of
what travels): columns, required ones, foreign keys, the customer a row hangs from."""

from __future__ import annotations

from functools import cache
from typing import Any

from sqlalchemy import Column

import workbench.store.models  # noqa: F401 - registers every mapped class for model_for
from workbench.store.payload import INSERT_ONLY, SYNCED_TABLES, model_for, synced_columns

GLOBAL_TABLES = frozenset({"users", "industries", "stage_defs", "price_books"})
HQ_TABLES = frozenset({"industries", "stage_defs", "price_books"})
CODE_KEYED = frozenset({"industries", "stage_defs"})
# Bookkeeping columns a device sends on an insert but never changes by an update.
BOOKKEEPING = frozenset({"id", "code", "created_at", "updated_at", "version"})
# How a row reaches its customer: (column of this row, table that column points at).
PARENT: dict[str, tuple[str, str]] = {
    "contacts": ("customer_id", "customers"),
    "visits": ("customer_id", "customers"),
    "stage_events": ("customer_id", "customers"),
    "offers": ("customer_id", "customers"),
    "contact_scores": ("contact_id", "contacts"),
    "visit_contacts": ("visit_id", "visits"),
    "offer_versions": ("offer_id", "offers"),
    "offer_events": ("offer_id", "offers"),
    "proposals": ("offer_id", "offers"),
}

__all__ = ["GLOBAL_TABLES", "HQ_TABLES", "INSERT_ONLY", "PARENT", "SYNCED_TABLES", "columns",
           "foreign_keys", "has_column", "required", "row_id_of"]


@cache
def columns(table: str) -> dict[str, Column[Any]]:
    return synced_columns(model_for(table))


def has_column(table: str, name: str) -> bool:
    return name in columns(table)


@cache
def required(table: str) -> tuple[str, ...]:
    """Columns an insert must carry: NOT NULL without a default (a composite key's parts)."""
    if table == "visit_contacts":
        return ("visit_id", "contact_id")
    return tuple(k for k, c in columns(table).items()
                 if not c.nullable and c.default is None and c.server_default is None
                 and not c.primary_key)


@cache
def foreign_keys(table: str) -> dict[str, str]:
    """``{column: referred table}`` of the row's foreign keys."""
    out: dict[str, str] = {}
    for key, column in columns(table).items():
        for fk in column.foreign_keys:
            out[key] = fk.target_fullname.split(".")[0]
    return out


def row_id_of(table: str, data: dict[str, Any]) -> str | None:
    """The wire row id a full row's data names (None when the data does not say)."""
    if table == "visit_contacts":
        if data.get("visit_id") is None or data.get("contact_id") is None:
            return None
        return f"{data['visit_id']}:{data['contact_id']}"
    key = "code" if table in CODE_KEYED else "id"
    value = data.get(key)
    return None if value is None else str(value)


def id_column(table: str) -> str | None:
    if table == "visit_contacts":
        return None
    return "code" if table in CODE_KEYED else "id"
