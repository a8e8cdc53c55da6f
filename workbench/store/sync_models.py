"""Models of sync bookkeeping on the device: conflicts (made by the server, synced down and
resolved by a person) and the server version each row was last seen at (device-local).
Part of the store's models (re-exported by ``workbench.store.models``)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from workbench.domain import limits
from workbench.store.base import Base, SyncColumns, new_id, utcnow

CONFLICT_KINDS = ("field", "edit_delete", "duplicate_customer", "version_no")


class Conflict(SyncColumns, Base):
    """Two values of one field (or two rows that should be one) that met on the server.

    The server keeps ``kept_value`` as the provisional winner and ``other_value`` here, with
    who wrote each and when, until someone chooses (``status`` open -> resolved). Values are
    JSON in the wire encoding. ``customer_id`` is the customer the row hangs from (who may see it).
    """

    __tablename__ = "conflicts"
    __table_args__ = (Index("ix_conflicts_row", "table_name", "row_id"),
                      Index("ix_conflicts_customer_status", "customer_id", "status"))
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    table_name: Mapped[str] = mapped_column(String(40))
    row_id: Mapped[str] = mapped_column(String(80))
    customer_id: Mapped[str | None] = mapped_column(String(36))
    field: Mapped[str | None] = mapped_column(String(40))
    kind: Mapped[str] = mapped_column(String(20))
    kept_value: Mapped[str | None] = mapped_column(Text)
    other_value: Mapped[str | None] = mapped_column(Text)
    kept_by: Mapped[str | None] = mapped_column(String(36))
    other_by: Mapped[str | None] = mapped_column(String(36))
    kept_at: Mapped[datetime | None] = mapped_column(DateTime)
    other_at: Mapped[datetime | None] = mapped_column(DateTime)
    other_row_id: Mapped[str | None] = mapped_column(String(80))
    status: Mapped[str] = mapped_column(String(12), default="open")
    resolution: Mapped[str | None] = mapped_column(Text)
    resolved_by: Mapped[str | None] = mapped_column(String(36))
    resolved_at: Mapped[datetime | None] = mapped_column(DateTime)
    note: Mapped[str | None] = mapped_column(String(limits.MEDIUM_TEXT))


class RowSync(Base):
    """Device-local: the server version of each synced row as last seen (pulled or acknowledged).

    A journal entry's ``base_version`` is read from here: the server compares it with its own
    per-field versions to tell a clean change from a conflict.
    """

    __tablename__ = "row_sync"
    table_name: Mapped[str] = mapped_column(String(40), primary_key=True)
    row_id: Mapped[str] = mapped_column(String(80), primary_key=True)
    server_version: Mapped[int] = mapped_column(Integer)
    seen_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
