"""The device's side of a push: batches read from the journal, the server's answers written
back, and a new device identity when a copied store or a restored backup reused the old one.

An entry is *pending* until the server has answered it (``pushed_at`` set with the answer in
``push_status``: applied, conflict or refused). Nothing here deletes an entry: a refused one
stays, with its reason, for the user to see, fix and resend.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from workbench.services.context import Context, journal
from workbench.store import models as m
from workbench.store.base import in_slices
from workbench.store.engine import Store
from workbench.store.models import utcnow
from workbench.store.payload import SYNCED_TABLES, model_for, row_payload

BATCH = 500  # entries per push request
MAX_BATCH = 1000  # what the server accepts in one push
LEGACY = "legacy"


@dataclass(frozen=True, slots=True)
class Answer:
    """The server's answer to one pushed entry."""

    seq: int
    status: str  # applied | conflict | refused
    version: int | None = None
    reason: Mapping[str, Any] | None = None


def _wire(entry: m.JournalEntry) -> dict[str, Any]:
    at = entry.created_at.replace(tzinfo=UTC).isoformat()
    return {"seq": entry.seq, "tx": entry.tx_id, "table": entry.table_name, "row": entry.row_id,
            "op": entry.op, "base_version": entry.base_version, "fields": json.loads(entry.fields), "at": at}


def pending_count(store: Store) -> int:
    with store.read() as s:
        return s.scalar(select(func.count()).select_from(m.JournalEntry)
                        .where(m.JournalEntry.pushed_at.is_(None))) or 0


def next_batch(store: Store, *, limit: int = BATCH) -> list[dict[str, Any]]:
    """The oldest pending entries in seq order, at most ``limit`` of them unless one
    transaction is longer: a batch never splits a transaction (the server applies all of it or
    none), except one longer than the server's limit (:data:`MAX_BATCH`), which goes in parts
    of that size, each applied whole, rather than blocking the queue for ever."""
    with store.read() as s:
        base = select(m.JournalEntry).where(m.JournalEntry.pushed_at.is_(None)).order_by(m.JournalEntry.seq)
        entries = list(s.scalars(base.limit(limit)))
        if len(entries) == limit:
            last_tx = entries[-1].tx_id
            more = s.scalars(base.where(m.JournalEntry.seq > entries[-1].seq, m.JournalEntry.tx_id == last_tx)
                             .limit(MAX_BATCH))
            entries.extend(more)
        if len(entries) > MAX_BATCH:
            entries = entries[:MAX_BATCH] if len({e.tx_id for e in entries[:MAX_BATCH]}) == 1 else \
                [e for e in entries if e.tx_id != entries[-1].tx_id] or entries[:MAX_BATCH]
        return [_wire(e) for e in entries]


def record_answers(store: Store, answers: Sequence[Answer]) -> None:
    """Write the server's answers back in one transaction: the entries are no longer pending,
    and the server version of each applied row is what the next edit of it builds on."""
    if not answers:
        return
    now = utcnow()
    with store.write() as s:
        seqs = [a.seq for a in answers]
        rows = {seq: (table, row) for seq, table, row in s.execute(
            select(m.JournalEntry.seq, m.JournalEntry.table_name, m.JournalEntry.row_id)
            .where(m.JournalEntry.seq.in_(seqs), m.JournalEntry.pushed_at.is_(None)))}
        fresh = [a for a in answers if a.seq in rows]
        if not fresh:
            return
        s.execute(update(m.JournalEntry), [
            {"seq": a.seq, "pushed_at": now, "push_status": a.status,
             "push_reason": json.dumps(dict(a.reason), ensure_ascii=False) if a.reason else None}
            for a in fresh])
        versions: dict[tuple[str, str], int] = {}
        for a in fresh:
            if a.version is not None and a.status != "refused":
                key = rows[a.seq]
                versions[key] = max(versions.get(key, 0), int(a.version))
        remember_versions(s, versions)


def remember_versions(s: Session, versions: Mapping[tuple[str, str], int]) -> None:
    """Record the server versions seen of some rows (never moving one back)."""
    if not versions:
        return
    stmt = sqlite_insert(m.RowSync)
    stmt = stmt.on_conflict_do_update(
        index_elements=["table_name", "row_id"],
        set_={"server_version": func.max(m.RowSync.server_version, stmt.excluded.server_version),
              "seen_at": stmt.excluded.seen_at})
    now = utcnow()
    for part in in_slices([{"table_name": t, "row_id": r, "server_version": v, "seen_at": now}
                           for (t, r), v in versions.items()]):
        s.execute(stmt, part)


def take_new_identity(store: Store) -> str:
    """The server saw this device's ``(device, seq)`` with other content: the store was copied
    or restored and another copy already pushed under this identity. Take a new device id and
    move every pending entry to it (seq unchanged), in one transaction; nothing is dropped."""
    new = str(uuid.uuid4())
    with store.write() as s:
        s.merge(m.Meta(key="device_id", value=new))
        s.execute(update(m.JournalEntry).where(m.JournalEntry.pushed_at.is_(None)).values(device_id=new))
    store.device_id = new
    return new


def supersede_legacy(ctx: Context) -> int:
    """Entries journaled before the wire encoding (migration 0006 marked them ``legacy``)
    cannot be sent as they are: journal the current state of each of their rows as one insert
    (the server merges an insert of a row it has like an edit), then retire them. Returns the
    rows re-journaled."""
    with ctx.store.write() as s:
        legacy = s.execute(select(m.JournalEntry.table_name, m.JournalEntry.row_id).where(
            m.JournalEntry.pushed_at.is_(None), m.JournalEntry.push_status == LEGACY).distinct()).all()
        if not legacy:
            return 0
        done = 0
        order = {t: i for i, t in enumerate(SYNCED_TABLES)}  # parents before children
        for table, row_id in sorted(legacy, key=lambda r: (order.get(r[0], len(order)), r[1])):
            if table not in order or table == "visit_contacts":
                continue
            model = model_for(table)
            row = (s.scalar(select(m.Customer).where(m.Customer.id == row_id)) if table == "customers"
                   else s.get(model, row_id))
            if row is None:
                continue
            journal(s, ctx, table=table, row_id=row_id, op="insert", new_version=getattr(row, "version", 1),
                    fields=row_payload(row))
            done += 1
            if table == "visits":  # the old entries carried the contacts met as a list
                for link in s.scalars(select(m.VisitContact).where(m.VisitContact.visit_id == row_id)):
                    journal(s, ctx, table="visit_contacts", row_id=f"{row_id}:{link.contact_id}", op="insert",
                            new_version=1, fields={"visit_id": row_id, "contact_id": link.contact_id})
        s.execute(update(m.JournalEntry).where(m.JournalEntry.push_status == LEGACY,
                                               m.JournalEntry.pushed_at.is_(None)).values(pushed_at=utcnow()))
        return done


def refused_count(store: Store) -> int:
    """How many refused entries wait for the user (dismissed and resent ones do not)."""
    with store.read() as s:
        return s.scalar(select(func.count()).select_from(m.JournalEntry)
                        .where(m.JournalEntry.push_status == "refused")) or 0


def refused(store: Store, *, limit: int = 500, statuses: Sequence[str] = ("refused",)) -> list[dict[str, Any]]:
    """Entries the server refused, newest first, with their reason (for the user to see);
    ``statuses`` adds those already dismissed or resent."""
    with store.read() as s:
        rows = s.scalars(select(m.JournalEntry).where(m.JournalEntry.push_status.in_(list(statuses)))
                         .order_by(m.JournalEntry.seq.desc()).limit(limit))
        return [{**_wire(e), "status": e.push_status,
                 "reason": json.loads(e.push_reason) if e.push_reason else None} for e in rows]


def set_refusals_status(store: Store, seqs: Sequence[int], status: str) -> int:
    """Mark refused entries ``dismissed`` (seen, kept for the record) or ``resent`` (their
    rows journaled again); returns how many changed."""
    with store.write() as s:
        done = s.execute(update(m.JournalEntry).where(m.JournalEntry.seq.in_(list(seqs)),
                                                      m.JournalEntry.push_status == "refused")
                         .values(push_status=status))
        return int(done.rowcount or 0)  # type: ignore[attr-defined]
