"""Use cases on contacts (联系人 / 关键人) and their relationship-score history."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import false, select
from sqlalchemy.orm import Session

from workbench.domain.enums import ScoreKind
from workbench.domain.errors import NotFoundError
from workbench.services import dto, fields
from workbench.services.context import Context, apply_changes, insert_row, set_deleted
from workbench.services.customers import check_version
from workbench.services.customers import load as load_customer
from workbench.store import models as m
from workbench.store.models import utcnow
from workbench.store.search_index import reindex_customer

_SCORES = tuple(k.value for k in ScoreKind)
_SEARCHED = {"name", "mobile", "phone"}


def load(session: Session, contact_id: str, *, live: bool = True) -> m.Contact:
    row = session.get(m.Contact, contact_id)
    if row is None or (live and row.deleted):
        raise NotFoundError("contact", contact_id)
    return row


def _record_scores(s: Session, ctx: Context, contact: m.Contact, values: Mapping[str, Any],
                   *, visit_id: str | None, note: str | None) -> None:
    now = utcnow()
    for kind in _SCORES:
        if kind in values:
            reading = m.ContactScore(contact_id=contact.id, kind=kind, value=values[kind],
                                     recorded_at=now, note=note, visit_id=visit_id)
            insert_row(s, ctx, reading, "contact_scores")


def add_contact(ctx: Context, *, customer_id: str, values: Mapping[str, Any]) -> dto.Contact:
    clean = fields.clean(fields.CONTACT, values, required=("name",))
    with ctx.store.write() as s:
        load_customer(s, customer_id)
        row = m.Contact(customer_id=customer_id, **clean)
        insert_row(s, ctx, row, "contacts")
        _record_scores(s, ctx, row, {k: clean.get(k, 0) for k in _SCORES}, visit_id=None, note=None)
        reindex_customer(s, customer_id)
        return dto.Contact.of(row)


def update_contact(
    ctx: Context, *, contact_id: str, changes: Mapping[str, Any], expected_version: int | None = None,
    score_note: str | None = None, visit_id: str | None = None,
) -> dto.Contact:
    """Edit a contact; changed closeness/trust/favour also go into the score history."""
    clean = fields.clean(fields.CONTACT, changes)
    with ctx.store.write() as s:
        row = load(s, contact_id)
        check_version(row, "contact", expected_version)
        changed = apply_changes(s, ctx, row, "contacts", clean)
        _record_scores(s, ctx, row, {k: v for k, v in changed.items() if k in _SCORES},
                       visit_id=visit_id, note=score_note)
        if changed.keys() & _SEARCHED:
            s.flush()
            reindex_customer(s, row.customer_id)
        return dto.Contact.of(row)


def set_contact_deleted(ctx: Context, *, contact_id: str, deleted: bool, expected_version: int | None = None) -> int:
    """Delete (tombstone) or restore a contact; returns the new version."""
    with ctx.store.write() as s:
        row = load(s, contact_id, live=False)
        check_version(row, "contact", expected_version)
        if set_deleted(s, ctx, row, "contacts", deleted):
            reindex_customer(s, row.customer_id)
        return row.version


def list_contacts(ctx: Context, *, customer_id: str) -> list[dto.Contact]:
    with ctx.store.read() as s:
        rows = s.scalars(
            select(m.Contact)
            .where(m.Contact.customer_id == customer_id, m.Contact.deleted == false())
            .order_by(m.Contact.is_key_person.desc(), m.Contact.name)
        )
        return [dto.Contact.of(r) for r in rows]


def score_history(ctx: Context, *, contact_id: str) -> list[dto.ScoreReading]:
    with ctx.store.read() as s:
        rows = s.scalars(
            select(m.ContactScore)
            .where(m.ContactScore.contact_id == contact_id, m.ContactScore.deleted == false())
            .order_by(m.ContactScore.recorded_at, m.ContactScore.kind)
        )
        return [dto.ScoreReading(r.contact_id, r.kind, r.value, r.recorded_at, r.note) for r in rows]


def latest_score(history: list[dto.ScoreReading], kind: str, at: datetime | None = None) -> int | None:
    """The reading of ``kind`` in force at ``at`` (default: now)."""
    value = None
    for r in history:
        if r.kind == kind and (at is None or r.recorded_at <= at):
            value = r.value
    return value
