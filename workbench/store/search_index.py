"""Keeping the customer search index current, inside the writing transaction.

Tables (created by migration 0001):
- ``search_docs(num, doc, grams)``: per customer, the indexed text and its grams (kept so
  that a re-index can delete exactly what it inserted), and over ``doc`` the FTS5 trigram
  table ``search_fts`` (external content, rowid = customers.num);
- ``search_keys(id, key)`` with id = num * MAX_KEYS + k, and over it the trigram table
  ``keys_fts``: a query starting a key is a prefix match, one equal to it an exact match;
- ``search_grams(gram, cls, num)`` for one- and two-character queries.
Deleted (tombstoned) customers are removed from all of them.

A sync pull does not index as it goes: it marks the customers it touched in
``search_pending(customer_id)`` (migration 0007) and :func:`index_pending` indexes them in bulk
once the pull is over, in chunks that each commit with their marks removed.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence

from sqlalchemy import text
from sqlalchemy.exc import NoResultFound
from sqlalchemy.orm import Session

from workbench.store.base import in_slices
from workbench.store.search_terms import MAX_KEYS, SearchTerms, compute


def terms_for(session: Session, customer_id: str) -> tuple[int, SearchTerms | None]:
    """One customer's ``(num, terms)``; terms None when it is deleted (NoResultFound when it
    is not there)."""
    found = _terms_many(session, [customer_id])
    if not found:
        raise NoResultFound(f"no customer {customer_id}")
    return found[0]


def _pack_grams(grams: dict[str, int]) -> str:
    return " ".join(f"{cls}{g}" for g, cls in grams.items())


def _remove(session: Session, num: int) -> None:
    old = session.execute(
        text("SELECT doc, grams FROM search_docs WHERE num = :n"), {"n": num}
    ).one_or_none()
    if old is None:
        return
    session.execute(
        text("INSERT INTO search_fts(search_fts, rowid, doc) VALUES('delete', :n, :d)"),
        {"n": num, "d": old.doc},
    )
    session.execute(text("DELETE FROM search_docs WHERE num = :n"), {"n": num})
    if old.grams:
        session.execute(
            text("DELETE FROM search_grams WHERE gram = :g AND cls = :c AND num = :n"),
            [{"g": item[1:], "c": int(item[0]), "n": num} for item in old.grams.split(" ")],
        )
    lo, hi = num * MAX_KEYS, num * MAX_KEYS + MAX_KEYS - 1
    keys = session.execute(
        text("SELECT id, key FROM search_keys WHERE id BETWEEN :lo AND :hi"), {"lo": lo, "hi": hi}
    ).all()
    if keys:
        session.execute(
            text("INSERT INTO keys_fts(keys_fts, rowid, key) VALUES('delete', :i, :k)"),
            [{"i": r.id, "k": r.key} for r in keys],
        )
        session.execute(text("DELETE FROM search_keys WHERE id BETWEEN :lo AND :hi"), {"lo": lo, "hi": hi})


_GROUP = 50  # customers whose index rows are built at a time
_RAW_GROUP = 1_000  # the same for the demo loader, which runs alone


def _kind_rows(kind: str, items: Iterable[tuple[int, SearchTerms]]) -> list[dict[str, object]]:
    """The rows of one kind (see :data:`_INSERTS`) for these customers."""
    if kind == "docs":
        return [{"n": num, "d": terms.doc, "g": _pack_grams(terms.grams)} for num, terms in items]
    if kind == "grams":
        return [{"g": g, "c": cls, "n": num} for num, terms in items for g, cls in terms.grams.items()]
    if kind == "keys":
        return [{"i": num * MAX_KEYS + k, "k": key} for num, terms in items for k, key in enumerate(terms.keys)]
    return [{"n": num, "s": terms.sort_key} for num, terms in items]


_INSERTS = (
    ("docs", "INSERT INTO search_docs(num, doc, grams) VALUES(:n, :d, :g)"),
    ("docs", "INSERT INTO search_fts(rowid, doc) VALUES(:n, :d)"),
    ("grams", "INSERT INTO search_grams(gram, cls, num) VALUES(:g, :c, :n)"),
    ("keys", "INSERT INTO search_keys(id, key) VALUES(:i, :k)"),
    ("keys", "INSERT INTO keys_fts(rowid, key) VALUES(:i, :k)"),
    ("sorts", "UPDATE customers SET sort_key = :s WHERE num = :n AND sort_key IS NOT :s"),
)


def _insert(session: Session, items: Sequence[tuple[int, SearchTerms]]) -> None:
    """The index rows of these customers, table by table, built :data:`_GROUP` customers at a
    time: built all at once, the 560,000 gram rows of a 10,000-customer import took 59 ms to
    free, one C call that holds the GIL (a stall of the GUI thread beside the import)."""
    # Straight to the driver (sqlite3 takes the named parameters as they are): through
    # ``text()`` each slice paid SQLAlchemy's statement set-up again, 29,000 times for a
    # 10,000-customer import (profiled).
    connection = session.connection()
    for kind, sql in _INSERTS:
        for group in in_slices(items, _GROUP):
            for part in in_slices(_kind_rows(kind, group)):
                connection.exec_driver_sql(sql, part)  # type: ignore[arg-type]


def reindex_customer(session: Session, customer_id: str) -> None:
    """Recompute one customer's search rows (after any write to it or its contacts)."""
    num, terms = terms_for(session, customer_id)
    _remove(session, num)
    if terms is not None:
        _insert(session, [(num, terms)])


def bulk_index(session: Session, items: Sequence[tuple[int, SearchTerms]]) -> None:
    """Index many customers not indexed yet (demo generation, rebuild)."""
    _insert(session, items)


def bulk_index_raw(con: sqlite3.Connection, items: Sequence[tuple[int, SearchTerms]]) -> None:
    """As :func:`bulk_index`, on a plain sqlite3 connection (the demo loader's)."""
    for kind, sql in _INSERTS:
        for start in range(0, len(items), _RAW_GROUP):
            if rows := _kind_rows(kind, items[start:start + _RAW_GROUP]):
                con.executemany(sql, rows)


def mark_pending(session: Session, customer_ids: Iterable[str]) -> None:
    """Note customers whose search rows are due (indexed by :func:`index_pending`)."""
    rows = [{"c": cid} for cid in customer_ids]
    if rows:
        session.execute(text("INSERT OR IGNORE INTO search_pending(customer_id) VALUES(:c)"), rows)


def pending_ids(session: Session, limit: int) -> list[str]:
    return list(session.execute(text("SELECT customer_id FROM search_pending ORDER BY customer_id LIMIT :n"),
                                {"n": limit}).scalars())


def _terms_many(session: Session, customer_ids: list[str]) -> list[tuple[int, SearchTerms | None]]:
    """As :func:`terms_for` for many customers, in two queries."""
    if not customer_ids:
        return []
    marks = ", ".join(f":c{i}" for i in range(len(customer_ids)))
    params = {f"c{i}": cid for i, cid in enumerate(customer_ids)}
    found = session.execute(text(f"SELECT id, num, name, short_name, credit_code, deleted FROM customers "
                                 f"WHERE id IN ({marks})"), params).all()
    people: dict[str, list[tuple[str, str | None, str | None]]] = {}
    for row in session.execute(text(f"SELECT customer_id, name, mobile, phone FROM contacts "
                                    f"WHERE deleted = 0 AND customer_id IN ({marks}) ORDER BY rowid"), params):
        people.setdefault(row.customer_id, []).append((row.name, row.mobile, row.phone))
    out: list[tuple[int, SearchTerms | None]] = []
    for c in found:
        if c.deleted:
            out.append((c.num, None))
            continue
        contacts = people.get(c.id, [])
        out.append((c.num, compute(name=c.name, short_name=c.short_name, credit_code=c.credit_code,
                                   contact_names=[n for n, _, _ in contacts],
                                   phones=[p for _, mo, ph in contacts for p in (mo, ph) if p])))
    return out


def index_marked(session: Session, customer_ids: list[str]) -> None:
    """Index these marked customers afresh (removing what they had) and clear their marks."""
    items = _terms_many(session, customer_ids)  # a customer not (yet) here is skipped
    indexed = set(session.execute(text(
        f"SELECT num FROM search_docs WHERE num IN ({', '.join(str(int(n)) for n, _ in items) or 'NULL'})"
    )).scalars())
    for num, _ in items:
        if num in indexed:
            _remove(session, num)
    _insert(session, [(num, t) for num, t in items if t is not None])
    session.execute(text("DELETE FROM search_pending WHERE customer_id = :c"), [{"c": c} for c in customer_ids])


def rebuild_all(session: Session) -> int:
    """Drop and recompute the whole index (a repair command); returns customers indexed."""
    for table in ("search_grams", "search_keys", "search_docs"):
        session.execute(text(f"DELETE FROM {table}"))
    session.execute(text("INSERT INTO search_fts(search_fts) VALUES('delete-all')"))
    session.execute(text("INSERT INTO keys_fts(keys_fts) VALUES('delete-all')"))
    session.execute(text("DELETE FROM search_pending"))
    ids = list(session.execute(text("SELECT id FROM customers WHERE deleted = 0")).scalars())
    for start in range(0, len(ids), 500):
        items = _terms_many(session, ids[start:start + 500])
        bulk_index(session, [(num, t) for num, t in items if t is not None])
    return len(ids)
