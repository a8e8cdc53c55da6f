"""Opening the program's store: the one place a front end (the GUI, on a worker thread) gets
its context from. Builds the demo store first when asked for one that is missing or incomplete."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from workbench.services.context import Context

Progress = Callable[[int, int], None]


def open_context(path: Path, *, demo: bool, demo_customers: int, progress: Progress | None = None) -> Context:
    """The current user's context over the store at ``path`` (migrated when it is older).
    ``progress(done, total)`` follows a demo build and may raise to abandon it."""
    from workbench.services.demo import ensure_demo_store
    from workbench.services.users import user_context
    from workbench.store.engine import open_store

    if demo:  # missing, empty or an interrupted build: built (again) before it is opened
        ensure_demo_store(path, customers=demo_customers, progress=progress)
    return user_context(open_store(path))
