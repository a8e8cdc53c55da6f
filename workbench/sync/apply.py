"""Applying what a pull brought: one page, one local transaction, never journaled again.

A page's rows are the server's current state of each row. They are written without journal
entries (they came from the server; sending them back would loop), except that a field this
device has changed and not yet pushed keeps its local value: the push will carry it and the
server will judge it, so a pull never reverts what someone typed. Customers whose visits
arrived get their derived columns recomputed in the page's transaction; customers whose
searched text changed (their name, a contact's name or phones) are marked, and indexed in
bulk by :func:`index_pending` once the pull is over (a customer whose contacts come over many
pages is indexed once). The cursor moves in the page's transaction, so a crash leaves either
the whole page and the new cursor or neither; marks left by a crash are indexed when the next
sync starts.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from workbench.services.changes import Changes, customers_of, from_rows
from workbench.services.visits import refresh_derived_many
from workbench.store import models as m
from workbench.store.base import in_slices
from workbench.store.engine import Store
from workbench.store.payload import decode_value, key_column, model_for, synced_columns
from workbench.store.search_index import index_marked, mark_pending, pending_ids
from workbench.sync.outbox import remember_versions

log = logging.getLogger(__name__)

CURSOR_KEY = "sync_cursor"
CHANGES_LIMIT = 20_000  # more pulled rows than this: the screens reload everything



@dataclass
class Applied:
    """What one or more pages changed locally: ``{table: {row ids}}``, and rows kept local.

    Past ``CHANGES_LIMIT`` rows the ids are dropped and only "many" is kept: the screens
    reload everything anyway, and an initial sync would otherwise hold every pulled id (3.3
    million at 100,000 customers) in memory, where each collection of the oldest objects
    walks them while holding the GIL (the longest stalls of the window during a sync)."""

    rows: dict[str, set[str]] = field(default_factory=dict)
    kept_local: int = 0
    cursor: int = 0
    kinds: dict[tuple[str, str], str] = field(default_factory=dict)  # insert / update / delete
    many: bool = False  # more than CHANGES_LIMIT rows: not named one by one

    def add(self, table: str, row_id: str, kind: str = "update") -> None:
        if self.many:
            return
        self.rows.setdefault(table, set()).add(row_id)
        if self.kinds.get((table, row_id)) != "insert":  # new to this device stays new
            self.kinds[(table, row_id)] = kind

    def merge(self, other: Applied) -> None:
        if other.many:
            self._too_many()
        for table, ids in other.rows.items():
            if self.many:
                break
            self.rows.setdefault(table, set()).update(ids)
        for key, kind in other.kinds.items():
            self.add(*key, kind)
        self.kept_local += other.kept_local
        self.cursor = max(self.cursor, other.cursor)
        if self.count > CHANGES_LIMIT:
            self._too_many()

    def _too_many(self) -> None:
        self.many = True
        self.rows.clear()
        self.kinds.clear()

    def changes(self, store: Store) -> Changes:
        """What the pull changed, as a local write's Changes (services.changes), for the screens."""
        if self.many or self.count > CHANGES_LIMIT:
            return Changes.everything()
        with store.read() as s:
            return from_rows(s, [(t, r, self.kinds.get((t, r), "update"))
                                 for t, ids in self.rows.items() for r in ids])

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


def _apply_visit_contacts(session: Session, items: Mapping[str, Mapping[str, Any]],
                          pending: Mapping[tuple[str, str], set[str]]) -> int:
    """Contacts met as set members: added or removed in two statements; a local add or
    remove not yet pushed stands. Returns how many were kept local."""
    add: list[dict[str, str]] = []
    remove: list[dict[str, str]] = []
    kept = 0
    for row_id, item in items.items():
        if ("visit_contacts", row_id) in pending:
            kept += 1
            continue
        visit_id, _, contact_id = row_id.partition(":")
        (remove if item.get("deleted") else add).append({"v": visit_id, "c": contact_id})
    if add:
        session.execute(text("INSERT OR IGNORE INTO visit_contacts (visit_id, contact_id) VALUES (:v, :c)"), add)
    if remove:
        session.execute(text("DELETE FROM visit_contacts WHERE visit_id = :v AND contact_id = :c"), remove)
    return kept


def _known(session: Session, table: str, ids: list[str]) -> set[str]:
    """Which of ``ids`` the device already holds (one query per table and page)."""
    model = model_for(table)
    column = getattr(model, key_column(table))
    found: set[str] = set()
    for start in range(0, len(ids), 500):
        found.update(session.scalars(select(column).where(column.in_(ids[start:start + 500]))))
    return found


def _values(table: str, item: Mapping[str, Any]) -> dict[str, Any]:
    values = _decoded(model_for(table), item.get("data") or {})
    values["deleted"] = bool(item.get("deleted", values.get("deleted", False)))
    if "version" in synced_columns(model_for(table)):
        values["version"] = int(item.get("version") or 1)
    return values


def _insert_new(session: Session, table: str, items: list[Mapping[str, Any]]) -> None:
    """Rows the device has never held: one multi-row insert (the server validated them)."""
    if not items:
        return
    model = model_for(table)
    rows = [_values(table, item) for item in items]
    if table == "customers":
        rows = [{"sort_key": "", **r} for r in rows]  # recomputed by the re-index below
    columns = sorted({k for r in rows for k in r})
    # Straight to the driver: the values are already Python values of the columns' types, and
    # the ORM's per-row parameter building cost more than SQLite's insert (profiled).
    target: Any = model.__table__  # type: ignore[attr-defined]
    dialect = session.get_bind().dialect
    processors = [target.c[c].type.bind_processor(dialect) for c in columns]
    sql = f"INSERT INTO {target.name} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
    for part in in_slices(rows):
        session.connection().exec_driver_sql(sql, [
            tuple(p(r.get(c)) if p else r.get(c) for c, p in zip(columns, processors, strict=True)) for r in part])


# Columns whose change alters a customer's search rows (the name, the contacts' names and phones).
_SEARCHED = {"customers": frozenset({"name", "short_name", "credit_code", "deleted"}),
             "contacts": frozenset({"name", "mobile", "phone", "deleted", "customer_id"})}


def _update_known(session: Session, table: str, item: Mapping[str, Any],
                  pending: set[str] | None) -> tuple[int, bool]:
    """Write one pulled row the device holds; returns how many of its fields were kept local
    and whether a searched column changed."""
    model = model_for(table)
    row = session.scalar(select(model).where(getattr(model, key_column(table)) == str(item["row"])))
    assert row is not None
    values = _values(table, item)
    kept = pending or set()
    changed: set[str] = set()
    for key, value in values.items():
        if key in kept or key == "version":
            continue
        if getattr(row, key) != value:
            setattr(row, key, value)
            changed.add(key)
    if changed and hasattr(row, "version"):
        row.version = row.version + 1  # an editor holding the old local version is told
    return len(kept & values.keys()), bool(changed & _SEARCHED.get(table, frozenset()))


def apply_page(store: Store, rows: Iterable[Mapping[str, Any]], new_cursor: int,
               gone: Iterable[str] = ()) -> Applied:
    """Apply one pull page and move the cursor to ``new_cursor``, in one transaction; forget
    the customers the page says left this device's view (``gone``)."""
    result = Applied(cursor=new_cursor)
    # A page is in commit order, so a child may arrive a page before a parent that changed
    # (or became visible) later; the server has checked every reference already.
    with store.write(foreign_keys=False) as s:
        pending = _pending_fields(s)
        versions: dict[tuple[str, str], int] = {}
        by_table: dict[str, dict[str, Mapping[str, Any]]] = {}
        searched: dict[str, set[str]] = {"customers": set(), "contacts": set()}  # rows to re-index for
        derived: set[str] = set()  # visits whose customers' derived columns move
        new_customers: set[str] = set()
        for item in rows:  # the newest state of each row in the page wins
            table, row_id = str(item["table"]), str(item["row"])
            model_for(table)  # KeyError for a table this schema does not know
            by_table.setdefault(table, {})[row_id] = item
            result.add(table, row_id, "delete" if item.get("deleted") else "update")
            versions[(table, row_id)] = int(item.get("version") or 0)
        for table, items in by_table.items():
            if table == "visit_contacts":
                result.kept_local += _apply_visit_contacts(s, items, pending)
                continue
            known = _known(s, table, list(items))
            fresh = [row_id for row_id in items if row_id not in known]
            for row_id in fresh:
                result.add(table, row_id, "insert")
            _insert_new(s, table, [items[row_id] for row_id in fresh])
            if table == "customers":
                new_customers.update(fresh)
            elif table in searched:
                searched[table].update(fresh)
            if table == "visits":
                derived.update(items)
            with s.no_autoflush:
                for row_id in known:
                    kept, moved = _update_known(s, table, items[row_id], pending.get((table, row_id)))
                    result.kept_local += kept
                    if moved and table in searched:
                        searched[table].add(row_id)
            s.flush()
        remember_versions(s, versions)
        refresh_derived_many(s, sorted(customers_of(s, "visits", sorted(derived)) | new_customers))
        mark_pending(s, new_customers | searched["customers"] | customers_of(s, "contacts", sorted(searched["contacts"])))
        left = sorted(set(gone))
        if left:
            from workbench.sync.forget import forget_customers

            forget_customers(s, left, lambda table, row_id: result.add(table, row_id, "delete"))
        s.merge(m.Meta(key=CURSOR_KEY, value=str(new_cursor)))
    return result


def index_pending(store: Store, *, chunk: int = 500) -> int:
    """Index the customers pulled pages marked, ``chunk`` per transaction; returns how many."""
    done = 0
    while True:
        with store.write() as s:
            ids = pending_ids(s, chunk)
            if not ids:
                return done
            index_marked(s, ids)
        done += len(ids)
