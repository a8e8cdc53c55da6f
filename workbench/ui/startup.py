"""Opening the store for the GUI (runs on a worker thread: imports SQLAlchemy, migrates)."""

from __future__ import annotations

from pathlib import Path

from workbench.services.context import Context
from workbench.ui.runner import Op


def _build_demo(path: Path, customers: int, op: Op | None) -> None:
    """Fill the demo store in a side file and move it into place when complete, so that a
    quit or a crash half-way leaves no half-filled demo behind."""
    import os

    from workbench.services.demo import generate
    from workbench.store.engine import open_store

    side = path.with_name(path.name + ".building")
    for leftover in path.parent.glob(side.name + "*"):
        leftover.unlink()

    def progress(done: int, total: int) -> None:
        if op is not None:
            op.progress(done, total)
            op.check()  # raises Cancelled: the side file is simply left unused

    store = open_store(side)
    try:
        generate(store, customers=customers, progress=progress)
    finally:
        store.close()
    import sqlite3

    con = sqlite3.connect(side)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    os.replace(side, path)


def open_context(path: Path, *, demo: bool, demo_customers: int, op: Op | None = None) -> Context:
    from workbench.services.users import current_user
    from workbench.store.engine import open_store

    if demo and not path.exists():
        _build_demo(path, demo_customers, op)
    store = open_store(path)
    user = current_user(store)
    return Context(store, user.id, user.name)
