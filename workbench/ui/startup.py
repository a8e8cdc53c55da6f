"""Opening the store for the GUI (runs on a worker thread: imports SQLAlchemy, migrates)."""

from __future__ import annotations

from pathlib import Path

from workbench.services.context import Context
from workbench.ui.runner import Op


def open_context(path: Path, *, demo: bool, demo_customers: int, op: Op | None = None) -> Context:
    from sqlalchemy import select

    from workbench.services.users import current_user
    from workbench.store import models as m
    from workbench.store.engine import open_store

    store = open_store(path)
    if demo:
        with store.read() as s:
            empty = s.scalar(select(m.Customer.num).limit(1)) is None
        if empty:
            from workbench.services.demo import generate

            generate(store, customers=demo_customers, progress=op.progress if op else None)
    user = current_user(store)
    return Context(store, user.id, user.name)
