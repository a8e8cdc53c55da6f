"""The benchmark stores: generated once per scale and generator version, then cached."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import sys
import time
from pathlib import Path

import workbench
from workbench.config import paths

# What the generated data depends on: a change to any of these builds a new store.
# (Schema changes need no rebuild: opening the store migrates it.)
_SOURCES = ("services/demo_data.py", "services/demo_vocab.py", "store/search_terms.py")  # the schema: migrated on open


def _fingerprint() -> str:
    root = Path(workbench.__file__).parent
    h = hashlib.sha256()
    for rel in _SOURCES:
        p = root / rel
        for f in sorted(p.glob("*.py")) if p.is_dir() else [p]:
            h.update(f.read_bytes())
    return h.hexdigest()[:12]


def cache_dir() -> Path:
    d = paths().cache / "bench"
    d.mkdir(parents=True, exist_ok=True)
    return d


def _checkpoint(path: Path) -> None:
    """Fold the WAL into the main file so that the file alone is the whole store."""
    con = sqlite3.connect(path)
    try:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        con.execute("PRAGMA journal_mode=DELETE")
    finally:
        con.close()


def ensure_store(customers: int) -> Path:
    """The path of a store with ``customers`` generated customers (built if not cached)."""
    path = cache_dir() / f"store-{customers}-{_fingerprint()}.sqlite"
    if path.exists():
        return path
    for stale in cache_dir().glob(f"store-{customers}-*.sqlite*"):
        stale.unlink()
    from workbench.services.demo import generate
    from workbench.store.engine import open_store

    tmp = path.with_suffix(".building")
    for leftover in tmp.parent.glob(tmp.name + "*"):
        leftover.unlink()
    started = time.perf_counter()
    # Plain, even where a keyring would encrypt a new store: the benchmarks read it with sqlite3
    # (bench_encryption makes its encrypted copy).
    sqlite3.connect(tmp).execute("PRAGMA journal_mode=WAL").fetchone()
    store = open_store(tmp)
    print(f"generating {customers:,} customers into {path} ...", file=sys.stderr, flush=True)
    generate(store, customers=customers)
    store.close()
    _checkpoint(tmp)
    shutil.move(tmp, path)
    print(f"generated in {time.perf_counter() - started:.0f} s", file=sys.stderr, flush=True)
    return path
