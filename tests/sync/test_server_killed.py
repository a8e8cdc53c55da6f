"""The server process is killed (SIGKILL, every worker) in the middle of a push, over a real
PostgreSQL: nothing of the push is stored, the laptop keeps every entry pending, and once the
server is back the retry stores each row exactly once."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from datetime import datetime

import psycopg
from sqlalchemy import create_engine, func, select

from tests.sync.team import Team, snapshot
from workbench.server.schema import rows
from workbench.services import customers, visits
from workbench.sync.client import SyncError
from workbench.sync.outbox import pending_count


def _server_rows(db_url: str, ids: list[str]) -> int:
    engine = create_engine(db_url)
    try:
        with engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(rows)
                                    .where(rows.c.row_id.in_(ids))).scalar_one())
    finally:
        engine.dispose()


def _waiting_on_a_lock(dsn: str) -> bool:
    with psycopg.connect(dsn, autocommit=True) as conn:
        found = conn.execute("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                             " AND query ILIKE '%sync_counter%'").fetchone()
        return bool(found and found[0])


def test_a_server_killed_mid_push_stores_nothing_and_the_retry_stores_it_once(
        make_team: Callable[..., Team], pg_db_url: str) -> None:
    team = make_team(pg_db_url, workers=2)
    server = team.server
    assert server is not None
    a, b = team.laptop("王经理"), team.laptop("李经理")
    made = [customers.create_customer(a.ctx, values={"name": f"杭州第{n}中学", "industry_code": "education",
                                                     "shared": True}) for n in range(1, 6)]
    for c in made:
        visits.log_visit(a.ctx, customer_id=c.id, values={"occurred_at": datetime(2026, 12, 1, 9), "kind": "onsite"})
    pending = pending_count(a.store)
    ids = [c.id for c in made]

    dsn = pg_db_url.replace("postgresql+psycopg://", "postgresql://")
    holder = psycopg.connect(dsn)  # holds the counter row: the push stops inside its transaction
    holder.execute("UPDATE sync_counter SET value = value WHERE id = 1")
    failed: list[BaseException] = []

    def push() -> None:
        try:
            a.sync()
        except BaseException as exc:  # noqa: BLE001 - the test inspects what reached the laptop
            failed.append(exc)

    pushing = threading.Thread(target=push)
    pushing.start()
    deadline = time.monotonic() + 20
    while not _waiting_on_a_lock(dsn):
        assert time.monotonic() < deadline, "the push never reached the server's transaction"
        time.sleep(0.05)
    server.kill()  # mid-push: its rows are written, uncommitted, when the power goes
    pushing.join(30)
    holder.rollback()
    holder.close()

    assert not pushing.is_alive()
    assert len(failed) == 1 and isinstance(failed[0], SyncError) and failed[0].code == "offline"
    assert pending_count(a.store) == pending  # the laptop still holds every entry
    assert _server_rows(pg_db_url, ids) == 0  # and the server kept nothing of the half-done push

    server.start()
    summary = a.sync()
    assert summary.refused == 0 and summary.pending == 0
    assert summary.applied == pending  # applied now, not "duplicate": the first never committed
    assert _server_rows(pg_db_url, ids) == len(ids)
    b.sync()
    assert snapshot(a.store) == snapshot(b.store)
    assert len(visits.list_visits(b.ctx, customer_id=ids[0])) == 1

