"""What every service call needs: the open store and who is acting."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete
from sqlalchemy.orm import Session

from workbench.services.changes import record
from workbench.store.engine import Store
from workbench.store.models import JournalEntry, RowSync, VisitContact, new_id, utcnow
from workbench.store.payload import row_key, row_payload


@dataclass(frozen=True, slots=True)
class Context:
    store: Store
    user_id: str
    user_name: str = ""


def tx_id(session: Session) -> str:
    """The id of the write transaction ``session`` runs (one per :meth:`Store.write`): every
    journal entry of one service call carries it, so the other side applies all or nothing."""
    return session.info.setdefault("tx_id", new_id())  # type: ignore[no-any-return]


def server_version(session: Session, table: str, row_id: str) -> int:
    """The server version of a row as this device last saw it (0: never synced)."""
    seen = session.get(RowSync, (table, row_id))
    return seen.server_version if seen is not None else 0


def journal(session: Session, ctx: Context, *, table: str, row_id: str, op: str, new_version: int,
            fields: Mapping[str, Any]) -> None:
    """Record one written row in the change journal, in the caller's transaction.

    ``fields`` are already in the wire encoding (:mod:`workbench.store.payload`); the base
    version is the server version the device last saw of the row.
    """
    session.add(
        JournalEntry(
            device_id=ctx.store.device_id,
            tx_id=tx_id(session),
            table_name=table,
            row_id=row_id,
            op=op,
            base_version=server_version(session, table, row_id),
            new_version=new_version,
            fields=json.dumps(dict(fields), ensure_ascii=False, sort_keys=True),
            actor_id=ctx.user_id,
            created_at=utcnow(),
        )
    )
    record(session, table, row_id, op)  # for the screens (services.changes)


def apply_changes(session: Session, ctx: Context, row: Any, table: str, changes: Mapping[str, Any]) -> dict[str, Any]:
    """Set changed attributes on ``row``, bump its version, journal; returns what changed.

    Model validators run on assignment, so a refused value raises before anything is
    written; the caller's transaction rolls back the rest. Device-local columns may be set
    here but are not journaled (workbench.store.payload.DEVICE_LOCAL).
    """
    changed = {k: v for k, v in changes.items() if getattr(row, k) != v}
    if not changed:
        return {}
    for key, value in changed.items():
        setattr(row, key, value)
    changed = {k: getattr(row, k) for k in changed}  # as normalized by the validators
    row.version = row.version + 1
    row.updated_at = utcnow()
    wire = row_payload(row, only=set(changed))  # bookkeeping (updated_at) is the server's
    journal(session, ctx, table=table, row_id=row_key(table, row), op="update", new_version=row.version,
            fields=wire)
    return changed


def insert_row(session: Session, ctx: Context, row: Any, table: str) -> None:
    """Add a new row with its journal entry (op ``insert``, version 1): the payload is every
    synced column of the row as flushed, defaults included."""
    now = utcnow()
    row.created_at = now
    row.updated_at = now
    row.version = 1
    if hasattr(row, "owner_id") and row.owner_id is None:
        row.owner_id = ctx.user_id
    session.add(row)
    session.flush()
    journal(session, ctx, table=table, row_id=row_key(table, row), op="insert", new_version=1,
            fields=row_payload(row))


def set_deleted(session: Session, ctx: Context, row: Any, table: str, deleted: bool) -> bool:
    """Tombstone (or restore) ``row`` with its journal entry; False when it already was."""
    if row.deleted == deleted:
        return False
    row.deleted = deleted
    row.version = row.version + 1
    row.updated_at = utcnow()
    journal(session, ctx, table=table, row_id=row_key(table, row), op="delete" if deleted else "update",
            new_version=row.version, fields=row_payload(row, only={"deleted"}))
    if not deleted:
        record(session, table, row_key(table, row), "restore")  # back in the lists
    session.flush()
    return True


def link_visit_contact(session: Session, ctx: Context, visit_id: str, contact_id: str, *, linked: bool) -> None:
    """Add (or remove) one contact met at a visit, journaled as a set member
    (``visit_contacts``, row id ``visit:contact``) so concurrent additions both survive."""
    key = f"{visit_id}:{contact_id}"
    if linked:
        session.add(VisitContact(visit_id=visit_id, contact_id=contact_id))
        journal(session, ctx, table="visit_contacts", row_id=key, op="insert", new_version=1,
                fields={"visit_id": visit_id, "contact_id": contact_id})
    else:
        session.execute(delete(VisitContact).where(VisitContact.visit_id == visit_id,
                                                   VisitContact.contact_id == contact_id))
        journal(session, ctx, table="visit_contacts", row_id=key, op="delete", new_version=0,
                fields={"visit_id": visit_id, "contact_id": contact_id, "deleted": True})
