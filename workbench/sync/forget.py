"""Forgetting customers that left this device's view (docs/sync-protocol.md, "Departures").

A customer handed to another manager (or no longer shared) leaves the laptops that may not see
it any more: the pull names it, and this removes it with everything that hangs from it
(contacts, their scores, visits and the contacts met, stage moves, offers with their versions,
events and proposals, conflicts, its search entries and sync bookkeeping), inside the
page's transaction and without journal entries (nothing of it goes back to the server). Local
changes not yet pushed stay in the outbox: the server answers them as rows that do not exist,
so they are listed with the refused changes, never silently dropped; a draft typed for it is
kept too.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence

from sqlalchemy import delete, select, text, update
from sqlalchemy.orm import Session

from workbench.store import models as m
from workbench.store.search_index import terms_for

Note = Callable[[str, str], None]  # (table, row id): a row this device no longer holds


def _ids(s: Session, column: object, where: object) -> list[str]:
    return [str(x) for x in s.scalars(select(column).where(where))]  # type: ignore[call-overload]


def forget_customers(s: Session, customer_ids: Sequence[str], note: Note) -> int:
    """Remove these customers and what hangs from them; returns how many were here."""
    from workbench.store.search_index import _remove

    here = _ids(s, m.Customer.id, m.Customer.id.in_(customer_ids))
    for cid in here:
        contacts = _ids(s, m.Contact.id, m.Contact.customer_id == cid)
        visits = _ids(s, m.Visit.id, m.Visit.customer_id == cid)
        offers = _ids(s, m.Offer.id, m.Offer.customer_id == cid)
        gone: list[tuple[str, list[str]]] = [
            ("visit_contacts", [f"{v}:{c}" for v, c in s.execute(
                select(m.VisitContact.visit_id, m.VisitContact.contact_id)
                .where(m.VisitContact.visit_id.in_(visits)))]),
            ("contact_scores", _ids(s, m.ContactScore.id, m.ContactScore.contact_id.in_(contacts))),
            ("stage_events", _ids(s, m.StageEvent.id, m.StageEvent.customer_id == cid)),
            ("proposals", _ids(s, m.Proposal.id, m.Proposal.offer_id.in_(offers))),
            ("offer_events", _ids(s, m.OfferEvent.id, m.OfferEvent.offer_id.in_(offers))),
            ("offer_versions", _ids(s, m.OfferVersion.id, m.OfferVersion.offer_id.in_(offers))),
            ("offers", offers), ("visits", visits), ("contacts", contacts),
            ("conflicts", _ids(s, m.Conflict.id, m.Conflict.customer_id == cid)),
        ]
        num, _ = terms_for(s, cid)
        _remove(s, num)
        s.execute(text("DELETE FROM search_pending WHERE customer_id = :c"), {"c": cid})
        name = s.scalar(select(m.Customer.name).where(m.Customer.id == cid))
        gone.append(("customers", [cid]))
        for table, ids in gone:
            _name_refusals(s, table, ids, cid, name)
            _delete(s, table, ids)
            for row_id in ids:
                note(table, row_id)
    return len(here)


def _name_refusals(s: Session, table: str, ids: list[str], customer_id: str, name: str | None) -> None:
    """Refused entries of these rows keep the customer's name in their reason: the refusal
    stays listed, readable, after the customer is gone from this laptop."""
    for start in range(0, len(ids), 500):
        found = s.execute(select(m.JournalEntry.seq, m.JournalEntry.push_reason).where(
            m.JournalEntry.table_name == table, m.JournalEntry.row_id.in_(ids[start:start + 500]),
            m.JournalEntry.push_status == "refused")).all()
        for seq, reason in found:
            data = json.loads(reason) if reason else {}
            data.update({"customer_id": customer_id, "customer_name": name, "gone": True})
            s.execute(update(m.JournalEntry).where(m.JournalEntry.seq == seq)
                      .values(push_reason=json.dumps(data, ensure_ascii=False)))


def _delete(s: Session, table: str, ids: list[str]) -> None:
    from workbench.store.payload import model_for

    if not ids:
        return
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        if table == "visit_contacts":
            for key in chunk:
                visit, _, contact = key.partition(":")
                s.execute(delete(m.VisitContact).where(m.VisitContact.visit_id == visit,
                                                       m.VisitContact.contact_id == contact))
        else:
            model = model_for(table)
            s.execute(delete(model).where(model.id.in_(chunk)))  # type: ignore[attr-defined]
        s.execute(delete(m.RowSync).where(m.RowSync.table_name == table, m.RowSync.row_id.in_(chunk)))
