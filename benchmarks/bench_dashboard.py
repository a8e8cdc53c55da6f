"""`dashboard`: every figure of the Dashboard screen on the big store, against a bare GROUP BY.

Ours: ``services.dashboard.dashboard`` (the one call the screen makes, off the GUI thread):
the funnel by stage with open offer values, visits per week for 12 weeks, offers by state,
follow-ups overdue and due today, quiet customers by grade and the most valuable of them.
Timed first on a freshly opened store (the screen's first load), then warm, for the whole
team and for the manager owning the most customers. Baseline: a bare
``SELECT stage_code, count(*) FROM customers GROUP BY stage_code`` on its own connection
(no deleted check, no owner: the least any funnel can cost).

The demo generator makes no offers, so the store is copied once (cached beside it) with
one offer per ten customers, each with a real quote of the pricing engine, in every state.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import statistics
import time
import uuid
from datetime import date, datetime
from pathlib import Path

from benchmarks.data import _checkpoint, ensure_store
from benchmarks.harness import Result, result
from workbench.services.dashboard import OFFER_STATES, dashboard
from workbench.services.users import user_context
from workbench.store.engine import open_store

OFFER_EVERY = 10  # customers per offer
BASELINE_SQL = "SELECT stage_code, count(*) FROM customers GROUP BY stage_code"


def _quote_json() -> str:
    from workbench.proposals.sample import sample_content

    return json.dumps(sample_content(3).quote, ensure_ascii=False)


def _add_offers(path: Path) -> int:
    con = sqlite3.connect(path, isolation_level=None)
    try:
        quote = _quote_json()
        customers = con.execute(f"SELECT id, owner_id FROM customers WHERE num % {OFFER_EVERY} = 0").fetchall()
        now = datetime(2026, 11, 1).isoformat(sep=" ") + ".000000"
        offers, versions = [], []
        for i, (cid, owner) in enumerate(customers):
            oid, state = str(uuid.uuid4()), OFFER_STATES[i % len(OFFER_STATES)]
            offers.append((oid, cid, f"FA-BENCH-{i:07d}", "基准方案", 1, state, now, now, 1, 0, owner))
            versions.append((str(uuid.uuid4()), oid, 1, "{}", quote, state, int(state in ("sent", "won", "lost")),
                             "2026-11-01", "manager", now, now, 1, 0, owner))
        con.execute("BEGIN")
        con.executemany("INSERT INTO offers (id, customer_id, number, title, current_version, state, created_at,"
                        " updated_at, version, deleted, owner_id) VALUES (?,?,?,?,?,?,?,?,?,?,?)", offers)
        con.executemany("INSERT INTO offer_versions (id, offer_id, version_no, offer_json, quote_json, state, frozen,"
                        " priced_on, priced_role, created_at, updated_at, version, deleted, owner_id)"
                        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)", versions)
        con.execute("COMMIT")
        return len(offers)
    finally:
        con.close()


def ensure_offer_store(customers: int) -> Path:
    """The benchmark store with offers added (built once per store)."""
    source = ensure_store(customers)
    path = source.with_name(source.stem + "-offers.sqlite")
    if path.exists():
        return path
    open_store(source).close()  # migrated, so that the copy needs no migration (nor a backup)
    _checkpoint(source)
    tmp = path.with_suffix(".building")
    shutil.copy(source, tmp)
    _add_offers(tmp)
    _checkpoint(tmp)
    shutil.move(tmp, path)
    return path


def _timed(fn: object, repeat: int) -> tuple[float, float]:
    """(first, median of the rest) in ms."""
    times = []
    for _ in range(repeat + 1):
        t = time.perf_counter()
        fn()  # type: ignore[operator]
        times.append((time.perf_counter() - t) * 1000)
    return times[0], statistics.median(times[1:])


def run(*, scale: int, quick: bool) -> list[Result]:
    path = ensure_offer_store(scale)
    repeat = 3 if quick else 7
    con = sqlite3.connect(path)
    base_first, base = _timed(lambda: con.execute(BASELINE_SQL).fetchall(), repeat)
    con.close()
    today = date(2026, 11, 24)  # the demo generator's day
    store = open_store(path)
    try:
        ctx = user_context(store)
        with sqlite3.connect(path) as raw:
            owner = raw.execute("SELECT owner_id FROM customers GROUP BY owner_id ORDER BY count(*) DESC").fetchone()[0]
            owned = raw.execute("SELECT count(*) FROM customers WHERE owner_id = ?", (owner,)).fetchone()[0]
        first, team = _timed(lambda: dashboard(ctx, today=today, owner_id=None), repeat)
        _, mine = _timed(lambda: dashboard(ctx, today=today, owner_id=owner), repeat)
        figures = dashboard(ctx, today=today, owner_id=None)
        assert figures.customers > 0 and sum(f.offers for f in figures.offer_states) > 0
    finally:
        store.close()
    label = f"bare GROUP BY stage, {scale:,} customers"
    return [
        result("dashboard", "first_load_team", first, "ms", label + " (first)", base_first, "value < 500 ms"),
        result("dashboard", "load_team", team, "ms", label, base, "reported"),
        result("dashboard", f"load_owner_of_{owned}", mine, "ms", label, base, "reported"),
    ]
