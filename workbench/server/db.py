"""Engines and transactions: SQLite (WAL, busy timeout, writers serialised with BEGIN
IMMEDIATE) or PostgreSQL through psycopg 3 (READ COMMITTED; pulls read one snapshot).

:func:`transaction` runs a function in one transaction and retries it a few times when the
database reports a transient clash (a serialization failure, a deadlock, a unique key taken by
a concurrent writer, a locked SQLite file); the function must be safe to run again.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from workbench.server.config import resolve_db_url

log = logging.getLogger(__name__)
T = TypeVar("T")

_engines: dict[str, Engine] = {}
_lock = threading.Lock()
RETRIES = 6
# PostgreSQL SQLSTATEs worth retrying: serialization failure, deadlock, unique violation
# (two pushes creating the same row at once: the retry merges into the winner's row).
_RETRY_STATES = {"40001", "40P01", "23505"}


def utcnow() -> datetime:
    """Naive UTC, the convention of every server bookkeeping column."""
    return datetime.now(UTC).replace(tzinfo=None)


def _sqlite_events(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # we emit BEGIN ourselves
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA busy_timeout=30000")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        write = conn.get_execution_options().get("write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def make_engine(url: str) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})
        _sqlite_events(engine)
        return engine
    return create_engine(url, pool_pre_ping=True, pool_size=5, max_overflow=10)


def get_engine(url: str | None = None) -> Engine:
    """One engine per database URL and process."""
    url = resolve_db_url(url)
    with _lock:
        engine = _engines.get(url)
        if engine is None:
            engine = _engines[url] = make_engine(url)
        return engine


def dispose(url: str | None = None) -> None:
    with _lock:
        for key in [resolve_db_url(url)] if url else list(_engines):
            engine = _engines.pop(key, None)
            if engine is not None:
                engine.dispose()


def is_postgres(conn: Connection | Engine) -> bool:
    return conn.dialect.name == "postgresql"


def _retryable(exc: DBAPIError) -> bool:
    state = getattr(exc.orig, "sqlstate", None)
    if state in _RETRY_STATES:
        return True
    text = str(exc.orig).lower()
    return "database is locked" in text or "database is busy" in text


def transaction(engine: Engine, fn: Callable[[Connection], T], *, write: bool = True) -> T:
    """Run ``fn(conn)`` in one transaction (retried on transient clashes) and return its value.

    A read transaction sees one snapshot: REPEATABLE READ on PostgreSQL, a deferred BEGIN on
    SQLite (WAL). A write transaction on SQLite takes the write lock at BEGIN IMMEDIATE.
    """
    for attempt in range(RETRIES):
        try:
            with engine.connect() as conn:
                options: dict[str, Any] = {"write": write}
                if not write and is_postgres(conn):
                    options["isolation_level"] = "REPEATABLE READ"
                conn = conn.execution_options(**options)
                with conn.begin():
                    return fn(conn)
        except DBAPIError as exc:
            if attempt + 1 >= RETRIES or not _retryable(exc):
                raise
            log.info("transient database clash (%s), retrying", exc.orig)
            time.sleep(0.01 * (2**attempt))
    raise AssertionError("unreachable")
