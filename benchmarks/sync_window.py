"""The window during an initial sync: a real MainWindow (offscreen) on a freshly enrolled store
runs its first sync through its own controller while a 5 ms timer on the GUI thread notes how
late each tick comes. The longest gap, less the timer's period, is the longest stall a user
typing in the window would feel; the same window idle gives the floor."""

from __future__ import annotations

import os
import sys
import tempfile
import threading
import time
import traceback
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

TICK_MS = 5
SETTLE_S = 2  # seconds after the sync's end still counted as during it


def _app() -> Any:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication([])


def _gaps(app: Any, until: Any, *, at_most: float, stacks: Counter[str] | None = None) -> list[float]:
    """Run the event loop until ``until()`` (or ``at_most`` seconds); every tick's lateness, ms
    (the gap between two ticks less the timer's period, at least 0). ``stacks``: counts what
    each thread was running whenever the GUI thread's tick was over 30 ms late (a sampler
    thread every 5 ms: it costs the GUI a little, so only for finding a stall's cause)."""
    from PySide6.QtCore import QTimer

    gaps: list[float] = []
    last = time.perf_counter()

    def tick() -> None:
        nonlocal last
        now = time.perf_counter()
        gaps.append(max((now - last) * 1000 - TICK_MS, 0.0))
        last = now

    stop = threading.Event()

    def sample() -> None:
        assert stacks is not None
        while not stop.wait(0.005):
            if time.perf_counter() - last > 0.03 + TICK_MS / 1000:
                for ident, frame in sys._current_frames().items():
                    if ident == threading.get_ident():
                        continue
                    where = traceback.extract_stack(frame)[-5:]
                    name = "gui" if ident == threading.main_thread().ident else "worker"
                    stacks[name + ": " + " < ".join(f"{Path(f.filename).name}:{f.lineno} {f.name}"
                                                    for f in reversed(where))] += 1

    sampler = threading.Thread(target=sample, daemon=True)
    if stacks is not None:
        sampler.start()
    timer = QTimer()
    timer.setInterval(TICK_MS)
    timer.timeout.connect(tick)
    timer.start()
    deadline = time.monotonic() + at_most
    while not until() and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.001)
    timer.stop()
    stop.set()
    return gaps


def _longest_gap(app: Any, until: Any, *, at_most: float) -> float:
    return max(_gaps(app, until, at_most=at_most), default=0.0)


@dataclass(frozen=True)
class WindowSync:
    """What the GUI thread felt: the longest stall and the p99 of tick lateness during the
    initial sync, and the same window idle right before and right after it (ms)."""

    stall: float
    p99: float
    idle_before: float
    idle_after: float
    idle_p99: float
    seconds: float
    rows: int

    @property
    def idle(self) -> float:
        """The floor: the worse of the two idle windows (the machine is shared)."""
        return max(self.idle_before, self.idle_after)


def stall_during_sync(db_url: str, server_url: str, user_id: str) -> tuple[float, float, float]:
    """(longest stall during the initial sync ms, longest stall idle ms, sync seconds)."""
    got = window_sync(db_url, server_url, user_id)
    return got.stall, got.idle_before, got.seconds


def window_sync(db_url: str, server_url: str, user_id: str, *, idle_seconds: float = 3) -> WindowSync:
    """A fresh window enrolled as ``user_id`` runs its initial sync through its own controller."""
    from PySide6.QtCore import QSettings

    from benchmarks.harness import percentile
    from workbench.server.admin import new_code
    from workbench.services import team_sync
    from workbench.ui.main_window import MainWindow
    from workbench.ui.settings import Settings

    app = _app()
    # Qt may still write the settings file as the window goes: a leftover is no failure.
    with tempfile.TemporaryDirectory(ignore_cleanup_errors=True) as tmpdir:
        tmp = Path(tmpdir)
        settings = Settings(QSettings(str(tmp / "settings.ini"), QSettings.Format.IniFormat))
        settings.sync_interval_minutes = 0  # only the sync this benchmark starts
        window = MainWindow(settings)
        window.resize(1366, 768)
        window.show()
        opened: list[Any] = []
        window.store_opened.connect(opened.append)
        window.open_store(tmp / "window.sqlite")
        _longest_gap(app, lambda: bool(opened), at_most=120)
        _, code = new_code(db_url, user_id)
        team_sync.enrol_device(window.env.ctx, url=server_url, code=code)
        before = _gaps(app, lambda: False, at_most=idle_seconds)
        done: list[Any] = []
        controller = window.sync.controller
        controller.synced.connect(done.append)
        controller.state_changed.connect(lambda s: done.append(s) if s in ("offline", "error") else None)
        controller.status = None
        started = time.perf_counter()
        controller.sync_now()
        stacks: Counter[str] | None = Counter() if os.environ.get("WORKBENCH_BENCH_STACKS") else None
        during = _gaps(app, lambda: bool(done), at_most=3600, stacks=stacks)
        seconds = time.perf_counter() - started
        # the screens refresh with what was pulled: part of what the sync makes the user feel
        during += _gaps(app, lambda: False, at_most=SETTLE_S)
        if not done or isinstance(done[0], str):
            raise RuntimeError(f"the window's sync did not finish: {done or 'timeout'} {controller.message}")
        after = _gaps(app, lambda: False, at_most=idle_seconds)
        window.runner.wait_idle()
        window.close()
        window.runner.wait_idle()  # a status read the close may have started
        window.env.ctx.store.close()
        window.deleteLater()
        app.processEvents()
    idle = before + after
    for where, n in (stacks or Counter()).most_common(25):
        print(f"  {n:5d}  {where}", file=sys.stderr)
    return WindowSync(stall=max(during, default=0.0), p99=percentile(during, 0.99) if during else 0.0,
                      idle_before=max(before, default=0.0), idle_after=max(after, default=0.0),
                      idle_p99=percentile(idle, 0.99) if idle else 0.0, seconds=seconds,
                      rows=int(done[0].pulled))
