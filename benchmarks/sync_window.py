"""The window during an initial sync: a real MainWindow (offscreen) on a freshly enrolled store
runs its first sync through its own controller while a 5 ms timer on the GUI thread notes how
late each tick comes. The longest gap, less the timer's period, is the longest stall a user
typing in the window would feel; the same window idle gives the floor."""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path
from typing import Any

TICK_MS = 5


def _app() -> Any:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication([])


def _longest_gap(app: Any, until: Any, *, at_most: float) -> float:
    """Run the event loop until ``until()`` (or ``at_most`` seconds); the longest tick gap, ms."""
    from PySide6.QtCore import QTimer

    worst, last = 0.0, time.perf_counter()

    def tick() -> None:
        nonlocal worst, last
        now = time.perf_counter()
        worst = max(worst, (now - last) * 1000 - TICK_MS)
        last = now

    timer = QTimer()
    timer.setInterval(TICK_MS)
    timer.timeout.connect(tick)
    timer.start()
    deadline = time.monotonic() + at_most
    while not until() and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.001)
    timer.stop()
    return max(worst, 0.0)


def stall_during_sync(db_url: str, server_url: str, user_id: str) -> tuple[float, float, float]:
    """(longest stall during the initial sync ms, longest stall idle ms, sync seconds)."""
    from PySide6.QtCore import QSettings

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
        idle = _longest_gap(app, lambda: False, at_most=3)
        done: list[Any] = []
        controller = window.sync.controller
        controller.synced.connect(done.append)
        controller.state_changed.connect(lambda s: done.append(s) if s in ("offline", "error") else None)
        controller.status = None
        started = time.perf_counter()
        controller.sync_now()
        stall = _longest_gap(app, lambda: bool(done), at_most=3600)
        seconds = time.perf_counter() - started
        if not done or isinstance(done[0], str):
            raise RuntimeError(f"the window's sync did not finish: {done or 'timeout'} {controller.message}")
        window.runner.wait_idle()
        window.close()
        window.runner.wait_idle()  # a status read the close may have started
        window.env.ctx.store.close()
        window.deleteLater()
        app.processEvents()
    return stall, idle, seconds
