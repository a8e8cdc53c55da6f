"""The server's tables (SQLAlchemy Core). Migrations in workbench/server/migrations create them.

``rows`` holds the current state of every synced row in its wire form (instants in UTC), with
what the server needs to merge and filter it: the row's version and per-field versions, its
server sequence, the customer it hangs from, and a natural key (a live customer's credit code,
an offer version's ``offer_id:version_no``) for the duplicate checks.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    DateTime,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

from workbench.store.base import NAMING  # one constraint naming convention, as the laptop's store

metadata = MetaData(naming_convention=NAMING)

server_meta = Table(
    "server_meta", metadata,
    Column("key", String(40), primary_key=True),
    Column("value", Text, nullable=False),
)

server_users = Table(
    "server_users", metadata,
    Column("id", String(36), primary_key=True),
    Column("name", String(80), nullable=False),
    Column("role", String(12), nullable=False),
    Column("team", String(80)),
    Column("phone", String(40)),
    Column("email", String(254)),
    Column("created_at", DateTime, nullable=False),
    Column("updated_at", DateTime, nullable=False),
    Index("ix_server_users_name", "name"),
    Index("ix_server_users_team", "team"),
)

devices = Table(
    "devices", metadata,
    Column("id", String(64), primary_key=True),
    Column("user_id", String(36), nullable=False),
    Column("name", String(120), nullable=False),
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("created_at", DateTime, nullable=False),
    Column("last_seen_at", DateTime),
    Column("revoked_at", DateTime),
    Index("ix_devices_user", "user_id"),
)

enrol_codes = Table(
    "enrol_codes", metadata,
    Column("code_hash", String(64), primary_key=True),
    Column("user_id", String(36), nullable=False),
    Column("created_at", DateTime, nullable=False),
    Column("expires_at", DateTime, nullable=False),
    Column("used_at", DateTime),
)

rows = Table(
    "rows", metadata,
    Column("table_name", String(40), primary_key=True),
    Column("row_id", String(80), primary_key=True),
    Column("data", Text, nullable=False),
    Column("version", Integer, nullable=False),
    Column("deleted", Boolean, nullable=False),
    Column("seq", BigInteger),
    Column("customer_id", String(36)),
    Column("owner_id", String(36)),
    Column("shared", Boolean, nullable=False),
    Column("natural_key", String(120)),
    Column("field_versions", Text, nullable=False),
    Column("updated_at", DateTime, nullable=False),
    Index("ix_rows_seq", "seq", unique=True),
    Index("ix_rows_customer", "customer_id"),
    Index("ix_rows_natural_key", "table_name", "natural_key"),
)

departures = Table(  # a customer that left the view of those who saw it (migration s0003)
    "departures", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("seq", BigInteger, nullable=False),  # the customer row's sequence number then
    Column("customer_id", String(36), nullable=False),
    Column("previous_owner_id", String(36)),
    Column("previous_shared", Boolean, nullable=False),
    Column("previous_team", String(80)),
    Index("ix_departures_seq", "seq"),
)

device_ops = Table(
    "device_ops", metadata,
    Column("device_id", String(64), primary_key=True),
    Column("seq", BigInteger, primary_key=True),
    Column("hash", String(64), nullable=False),
    Column("result", Text, nullable=False),
    Column("created_at", DateTime, nullable=False),
)

sync_counter = Table(
    "sync_counter", metadata,
    Column("id", Integer, primary_key=True),
    Column("value", BigInteger, nullable=False),
)
