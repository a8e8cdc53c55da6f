"""The waits the docs/make_*screenshot*.py scripts share: ``wait(ms)`` spins the Qt event loop
for ``ms`` milliseconds, ``until(cond)`` spins it until ``cond()`` is true (TimeoutError after
``timeout_s`` seconds). The scripts run as ``python docs/<script>.py``, so docs/ is on sys.path
and they import this module by its bare name."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEventLoop, QTimer


def wait(ms: int = 300) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def until(cond: Callable[[], object], timeout_s: float = 120) -> None:
    waited = 0.0
    while not cond():
        wait(100)
        waited += 0.1
        if waited > timeout_s:
            raise TimeoutError("the window did not get there")
