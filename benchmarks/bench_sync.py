"""`sync`: a real `workbench-server` over a real PostgreSQL, driven by real laptop stores.

- initial sync of SCALE/10 customers (3 contacts and 10 visits each on average) to an empty
  device, push then pull, every page applied with its search rows: against the floor of the
  same rows written straight in (COPY into PostgreSQL plus one ``executemany`` per table into
  the device's SQLite schema), target ratio <= 4;
- 1,000 edits pushed by one device and pulled by another, against the same updates applied
  straight (reported);
- a sync with nothing to do, against a bare ``GET /v1/health`` round trip (reported);
- the initial sync with two server workers and two devices at once, against one device alone;
- peak RSS of the client (a `workbench sync` process) and of the busiest server process;
- the longest GUI-thread stall while a real window (offscreen) runs its initial sync, against
  the same window idle (benchmarks/sync_window.py), target < 50 ms.
"""

from __future__ import annotations

import contextlib
import json
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import psutil

from benchmarks.harness import Result, median_time, result
from benchmarks.sync_setup import ROOT, journal_everything, seeded_store, served, team_db
from workbench.services import customers
from workbench.services.users import user_context
from workbench.store.engine import Store, open_store
from workbench.store.payload import decode_fields, model_for
from workbench.sync.client import ServerClient
from workbench.sync.engine import enrol, sync_once
from workbench.sync.tokens import load_token


def _enrolled(db_url: str, url: str, path: Path, user: str) -> Store:
    from workbench.server.admin import new_code

    _, code = new_code(db_url, user)
    store = open_store(path)
    enrol(store, url=url, code=code, device_name=path.stem)
    return store


def _client(store: Store, url: str) -> ServerClient:
    return ServerClient(url, load_token(store.device_id), timeout=300)


def _all_rows(store: Store, url: str) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    after = 0
    with _client(store, url) as client:
        while True:
            page = client.pull(after=after, limit=2000)
            rows.extend(page["rows"])
            after = page["cursor"]
            if not page["more"]:
                return rows


def _floor(db_url: str, rows: list[dict[str, Any]], tmp: Path) -> float:
    """The same rows written straight in: COPY into PostgreSQL, executemany into SQLite."""
    import psycopg

    conninfo = db_url.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(conninfo) as con:
        con.execute("CREATE TABLE IF NOT EXISTS floor_rows (table_name text, row_id text, version int, "
                    "deleted bool, seq bigint, data jsonb)")
        t = time.perf_counter()
        with con.cursor().copy("COPY floor_rows FROM STDIN") as copy:
            for r in rows:
                copy.write_row((r["table"], r["row"], r["version"], r["deleted"], r["seq"], json.dumps(r["data"])))
        con.commit()
        pg = time.perf_counter() - t
        con.execute("DROP TABLE floor_rows")
        con.commit()
    store = open_store(tmp / "floor.sqlite")
    store.close()
    import sqlite3

    by_table: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        if r["table"] in ("users", "industries", "stage_defs", "price_books"):
            continue
        by_table.setdefault(r["table"], []).append(r["data"])
    con2 = sqlite3.connect(tmp / "floor.sqlite", isolation_level=None)
    con2.execute("PRAGMA foreign_keys=OFF")
    t = time.perf_counter()
    con2.execute("BEGIN")
    for table, items in by_table.items():
        model = model_for(table)
        decoded = [decode_fields(model, {k: v for k, v in d.items() if k != "deleted" or table != "visit_contacts"})
                   for d in items]
        if table == "customers":  # device-local columns the schema requires
            decoded = [{**d, "sort_key": ""} for d in decoded]
        cols = sorted(decoded[0])
        con2.executemany(f"INSERT OR REPLACE INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
                         [tuple(str(v) if hasattr(v, "isoformat") else v for v in (d.get(c) for c in cols))
                          for d in decoded])
    con2.execute("COMMIT")
    lite = time.perf_counter() - t
    con2.close()
    return pg + lite


def _cli_sync(db: Path, url: str, code: str) -> tuple[float, int]:
    """One `workbench sync --enrol` process: wall time and its peak RSS (sampled)."""
    t = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "workbench", "sync", "--db", str(db), "--server", url,
                             "--enrol", code], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    peak = 0
    watched = psutil.Process(proc.pid)
    while proc.poll() is None:
        with contextlib.suppress(psutil.Error):
            peak = max(peak, watched.memory_info().rss)
        time.sleep(0.02)
    out, err = proc.communicate()
    if proc.returncode != 0:
        raise RuntimeError(err.decode()[-2000:])
    return time.perf_counter() - t, peak


def _note(what: str, since: float) -> None:
    print(f"  sync bench: {what} in {time.perf_counter() - since:.1f} s", file=sys.stderr, flush=True)


def run(*, scale: int, quick: bool) -> list[Result]:
    from workbench.server.admin import new_code

    n = 100 if quick else max(100, scale // 10)
    out: list[Result] = []
    started = time.perf_counter()
    with team_db() as team:
        db_url, tmp, user_id = team.db_url, team.tmp, team.user_id
        with served(db_url, tmp / "serve1.log", workers=1) as server:
            laptop = _enrolled(db_url, server.url, tmp / "laptop.sqlite", user_id)
            seeded = seeded_store(tmp / "seed.sqlite", customers=n, user=team.user)
            seeded.close()
            _note(f"generated {n} customers", started)
            # the generated work moves onto the enrolled laptop's identity: its own store
            laptop.close()
            (tmp / "laptop.sqlite").unlink()
            (tmp / "seed.sqlite").rename(tmp / "laptop.sqlite")
            laptop = open_store(tmp / "laptop.sqlite")
            _, code = new_code(db_url, user_id)
            enrol(laptop, url=server.url, code=code, device_name="laptop")
            journal_everything(user_context(laptop))
            _note("journaled", started)
            with _client(laptop, server.url) as client:
                sync_once(laptop, client)  # the seed: everything goes up (not timed)
            _note("seed pushed", started)

            server.reset_peak()
            fresh = _enrolled(db_url, server.url, tmp / "fresh.sqlite", user_id)
            t = time.perf_counter()
            with _client(fresh, server.url) as client:
                summary, _ = sync_once(fresh, client)
            ours = time.perf_counter() - t
            server_peak = server.peak_rss
            rows = _all_rows(fresh, server.url)
            floor = _floor(db_url, rows, tmp)
            _note("initial sync and floor", started)
            out.append(result("sync", f"initial sync, {n:,} customers / {len(rows):,} rows to an empty device",
                              ours, "s", "COPY into PostgreSQL + executemany into SQLite", floor, "ratio <= 4"))

            # 1,000 edits by the laptop, pulled by the fresh device.
            with laptop.read() as s:
                from sqlalchemy import select

                from workbench.store import models as m

                ids = list(s.scalars(select(m.Customer.id).limit(1000)))
            ctx = user_context(laptop)
            edits = [(cid, f"备注 {i}") for i, cid in enumerate(ids * (1000 // len(ids) + 1))][:1000]
            for cid, note in edits:
                customers.update_customer(ctx, customer_id=cid, changes={"notes": note})
            t = time.perf_counter()
            with _client(laptop, server.url) as client:
                sync_once(laptop, client)
            push_time = time.perf_counter() - t
            t = time.perf_counter()
            with _client(fresh, server.url) as client:
                sync_once(fresh, client)
            pull_time = time.perf_counter() - t
            straight = _straight_updates(db_url, tmp / "fresh.sqlite", edits)
            out.append(result("sync", "1,000 edits pushed by one device", push_time, "s",
                              "the same updates applied straight (PostgreSQL + SQLite)", straight, "reported"))
            out.append(result("sync", "the same 1,000 edits pulled by another device", pull_time, "s",
                              "the same updates applied straight (PostgreSQL + SQLite)", straight, "reported"))

            with _client(fresh, server.url) as client:
                idle = median_time(lambda: sync_once(fresh, client), 15 if quick else 40)
                health = median_time(client.health, 15 if quick else 40)
            out.append(result("sync", "a sync with nothing to do (push + one pull)", idle * 1000, "ms",
                              "a bare GET /v1/health round trip", health * 1000, "reported"))

            from benchmarks.sync_window import stall_during_sync

            stall, calm, window_sync = stall_during_sync(db_url, server.url, user_id)
            _note(f"window sync in {window_sync:.1f} s", started)
            out.append(result("sync", f"longest GUI-thread stall during the window's initial sync ({window_sync:.0f} s)",
                              stall, "ms", "the same window idle", calm, "< 50 ms"))
            laptop.close()
            fresh.close()

        with served(db_url, tmp / "serve2.log", workers=2) as server:
            for name in ("alone", "pair0", "pair1"):  # laptops' stores exist before they enrol
                open_store(tmp / f"{name}.sqlite").close()
            alone, client_peak = _cli_sync(tmp / "alone.sqlite", server.url, new_code(db_url, user_id)[1])
            codes = [new_code(db_url, user_id)[1] for _ in range(2)]
            times: list[float] = []
            threads = [threading.Thread(target=lambda c=c, i=i: times.append(
                _cli_sync(tmp / f"pair{i}.sqlite", server.url, c)[0])) for i, c in enumerate(codes)]
            t = time.perf_counter()
            for th in threads:
                th.start()
            for th in threads:
                th.join()
            both = time.perf_counter() - t
            if len(times) != 2:
                raise RuntimeError("a concurrent initial sync failed")
        out.append(result("sync", "two devices' initial syncs at once, 2 workers (both done)", both, "s",
                          "one device alone, same server", alone, "reported (2 cores shared with the server)"))
        out.append(result("sync", "peak RSS of the client during the initial sync", client_peak / 2**20, "MB",
                          "peak RSS of the busiest server process", server_peak / 2**20, "reported"))
        del summary
    return out


def _straight_updates(db_url: str, sqlite_path: Path, edits: list[tuple[str, str]]) -> float:
    import sqlite3

    import psycopg

    conninfo = db_url.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(conninfo) as con:
        con.execute("CREATE TEMP TABLE straight (id text primary key, notes text)")
        con.cursor().executemany("INSERT INTO straight VALUES (%s, '') ON CONFLICT DO NOTHING", [(c,) for c, _ in edits])
        t = time.perf_counter()
        con.cursor().executemany("UPDATE straight SET notes = %s WHERE id = %s", [(n, c) for c, n in edits])
        con.commit()
        pg = time.perf_counter() - t
    lite = sqlite3.connect(sqlite_path, isolation_level=None)
    t = time.perf_counter()
    lite.execute("BEGIN")
    lite.executemany("UPDATE customers SET notes = ? WHERE id = ?", [(n, c) for c, n in edits])
    lite.execute("ROLLBACK")
    lite_time = time.perf_counter() - t
    lite.close()
    return pg + lite_time
