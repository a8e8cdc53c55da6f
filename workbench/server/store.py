"""Reading and writing the ``rows`` table and taking server sequence numbers."""

from __future__ import annotations

import json
import re
import struct
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, and_, bindparam, func, insert, or_, select, text, update

from workbench.server.db import is_postgres, utcnow
from workbench.server.schema import rows, server_users, sync_counter
from workbench.server.wire import canonical, sha256


@dataclass
class StoredRow:
    """The server's state of one synced row."""

    table: str
    row_id: str
    data: dict[str, Any]
    version: int = 0
    deleted: bool = False
    customer_id: str | None = None
    owner_id: str | None = None
    shared: bool = False
    natural_key: str | None = None
    field_versions: dict[str, list[Any]] = field(default_factory=dict)
    seq: int | None = None

    def values(self) -> dict[str, Any]:
        return {"data": canonical(self.data), "version": self.version, "deleted": self.deleted,
                "customer_id": self.customer_id, "owner_id": self.owner_id,
                "shared": self.shared, "natural_key": self.natural_key,
                "field_versions": canonical(self.field_versions), "updated_at": utcnow()}


def _from_db(r: Any) -> StoredRow:
    return StoredRow(r.table_name, r.row_id, json.loads(r.data), r.version, bool(r.deleted),
                     r.customer_id, r.owner_id, bool(r.shared), r.natural_key,
                     json.loads(r.field_versions), r.seq)


def get_row(conn: Connection, table: str, row_id: str, *, lock: bool = False) -> StoredRow | None:
    """The row, or None; ``lock``: held until the transaction ends (PostgreSQL row lock)."""
    q = select(rows).where(rows.c.table_name == table, rows.c.row_id == row_id)
    if lock and is_postgres(conn):
        q = q.with_for_update()
    r = conn.execute(q).first()
    return None if r is None else _from_db(r)


def save_row(conn: Connection, row: StoredRow, *, new: bool) -> None:
    if new:
        conn.execute(insert(rows).values(table_name=row.table, row_id=row.row_id, seq=None,
                                         **row.values()))
    else:
        conn.execute(update(rows).where(rows.c.table_name == row.table, rows.c.row_id == row.row_id)
                     .values(**row.values()))


def live_with_key(conn: Connection, table: str, key: str, *, other_than: str) -> list[StoredRow]:
    """Live rows of ``table`` holding the natural key ``key``, but ``other_than``."""
    q = select(rows).where(rows.c.table_name == table, rows.c.natural_key == key,
                           rows.c.row_id != other_than, rows.c.deleted.is_(False))
    return [_from_db(r) for r in conn.execute(q)]


def max_version_no(conn: Connection, offer_id: str) -> int:
    q = select(rows.c.data).where(rows.c.table_name == "offer_versions",
                                  rows.c.natural_key.like(f"{offer_id}:%"))
    return max((int(json.loads(d)["version_no"]) for (d,) in conn.execute(q)), default=0)


def hanging_from(conn: Connection, customer_id: str) -> list[tuple[str, str]]:
    """Every row that hangs from a customer (itself excluded)."""
    q = select(rows.c.table_name, rows.c.row_id).where(
        rows.c.customer_id == customer_id,
        ~and_(rows.c.table_name == "customers", rows.c.row_id == customer_id))
    return [(t, r) for t, r in conn.execute(q)]


def lock_key(conn: Connection, key: str) -> None:
    """Serialise writers deciding about one natural key (PostgreSQL; SQLite writers are
    serialised already)."""
    if is_postgres(conn):
        (number,) = struct.unpack(">q", bytes.fromhex(sha256(key)[:16]))
        conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": number})


def take_seqs(conn: Connection, n: int) -> int:
    """Take ``n`` sequence numbers from the counter row; returns the highest. The row lock
    taken here is held until commit, so transactions take their numbers in commit order."""
    return int(conn.execute(update(sync_counter).where(sync_counter.c.id == 1)
                            .values(value=sync_counter.c.value + n)
                            .returning(sync_counter.c.value)).scalar_one())


def assign_seqs(conn: Connection, touched: list[tuple[str, str]]) -> None:
    """Give every touched row a new server sequence number, in touch order."""
    if not touched:
        return
    top = take_seqs(conn, len(touched))
    for n, (table, row_id) in enumerate(touched, start=top - len(touched) + 1):
        conn.execute(update(rows).where(rows.c.table_name == table, rows.c.row_id == row_id)
                     .values(seq=n))


def max_seq(conn: Connection) -> int:
    return int(conn.scalar(select(func.max(rows.c.seq))) or 0)


def user(conn: Connection, user_id: str | None) -> Any:
    if user_id is None:
        return None
    return conn.execute(select(server_users).where(server_users.c.id == user_id)).first()


def team_members(conn: Connection, team: str | None) -> set[str]:
    if not team:
        return set()
    return set(conn.scalars(select(server_users.c.id).where(server_users.c.team == team)))


Key = tuple[str, str]
_CHUNK = 400


def _copy(row: StoredRow) -> StoredRow:
    """A copy the caller may change (the merge assigns top-level keys and new lists only)."""
    return StoredRow(row.table, row.row_id, dict(row.data), row.version, row.deleted,
                     row.customer_id, row.owner_id, row.shared, row.natural_key,
                     dict(row.field_versions), row.seq)


def _like(pattern: str) -> re.Pattern[str]:
    """SQL ``LIKE`` (``%``, ``_``, no escape character) as a case-sensitive regular expression."""
    out = "".join(".*" if ch == "%" else "." if ch == "_" else re.escape(ch) for ch in pattern)
    return re.compile(out, re.DOTALL)


class PushRows:
    """The rows one push reads and writes, kept in memory until :meth:`flush`.

    Rows are read in a few ``IN`` queries up front (:meth:`load`; the rows the push will
    write locked, ``FOR UPDATE`` on PostgreSQL), and once more only when a row was not loaded.
    What the push writes stays here, so later entries read it, and reaches the database at
    the end, with its sequence numbers, in a few ``executemany`` statements. One device
    transaction is undone by :meth:`rollback` to the state at :meth:`begin` (nothing of it
    has reached the database). Queries by something other than the key (natural keys, the
    rows of a customer) read the database and overlay the rows written here.
    """

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.pg = is_postgres(conn)
        self._rows: dict[Key, StoredRow | None] = {}
        self._locked: set[Key] = set()
        self._written: dict[Key, bool] = {}  # key -> new (an insert), in order of writing
        self._undo: dict[Key, tuple[bool, StoredRow | None, bool | None]] | None = None
        self._users: dict[str, Any] = {}

    # Reading -------------------------------------------------------------------------------

    def load(self, keys: Iterable[Key], *, lock: bool = False) -> None:
        """Read the rows of ``keys`` not read yet (``lock``: and hold them until commit)."""
        lock = lock and self.pg
        want = sorted({k for k in keys
                       if k not in self._written
                       and (k not in self._rows or (lock and k not in self._locked))})
        for start in range(0, len(want), _CHUNK):
            chunk = want[start:start + _CHUNK]
            by_table: dict[str, list[str]] = {}
            for table, row_id in chunk:
                by_table.setdefault(table, []).append(row_id)
            q = select(rows).where(or_(*(and_(rows.c.table_name == t, rows.c.row_id.in_(ids))
                                         for t, ids in by_table.items())))
            if lock:
                q = q.order_by(rows.c.table_name, rows.c.row_id).with_for_update()
            found = {(r.table_name, r.row_id): _from_db(r) for r in self.conn.execute(q)}
            for key in chunk:
                self._rows[key] = found.get(key)
            if lock:
                self._locked.update(chunk)

    def get(self, table: str, row_id: str, *, lock: bool = False) -> StoredRow | None:
        """The row as this push left it, or None; ``lock`` as :func:`get_row`. A copy."""
        key = (table, row_id)
        if key not in self._written and (
                key not in self._rows or (lock and self.pg and key not in self._locked)):
            self.load([key], lock=lock)
        row = self._rows[key]
        return None if row is None else _copy(row)

    def peek(self, key: Key) -> StoredRow | None:
        """The row as read or written so far, not to be changed; None when not read."""
        return self._rows.get(key)

    def user(self, user_id: str | None) -> Any:
        if user_id is None:
            return None
        if user_id not in self._users:
            self._users[user_id] = user(self.conn, user_id)
        return self._users[user_id]

    def _overlay(self, found: Iterable[Any], keep: Callable[[StoredRow], bool]) -> list[StoredRow]:
        """Rows the database ``found`` (not written here) and the rows written here that ``keep``."""
        out = [_from_db(r) for r in found if (r.table_name, r.row_id) not in self._written]
        for key in self._written:
            row = self._rows[key]
            if row is not None and keep(row):
                out.append(row)
        return out

    def live_with_key(self, table: str, key: str, *, other_than: str) -> list[StoredRow]:
        """As :func:`live_with_key`, with this push's writes."""
        q = select(rows).where(rows.c.table_name == table, rows.c.natural_key == key,
                               rows.c.row_id != other_than, rows.c.deleted.is_(False))
        return [_copy(r) for r in self._overlay(
            self.conn.execute(q), lambda r: r.table == table and r.natural_key == key
            and r.row_id != other_than and not r.deleted)]

    def max_version_no(self, offer_id: str) -> int:
        """As :func:`max_version_no`, with this push's writes."""
        q = select(rows).where(rows.c.table_name == "offer_versions",
                               rows.c.natural_key.like(f"{offer_id}:%"))
        pattern = _like(f"{offer_id}:%")
        found = self._overlay(self.conn.execute(q), lambda r: r.table == "offer_versions"
                              and r.natural_key is not None
                              and pattern.fullmatch(r.natural_key) is not None)
        return max((int(r.data["version_no"]) for r in found), default=0)

    def hanging_from(self, customer_id: str) -> list[tuple[str, str]]:
        """As :func:`hanging_from`, with this push's writes."""
        q = select(rows).where(
            rows.c.customer_id == customer_id,
            ~and_(rows.c.table_name == "customers", rows.c.row_id == customer_id))
        found = self._overlay(self.conn.execute(q), lambda r: r.customer_id == customer_id
                              and (r.table, r.row_id) != ("customers", customer_id))
        return [(r.table, r.row_id) for r in found]

    # Writing -------------------------------------------------------------------------------

    def save(self, row: StoredRow, *, new: bool) -> None:
        """Keep the row's new state (written to the database by :meth:`flush`)."""
        key = (row.table, row.row_id)
        if self._undo is not None and key not in self._undo:
            self._undo[key] = (key in self._rows, self._rows.get(key), self._written.get(key))
        self._rows[key] = _copy(row)
        self._written[key] = self._written.get(key, new)

    def begin(self) -> None:
        """Start one device transaction."""
        self._undo = {}

    def commit(self) -> None:
        self._undo = None

    def rollback(self) -> None:
        """Forget what the transaction begun last wrote."""
        assert self._undo is not None
        for key, (known, row, written) in self._undo.items():
            if known:
                self._rows[key] = row
            else:
                self._rows.pop(key, None)
            if written is None:
                self._written.pop(key, None)
            else:
                self._written[key] = written
        self._undo = None

    def flush(self, touched: list[Key]) -> None:
        """Take a sequence number for every touched row, in touch order, and write every row
        this push wrote; an insert, an update and a new sequence alone each in one statement."""
        numbers: dict[Key, int] = {}
        if touched:
            top = take_seqs(self.conn, len(touched))
            numbers = {k: n for n, k in enumerate(touched, start=top - len(touched) + 1)}
        inserts, updates, renumbered, unnumbered = [], [], [], []
        for key, new in self._written.items():
            row = self._rows[key]
            assert row is not None
            values = row.values()
            if new:
                inserts.append({"table_name": key[0], "row_id": key[1],
                                "seq": numbers.get(key), **values})
            elif key in numbers:
                updates.append({"_table": key[0], "_row": key[1], "seq": numbers[key], **values})
            else:
                unnumbered.append({"_table": key[0], "_row": key[1], **values})
        for key, n in numbers.items():
            if key not in self._written:
                renumbered.append({"_table": key[0], "_row": key[1], "seq": n})
        if inserts:
            self.conn.execute(insert(rows), inserts)
        where = update(rows).where(rows.c.table_name == bindparam("_table"),
                                   rows.c.row_id == bindparam("_row"))
        for batch in (updates, unnumbered, renumbered):
            if batch:
                self.conn.execute(where, batch)
        self._written = {}
