"""Applying one pushed entry inside the push transaction: re-validate, authorise, merge,
record conflicts, keep the natural keys (duplicate credit codes, offer version numbers)."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, select

from workbench.server import store
from workbench.server.authz import Actor, authorise, may_write_customer, missing_row
from workbench.server.decisions import check_decision
from workbench.server.errors import Refused
from workbench.server.merge import Merged, merge
from workbench.server.schema import devices
from workbench.server.signing import sign_book
from workbench.server.store import StoredRow
from workbench.server.tables import (
    INSERT_ONLY,
    PARENT,
    SYNCED_TABLES,
    foreign_keys,
    has_column,
    id_column,
)
from workbench.server.validate import check_references, clean_entry
from workbench.server.wire import canonical, now_wire


@dataclass
class Outcome:
    status: str  # applied | conflict
    version: int
    conflicts: list[str] = field(default_factory=list)


@dataclass
class PushState:
    """What one push transaction has done so far (rolled back with a refused transaction)."""

    conn: Connection
    actor: Actor
    rows: store.PushRows = field(init=False)
    touched: dict[tuple[str, str], None] = field(default_factory=dict)
    renumbered: dict[tuple[str, int], int] = field(default_factory=dict)
    users_of: dict[str, str | None] = field(default_factory=dict)
    # customers whose owner or sharing changed: (customer id, owner before, shared before)
    departures: list[tuple[str, str | None, bool]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.rows = store.PushRows(self.conn)

    def touch(self, table: str, row_id: str) -> None:
        self.touched.setdefault((table, row_id), None)

    def user_of(self, device_id: str | None) -> str | None:
        if device_id is None:
            return None
        if device_id not in self.users_of:
            self.users_of[device_id] = self.conn.scalar(
                select(devices.c.user_id).where(devices.c.id == device_id))
        return self.users_of[device_id]


def _key(table: str, value: Any) -> list[tuple[str, str]]:
    """``(table, value)`` when ``value`` may be a row id (nothing a database would choke on:
    the entry is refused later, without reading the database)."""
    if isinstance(value, str) and 0 < len(value) <= 80 and "\x00" not in value:
        return [(table, value)]
    return []


def _refs(table: str, data: dict[str, Any]) -> list[tuple[str, str]]:
    """The rows ``data`` points at (its parent, its foreign keys), as far as they are rows."""
    if table not in SYNCED_TABLES:
        return []
    out = []
    link = PARENT.get(table)
    if link is not None:
        out += _key(link[1], data.get(link[0]))
    for column, target in foreign_keys(table).items():
        if target != "users":
            out += _key(target, data.get(column))
    return out


def prefetch(state: PushState, entries: list[dict[str, Any]]) -> None:
    """Read up front, in a few queries, the rows the entries will read: their own rows and
    the visits their contacts change (locked), the rows they point at, and the customers all
    of those hang from. Anything missed is read when needed."""
    own: list[tuple[str, str]] = []
    refs: list[tuple[str, str]] = []
    for e in entries:
        table, row_id, fields = e["table"], e["row"], e["fields"]
        if table not in SYNCED_TABLES:
            continue
        own += _key(table, row_id)
        if table == "visit_contacts":
            visit_id, _, contact_id = row_id.partition(":")
            own += _key("visits", visit_id)
            refs += _key("contacts", contact_id)
        refs += _refs(table, fields)
    state.rows.load(own, lock=True)
    state.rows.load(refs)
    more: list[tuple[str, str]] = []
    for key in own + refs:
        row = state.rows.peek(key)
        if row is not None:
            if row.customer_id is not None:
                more.append(("customers", row.customer_id))
            if key in own:
                more += _refs(row.table, row.data)
    state.rows.load(more)


def natural_key(row: StoredRow) -> str | None:
    if row.table == "customers":
        code = row.data.get("credit_code")
        return str(code) if code and not row.deleted else None
    if row.table in ("offer_versions", "proposals") and row.data.get("offer_id") is not None:
        return f"{row.data['offer_id']}:{row.data.get('version_no')}"
    return None


def add_conflict(state: PushState, *, row: StoredRow, kind: str, field_name: str | None,
                 kept: Any, other: Any, kept_by: str | None, at: str | None,
                 other_row_id: str | None = None, other_by: str | None = None) -> str:
    """Record a conflict as a row of table ``conflicts`` (it syncs like any other row)."""
    now = now_wire()
    conflict_id = str(uuid.uuid4())
    data = {"id": conflict_id, "table_name": row.table, "row_id": row.row_id,
            "customer_id": row.customer_id, "field": field_name, "kind": kind,
            "kept_value": canonical(kept), "other_value": canonical(other),
            "kept_by": kept_by, "other_by": other_by or state.actor.user_id,
            "kept_at": row.data.get("updated_at") or now, "other_at": at or now,
            "other_row_id": other_row_id, "status": "open", "resolution": None,
            "resolved_by": None, "resolved_at": None, "note": None, "created_at": now,
            "updated_at": now, "version": 1, "deleted": False, "owner_id": None}
    stored = StoredRow("conflicts", conflict_id, data, 1, False, row.customer_id,
                       field_versions={k: [1, state.actor.device_id] for k in data})
    state.rows.save(stored, new=True)
    state.touch("conflicts", conflict_id)
    return conflict_id


def _renumber_followers(state: PushState, table: str, row_id: str, fields: dict[str, Any],
                        existing: StoredRow | None) -> None:
    """A proposal, an offer event or an offer's current version that names an offer version
    renumbered earlier in this push follows it."""
    if table in ("proposals", "offer_events") and "version_no" in fields:
        offer = fields.get("offer_id", existing.data.get("offer_id") if existing else None)
        new = state.renumbered.get((str(offer), fields["version_no"]))
        if new is not None:
            fields["version_no"] = new
    if table == "offers" and "current_version" in fields:
        new = state.renumbered.get((row_id, fields["current_version"]))
        if new is not None:
            fields["current_version"] = new


def _finish(state: PushState, row: StoredRow, *, new: bool, changed: bool) -> None:
    """Store the row with its bookkeeping; a change of owner or sharing re-sequences what
    hangs from the customer, so whoever may now see it pulls all of it."""
    if has_column(row.table, "version"):
        row.data["version"] = row.version
    if has_column(row.table, "deleted"):
        row.data["deleted"] = row.deleted
    if row.table == "customers":
        row.owner_id = row.data.get("owner_id")
        row.shared = bool(row.data.get("shared"))
    elif has_column(row.table, "owner_id"):
        row.owner_id = row.data.get("owner_id")
    if row.table == "price_books":  # signed by the server, never by what a device claims
        sign_book(state.conn, row.data)
    row.natural_key = natural_key(row)
    state.rows.save(row, new=new)
    if changed or new:
        state.touch(row.table, row.row_id)


def _insert(state: PushState, table: str, row_id: str, fields: dict[str, Any],
            customer_id: str | None, at: str | None) -> Outcome:
    data = dict(fields)
    key = id_column(table)
    if key is not None:
        data.setdefault(key, row_id)
    if has_column(table, "deleted"):
        data.setdefault("deleted", False)
    row = StoredRow(table, row_id, data, 1, bool(data.get("deleted", False)), customer_id)
    device = state.actor.device_id
    row.field_versions = {k: [1, device] for k in data}
    conflicts: list[str] = []
    if table == "offer_versions":
        offer_id, number = str(data["offer_id"]), int(data["version_no"])
        store.lock_key(state.conn, f"offer_versions:{offer_id}")
        taken = state.rows.live_with_key(table, f"{offer_id}:{number}", other_than=row_id)
        if taken:
            new_no = max(state.rows.max_version_no(offer_id), number) + 1
            data["version_no"] = new_no
            state.renumbered[(offer_id, number)] = new_no
            conflicts.append(add_conflict(state, row=row, kind="version_no", field_name="version_no",
                                          kept=new_no, other=number, kept_by=None, at=at,
                                          other_row_id=taken[0].row_id))
    _finish(state, row, new=True, changed=True)
    conflicts += _duplicate_customer(state, row, at)
    return Outcome("conflict" if conflicts else "applied", row.version, conflicts)


def _duplicate_customer(state: PushState, row: StoredRow, at: str | None) -> list[str]:
    if row.table != "customers" or row.natural_key is None:
        return []
    store.lock_key(state.conn, f"credit_code:{row.natural_key}")
    others = state.rows.live_with_key("customers", row.natural_key, other_than=row.row_id)
    if not others:
        return []
    other = others[0]
    if not may_write_customer(state.actor, other):
        # Another team serves this organisation: the pusher is told so, never which customer
        # or whose (HQ and that team's lead find it by the credit code).
        return [add_conflict(state, row=row, kind="duplicate_customer", field_name="credit_code",
                             kept=row.natural_key, other=row.natural_key, kept_by=None, at=at)]
    return [add_conflict(state, row=row, kind="duplicate_customer", field_name="credit_code",
                         kept=row.natural_key, other=other.data.get("credit_code"),
                         kept_by=other.owner_id, at=at, other_row_id=other.row_id)]


def _record(state: PushState, row: StoredRow, merged: Merged, at: str | None) -> list[str]:
    ids = []
    for clash in merged.clashes:
        ids.append(add_conflict(state, row=row, kind="field", field_name=clash.field,
                                kept=clash.kept, other=clash.other,
                                kept_by=state.user_of(clash.kept_device), at=at))
    if merged.edit_delete is not None:
        ed = merged.edit_delete
        editor, deleter = state.user_of(ed.editor_device), state.user_of(ed.deleter_device)
        ids.append(add_conflict(state, row=row, kind="edit_delete", field_name="deleted",
                                kept=False, other=True, kept_by=editor, other_by=deleter, at=at))
    return ids


def apply_entry(state: PushState, entry: dict[str, Any]) -> Outcome:
    table, row_id, op = entry["table"], entry["row"], entry["op"]
    base, at = int(entry.get("base_version") or 0), entry.get("at")
    fields = clean_entry(table, op, row_id, dict(entry["fields"]))
    if op != "insert" and fields.get("deleted") is True and table != "visit_contacts":
        op = "delete"
    existing = state.rows.get(table, row_id, lock=True)
    if existing is None and op != "insert" and table != "visit_contacts":
        raise missing_row(table, row_id)
    _renumber_followers(state, table, row_id, fields, existing)
    customer_id = authorise(state.rows, state.actor, table, op, row_id, fields, existing)
    check_decision(state.actor, table, fields, existing, base)
    check_references(state.rows, table, fields, customer_id)
    if table == "visit_contacts":
        return _member(state, row_id, op, fields, existing, customer_id)
    if existing is None:
        return _insert(state, table, row_id, fields, customer_id, at)
    if table in INSERT_ONLY and op != "delete":
        if op == "update":
            raise Refused("insert_only", f"{table} rows are history: never changed",
                          "历史记录不能修改")
        return Outcome("applied", existing.version)  # the same insert again: nothing to merge
    return _update(state, existing, op, fields, base, customer_id, at)


def _update(state: PushState, row: StoredRow, op: str, fields: dict[str, Any], base: int,
            customer_id: str | None, at: str | None) -> Outcome:
    device = state.actor.device_id
    merged = merge(row, op, fields, base, device)
    if row.table == "conflicts":
        merged.clashes = []  # resolving a conflict: the last word stands, no conflict of conflicts
        merged.changed.update({k: v for k, v in fields.items() if row.data.get(k) != v})
    old_key = row.natural_key
    if merged.changed:
        row.version += 1
        for key, value in merged.changed.items():
            if key == "deleted":
                row.deleted = bool(value)
            else:
                row.data[key] = value
            row.field_versions[key] = [row.version, device]
        if has_column(row.table, "updated_at"):
            row.data["updated_at"] = now_wire()
    if customer_id is not None:
        row.customer_id = customer_id
    owner_before, shared_before = row.owner_id, row.shared
    conflicts = _record(state, row, merged, at)
    _finish(state, row, new=False, changed=bool(merged.changed or conflicts))
    if row.table == "customers":
        if (row.owner_id, row.shared) != (owner_before, shared_before):
            for table, rid in state.rows.hanging_from(row.row_id):
                state.touch(table, rid)
            state.departures.append((row.row_id, owner_before, shared_before))
        if row.natural_key is not None and row.natural_key != old_key:
            conflicts += _duplicate_customer(state, row, at)
    return Outcome("conflict" if conflicts else "applied", row.version, conflicts)


def _member(state: PushState, row_id: str, op: str, fields: dict[str, Any],
            existing: StoredRow | None, customer_id: str | None) -> Outcome:
    """A visit's contact as a set member: present or not, never a conflict. The visit itself
    is touched (its ``updated_at`` moves, as on the device), so every device pulls it again."""
    want_deleted = op == "delete"
    if existing is None or existing.deleted != want_deleted:
        visit = state.rows.get("visits", row_id.partition(":")[0], lock=True)
        if visit is not None:
            visit.data["updated_at"] = now_wire()
            _finish(state, visit, new=False, changed=True)
    if existing is None:
        visit_id, _, contact_id = row_id.partition(":")
        data = {"visit_id": visit_id, "contact_id": contact_id}
        row = StoredRow("visit_contacts", row_id, data, 1, want_deleted, customer_id,
                        field_versions={"deleted": [1, state.actor.device_id]})
        _finish(state, row, new=True, changed=True)
        return Outcome("applied", 1)
    if existing.deleted == want_deleted:
        return Outcome("applied", existing.version)
    existing.version += 1
    existing.deleted = want_deleted
    existing.field_versions["deleted"] = [existing.version, state.actor.device_id]
    _finish(state, existing, new=False, changed=True)
    return Outcome("applied", existing.version)


def parse_conflict(value: str | None) -> Any:
    return None if value is None else json.loads(value)
