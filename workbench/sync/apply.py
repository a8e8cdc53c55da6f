"""Applying what a pull brought: one page, one local transaction, never journaled again.

A page's rows are the server's current state of each row. They are written without journal
entries (they came from the server; sending them back would loop), except that a field this
device has changed and not yet pushed keeps its local value: the push will carry it and the
server will judge it, so a pull never reverts what someone typed. Customers touched (their
own row, their contacts, their visits) get their search rows and derived columns recomputed,
and the cursor moves in the same transaction, so a crash leaves either the whole page and the
new cursor or neither.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import delete, select, text
from sqlalchemy.orm import Session

from workbench.services.visits import refresh_derived
from workbench.store import models as m
from workbench.store.engine import Store
from workbench.store.payload import decode_value, model_for, primary_key, synced_columns
from workbench.store.search_index import reindex_customer

log = logging.getLogger(__name__)

CURSOR_KEY = "sync_cursor"

# Tables whose rows change what a customer's search rows or derived columns hold.
_CUSTOMER_OF = {"customers": "id", "contacts": "customer_id", "visits": "customer_id"}


@dataclass
class Applied:
    """What one or more pages changed locally: ``{table: {row ids}}``, and rows kept local."""

    rows: dict[str, set[str]] = field(default_factory=dict)
    kept_local: int = 0
    cursor: int = 0

    def add(self, table: str, row_id: str) -> None:
        self.rows.setdefault(table, set()).add(row_id)

    def merge(self, other: Applied) -> None:
        for table, ids in other.rows.items():
            self.rows.setdefault(table, set()).update(ids)
        self.kept_local += other.kept_local
        self.cursor = max(self.cursor, other.cursor)

    @property
    def count(self) -> int:
        return sum(len(ids) for ids in self.rows.values())


def read_cursor(session: Session) -> int:
    value = session.scalar(select(m.Meta.value).where(m.Meta.key == CURSOR_KEY))
    return int(value) if value else 0


def cursor(store: Store) -> int:
    with store.read() as s:
        return read_cursor(s)


def _pending_fields(session: Session) -> dict[tuple[str, str], set[str]]:
    """Fields of each row with a local change not yet accepted by the server."""
    out: dict[tuple[str, str], set[str]] = {}
    q = select(m.JournalEntry.table_name, m.JournalEntry.row_id, m.JournalEntry.fields).where(
        m.JournalEntry.pushed_at.is_(None))
    for table, row_id, fields in session.execute(q):
        out.setdefault((table, row_id), set()).update(json.loads(fields))
    return out


def _decoded(model: type[m.Base], data: Mapping[str, Any]) -> dict[str, Any]:
    """Python values of the columns this schema knows (a newer server may send more)."""
    cols = synced_columns(model)  # in table order: a visit's time is set before its follow-up
    return {k: decode_value(c, data[k]) for k, c in cols.items() if k in data}


def _apply_visit_contact(session: Session, item: Mapping[str, Any], pending: set[str] | None) -> bool:
    visit_id, _, contact_id = str(item["row"]).partition(":")
    if pending is not None:
        return False  # a local add or remove not yet pushed stands
    if item.get("deleted"):
        session.execute(delete(m.VisitContact).where(m.VisitContact.visit_id == visit_id,
                                                     m.VisitContact.contact_id == contact_id))
    elif session.get(m.VisitContact, (visit_id, contact_id)) is None:
        session.add(m.VisitContact(visit_id=visit_id, contact_id=contact_id))
    return True


def _existing(session: Session, model: type[m.Base], table: str, row_id: str) -> Any:
    if table == "customers":
        return session.scalar(select(m.Customer).where(m.Customer.id == row_id))
    key = primary_key(model)
    assert len(key) == 1, table
    return session.get(model, row_id)


def _apply_row(session: Session, item: Mapping[str, Any], pending: set[str] | None) -> int:
    """Write one pulled row; returns how many of its fields were kept local."""
    table = str(item["table"])
    model = model_for(table)
    values = _decoded(model, item.get("data") or {})
    values["deleted"] = bool(item.get("deleted", values.get("deleted", False)))
    kept = pending or set()
    row = _existing(session, model, table, str(item["row"]))
    if row is None:
        row = model()
        for key, value in values.items():
            setattr(row, key, value)
        if hasattr(row, "version"):
            row.version = int(item.get("version") or 1)
        session.add(row)
        return 0
    changed = False
    for key, value in values.items():
        if key in kept or key == "version":
            continue
        if getattr(row, key) != value:
            setattr(row, key, value)
            changed = True
    if changed and hasattr(row, "version"):
        row.version = row.version + 1  # an editor holding the old local version is told
    return len(kept & values.keys())


def _customers_touched(session: Session, touched: Mapping[str, set[str]]) -> set[str]:
    out: set[str] = set()
    for table, column in _CUSTOMER_OF.items():
        ids = touched.get(table)
        if not ids:
            continue
        model = model_for(table)
        if table == "customers":
            out.update(ids)
        else:
            out.update(session.scalars(select(getattr(model, column)).where(model.id.in_(ids))))  # type: ignore[attr-defined]
    for link in touched.get("visit_contacts", ()):
        out.update(session.scalars(select(m.Visit.customer_id).where(m.Visit.id == link.partition(":")[0])))
    return out


def apply_page(store: Store, rows: Iterable[Mapping[str, Any]], new_cursor: int) -> Applied:
    """Apply one pull page and move the cursor to ``new_cursor``, in one transaction."""
    result = Applied(cursor=new_cursor)
    with store.write() as s:
        # A page is in commit order, but a child may arrive before a parent that became
        # visible later: foreign keys are checked when the page commits.
        s.execute(text("PRAGMA defer_foreign_keys = ON"))
        pending = _pending_fields(s)
        for item in rows:
            table, row_id = str(item["table"]), str(item["row"])
            local = pending.get((table, row_id))
            if table == "visit_contacts":
                if not _apply_visit_contact(s, item, local):
                    result.kept_local += 1
            else:
                result.kept_local += _apply_row(s, item, local)
            result.add(table, row_id)
            s.merge(m.RowSync(table_name=table, row_id=row_id, server_version=int(item.get("version") or 0)))
        s.flush()
        for customer_id in _customers_touched(s, result.rows):
            customer = s.scalar(select(m.Customer).where(m.Customer.id == customer_id))
            if customer is None:
                continue
            reindex_customer(s, customer_id)
            refresh_derived(s, customer)
        s.merge(m.Meta(key=CURSOR_KEY, value=str(new_cursor)))
    return result
