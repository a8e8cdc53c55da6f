"""Settling conflicts a person decides on the conflicts screen: merging two customers that are
one organisation (a ``duplicate_customer`` conflict), accepting the delete of an edit that
raced it, and reading the open conflicts as a person reads them (names, decoded values).

Every write here is one transaction, every row journaled through services.context, so the
merge or the delete and the conflict's resolution sync together, all or nothing.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import false, func, select, update
from sqlalchemy.orm import Session

from workbench.domain import limits
from workbench.domain.errors import FieldError, NotFoundError, ValidationError
from workbench.services import dto, fields
from workbench.services.context import Context, apply_changes, insert_row, set_deleted
from workbench.services.visits import refresh_derived
from workbench.store import models as m
from workbench.store.models import utcnow
from workbench.store.payload import decode_fields, model_for
from workbench.store.search_index import reindex_customer

# The customer fields a merge fills on the kept customer when it has none (the name, the
# credit code and sharing stay as they are: sharing is the owner's decision).
FILLED = tuple(k for k in fields.CUSTOMER if k not in ("name", "credit_code", "shared", "notes"))


@dataclass(frozen=True, slots=True)
class CustomerSide:
    """One of two duplicate customers, with what hangs from it (live rows)."""

    id: str
    name: str
    owner: str | None
    deleted: bool
    contacts: int
    visits: int
    offers: int


@dataclass(frozen=True, slots=True)
class Side:
    """One value of a conflict: the value (decoded: a date, a bool, a number...), who wrote
    it (a user's name) and when (naive UTC). ``customer`` for a duplicate customer."""

    value: Any
    by: str | None
    at: datetime | None
    customer: CustomerSide | None = None


@dataclass(frozen=True, slots=True)
class ConflictLine:
    """A conflict as the conflicts screen shows it. ``kept`` is the provisional winner."""

    id: str
    kind: str
    status: str
    table_name: str
    row_id: str
    field: str | None
    customer_id: str | None
    customer_name: str | None
    record_name: str | None  # the contact's name, the offer's number and title
    record_at: datetime | None  # a visit's time (local wall clock)
    kept: Side
    other: Side
    created_at: datetime
    resolved_by: str | None
    resolved_at: datetime | None
    resolution: Any

    @property
    def mergeable(self) -> bool:
        """A duplicate both of whose customers this device holds, alive."""
        k, o = self.kept.customer, self.other.customer
        return (self.kind == "duplicate_customer" and k is not None and o is not None
                and not k.deleted and not o.deleted)


def _user(s: Session, user_id: str | None, names: dict[str, str]) -> str | None:
    if user_id is None:
        return None
    if user_id not in names:
        u = s.get(m.User, user_id)
        names[user_id] = u.name if u is not None else user_id[:8]
    return names[user_id]


def _customer(s: Session, customer_id: str | None) -> m.Customer | None:
    if not customer_id:
        return None
    return s.scalar(select(m.Customer).where(m.Customer.id == customer_id))


def _count(s: Session, model: Any, customer_id: str) -> int:
    return int(s.scalar(select(func.count()).select_from(model).where(
        model.customer_id == customer_id, model.deleted == false())) or 0)


def _side_customer(s: Session, customer_id: str | None, names: dict[str, str]) -> CustomerSide | None:
    row = _customer(s, customer_id)
    if row is None:
        return None
    return CustomerSide(row.id, row.name, _user(s, row.owner_id, names), row.deleted,
                        _count(s, m.Contact, row.id), _count(s, m.Visit, row.id), _count(s, m.Offer, row.id))


def _decode(table: str, field: str | None, text: str | None) -> Any:
    value = None if text is None else json.loads(text)
    if field is None or value is None:
        return value
    try:
        return decode_fields(model_for(table), {field: value})[field]
    except (KeyError, ValueError, TypeError):
        return value


def _record(s: Session, table: str, row_id: str) -> tuple[str | None, datetime | None]:
    if table == "contacts":
        c = s.get(m.Contact, row_id)
        return (c.name if c else None), None
    if table == "visits":
        v = s.get(m.Visit, row_id)
        return None, (v.occurred_at if v else None)
    if table == "offers":
        o = s.get(m.Offer, row_id)
        return (f"{o.number} {o.title}" if o else None), None
    return None, None


def describe_conflicts(ctx: Context, *, status: str | None = "open") -> list[ConflictLine]:
    """The conflicts (``status`` "open", "resolved", or None: all), oldest first, with the
    names a person reads: the customer, the record, who wrote each value."""
    names: dict[str, str] = {}
    out = []
    with ctx.store.read() as s:
        q = select(m.Conflict).where(m.Conflict.deleted.is_(False)).order_by(m.Conflict.created_at, m.Conflict.id)
        if status is not None:
            q = q.where(m.Conflict.status == status)
        for c in s.scalars(q):
            customer = _customer(s, c.customer_id)
            kept_customer = other_customer = None
            if c.kind == "duplicate_customer":
                # the customer that held the code first stays the provisional one
                kept_customer = _side_customer(s, c.other_row_id, names)
                other_customer = _side_customer(s, c.row_id, names)
            record_name, record_at = _record(s, c.table_name, c.row_id)
            out.append(ConflictLine(
                c.id, c.kind, c.status, c.table_name, c.row_id, c.field, c.customer_id,
                customer.name if customer is not None else None, record_name, record_at,
                Side(_decode(c.table_name, c.field, c.kept_value), _user(s, c.kept_by, names), c.kept_at,
                     kept_customer),
                Side(_decode(c.table_name, c.field, c.other_value), _user(s, c.other_by, names), c.other_at,
                     other_customer),
                c.created_at, _user(s, c.resolved_by, names), c.resolved_at,
                json.loads(c.resolution) if c.resolution else None))
    return out


def _open_conflict(s: Session, conflict_id: str, kind: str) -> m.Conflict:
    conflict = s.get(m.Conflict, conflict_id)
    if conflict is None or conflict.deleted:
        raise NotFoundError("conflict", conflict_id)
    if conflict.status != "open":
        raise ValidationError(FieldError("status", "该冲突已处理", "this conflict is already resolved"))
    if conflict.kind != kind:
        raise ValidationError(FieldError("kind", "该冲突不能这样处理", f"not a {kind} conflict"))
    return conflict


def _resolve(s: Session, ctx: Context, conflict: m.Conflict, resolution: dict[str, Any]) -> None:
    apply_changes(s, ctx, conflict, "conflicts", {
        "status": "resolved", "resolution": json.dumps(resolution, ensure_ascii=False),
        "resolved_by": ctx.user_id, "resolved_at": utcnow()})


def _live(s: Session, model: Any, customer_id: str) -> list[Any]:
    return list(s.scalars(select(model).where(model.customer_id == customer_id, model.deleted == false())
                          .order_by(model.created_at, model.id)))


def merge_customers(ctx: Context, *, keep_id: str, other_id: str, conflict_id: str) -> dto.Customer:
    """Merge customer ``other_id`` into ``keep_id`` and resolve the duplicate conflict.

    The other's live contacts, visits and offers move to the kept customer; its stage events
    (history, never changed) are copied onto the kept one and the originals tombstoned; the
    kept one's empty fields are filled from the other, its notes followed by the other's; the
    other is tombstoned. One transaction, every row journaled: it syncs all or nothing.
    """
    with ctx.store.write() as s:
        conflict = _open_conflict(s, conflict_id, "duplicate_customer")
        if keep_id == other_id or {keep_id, other_id} != {conflict.row_id, conflict.other_row_id}:
            raise ValidationError(FieldError("keep_id", "只能合并该冲突中的两个客户",
                                             "only the two customers of this conflict can be merged"))
        kept, other = _customer(s, keep_id), _customer(s, other_id)
        for cid, row in ((keep_id, kept), (other_id, other)):
            if row is None or row.deleted:
                raise NotFoundError("customer", cid)
        assert kept is not None and other is not None
        for model, table in ((m.Contact, "contacts"), (m.Visit, "visits"), (m.Offer, "offers")):
            for row in _live(s, model, other_id):
                apply_changes(s, ctx, row, table, {"customer_id": keep_id})
        s.flush()  # the visits are the kept one's before the stage moves that name them
        for event in _live(s, m.StageEvent, other_id):
            copy = m.StageEvent(customer_id=keep_id, from_code=event.from_code, to_code=event.to_code,
                                occurred_at=event.occurred_at, by_user_id=event.by_user_id,
                                reason=event.reason, visit_id=event.visit_id, owner_id=event.owner_id)
            insert_row(s, ctx, copy, "stage_events")
            set_deleted(s, ctx, event, "stage_events", True)
        apply_changes(s, ctx, kept, "customers", _filled(kept, other))
        set_deleted(s, ctx, other, "customers", True)
        s.execute(update(m.Draft).where(m.Draft.customer_id == other_id).values(customer_id=keep_id))
        s.flush()
        refresh_derived(s, kept)
        refresh_derived(s, other)
        reindex_customer(s, keep_id)
        reindex_customer(s, other_id)
        _resolve(s, ctx, conflict, {"merge": {"keep": keep_id, "other": other_id}})
        industry = s.get(m.Industry, kept.industry_code)
        assert industry is not None
        return dto.Customer.of(kept, industry)


def _filled(kept: m.Customer, other: m.Customer) -> dict[str, Any]:
    changes = {k: getattr(other, k) for k in FILLED
               if getattr(kept, k) in (None, "") and getattr(other, k) not in (None, "")}
    mine, theirs = (kept.notes or "").strip(), (other.notes or "").strip()
    if theirs and theirs not in mine:
        joined = f"{mine}\n\n{theirs}" if mine else theirs
        if len(joined) <= limits.LONG_TEXT:
            changes["notes"] = joined
    return changes


def accept_delete(ctx: Context, *, conflict_id: str) -> None:
    """Settle an edit that raced a delete in favour of the delete: tombstone the row (it
    stays restorable, with the edit in it) and resolve the conflict, in one transaction."""
    with ctx.store.write() as s:
        conflict = _open_conflict(s, conflict_id, "edit_delete")
        model: Any = model_for(conflict.table_name)
        row = (_customer(s, conflict.row_id) if conflict.table_name == "customers"
               else s.get(model, conflict.row_id))
        if row is None:
            raise NotFoundError(conflict.table_name, conflict.row_id)
        set_deleted(s, ctx, row, conflict.table_name, True)
        customer_id = row.id if conflict.table_name == "customers" else getattr(row, "customer_id", None)
        if customer_id is not None and conflict.table_name in ("customers", "contacts"):
            reindex_customer(s, customer_id)
        if conflict.table_name == "visits":
            customer = _customer(s, customer_id)
            if customer is not None:
                refresh_derived(s, customer)
        _resolve(s, ctx, conflict, {"keep": "other"})
