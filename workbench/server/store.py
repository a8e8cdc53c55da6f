"""Reading and writing the ``rows`` table and taking server sequence numbers."""

from __future__ import annotations

import json
import struct
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, and_, func, insert, select, text, update

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
