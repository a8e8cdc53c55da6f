"""The declarative base of the local store and what every model module shares: key and time
defaults, the constraint naming convention, the sync bookkeeping columns, enum checks."""

from __future__ import annotations

import gc
import threading
import time
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    DateTime,
    ForeignKey,
    Integer,
    MetaData,
    String,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from workbench.domain.errors import FieldError, ValidationError

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def new_id() -> str:
    return str(uuid.uuid4())


def utcnow() -> datetime:
    """Naive UTC: SQLite has no time zones; every *_at column of sync bookkeeping is UTC."""
    return datetime.now(UTC).replace(tzinfo=None)


def localnow() -> datetime:
    """Naive local wall-clock time to the second: the convention of event times (a visit's
    ``occurred_at``, a stage move's), columns marked with :data:`LOCAL_CLOCK`."""
    return datetime.now().replace(microsecond=0)


# Column info marking a naive DateTime that holds local wall-clock time (not UTC); the wire
# encoding (workbench.store.payload) attaches the right offset to each convention.
LOCAL_CLOCK = {"clock": "local"}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


def _enum_check(column: str, values: Any, *, nullable: bool = False) -> CheckConstraint:
    allowed = ", ".join(f"'{m.value}'" for m in values)
    cond = f"{column} IN ({allowed})"
    if nullable:
        cond = f"{column} IS NULL OR {cond}"
    return CheckConstraint(cond, name=f"{column}_allowed")


def _enum_value(enum: Any, value: Any, field: str) -> Any:
    if value is None:
        return None
    try:
        return enum(value).value
    except ValueError:
        allowed = ", ".join(m.value for m in enum)
        raise ValidationError(
            FieldError(field, f"取值无效:{value!r}(可选 {allowed})", f"invalid value {value!r} (one of {allowed})")
        ) from None


class SyncColumns:
    """Bookkeeping shared by every synced table."""

    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False, server_default=text("0"))
    owner_id: Mapped[str | None] = mapped_column(String(36), ForeignKey("users.id"))


SLICE = 20  # rows per executemany of a bulk write done beside a window
OFFER_EVERY = 0.002  # seconds of slices between two offers of the GIL


def in_slices(rows: Sequence[Any], size: int = SLICE) -> Iterator[Sequence[Any]]:
    """``rows`` in slices, the GIL offered between them. An executemany is one C call that
    takes the GIL back after every row it steps, so a GUI thread waiting for it starves for
    the whole call (measured: 170-470 ms stalls while a sync applied pages); slices of 20
    brought the longest stall at 1,000 customers from 166 ms to 26 ms (100 did not help).

    The GIL is offered once :data:`OFFER_EVERY` has passed since the last offer (shared by
    every ``in_slices`` of the thread), not after every slice: a ``sleep(0)`` costs a system
    call and, on a busy machine, the CPU (measured: 110 us each, 3.8 s of a 10,000-row import
    that wrote 35,000 slices); a waiting thread still gets the GIL within a few ms."""
    for start in range(0, len(rows), size):
        offer_gil()
        yield rows[start:start + size]


def offer_gil() -> None:
    """Let a waiting thread (the GUI's) take the GIL, if :data:`OFFER_EVERY` has passed since
    this thread last offered it."""
    if time.perf_counter() - _last_offer.at >= OFFER_EVERY:
        time.sleep(0)
        _last_offer.at = time.perf_counter()


def dispose(rows: list[Any], size: int = 200) -> None:
    """Empty ``rows`` from the end, ``size`` items at a time, the GIL offered between. The
    last reference to a big structure dropped at once frees it all in one C call that holds
    the GIL (measured: the 10,000 search terms of an import, 19 ms; their 560,000 gram rows,
    59 ms), and a GUI thread beside waits for all of it."""
    while rows:
        del rows[-size:]
        offer_gil()


class _LastOffer(threading.local):
    at = 0.0


_last_offer = _LastOffer()
_gc_lock = threading.Lock()
_gc_holders = 0


@contextmanager
def collector_paused() -> Iterator[None]:
    """No full garbage collection while a bulk write builds its many rows (nested and
    concurrent uses keep it off until the last one ends). A full collection is one C call
    that holds the GIL; the 56,000 new objects of a 10,000-row import set off several, of
    100-300 ms each, and the GUI thread waited for every one (measured: the longest GUI
    stall during a 3,000-row commit went from 126 ms to 45 ms with it paused).

    The young collections go on: each walks a few thousand objects (well under a ms). With
    the whole collector off instead, everything made meanwhile stayed young and the first
    collection after walked it in one go (measured: 133 ms after a 10,000-row import). The
    frozen start-up heap (``ui/runtime.py``) is left as it is. What becomes garbage
    meanwhile is collected by the next full collection."""
    global _gc_holders
    with _gc_lock:
        _gc_holders += 1
        if _gc_holders == 1:
            _gc_state.threshold = gc.get_threshold()
            young, middle, _full = _gc_state.threshold
            gc.set_threshold(young, middle, _NEVER)
    try:
        yield
    finally:
        with _gc_lock:
            _gc_holders -= 1
            if _gc_holders == 0:
                gc.set_threshold(*_gc_state.threshold)


_NEVER = 1 << 30  # an oldest-generation threshold never reached


class _GcState:
    threshold: tuple[int, ...] = gc.get_threshold()


_gc_state = _GcState()
