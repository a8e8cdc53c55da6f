"""What a write changed, for whoever shows the data (docs/architecture.md, "Changes").

Every service write journals each row it writes (services.context.journal), so the journal is
where a write's changes are known. Inside ``with collecting() as got:`` every transaction
that commits adds what it journaled to ``got.changes``: the tables, the rows and the kinds of
change (insert, update, delete), and the customers they hang from (resolved in the committing
transaction, so a contact, a visit's contact or a proposal names its customer). A transaction
that rolls back adds nothing. A sync pull, which does not journal, builds the same value from
what its pages applied (:func:`from_rows`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import event, select
from sqlalchemy.orm import Session

from workbench.store.payload import model_for

MANY = 500  # more customers than this in one change: screens reload whole


@dataclass(frozen=True)
class Changes:
    """Tables and rows written, the kinds of change per table (insert, update, delete,
    restore), and the customers they hang from."""

    rows: Mapping[str, frozenset[str]] = field(default_factory=dict)
    kinds: Mapping[str, frozenset[str]] = field(default_factory=dict)
    customers: frozenset[str] = frozenset()
    many: bool = False  # too many to name (a demo build, an initial sync): reload everything

    @classmethod
    def everything(cls) -> Changes:
        return cls(many=True)

    @classmethod
    def of_customer(cls, customer_id: str) -> Changes:
        """"Show this customer as stored" (after a write that failed half-way, say)."""
        return cls({"customers": frozenset({customer_id})}, {}, frozenset({customer_id}))

    @property
    def empty(self) -> bool:
        return not self.rows and not self.many

    def touches(self, *tables: str) -> bool:
        return self.many or any(t in self.rows for t in tables)

    def touches_customer(self, customer_id: str | None) -> bool:
        return self.many or (customer_id is not None and customer_id in self.customers)

    def membership(self, table: str) -> bool:
        """Did rows of ``table`` appear or disappear (an insert, a delete, a restore)? A list
        of them must be read again, not only repainted."""
        return self.many or bool(self.kinds.get(table, frozenset()) & {"insert", "delete", "restore"})

    def merged(self, other: Changes) -> Changes:
        def union(a: Mapping[str, frozenset[str]], b: Mapping[str, frozenset[str]]) -> dict[str, frozenset[str]]:
            return {t: a.get(t, frozenset()) | b.get(t, frozenset()) for t in {*a, *b}}

        customers = self.customers | other.customers
        return Changes(union(self.rows, other.rows), union(self.kinds, other.kinds), customers,
                       self.many or other.many or len(customers) > MANY)


class Collected:
    def __init__(self) -> None:
        self.changes = Changes()

    def add(self, changes: Changes) -> None:
        self.changes = self.changes.merged(changes)


_collector: ContextVar[Collected | None] = ContextVar("workbench_changes", default=None)


@contextmanager
def collecting() -> Iterator[Collected]:
    """Gather what every transaction committed in this block (this thread) writes."""
    got = Collected()
    token = _collector.set(got)
    try:
        yield got
    finally:
        _collector.reset(token)


def record(session: Session, table: str, row_id: str, op: str) -> None:
    """Note one journaled row in its transaction (called by services.context.journal)."""
    if _collector.get() is not None:
        session.info.setdefault("changed", []).append((table, row_id, op))


def customers_of(session: Session, table: str, ids: list[str]) -> set[str]:
    """The customers rows of ``table`` hang from, read through ``session`` (a writing
    transaction sees its own rows)."""
    if table == "customers":
        return set(ids)
    if table == "visit_contacts":
        return customers_of(session, "visits", sorted({i.partition(":")[0] for i in ids}))
    model: Any = model_for(table)
    out: set[str] = set()
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        if hasattr(model, "customer_id"):
            out.update(c for c in session.scalars(select(model.customer_id).where(model.id.in_(chunk))) if c)
        elif hasattr(model, "offer_id"):
            offers = sorted(set(session.scalars(select(model.offer_id).where(model.id.in_(chunk)))))
            out |= customers_of(session, "offers", offers)
        elif hasattr(model, "contact_id"):
            contacts = sorted(set(session.scalars(select(model.contact_id).where(model.id.in_(chunk)))))
            out |= customers_of(session, "contacts", contacts)
    return out


def from_rows(session: Session, items: Iterable[tuple[str, str, str]]) -> Changes:
    """Changes of these ``(table, row id, kind)``, their customers read through ``session``."""
    rows: dict[str, set[str]] = {}
    kinds: dict[str, set[str]] = {}
    for table, row_id, kind in items:
        rows.setdefault(table, set()).add(row_id)
        kinds.setdefault(table, set()).add(kind)
    customers: set[str] = set()
    for table, ids in rows.items():
        try:
            customers |= customers_of(session, table, sorted(ids))
        except KeyError:  # a table without rows of its own on this schema (users...)
            continue
    return Changes({t: frozenset(i) for t, i in rows.items()}, {t: frozenset(k) for t, k in kinds.items()},
                   frozenset(customers), len(customers) > MANY)


@event.listens_for(Session, "before_commit")
def _resolve(session: Session) -> None:
    changed = session.info.pop("changed", None)
    if changed and _collector.get() is not None:
        session.info["resolved"] = from_rows(session, changed)


@event.listens_for(Session, "after_commit")
def _publish(session: Session) -> None:
    resolved = session.info.pop("resolved", None)
    got = _collector.get()
    if resolved is not None and got is not None:
        got.add(resolved)


@event.listens_for(Session, "after_rollback")
def _discard(session: Session) -> None:
    session.info.pop("changed", None)
    session.info.pop("resolved", None)
