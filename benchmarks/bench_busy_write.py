"""`busy_write`: what an interactive write costs the GUI thread while the store is busy.

A sync's pages, an import or another program commit write transactions while the user types;
the visit dialog's draft autosave (and any form's save) then waits for SQLite's write lock.
Here a background thread commits one bulk write transaction after another (every customer's
notes rewritten, search index included, with a 5 ms pause between two, as the sync's pages
do), while the GUI thread saves the visit draft every 50 ms and a 5 ms timer notes how late
each tick comes. Measured twice in the same run: the save called on the GUI thread (how the
program wrote until the write worker; the baseline) and through ``Runner.write_now`` (the
write worker, the GUI thread painting while it waits). Reported: the longest tick lateness
and its p99, worker against GUI thread (a ratio under 1 is the stall the worker removes),
and how long a save waited.
"""

from __future__ import annotations

import os
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks.bench_draft import _payload
from benchmarks.harness import Result, percentile, result

SAVE_EVERY_MS = 50


def _bulk_writer(store: Any, stop: threading.Event, commits: list[float]) -> None:
    from sqlalchemy import text

    n = 0
    while not stop.is_set():
        n += 1
        t = time.perf_counter()
        with store.write() as s:
            s.execute(text("UPDATE customers SET notes = coalesce(notes, '') || :c WHERE num % 2 = :k"),
                       {"c": "。" if n % 10 else "", "k": n % 2})
        commits.append(time.perf_counter() - t)
        stop.wait(0.005)


def _measure(app: Any, save: Callable[[], Any], seconds: float) -> tuple[list[float], list[float]]:
    """Tick lateness (ms, benchmarks/sync_window.py's 5 ms ticker) and save durations (ms)
    over ``seconds``, the draft saved every SAVE_EVERY_MS meanwhile."""
    from PySide6.QtCore import QTimer

    from benchmarks.sync_window import _gaps

    waits: list[float] = []

    def autosave() -> None:
        t = time.perf_counter()
        save()
        waits.append((time.perf_counter() - t) * 1000)

    saver = QTimer()
    saver.setInterval(SAVE_EVERY_MS)
    saver.timeout.connect(autosave)
    saver.start()
    try:
        gaps = _gaps(app, lambda: False, at_most=seconds)
    finally:
        saver.stop()
    return gaps, waits


def run(*, scale: int, quick: bool) -> list[Result]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication
    from sqlalchemy import select

    from workbench.services import drafts
    from workbench.services.demo import DEMO_CUSTOMERS, build_demo_store
    from workbench.services.users import user_context
    from workbench.store import models as m
    from workbench.store.engine import open_store
    from workbench.ui.runner import Runner

    app = QApplication.instance() or QApplication([])
    seconds = 3.0 if quick else 12.0
    out: dict[str, tuple[list[float], list[float], list[float]]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "demo.sqlite"
        build_demo_store(path, customers=400 if quick else DEMO_CUSTOMERS)
        store = open_store(path)
        runner = Runner()
        try:
            ctx = user_context(store)
            with store.read() as s:
                cid = s.scalars(select(m.Customer.id).limit(1)).one()
            for mode in ("gui", "worker"):
                state: dict[str, Any] = {"id": None, "text": ""}

                def write(state: dict[str, Any] = state) -> Any:
                    state["text"] += "分院断网频繁"[len(state["text"]) % 6]
                    state["id"] = drafts.save_draft(ctx, draft_id=state["id"], kind="visit", customer_id=cid,
                                                    payload=_payload(state["text"]))
                    return state["id"]

                def on_worker(w: Callable[[], Any] = write) -> Any:
                    return runner.write_now(w)

                save: Callable[[], Any] = write if mode == "gui" else on_worker
                stop, commits = threading.Event(), list[float]()
                busy = threading.Thread(target=_bulk_writer, args=(store, stop, commits), daemon=True)
                busy.start()
                try:
                    gaps, waits = _measure(app, save, seconds)
                finally:
                    stop.set()
                    busy.join()
                out[mode] = (gaps, waits, [c * 1000 for c in commits])
        finally:
            runner.wait_idle()
            store.close()
    (g_gaps, _, g_commits), (w_gaps, w_waits, _) = out["gui"], out["worker"]
    return [
        result("busy_write", "longest_stall_ms", max(w_gaps), "ms", "saves on the GUI thread", max(g_gaps), "< 1"),
        result("busy_write", "p99_lateness_ms", percentile(w_gaps, 0.99), "ms", "saves on the GUI thread",
               percentile(g_gaps, 0.99), "< 1"),
        result("busy_write", "save_wait_ms_median", percentile(w_waits, 0.5), "ms", "one bulk commit (median)",
               percentile(g_commits, 0.5), "reported"),
    ]
