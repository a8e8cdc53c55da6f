"""Opening the store for the GUI (runs on a worker thread): services.startup does the work;
this maps the runner's progress and cancel onto it. No widget module imports the store."""

from __future__ import annotations

from pathlib import Path

from workbench.services.context import Context
from workbench.ui.runner import Op


def open_context(path: Path, *, demo: bool, demo_customers: int, op: Op | None = None) -> Context:
    from workbench.services import startup

    def progress(done: int, total: int) -> None:
        if op is not None:
            op.progress(done, total)
            op.check()  # raises Cancelled: the side file is simply left unused

    return startup.open_context(path, demo=demo, demo_customers=demo_customers, progress=progress)
