"""Checks the fast seeding (benchmarks/sync_seed.py) against the protocol: a seed pushed through
the real API, then copied by SQL on one server and the same copies pushed through the API on a
twin of it (a PostgreSQL database made from the seeded one as template). Both servers must hold
the same rows (sequence numbers, versions, owners, natural keys, field versions, data but the
push-time ``updated_at``) and the same de-duplication records, and a fresh device must pull the
same rows, table by table, from each.

tests/sync/test_sync_seed.py runs it small; ``python -m benchmarks.sync_seed_check --seed 100
--copies 10`` runs it at 1,000 customers.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import psycopg
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from benchmarks.sync_seed import RecordingClient, push_copies, replicate
from benchmarks.sync_setup import journal_everything, seeded_store
from tests.pgcluster import PgCluster
from tests.sync.team import SHARED, URL
from workbench.server import db
from workbench.server.admin import add_user, init_db, new_code
from workbench.server.app import create_app
from workbench.server.tables import GLOBAL_TABLES
from workbench.services.users import user_context
from workbench.store.engine import open_store
from workbench.store.payload import model_for
from workbench.sync.client import ServerClient
from workbench.sync.engine import enrol, sync_once
from workbench.sync.tokens import load_token

# Set by the server as it applies a push (now), not carried by the pushed change: a visit
# whose contacts were pushed is touched (its updated_at moves).
PUSH_TIME = {"updated_at"}


def _plain(url: str) -> str:
    return url.replace("postgresql+psycopg://", "postgresql://")


def server_rows(url: str) -> dict[tuple[str, str], tuple[Any, ...]]:
    with psycopg.connect(_plain(url)) as con:
        found = con.execute("SELECT table_name, row_id, seq, version, deleted, customer_id, owner_id, "
                            "shared, natural_key, field_versions, data FROM rows").fetchall()
    out = {}
    for *head, data in found:
        fields = {k: v for k, v in json.loads(data).items() if k not in PUSH_TIME}
        out[(head[0], head[1])] = (*head[2:], json.dumps(fields, sort_keys=True))
    return out


def dedup_records(url: str) -> set[tuple[Any, ...]]:
    with psycopg.connect(_plain(url)) as con:
        return {(d, s, r) for d, s, r in con.execute("SELECT device_id, seq, result FROM device_ops")}


def fresh_pull(url: str, user_id: str, path: Path) -> dict[str, set[str]]:
    """The ids per table a freshly enrolled device holds after its initial sync."""
    store = open_store(path)
    try:
        with TestClient(create_app(url), base_url=URL) as http:
            enrol(store, url=URL, code=new_code(url, user_id)[1], device_name=path.stem,
                  client=ServerClient(URL, http=http))
            summary, _ = sync_once(store, ServerClient(URL, load_token(store.device_id), http=http))
        assert summary.pulled > 0
        out: dict[str, set[str]] = {}
        with store.read() as s:
            for table in SHARED:
                model = model_for(table)
                if table == "visit_contacts":
                    out[table] = {f"{v}:{c}" for v, c in s.execute(select(model.visit_id, model.contact_id))}  # type: ignore[attr-defined]
                else:
                    out[table] = set(s.scalars(select(model.id)))  # type: ignore[attr-defined]
            assert s.scalar(select(func.count()).select_from(model_for("customers"))) == len(out["customers"])
        return out
    finally:
        store.close()
        db.dispose(url)


def compare(cluster: PgCluster, tmp: Path, *, seed: int, copies: int) -> dict[str, int]:
    """Seed ``seed`` customers, make ``copies`` of them both ways, compare (AssertionError on
    a difference); returns the rows per table a fresh device pulled."""
    pushed_db, sql_db = cluster.create_database(), cluster.create_database()
    pushed, by_sql = cluster.url(pushed_db), cluster.url(sql_db)
    init_db(pushed)
    user_id, code = add_user(pushed, name="王经理", role="manager", team="西湖")
    laptop = seeded_store(tmp / "laptop.sqlite", customers=seed,
                          user={"id": user_id, "name": "王经理", "role": "manager", "team": "西湖"})
    try:
        with TestClient(create_app(pushed), base_url=URL) as http:
            enrol(laptop, url=URL, code=code, device_name="laptop", client=ServerClient(URL, http=http))
            journal_everything(user_context(laptop), per_transaction=7)
            recorder = RecordingClient(URL, load_token(laptop.device_id), http=http)
            summary, _ = sync_once(laptop, recorder)
        assert summary.refused == 0 and summary.conflicts == 0 and recorder.batches
        db.dispose(pushed)
        with psycopg.connect(cluster.conninfo(), autocommit=True) as con:  # the twin
            con.execute(f'DROP DATABASE "{sql_db}"')  # type: ignore[arg-type]
            con.execute(f'CREATE DATABASE "{sql_db}" TEMPLATE "{pushed_db}"')  # type: ignore[arg-type]
        added = replicate(by_sql, copies)
        with TestClient(create_app(pushed), base_url=URL) as http:
            push_copies(ServerClient(URL, load_token(laptop.device_id), http=http), laptop.device_id,
                        recorder.batches, copies)
        db.dispose(pushed)
    finally:
        laptop.close()

    a, b = server_rows(pushed), server_rows(by_sql)
    scoped = [k for k in a if k[0] not in GLOBAL_TABLES]
    assert added == len(scoped) * (copies - 1) // copies
    assert a.keys() == b.keys()
    assert a == b
    assert dedup_records(pushed) == dedup_records(by_sql)
    with psycopg.connect(_plain(by_sql)) as con:
        (counter,) = con.execute("SELECT value FROM sync_counter").fetchone()  # type: ignore[misc]
        (top,) = con.execute("SELECT max(seq) FROM rows").fetchone()  # type: ignore[misc]
    assert counter == top
    first = fresh_pull(pushed, user_id, tmp / "fresh1.sqlite")
    second = fresh_pull(by_sql, user_id, tmp / "fresh2.sqlite")
    counts = {t: len(v) for t, v in first.items()}
    assert counts == {t: len(v) for t, v in second.items()}
    assert first == second
    assert counts["customers"] == seed * copies
    for name in (pushed_db, sql_db):
        cluster.drop_database(name)
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.sync_seed_check", description=__doc__)
    parser.add_argument("--seed", type=int, default=100, help="customers pushed (default 100)")
    parser.add_argument("--copies", type=int, default=10, help="copies, the seed included (default 10)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    cluster = PgCluster().start()
    try:
        with tempfile.TemporaryDirectory() as tmpdir:
            counts = compare(cluster, Path(tmpdir), seed=args.seed, copies=args.copies)
    finally:
        cluster.stop()
    print(json.dumps({"seed": args.seed, "copies": args.copies, "same": True, "pulled": counts,
                      "seconds": round(time.perf_counter() - started, 1)}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
