"""Opening the local store: pragmas, transactions, migration with a copy taken first.

Reads and writes use two engines over the same file. The write engine holds a single
connection and starts every transaction with ``BEGIN IMMEDIATE``, so writes never overlap
and never fail half-way on a lock upgrade; readers see committed data only (WAL).
"""

from __future__ import annotations

import logging
import sqlite3
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import URL, Engine, event, select
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool

from workbench.store.connect import connect, connect_copy, engine_for, prepare_new
from workbench.store.migrations import HEAD_REVISION
from workbench.store.opening import Problem, StoreError, connect_existing, translated

log = logging.getLogger(__name__)

BACKUPS_KEPT = 3


def _configure(engine: Engine, *, immediate: bool, synchronous: str) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
        # Let SQLAlchemy's "begin" event below issue BEGIN itself (pysqlite recipe).
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute(f"PRAGMA synchronous={synchronous}")
        cur.execute("PRAGMA busy_timeout=10000")
        cur.execute("PRAGMA cache_size=-16000")  # 16 MB per connection
        cur.execute("PRAGMA temp_store=MEMORY")
        cur.close()

    begin = "BEGIN IMMEDIATE" if immediate else "BEGIN"

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        conn.exec_driver_sql(begin)


@dataclass
class Store:
    """An open local store: the file, its engines and this device's identity."""

    path: Path
    read_engine: Engine
    write_engine: Engine
    device_id: str = ""
    read_only: bool = False  # opened read-only (the file or its folder cannot be written)
    _read_sessions: sessionmaker[Session] = field(init=False, repr=False)
    _write_sessions: sessionmaker[Session] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._read_sessions = sessionmaker(self.read_engine, expire_on_commit=False)
        self._write_sessions = sessionmaker(self.write_engine, expire_on_commit=False)

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only session over one consistent snapshot."""
        with self._read_sessions() as session, session.begin():
            yield session

    @contextmanager
    def write(self, *, foreign_keys: bool = True) -> Iterator[Session]:
        """One write transaction: committed on success, rolled back on any exception.

        ``foreign_keys=False`` turns SQLite's reference checks off for this transaction only
        (the pragma cannot change inside one): the sync client applies rows the server has
        already checked, and a child may arrive a page before a parent that changed later.
        A read-only store refuses every write with a :class:`StoreError`, and so does a write
        that fails on the file (disk full, read-only, held by another program: ``opening.classify``);
        nothing of it is written.
        """
        if self.read_only:
            raise StoreError(Problem.READ_ONLY, self.path, "writes are refused")
        with translated(self.path, writing=True):
            yield from self._write(foreign_keys)

    def _write(self, foreign_keys: bool) -> Iterator[Session]:
        if foreign_keys:
            with self._write_sessions() as session, session.begin():
                yield session
            return
        with self.write_engine.connect() as conn:
            raw = conn.connection.dbapi_connection
            assert raw is not None
            raw.execute("PRAGMA foreign_keys=OFF")
            try:
                with Session(bind=conn, expire_on_commit=False) as session, session.begin():
                    yield session
            finally:
                raw.execute("PRAGMA foreign_keys=ON")

    def close(self) -> None:
        self.read_engine.dispose()
        self.write_engine.dispose()


def sqlite_url(path: Path) -> URL:
    """The SQLAlchemy URL of the SQLite file at ``path``, built, never parsed: a path with
    ``?``, ``#`` or ``%`` in it names that very file (a URL string would read ``?`` as the
    start of a query, ``%20`` as a space, and so open another file)."""
    return URL.create("sqlite+pysqlite", database=str(path))


def _engines(path: Path, synchronous: str, *, uri: str | None = None) -> tuple[Engine, Engine]:
    # uri: an SQLite URI (read-only opening) to connect through; an encrypted store's
    # connections are keyed (store/connect.py).
    read = engine_for(path, uri=uri, poolclass=QueuePool, pool_size=4, max_overflow=4)
    _configure(read, immediate=False, synchronous=synchronous)
    write = engine_for(path, uri=uri, poolclass=QueuePool, pool_size=1, max_overflow=0, pool_timeout=60)
    _configure(write, immediate=True, synchronous=synchronous)
    return read, write


def current_revision(path: Path) -> str | None:
    """The file's Alembic revision, read without importing Alembic (it costs 0.4 s)."""
    if not path.exists() or path.stat().st_size == 0:
        return None
    con = connect_existing(path)  # never creates; reads even a read-only store
    try:
        row = con.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name='alembic_version'"
        ).fetchone()
        if row is None:
            return None
        ver = con.execute("SELECT version_num FROM alembic_version").fetchone()
        return ver[0] if ver else None
    finally:
        con.close()


def backup_copy(path: Path, label: str) -> Path:
    """Copy the store with SQLite's online backup (consistent even in WAL mode); the copy of
    an encrypted store is encrypted under the same key."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.{label}-{stamp}.bak")
    src = connect(path)
    dst = connect_copy(target, path)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    old = sorted(path.parent.glob(f"{path.name}.*.bak"), key=lambda p: p.stat().st_mtime)
    for stale in old[:-BACKUPS_KEPT]:
        stale.unlink(missing_ok=True)
    return target


def migrate(path: Path) -> str | None:
    """Bring the file to the head revision; returns the backup taken, if any."""
    rev = current_revision(path)
    if rev == HEAD_REVISION:
        return None
    backup = None
    if rev is not None:
        backup = str(backup_copy(path, f"before-{HEAD_REVISION}"))
        log.info("store %s at revision %s: copied to %s before migrating", path, rev, backup)
    from workbench.store.migrations.runner import upgrade_to_head

    upgrade_to_head(path)
    return backup


def _ensure_device_id(store: Store) -> str:
    from workbench.store.models import Meta

    with store.read() as s:
        found = s.scalar(select(Meta.value).where(Meta.key == "device_id"))
    if found:
        return found
    with store.write() as s:
        found = s.scalar(select(Meta.value).where(Meta.key == "device_id"))
        if not found:
            found = str(uuid.uuid4())
            s.add(Meta(key="device_id", value=found))
    return found


def open_store(path: str | Path, *, synchronous: str = "FULL") -> Store:
    """Open (creating and migrating if needed) the store at ``path``.

    ``synchronous=FULL`` makes every commit durable across a power cut, not just a crash;
    the bulk demo generator lowers it for its own connection only.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    prepare_new(path)  # a new store is encrypted where new stores are (store/keys.py)
    migrate(path)
    read, write = _engines(path, synchronous)
    store = Store(path=path, read_engine=read, write_engine=write)
    store.device_id = _ensure_device_id(store)
    return store


def open_read_only(path: Path, uri: str) -> Store:
    """Open an existing store for reading only, through the SQLite URI ``uri``
    (``opening.read_only_uri``); its writes are refused. Nothing is migrated or written."""
    from workbench.store.models import Meta

    read, write = _engines(path, "FULL", uri=uri)
    store = Store(path=path, read_engine=read, write_engine=write, read_only=True)
    with store.read() as s:
        store.device_id = s.scalar(select(Meta.value).where(Meta.key == "device_id")) or ""
    return store
