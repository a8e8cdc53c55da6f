"""Use cases on visits (拜访记录): log one (optionally moving the stage), edit, follow-ups."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from sqlalchemy import Select, delete, false, func, select, update
from sqlalchemy.orm import Session

from workbench.domain import validation as v
from workbench.domain.errors import FieldError, NotFoundError, ValidationError
from workbench.services import dto, fields
from workbench.services.context import Context, apply_changes, insert_row, link_visit_contact
from workbench.services.customers import check_version
from workbench.services.customers import load as load_customer
from workbench.services.stages import record_move
from workbench.store import models as m
from workbench.store.models import utcnow


def _contact_ids(s: Session, visit_id: str) -> tuple[str, ...]:
    return tuple(s.scalars(select(m.VisitContact.contact_id).where(m.VisitContact.visit_id == visit_id)))


def _check_contacts(s: Session, customer_id: str, contact_ids: tuple[str, ...]) -> None:
    if not contact_ids:
        return
    known = set(s.scalars(select(m.Contact.id).where(
        m.Contact.id.in_(contact_ids), m.Contact.customer_id == customer_id, m.Contact.deleted == false())))
    if unknown := [c for c in contact_ids if c not in known]:
        raise ValidationError(FieldError("contact_ids", f"{len(unknown)} 位联系人不属于该客户",
                                         f"{len(unknown)} contact{' does' if len(unknown) == 1 else 's do'} "
                                         "not belong to this customer"))


def _derived(customer_id: Any) -> dict[str, Select[Any]]:
    """The rule of a customer's derived columns: the earliest open follow-up and the last
    visit time (``customer_id`` a value, or ``m.Customer.id`` to correlate in an UPDATE)."""
    live = (m.Visit.customer_id == customer_id, m.Visit.deleted == false())
    return {
        "next_follow_up": select(func.min(m.Visit.follow_up_date)).where(
            *live, m.Visit.follow_up_done == false(), m.Visit.follow_up_date.is_not(None)),
        "last_visit_at": select(func.max(m.Visit.occurred_at)).where(*live),
    }


def refresh_derived(s: Session, customer: m.Customer) -> None:
    """The customer's derived columns (not journaled: each device derives them)."""
    for column, query in _derived(customer.id).items():
        setattr(customer, column, s.scalar(query))


def refresh_derived_many(s: Session, customer_ids: Sequence[str]) -> None:
    """The same for many customers, one UPDATE per 500 (a sync's pulled pages)."""
    values = {column: query.scalar_subquery() for column, query in _derived(m.Customer.id).items()}
    for start in range(0, len(customer_ids), 500):
        s.execute(update(m.Customer).where(m.Customer.id.in_(customer_ids[start:start + 500])).values(values)
                  .execution_options(synchronize_session=False))


def log_visit(
    ctx: Context, *, customer_id: str, values: Mapping[str, Any], move_to_stage: str | None = None,
    stage_reason: str | None = None, draft_id: str | None = None,
) -> dto.Visit:
    """Save a visit, and in the same transaction the stage move it brought, if any, and
    the removal of the draft it was typed in (a crash cannot leave both)."""
    clean = fields.clean(fields.VISIT, values, required=("occurred_at", "kind"))
    errors = v.collect(lambda: v.check_follow_up(clean["occurred_at"], clean.get("follow_up_date")))
    v.raise_if(errors)
    contact_ids = clean.pop("contact_ids", ())
    with ctx.store.write() as s:
        customer = load_customer(s, customer_id)
        _check_contacts(s, customer_id, contact_ids)
        row = m.Visit(customer_id=customer_id, **clean)
        insert_row(s, ctx, row, "visits")
        for contact_id in contact_ids:
            link_visit_contact(s, ctx, row.id, contact_id, linked=True)
        if move_to_stage:
            record_move(s, ctx, customer, move_to_stage, reason=stage_reason, visit_id=row.id,
                        at=clean["occurred_at"])
        if draft_id:
            s.execute(delete(m.Draft).where(m.Draft.id == draft_id))
        s.flush()
        refresh_derived(s, customer)
        return dto.Visit.of(row, contact_ids)


def update_visit(
    ctx: Context, *, visit_id: str, changes: Mapping[str, Any], expected_version: int | None = None
) -> dto.Visit:
    clean = fields.clean(fields.VISIT, changes)
    with ctx.store.write() as s:
        row = s.get(m.Visit, visit_id)
        if row is None or row.deleted:
            raise NotFoundError("visit", visit_id)
        check_version(row, "visit", expected_version)
        occurred = clean.get("occurred_at", row.occurred_at)
        follow = clean.get("follow_up_date", row.follow_up_date)
        v.check_follow_up(occurred, follow)
        new_contacts = clean.pop("contact_ids", None)
        linked = False
        if new_contacts is not None:
            old = set(_contact_ids(s, visit_id))
            added = [c for c in new_contacts if c not in old]
            _check_contacts(s, row.customer_id, tuple(added))
            for contact_id in added:
                link_visit_contact(s, ctx, visit_id, contact_id, linked=True)
            for contact_id in sorted(old - set(new_contacts)):
                link_visit_contact(s, ctx, visit_id, contact_id, linked=False)
            linked = bool(added) or bool(old - set(new_contacts))
        if not apply_changes(s, ctx, row, "visits", clean) and linked:
            # Only the contacts met changed: journaled as set members, and the visit's local
            # version still moves so that an editor holding the old one is told.
            row.version += 1
            row.updated_at = utcnow()
        s.flush()
        refresh_derived(s, load_customer(s, row.customer_id))
        return dto.Visit.of(row, _contact_ids(s, visit_id))


def list_visits(ctx: Context, *, customer_id: str, limit: int = 200) -> list[dto.Visit]:
    """A customer's visits, newest first."""
    with ctx.store.read() as s:
        rows = list(s.scalars(
            select(m.Visit).where(m.Visit.customer_id == customer_id, m.Visit.deleted == false())
            .order_by(m.Visit.occurred_at.desc()).limit(limit)))
        links: dict[str, list[str]] = {}
        if rows:
            for vid, cid in s.execute(select(m.VisitContact.visit_id, m.VisitContact.contact_id)
                                      .where(m.VisitContact.visit_id.in_([r.id for r in rows]))):
                links.setdefault(vid, []).append(cid)
        return [dto.Visit.of(r, tuple(links.get(r.id, ()))) for r in rows]


def follow_ups_due(ctx: Context, *, on: date, limit: int = 500) -> list[dto.Visit]:
    """Open follow-ups due on or before ``on`` (today and overdue), oldest first."""
    with ctx.store.read() as s:
        rows = s.scalars(
            select(m.Visit).where(m.Visit.follow_up_done == false(), m.Visit.deleted == false(),
                                  m.Visit.follow_up_date <= on)
            .order_by(m.Visit.follow_up_date).limit(limit))
        return [dto.Visit.of(r, ()) for r in rows]
