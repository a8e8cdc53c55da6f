"""When and how the window syncs: on request (F9), after enrolment, and in the background
every ``sync_interval_minutes`` while the store is enrolled. A sync runs on a worker thread
(never the GUI's); what it pulled is published on the bus like any local write, so every
screen refreshes the same way. A failure is a state, shown in the status bar: local work is
kept, and the next attempt comes at the next interval or on F9."""

from __future__ import annotations

import logging
import time
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from workbench.ui.env import UiEnv
from workbench.ui.runner import Op

log = logging.getLogger(__name__)

#: Rows per pulled page in the window's sync. Parsing a page's JSON is one C call that holds
#: the GIL: 14-28 ms for the engine's 2,000 rows (1-1.8 MB) on a quiet machine, up to 79 ms on
#: a busy one, a stall the GUI thread feels whole. Half the page, half that wait.
PAGE_ROWS = 1000

UNENROLLED, IDLE, SYNCING, OFFLINE, ERROR, REVOKED = "unenrolled", "idle", "syncing", "offline", "error", "revoked"


class SyncController(QObject):
    state_changed = Signal(str)
    status_changed = Signal(object)  # a services.team_sync.SyncStatus
    progressed = Signal(int, int, float)  # done, total, seconds left (-1: not known yet)
    synced = Signal(object)  # a services.team_sync.SyncResult

    def __init__(self, env: UiEnv, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.state = UNENROLLED
        self.message = ""  # the last failure, in the language of the service's error
        self.status: Any = None
        self._op: Op | None = None
        self._started = 0.0
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.sync_now)
        env.bus.changed.connect(lambda _changes: self.refresh_status())
        self.refresh_status()

    # --- status --------------------------------------------------------------------------
    def refresh_status(self) -> None:
        from workbench.services import team_sync

        ctx = self.env.ctx
        self.env.runner.latest(self, "status", lambda _op: team_sync.status(ctx), self._got_status,
                               on_failure=lambda exc: log.warning("sync status: %s", exc))

    def _got_status(self, status: Any) -> None:
        self.status = status
        if self.state in (UNENROLLED, IDLE) or (not status.enrolled and self.state != REVOKED):
            self._set_state(IDLE if status.enrolled else UNENROLLED)
        self._arm_timer()
        self.status_changed.emit(status)

    def _arm_timer(self) -> None:
        minutes = self.env.settings.sync_interval_minutes
        if self.status is not None and self.status.enrolled and minutes > 0:
            if not self.timer.isActive() or self.timer.interval() != minutes * 60_000:
                self.timer.start(minutes * 60_000)
        else:
            self.timer.stop()

    def _set_state(self, state: str) -> None:
        if state != self.state:
            self.state = state
            self.state_changed.emit(state)

    # --- syncing -------------------------------------------------------------------------
    @property
    def busy(self) -> bool:
        return self._op is not None

    def sync_now(self) -> Op | None:
        """Start a sync unless one runs or the store is not enrolled; returns its operation."""
        if self._op is not None or (self.status is not None and not self.status.enrolled):
            return None
        from workbench.services import team_sync

        ctx = self.env.ctx
        self._started = time.monotonic()
        self._set_state(SYNCING)

        def work(op: Op) -> Any:
            return team_sync.sync_now(ctx, progress=lambda done, total: op.progress(done, total),
                                      page_size=PAGE_ROWS)

        op = self.env.runner.run(work, on_success=self._done, on_failure=self._failed,
                                 label=self.tr("Syncing with the team server"), owner=self)
        op.progressed.connect(self._progress)
        self._op = op
        return op

    def _progress(self, done: int, total: int, _label: str) -> None:
        elapsed = time.monotonic() - self._started
        left = elapsed * (total - done) / done if done > 0 and elapsed > 1 else -1.0
        self.progressed.emit(done, total, left)

    def _done(self, result: Any) -> None:
        self._op = None
        self.message = ""
        self._set_state(IDLE)
        self.env.bus.publish(result.changes)
        self.synced.emit(result)
        self.refresh_status()

    def _failed(self, exc: BaseException) -> None:
        from workbench.services.team_sync import SyncError
        from workbench.ui.labels import label

        self._op = None
        if isinstance(exc, SyncError):
            self.message = label(exc)
            self._set_state({"offline": OFFLINE, "not_enrolled": UNENROLLED, "auth": REVOKED,
                             "device_revoked": REVOKED}.get(exc.code, ERROR))
        else:  # unexpected: the log has it; the status bar says so; local work is untouched
            log.error("sync failed", exc_info=exc)
            self.message = str(exc)
            self._set_state(ERROR)
        self.refresh_status()
