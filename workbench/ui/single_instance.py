"""One program per store (issue 13, item 11).

The first program on a store holds a lock file beside it (``STORE.lock``, a ``QLockFile``:
it names the holder's process, so a lock left by a crash, even ``kill -9``, is recognised
as stale and taken over) and listens on a local socket named after the store's resolved
path. A second start on the same store cannot take the lock: it connects to the socket,
asks the first window to come to the front, and ends. The command line's sub-commands take
no lock: reading beside a running program is what SQLite's WAL readers are for.

Cost at start: the lock is QtCore (about 1.5 ms); QtNetwork (about 12 ms to import) is
loaded only to listen, after the first paint, or by a second start. A second start that
comes before the first one listens finds the lock held and retries for ``REACH_MS``.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QLockFile, QObject, Signal
from PySide6.QtWidgets import QApplication, QWidget

log = logging.getLogger(__name__)

RAISE = b"raise\n"
ANSWER = b"ok\n"
#: How long a second start tries to reach the first (which may still be starting).
REACH_MS = 5_000


def server_name(store: Path) -> str:
    """The local socket's name for ``store``: one per resolved path, per user."""
    digest = hashlib.sha256(str(store.expanduser().resolve()).encode("utf-8")).hexdigest()[:20]
    return f"workbench-{digest}"


def lock_path(store: Path) -> Path:
    return store.with_name(store.name + ".lock")


class Instance(QObject):
    """The running program's hold on its store: the lock and the socket that answers a
    second start. ``activation_requested`` fires (on the GUI thread) for each one."""

    activation_requested = Signal()

    def __init__(self, store: Path, lock: QLockFile | None) -> None:
        super().__init__()
        self.store = store
        self._lock = lock
        self.server: Any = None

    def listen(self) -> None:
        """Answer second starts from now on (once; after the first paint)."""
        if self.server is not None:
            return
        from PySide6.QtNetwork import QLocalServer

        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._connected)
        name = server_name(self.store)
        if not self.server.listen(name):
            QLocalServer.removeServer(name)  # a socket file left by a crash: we hold the lock
            if not self.server.listen(name):
                log.warning("cannot listen on %s: %s", name, self.server.errorString())

    def _connected(self) -> None:
        while (socket := self.server.nextPendingConnection()) is not None:
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(socket.deleteLater)
            if socket.bytesAvailable():
                self._read(socket)

    def _read(self, socket: Any) -> None:
        if bytes(socket.readAll().data()).startswith(RAISE.strip()):
            socket.write(ANSWER)
            socket.flush()
            self.activation_requested.emit()

    def release(self) -> None:
        if self.server is not None:
            self.server.close()
        if self._lock is not None:
            self._lock.unlock()
            self._lock = None


def ask_first_to_show(store: Path, *, within_ms: int | None = None) -> bool:
    """Ask the program running on ``store`` to bring its window to the front; True when it
    answered. Retries while the first program is still starting (locked, not yet listening)."""
    import time

    from PySide6.QtNetwork import QLocalSocket

    deadline = time.monotonic() + (REACH_MS if within_ms is None else within_ms) / 1000
    while True:
        socket = QLocalSocket()
        socket.connectToServer(server_name(store))
        if socket.waitForConnected(500):
            socket.write(RAISE)
            socket.flush()
            answered = socket.waitForReadyRead(2_000) and bytes(socket.readAll().data()).startswith(ANSWER.strip())
            socket.disconnectFromServer()
            if answered:
                return True
        if time.monotonic() >= deadline:
            return False
        time.sleep(0.1)


def claim(store: Path) -> Instance | None:
    """Become the store's one program, or None when another one holds it (it was asked to
    come to the front). A store whose folder cannot hold the lock file is opened unguarded
    (logged): a read-only place is refused later, by the store itself, with its own message."""
    lock = QLockFile(str(lock_path(store)))
    lock.setStaleLockTime(0)  # stale only when its process is gone, however long it ran
    with contextlib.suppress(OSError):  # where a first start will create the store
        store.parent.mkdir(parents=True, exist_ok=True)
    if lock.tryLock(0):
        return Instance(store, lock)
    if lock.error() == QLockFile.LockError.LockFailedError:
        if lock.removeStaleLockFile() and lock.tryLock(0):  # its process is gone (a crash)
            return Instance(store, lock)
        return None
    log.warning("no lock file beside %s (%s): not guarded against a second program", store, lock.error())
    return Instance(store, None)


def start_or_hand_over(store: Path, *, notify: Callable[[str], None] | None = None) -> Instance | None:
    """At program start: the ``Instance`` to keep, or None when another program has the
    store and was brought to the front (this one should end)."""
    instance = claim(store)
    if instance is not None:
        return instance
    if ask_first_to_show(store):
        (notify or _print)(f"已在运行:已切换到该窗口 / already running on {store}: brought its window to the front")
        return None
    # Locked by a live process that does not answer (hung, or not yet listening): say so,
    # on the terminal and in a box (a start from the desktop has no terminal).
    (notify or _print)(f"另一个程序正在使用此数据文件 / another program is using {store} and does not answer")
    if notify is None:
        from PySide6.QtCore import QCoreApplication
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(None, QCoreApplication.translate("single_instance", "Already open"),
                            QCoreApplication.translate(
                                "single_instance", "The workbench is already open on {0}, but it does not answer. "
                                "Close it (or end it in the task manager) and start again.").format(store))
    return None


def bring_to_front(window: QWidget) -> None:
    """What a second start asks of the first program's window (and of a dialog over it)."""
    if window.isMinimized():
        window.showNormal()
    window.show()
    window.raise_()
    window.activateWindow()
    modal = QApplication.activeModalWidget()
    if modal is not None and modal is not window:
        modal.raise_()
        modal.activateWindow()


def _print(text: str) -> None:
    print(text, file=sys.stderr, flush=True)
