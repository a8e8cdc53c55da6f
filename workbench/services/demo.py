"""Filling a store with generated demo data, fast (100,000 customers in a few minutes).

The records come from :mod:`workbench.services.demo_data` (deterministic for a seed) and
go in through executemany on one connection, a batch per transaction, with the search
index built in the same transactions. Demo rows belong to demo users and are not written
to the change journal: the same seed regenerates them anywhere, and they never sync.
"""

from __future__ import annotations

import os
import sqlite3
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, fields
from datetime import UTC, date, datetime
from functools import cache
from itertools import islice
from operator import attrgetter
from pathlib import Path
from typing import Any

from workbench.domain.enums import Role, ScoreKind
from workbench.services.demo_data import DemoBundle, DemoGenerator
from workbench.store.engine import Store
from workbench.store.search_index import bulk_index_raw
from workbench.store.search_terms import SearchTerms, compute

Progress = Callable[[int, int], None]  # (customers done, customers wanted)

DEMO_USERS = (  # id, name, role, team, phone, e-mail (the manager's contact on proposals)
    ("00000000-0000-4000-8000-000000000001", "李明", Role.MANAGER, "杭州政企一组", "13857100001", "liming@example.com"),
    ("00000000-0000-4000-8000-000000000002", "王芳", Role.MANAGER, "杭州政企一组", "13857100002", "wangfang@example.com"),
    ("00000000-0000-4000-8000-000000000003", "陈昇", Role.MANAGER, "杭州政企一组", "13857100003", "chensheng@example.com"),
    ("00000000-0000-4000-8000-000000000004", "赵堃", Role.TEAM_LEAD, "杭州政企一组", "13857100004", "zhaokun@example.com"),
    ("00000000-0000-4000-8000-000000000005", "总部政企部", Role.HQ, None, None, None),
)
ME = DEMO_USERS[0][0]
DEMO_CUSTOMERS = 2000  # the size of the demo store built on first use
DEMO_MARK = "demo_complete"  # meta key written in a demo build's last transaction


@dataclass(frozen=True, slots=True)
class DemoResult:
    customers: int
    contacts: int
    visits: int
    stage_events: int


def _cols(cls: type) -> list[str]:
    return [f.name for f in fields(cls)]


def _insert_sql(table: str, columns: list[str]) -> str:
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"


# Written as SQLAlchemy writes them, so that string comparisons in SQL agree.
_TO_SQL: dict[type, Callable[[Any], str]] = {
    datetime: lambda v: f"{v:%Y-%m-%d %H:%M:%S.%f}",
    date: lambda v: f"{v:%Y-%m-%d}",
}


def _same(value: object) -> object:
    return value


def _row(values: Iterable[object]) -> tuple[object, ...]:
    return tuple(_TO_SQL.get(type(v), _same)(v) for v in values)


def astuple(obj: object) -> tuple[object, ...]:
    """A dataclass's field values, shallow (dataclasses.astuple deep-copies: 10x slower)."""
    getter: Callable[[object], tuple[object, ...]] = _getters(type(obj))  # type: ignore[arg-type]
    return getter(obj)


@cache
def _getters(cls: type) -> Callable[[object], tuple[object, ...]]:
    return attrgetter(*_cols(cls))


def ensure_demo_users(con: sqlite3.Connection) -> None:
    now = datetime.now(UTC).replace(tzinfo=None).isoformat(sep=" ")
    con.executemany(
        "INSERT OR IGNORE INTO users (id, name, role, team, phone, email, created_at, updated_at, version, deleted) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, 0)",
        [(uid, name, role.value, team, phone, email, now, now) for uid, name, role, team, phone, email in DEMO_USERS],
    )
    # the demo user becomes this store's user only where there is none yet
    con.execute("INSERT OR IGNORE INTO meta (key, value) VALUES ('current_user', ?)", (ME,))


class _Loader:
    def __init__(self, con: sqlite3.Connection, first_num: int) -> None:
        self.con = con
        self.num = first_num
        from workbench.services.demo_data import (
            DemoContact,
            DemoCustomer,
            DemoStageEvent,
            DemoVisit,
        )

        self.cust_cols = _cols(DemoCustomer)
        self.contact_cols = _cols(DemoContact)
        self.visit_cols = [c for c in _cols(DemoVisit) if c != "contact_ids"]
        self.event_cols = _cols(DemoStageEvent)
        sync = ["updated_at", "version", "deleted", "owner_id"]
        self.sql_cust = _insert_sql(
            "customers", ["num", *self.cust_cols, "stage_changed_at", "next_follow_up", "last_visit_at", "sort_key", *sync]
        )
        self.sql_contact = _insert_sql("contacts", [*self.contact_cols, "created_at", *sync])
        self.sql_visit = _insert_sql("visits", [*self.visit_cols, "created_at", *sync])
        self.sql_event = _insert_sql("stage_events", [*self.event_cols, "by_user_id", "created_at", *sync])
        self.sql_score = _insert_sql(
            "contact_scores", ["id", "contact_id", "kind", "value", "recorded_at", "created_at", *sync]
        )
        self.counts = [0, 0, 0, 0]

    def load(self, bundles: list[DemoBundle]) -> None:
        customers: list[tuple[object, ...]] = []
        contacts: list[tuple[object, ...]] = []
        visits: list[tuple[object, ...]] = []
        links: list[tuple[str, str]] = []
        events: list[tuple[object, ...]] = []
        scores: list[tuple[object, ...]] = []
        index: list[tuple[int, SearchTerms]] = []
        for b in bundles:
            c = b.customer
            owner = ME if (self.num % 5) < 3 else DEMO_USERS[1 + self.num % 3][0]
            created = c.created_at
            sync = (created, 1, 0, owner)
            open_follow = [v.follow_up_date for v in b.visits if v.follow_up_date and not v.follow_up_done]
            terms = compute(
                name=c.name, short_name=c.short_name, credit_code=c.credit_code,
                contact_names=[k.name for k in b.contacts],
                phones=[p for k in b.contacts for p in (k.mobile, k.phone) if p],
            )
            stage_at = b.stage_events[-1].occurred_at if b.stage_events else created
            customers.append(_row((
                self.num, *astuple(c), stage_at, min(open_follow, default=None),
                max((v.occurred_at for v in b.visits), default=None), terms.sort_key, *sync,
            )))
            index.append((self.num, terms))
            for k in b.contacts:
                contacts.append(_row((*astuple(k), created, *sync)))
                for kind in ScoreKind:
                    value = getattr(k, kind.value)
                    score_id = str(uuid.uuid5(uuid.NAMESPACE_OID, f"{k.id}/{kind.value}"))
                    scores.append(_row((score_id, k.id, kind.value, value, created, created, *sync)))
            for v in b.visits:
                visits.append(_row((*(getattr(v, col) for col in self.visit_cols), v.occurred_at, *sync)))
                links.extend((v.id, cid) for cid in v.contact_ids)
            for e in b.stage_events:
                events.append(_row((*astuple(e), owner, e.occurred_at, *sync)))
            self.num += 1
        con = self.con
        con.executemany(self.sql_cust, customers)
        con.executemany(self.sql_contact, contacts)
        con.executemany(self.sql_score, scores)
        con.executemany(self.sql_visit, visits)
        con.executemany("INSERT INTO visit_contacts (visit_id, contact_id) VALUES (?, ?)", links)
        con.executemany(self.sql_event, events)
        bulk_index_raw(con, index)
        for i, n in enumerate((len(customers), len(contacts), len(visits), len(events))):
            self.counts[i] += n


def generate(store: Store, *, customers: int, seed: int = 20261124, batch: int = 1000,
             progress: Progress | None = None, today: datetime | None = None) -> DemoResult:
    """Add ``customers`` generated customers (with contacts, visits, stage histories)."""
    from workbench.store.connect import connect

    con = connect(store.path, isolation_level=None)  # plain or encrypted
    try:
        con.execute("PRAGMA foreign_keys=ON")
        con.execute("PRAGMA synchronous=OFF")  # a crash mid-way loses only demo batches
        con.execute("PRAGMA cache_size=-200000")
        con.execute("BEGIN IMMEDIATE")
        ensure_demo_users(con)
        first = con.execute("SELECT coalesce(max(num), 0) + 1 FROM customers").fetchone()[0]
        con.execute("COMMIT")
        seed = seed if first == 1 else seed + first  # a second run adds different customers
        gen = DemoGenerator(seed=seed, **({"today": today.date()} if today else {}))
        loader = _Loader(con, first)
        stream = gen.bundles(customers)
        done = 0
        while chunk := list(islice(stream, batch)):
            con.execute("BEGIN IMMEDIATE")
            try:
                loader.load(chunk)
                con.execute("COMMIT")
            except BaseException:
                con.execute("ROLLBACK")
                raise
            done += len(chunk)
            if progress:
                progress(done, customers)
        con.execute("PRAGMA optimize")
        return DemoResult(*loader.counts)
    finally:
        con.close()


def build_demo_store(path: Path, *, customers: int, progress: Progress | None = None,
                     seed: int = 20261124) -> DemoResult:
    """Fill a new demo store at ``path``: built in a side file, marked complete in its last
    transaction (:data:`DEMO_MARK`) and moved into place, so that a quit, a cancellation
    (``progress`` may raise) or a crash half-way leaves no half-filled demo behind. An
    incomplete store already at ``path`` is kept beside it as ``NAME.incomplete.bak``."""
    from workbench.store.engine import open_store

    path.parent.mkdir(parents=True, exist_ok=True)
    side = path.with_name(path.name + ".building")
    for leftover in path.parent.glob(side.name + "*"):
        leftover.unlink()
    store = open_store(side)
    try:
        result = generate(store, customers=customers, seed=seed, progress=progress)
    finally:
        store.close()
    from workbench.store.connect import connect

    con = connect(side, isolation_level=None)
    try:
        con.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
                    (DEMO_MARK, datetime.now(UTC).replace(tzinfo=None).isoformat(sep=" ")))
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        con.close()
    _set_aside(path)
    os.replace(side, path)
    return result


def _set_aside(path: Path) -> None:
    """Move the store at ``path`` with its -wal and -shm files (so it stays consistent) to
    ``NAME.incomplete.bak``; an empty one is simply removed."""
    if not path.exists():
        return
    keep = path.stat().st_size > 0
    for suffix in ("", "-wal", "-shm"):
        old = path.with_name(path.name + ".incomplete.bak" + suffix)
        old.unlink(missing_ok=True)
        current = path.with_name(path.name + suffix)
        if current.exists():
            if keep:
                os.replace(current, old)
            else:
                current.unlink()


def demo_complete(path: Path) -> bool:
    """Whether ``path`` holds a demo store whose build finished (read only; creates nothing)."""
    from workbench.store.connect import connect, db_errors
    from workbench.store.opening import StoreError, read_only_uri

    unreadable: tuple[type[BaseException], ...] = (OSError, StoreError, *db_errors())
    try:
        if not path.is_file() or path.stat().st_size == 0:
            return False
        con = connect(path, uri=read_only_uri(path))
        try:
            row = con.execute("SELECT value FROM meta WHERE key = ?", (DEMO_MARK,)).fetchone()
        finally:
            con.close()
    except unreadable:
        return False
    return row is not None


def ensure_demo_store(path: Path, *, customers: int | None = None,
                      progress: Progress | None = None) -> DemoResult | None:
    """Build the demo store at ``path`` when it is missing, empty or incomplete (an
    interrupted or older build); returns what was built, None when it was complete."""
    from workbench.store.opening import Problem, StoreError

    if demo_complete(path):
        return None
    folder = next((p for p in (path.parent, *path.parent.parents) if p.exists()), path.parent)
    if not os.access(folder, os.W_OK):
        raise StoreError(Problem.READ_ONLY, path, "its folder cannot be written, so the demo cannot be built")
    return build_demo_store(path, customers=DEMO_CUSTOMERS if customers is None else customers, progress=progress)
