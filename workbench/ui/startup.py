"""Opening the store for the GUI (runs on a worker thread: imports SQLAlchemy, migrates)."""

from __future__ import annotations

from pathlib import Path

from workbench.services.context import Context
from workbench.ui.runner import Op


def _build_demo(path: Path, customers: int, op: Op | None) -> None:
    from workbench.services.demo import build_demo_store

    def progress(done: int, total: int) -> None:
        if op is not None:
            op.progress(done, total)
            op.check()  # raises Cancelled: the side file is simply left unused

    build_demo_store(path, customers=customers, progress=progress)


def open_context(path: Path, *, demo: bool, demo_customers: int, op: Op | None = None) -> Context:
    from workbench.services.users import user_context
    from workbench.store.engine import open_store

    if demo and not path.exists():
        _build_demo(path, demo_customers, op)
    return user_context(open_store(path))
