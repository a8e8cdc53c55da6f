"""Quitting safely (issue 13, items 9 and 10): the one path from Ctrl+Q (or the close box)
to the end of the process.

1. Unsaved work is asked about first, while the window is still shown: every open form
   with a ``confirm_close()`` (the visit dialog: Keep as draft / Discard / Cancel). Cancel
   leaves everything as it was: the window, the form, what was typed.
2. Background work is cancelled (``runner.cancel_all()``: the demo build and the store's
   opening stop at their next check and leave nothing half-made) and what cannot be
   cancelled (a sync, a proposal being stored) is waited for, at most ``FINISH_MS``, with a
   visible "Finishing…" dialog whose button quits at once.
3. Then the window closes and the event loop is told to end: Qt's own "last window
   closed" quit is not relied on (a store opened after the window was hidden built pages
   that kept the event loop alive with no window: a process that never exited).
4. After the event loop, ``after_exec`` waits a little for a worker still running and
   otherwise ends the process anyway (every write is one transaction, so a write cut short
   is rolled back by SQLite; nothing half-written stays).
"""

from __future__ import annotations

import logging
import os
import sys
import time
from typing import Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QApplication, QDialog, QProgressDialog, QWidget

from workbench.ui.i18n import Retranslating

log = logging.getLogger(__name__)

#: The longest a quit waits for background work that cannot be cancelled.
FINISH_MS = 20_000
#: Short reads (a page load) usually end within this: no dialog is shown for them.
GRACE_MS = 300
#: After the event loop: what a worker still gets before the process ends regardless.
LAST_WAIT_MS = 3_000


def end_event_loop() -> None:
    """Tell the event loop to end (a function of its own so tests can watch it)."""
    QApplication.quit()


def ask_unsaved_work() -> bool:
    """Ask every open form with unsaved work whether to keep it; False when one is cancelled.
    The forms that agreed are closed without asking again."""
    forms = [w for w in QApplication.topLevelWidgets()
             if w.isVisible() and callable(getattr(w, "confirm_close", None))]
    for form in forms:
        form.raise_()
        form.activateWindow()
        if not form.confirm_close():  # type: ignore[attr-defined]
            return False
    for form in forms:  # each kept its draft or discarded it: close without the question
        if isinstance(form, QDialog):
            QDialog.done(form, QDialog.DialogCode.Rejected)
        else:
            form.hide()
    return True


class FinishingDialog(Retranslating, QProgressDialog):
    """"Finishing …": what a quit waits for, and a button to quit at once."""

    def __init__(self, labels: list[str], parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("finishing_dialog")
        self.labels = labels
        self.setRange(0, 0)
        self.setMinimumDuration(0)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Quitting"))
        what = "; ".join(label for label in self.labels if label) or self.tr("background work")
        self.setLabelText(self.tr("Finishing before quitting: {0}…\nThe program quits in at most {1} s.")
                          .format(what, FINISH_MS // 1000))
        self.setCancelButtonText(self.tr("Quit &now"))


class Quitter(QObject):
    """A quit waiting for background work that was not cancelled: shows the "Finishing…"
    dialog, then closes the window (and so ends the event loop) when the work is done, at
    ``FINISH_MS`` at the latest, or at once on "Quit now"."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.ready = False  # the next close event is accepted
        self.dialog: FinishingDialog | None = None
        self._deadline = QTimer(self)
        self._deadline.setSingleShot(True)
        self._deadline.setInterval(FINISH_MS)
        self._deadline.timeout.connect(self._give_up)

    def begin(self) -> None:
        """Show what is being finished; close the window once it is done (or at the bound)."""
        runner = self.window.runner
        log.info("quitting: finishing %s", [op.label for op in runner.live()])
        self.dialog = FinishingDialog([op.label for op in runner.live()], self.window)
        self.dialog.canceled.connect(self._give_up)
        runner.busy_changed.connect(self._busy_changed)
        self._deadline.start()
        self.dialog.show()

    def _busy_changed(self, busy: bool) -> None:
        if not busy:
            self._close()

    def _give_up(self) -> None:
        if not self.ready:
            log.warning("quitting with work still running: %s", [op.label for op in self.window.runner.live()])
            self._close()

    def _close(self) -> None:
        if self.ready:
            return
        self.ready = True
        self._deadline.stop()
        if self.dialog is not None:
            self.dialog.canceled.disconnect(self._give_up)
            self.dialog.close()
        QTimer.singleShot(0, self.window.close)  # out of the signal that brought us here


def close_requested(window: Any, event: QCloseEvent) -> bool:
    """The main window's closeEvent: True when the window may close now, False when the
    close is refused (Cancel) or deferred (the "Finishing…" dialog closes it later).

    A close that ends the program tells the event loop to end. A close that does not
    (``quitOnLastWindowClosed`` turned off: a restore reopens the store in a new window)
    waits for background work right here, as before, and leaves the event loop alone."""
    quitter: Quitter | None = getattr(window, "quitter", None)
    if quitter is not None and quitter.ready:
        QTimer.singleShot(0, end_event_loop)
        return True
    event.ignore()
    if quitter is not None:  # finishing already: the dialog says so
        return False
    for page in window.pages.values():
        if hasattr(page, "about_to_close") and not page.about_to_close():
            return False
    if not ask_unsaved_work():
        return False  # Cancel: the program stays, the window as it was
    window.quitting = True
    window.save_geometry(window.settings)
    window.settings.sync()
    runner = window.runner
    if not QApplication.quitOnLastWindowClosed():  # the program goes on without this window
        runner.wait_idle(FINISH_MS)
        event.accept()
        return True
    runner.cancel_all()  # the demo build and the store's opening stop at their next check
    if runner.busy:
        runner.wait_idle(GRACE_MS)  # a page load or a cancelled step ends on its own
    if not runner.busy:
        event.accept()
        QTimer.singleShot(0, end_event_loop)
        return True
    window.quitter = Quitter(window)
    window.quitter.begin()
    return False


def after_exec(window: Any, code: int) -> int:
    """After the event loop: give a worker still running ``LAST_WAIT_MS``, then end the
    process even if it has not finished (its open transaction is rolled back)."""
    started = time.monotonic()
    if window.runner.wait_idle(LAST_WAIT_MS):
        return code
    log.warning("exiting with background work still running after %.1f s: %s",
                time.monotonic() - started, [op.label for op in window.runner.live()])
    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
