"""What every service call needs: the open store and who is acting."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy.orm import Session

from workbench.store.engine import Store
from workbench.store.models import JournalEntry, utcnow


@dataclass(frozen=True, slots=True)
class Context:
    store: Store
    user_id: str
    user_name: str = ""


def _jsonable(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, tuple | list):
        return [_jsonable(v) for v in value]
    return value


def journal(
    session: Session,
    ctx: Context,
    *,
    table: str,
    row_id: str,
    op: str,
    base_version: int,
    new_version: int,
    fields: Mapping[str, Any],
) -> None:
    """Record one written row in the change journal, in the caller's transaction."""
    session.add(
        JournalEntry(
            device_id=ctx.store.device_id,
            table_name=table,
            row_id=row_id,
            op=op,
            base_version=base_version,
            new_version=new_version,
            fields=json.dumps({k: _jsonable(v) for k, v in fields.items()}, ensure_ascii=False, sort_keys=True),
            actor_id=ctx.user_id,
            created_at=utcnow(),
        )
    )


def apply_changes(session: Session, ctx: Context, row: Any, table: str, changes: Mapping[str, Any],
                  *, also: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """Set changed attributes on ``row``, bump its version, journal; returns what changed.

    ``also``: changed fields kept outside the row's columns (a visit's contacts met), to be
    journaled with the same version. Model validators run on assignment, so a refused value
    raises before anything is written; the caller's transaction rolls back the rest.
    """
    changed = {k: v for k, v in changes.items() if getattr(row, k) != v}
    if not changed and not also:
        return {}
    for key, value in changed.items():
        setattr(row, key, value)
    changed = {k: getattr(row, k) for k in changed}  # as normalized by the validators
    changed.update(also or {})
    base = row.version
    row.version = base + 1
    row.updated_at = utcnow()
    journal(session, ctx, table=table, row_id=row.id, op="update", base_version=base,
            new_version=row.version, fields=changed)
    return changed


def insert_row(session: Session, ctx: Context, row: Any, table: str, fields: Mapping[str, Any]) -> None:
    """Add a new row with its journal entry (op ``insert``, version 1)."""
    now = utcnow()
    row.created_at = now
    row.updated_at = now
    row.version = 1
    if hasattr(row, "owner_id") and row.owner_id is None:
        row.owner_id = ctx.user_id
    session.add(row)
    session.flush()
    journal(session, ctx, table=table, row_id=row.id, op="insert", base_version=0, new_version=1,
            fields={**fields, **({"owner_id": row.owner_id} if hasattr(row, "owner_id") else {})})
