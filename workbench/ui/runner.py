"""The one way long work leaves the GUI thread (docs/architecture.md, "Threads").

``runner.run(fn, on_success=..., write=True)`` runs ``fn(op)`` on a worker thread and calls
back on the GUI thread. ``op`` lets the work report progress and notice a cancel. Reads run
on a small pool; writes on a pool of one thread, so they never overlap. A failure reaches
``on_failure`` or, by default, the user as a message (and the log when unexpected).

``runner.write_now(fn)`` runs a short interactive write (saving a form, an undoable edit, a
draft) on that same single write worker and returns its result on the GUI thread, which
keeps painting and serving timers while it waits but holds user input back until the write
answered (delivered after it, so nothing typed is lost and no click acts twice).

``runner.latest(owner, key, fn, on_success)`` is a read of which only the newest request per
``(owner, key)`` is delivered: a screen reloading as the user types or as changes arrive
shows the last answer, never an older one that happened to finish later.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QEventLoop,
    QObject,
    QRunnable,
    QThread,
    QThreadPool,
    Signal,
)
from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)

T = TypeVar("T")


class Cancelled(Exception):
    """Raised by :meth:`Op.check` when the user cancelled the operation."""


class Op(QObject):
    """A handle on one background operation, shared by the worker and the GUI."""

    progressed = Signal(int, int, str)  # done, total, label
    succeeded = Signal(object)
    failed = Signal(object)  # the exception
    finished = Signal()  # after succeeded or failed, either way

    def __init__(self, label: str = "") -> None:
        super().__init__()
        self.label = label
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        if self._cancel.is_set():
            raise Cancelled()

    def progress(self, done: int, total: int, label: str = "") -> None:
        """Callable from the worker thread: signals are queued to the GUI thread."""
        self.progressed.emit(done, total, label or self.label)


class _Waited(QRunnable):
    """One write the GUI thread waits for: the result or the exception, then a wake-up."""

    def __init__(self, fn: Callable[[], Any], wake: QObject) -> None:
        super().__init__()
        self.fn, self.wake = fn, wake
        self.done = threading.Event()
        self.result: Any = None
        self.error: BaseException | None = None
        self.setAutoDelete(False)

    def run(self) -> None:
        try:
            self.result = self.fn()
        except BaseException as exc:  # raised again on the GUI thread
            self.error = exc
        finally:
            self.done.set()
            # postEvent is thread-safe and wakes the GUI thread's wait below
            QCoreApplication.postEvent(self.wake, QEvent(QEvent.Type.User))


class _Task(QRunnable):
    def __init__(self, fn: Callable[[Op], Any], op: Op) -> None:
        super().__init__()
        self.fn, self.op = fn, op
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self.fn(self.op)
        except BaseException as exc:  # every failure is reported, none kills the thread pool
            self.op.failed.emit(exc)
        else:
            self.op.succeeded.emit(result)
        self.op.finished.emit()


def _while_alive(owner: object, callback: Callable[[Any], None]) -> Callable[[Any], None]:
    if not isinstance(owner, QObject):
        return callback

    def call(value: Any) -> None:
        if shiboken6.isValid(owner):
            callback(value)

    return call


class Runner(QObject):
    """Starts background operations; counts those in flight for the status bar."""

    busy_changed = Signal(bool)
    started = Signal(object)  # an Op, for a progress indicator

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._parent = parent
        self._reads = QThreadPool(self)
        self._reads.setMaxThreadCount(3)
        self._writes = QThreadPool(self)
        self._writes.setMaxThreadCount(1)  # writes never overlap
        self._live: set[Op] = set()
        self._newest: dict[tuple[int, str], int] = {}  # (owner, key) -> newest request
        self._running: dict[tuple[int, str], Op] = {}

    @property
    def busy(self) -> bool:
        return bool(self._live)

    def run(
        self,
        fn: Callable[[Op], Any],
        *,
        on_success: Callable[[Any], None] | None = None,
        on_failure: Callable[[BaseException], None] | None = None,
        write: bool = False,
        label: str = "",
        owner: QObject | None = None,
    ) -> Op:
        """``owner``: the widget the callbacks belong to; a result arriving after it was
        destroyed (a page closed while its load ran) is dropped. Taken from a bound-method
        callback by default; give it when the callbacks are lambdas."""
        op = Op(label)
        owner = owner or getattr(on_success, "__self__", None)
        if on_success is not None:
            op.succeeded.connect(_while_alive(owner, on_success))
        op.failed.connect(_while_alive(owner, on_failure) if on_failure is not None else self._report)
        op.finished.connect(lambda: self._done(op))
        self._live.add(op)
        if len(self._live) == 1:
            self.busy_changed.emit(True)
        self.started.emit(op)
        (self._writes if write else self._reads).start(_Task(fn, op))
        return op

    def write_now(self, fn: Callable[[], T]) -> T:
        """Run the short write ``fn`` on the write worker and return what it returns (or raise
        what it raised) here. While it runs this thread paints, fires timers and delivers
        queued signals, but not user input: keys and clicks wait in the queue and arrive
        after the write answered. A write queued behind another waits its turn (writes never
        overlap); called off the GUI thread, ``fn`` simply runs there."""
        if QThread.currentThread() is not self.thread():
            return fn()
        task = _Waited(fn, self)
        self._writes.start(task)
        flags = (QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents
                 | QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
        while not task.done.is_set():
            # not a nested QEventLoop.exec(): that returns at once once quit() was called,
            # and a draft saved while the program quits must still be waited for
            QCoreApplication.processEvents(flags)
        if task.error is not None:
            raise task.error
        return task.result  # type: ignore[no-any-return]

    def latest(
        self,
        owner: QObject,
        key: str,
        fn: Callable[[Op], Any],
        on_success: Callable[[Any], None],
        *,
        on_failure: Callable[[BaseException], None] | None = None,
        label: str = "",
    ) -> Op:
        """Run the read ``fn``; its result reaches ``on_success`` only if no newer request for
        ``(owner, key)`` was made meanwhile (nor :meth:`supersede` called), and only while
        ``owner`` lives. A failure of a superseded request is dropped too."""
        slot = (id(owner), key)
        if not any(s[0] == slot[0] for s in self._newest):
            owner.destroyed.connect(lambda *_: self._forget(slot[0]))
        number = self._newest.get(slot, 0) + 1
        self._newest[slot] = number

        def current() -> bool:
            return self._newest.get(slot) == number

        def delivered(value: Any) -> None:
            if current():
                self._running.pop(slot, None)
                on_success(value)

        def failed(exc: BaseException) -> None:
            if current():
                self._running.pop(slot, None)
                (on_failure or self._report)(exc)

        op = self.run(fn, on_success=delivered, on_failure=failed, label=label, owner=owner)
        self._running[slot] = op
        return op

    def supersede(self, owner: QObject, key: str) -> None:
        """Drop whatever ``(owner, key)`` requested so far (the screen moved on)."""
        slot = (id(owner), key)
        self._newest[slot] = self._newest.get(slot, 0) + 1
        self._running.pop(slot, None)

    def loading(self, owner: QObject, key: str) -> bool:
        """Is the newest request for ``(owner, key)`` still running?"""
        return (id(owner), key) in self._running

    def live(self) -> list[Op]:
        """The operations still running (their labels say what a quit waits for)."""
        return list(self._live)

    def cancel_all(self) -> None:
        """Ask every running operation to stop at its next ``op.check()`` (quitting); work
        that never checks runs on to its end."""
        for op in self._live:
            op.cancel()

    def _forget(self, owner_id: int) -> None:
        for slot in [s for s in self._newest if s[0] == owner_id]:
            self._newest.pop(slot, None)
            self._running.pop(slot, None)

    def _done(self, op: Op) -> None:
        self._live.discard(op)
        op.deleteLater()  # drops its connections, and with them the callbacks' references
        if not self._live:
            self.busy_changed.emit(False)

    def _report(self, exc: BaseException) -> None:
        if isinstance(exc, Cancelled):
            return
        from workbench.ui.errors import show_error

        show_error(self._parent, exc)

    def wait_idle(self, msecs: int = 30_000) -> bool:
        """Block until every started task ran (tests, shutdown)."""
        return self._reads.waitForDone(msecs) and self._writes.waitForDone(msecs)
