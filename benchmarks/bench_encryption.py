"""`encryption`: the search and the writes on an encrypted store against the same plain one.

The encrypted store is the benchmark store (benchmarks/data.py) exported into SQLCipher 4
with ``sqlcipher_export`` (what ``workbench encrypt`` does), cached beside it, under a raw
256-bit key as the keyring gives one. Search: the `search` benchmark's 200 queries through
the same service, plain and encrypted alternately (so that both see the same machine), the
median of the repeats per query. Write: `write`'s visits through ``log_visit`` into a fresh
plain and a fresh encrypted store. Ratios are encrypted / plain.
"""

from __future__ import annotations

import hashlib
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

from benchmarks.bench_search import queries
from benchmarks.bench_write import _values
from benchmarks.data import ensure_store
from benchmarks.harness import Result, percentile, result
from workbench.services import customers, visits
from workbench.services.search import search_customers
from workbench.services.users import user_context
from workbench.store import keys
from workbench.store.connect import connect, create_encrypted
from workbench.store.engine import Store, open_store
from workbench.store.keys import Key

# A fixed key and salt (the benchmark's, never a user's): the cached copy opens in every run.
KEY = Key(hashlib.sha256(b"workbench benchmark key").hexdigest(), bytes(range(16)))


def encrypted_copy(plain: Path) -> Path:
    """The plain benchmark store exported into an encrypted file under :data:`KEY` (cached)."""
    keys.remember(KEY)
    target = plain.with_name(plain.stem + "-encrypted.sqlite")
    if target.exists():
        return target
    side = target.with_name(target.name + ".building")
    side.unlink(missing_ok=True)
    con = connect(plain, cipher=True, isolation_level=None)
    try:
        con.execute(f"ATTACH DATABASE ? AS enc KEY {KEY.pragma(with_salt=True)}", (str(side),))
        con.execute("SELECT sqlcipher_export('enc')")
        con.execute("DETACH DATABASE enc")
    finally:
        con.close()
    side.replace(target)
    return target


def _search_times(store: Store, qs: list[str], repeat: int) -> list[float]:
    ctx = user_context(store)
    out = []
    for q in qs:
        times = []
        for _ in range(repeat):
            t = time.perf_counter()
            search_customers(ctx, query=q, limit=50)
            times.append(time.perf_counter() - t)
        out.append(statistics.median(times) * 1000)
    return out


def _visits_per_second(path: Path, n: int) -> float:
    store = open_store(path)
    try:
        ctx = user_context(store)
        cid = customers.create_customer(ctx, values={"name": "杭州海关", "industry_code": "customs"}).id
        t = time.perf_counter()
        for i in range(n):
            visits.log_visit(ctx, customer_id=cid, values=_values(i))
        return n / (time.perf_counter() - t)
    finally:
        store.close()


def run(*, scale: int, quick: bool) -> list[Result]:
    plain_path = ensure_store(scale)
    enc_path = encrypted_copy(plain_path)
    qs = queries(plain_path)
    plain, enc = open_store(plain_path), open_store(enc_path)
    try:
        for store in (plain, enc):  # warm both, as a running program has them
            _search_times(store, qs, 1)
        repeat = 3 if quick else 5
        plain_ms: list[float] = []
        enc_ms: list[float] = []
        for i in range(0, len(qs), 20):  # alternate in slices: both see the same machine
            plain_ms += _search_times(plain, qs[i : i + 20], repeat)
            enc_ms += _search_times(enc, qs[i : i + 20], repeat)
    finally:
        plain.close()
        enc.close()

    n = 200 if quick else 1000
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / "enc.sqlite"
        create_encrypted(fresh, KEY)
        enc_writes = _visits_per_second(fresh, n)
        plain_file = Path(tmp) / "plain.sqlite"
        sqlite3.connect(plain_file).execute("PRAGMA journal_mode=WAL").fetchone()  # plain, even with a keyring
        plain_writes = _visits_per_second(plain_file, n)

    label = f"plain store, {scale:,} customers"
    return [
        result("encryption", "search_p50", percentile(enc_ms, 0.5), "ms", label, percentile(plain_ms, 0.5), "-"),
        result("encryption", "search_p95", percentile(enc_ms, 0.95), "ms", label, percentile(plain_ms, 0.95),
               "ratio <= 1.5 and value < 5 ms"),
        result("encryption", "visits_per_second", enc_writes, "visits/s", "plain store, log_visit", plain_writes,
               "reported"),
    ]
