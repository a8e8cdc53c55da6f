"""Quitting (issue 13, items 9 and 10): Ctrl+Q asks about an unsaved visit before anything
is hidden, Cancel keeps the program as it was, and quitting during background work always
ends the process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from workbench.services import drafts
from workbench.ui import quitting
from workbench.ui.main_window import MainWindow
from workbench.ui.settings import Settings
from workbench.ui.visits.dialog import VisitDialog

DRIVER = Path(__file__).with_name("app_driver.py")
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def ended(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Each time the quit path tells the event loop to end (the test's loop keeps running)."""
    calls: list[int] = []
    monkeypatch.setattr(quitting, "end_event_loop", lambda: calls.append(1))
    return calls


def _visit_with_typing(qtbot: QtBot, window: MainWindow) -> VisitDialog:
    page: Any = window.pages["customers"]
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=10_000)
    dlg = page.open_visit(page.model.row_at(0).id)
    qtbot.waitExposed(dlg)
    dlg.form.objective.setFocus()
    QTest.keyClicks(dlg.form.objective, "Renew the two lines")
    return dlg


def _answer_close_question(button: str, seen: list[tuple[bool, str]], window: MainWindow) -> None:
    """Click ``button`` ("keep", "discard", "cancel") in the close question when it comes."""
    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, answer)
            return
        seen.append((window.isVisible(), box.text()))
        role = {"keep": QMessageBox.ButtonRole.AcceptRole, "discard": QMessageBox.ButtonRole.DestructiveRole,
                "cancel": QMessageBox.ButtonRole.RejectRole}[button]
        [target] = [b for b in box.buttons() if box.buttonRole(b) == role]
        target.click()

    QTimer.singleShot(0, answer)


def test_ctrl_q_asks_before_hiding_and_cancel_keeps_everything(qtbot: QtBot, window: MainWindow,
                                                                ended: list[int]) -> None:
    dlg = _visit_with_typing(qtbot, window)
    seen: list[tuple[bool, str]] = []
    _answer_close_question("cancel", seen, window)
    with qtbot.waitActive(window):  # back to the main window, the visit left open
        window.activateWindow()
    QTest.keyClick(window.nav, Qt.Key.Key_Q, CTRL)
    qtbot.waitUntil(lambda: bool(seen), timeout=5_000)
    assert seen[0][0] is True  # asked while the main window was still shown
    assert "not saved" in seen[0][1]
    qtbot.wait(50)
    assert window.isVisible() and dlg.isVisible()  # Cancel: the program stays as it was
    assert dlg.form.objective.text() == "Renew the two lines"
    assert ended == [] and not window.quitting
    dlg.done(0)


def test_keep_as_draft_then_the_program_ends(qtbot: QtBot, window: MainWindow, ended: list[int]) -> None:
    dlg = _visit_with_typing(qtbot, window)
    customer_id = dlg.customer_id
    seen: list[tuple[bool, str]] = []
    _answer_close_question("keep", seen, window)
    window.act_quit.trigger()
    qtbot.waitUntil(lambda: bool(ended), timeout=10_000)
    assert len(seen) == 1 and seen[0][0] is True  # one question, before the window went
    assert not window.isVisible()
    [draft] = drafts.drafts_for(window.env.ctx, kind="visit", customer_id=customer_id)
    assert draft.payload["objective"] == "Renew the two lines"


def test_discard_then_the_program_ends_without_a_draft(qtbot: QtBot, window: MainWindow,
                                                       ended: list[int]) -> None:
    dlg = _visit_with_typing(qtbot, window)
    customer_id = dlg.customer_id
    seen: list[tuple[bool, str]] = []
    _answer_close_question("discard", seen, window)
    window.act_quit.trigger()
    qtbot.waitUntil(lambda: bool(ended), timeout=10_000)
    assert len(seen) == 1
    assert drafts.drafts_for(window.env.ctx, kind="visit", customer_id=customer_id) == []


def test_quitting_while_the_demo_is_built_cancels_it_and_ends(qtbot: QtBot, settings: Settings, tmp_path: Path,
                                                              ended: list[int]) -> None:
    from workbench.services.demo import demo_complete

    w = MainWindow(settings)
    qtbot.addWidget(w)
    w.show()
    path = tmp_path / "demo.sqlite"
    op = w.open_store(path, demo=True, demo_customers=3000)
    with qtbot.waitSignal(op.progressed, timeout=30_000):
        pass
    QTest.keyClick(w, Qt.Key.Key_Q, CTRL)
    qtbot.waitUntil(lambda: bool(ended), timeout=30_000)
    assert op.cancelled
    assert not w.isVisible() and w.pages == {}  # no pages built behind a hidden window
    assert QApplication.activeModalWidget() is None  # and no error box for the cancel
    assert not demo_complete(path)  # nothing half-filled in the store's place
    w.runner.wait_idle()


def test_quitting_waits_visibly_for_work_that_cannot_be_cancelled(qtbot: QtBot, window: MainWindow,
                                                                  ended: list[int]) -> None:
    import threading

    release = threading.Event()
    window.runner.run(lambda _op: release.wait(20), label="Syncing with the team server", write=True)
    window.act_quit.trigger()
    dialog = window.findChild(quitting.FinishingDialog)
    assert dialog is not None and dialog.isVisible()
    assert "Syncing with the team server" in dialog.labelText()
    assert window.isVisible() and ended == []
    release.set()
    qtbot.waitUntil(lambda: bool(ended), timeout=10_000)
    assert not window.isVisible() and not dialog.isVisible()


def test_quit_now_does_not_wait(qtbot: QtBot, window: MainWindow, ended: list[int]) -> None:
    import threading

    release = threading.Event()
    window.runner.run(lambda _op: release.wait(20), label="Storing the proposal", write=True)
    window.act_quit.trigger()
    dialog = window.findChild(quitting.FinishingDialog)
    assert dialog is not None
    [button] = dialog.findChildren(QPushButton)
    assert button.text().replace("&", "") == "Quit now"
    button.click()
    qtbot.waitUntil(lambda: bool(ended), timeout=5_000)
    release.set()


@pytest.mark.slow
def test_the_real_program_ends_after_ctrl_q_during_the_demo_build(tmp_path: Path) -> None:
    """Two real processes' worth of truth: before the fix this child never exited."""
    env = {**os.environ, "WORKBENCH_HOME": str(tmp_path / "home"), "QT_QPA_PLATFORM": "offscreen"}
    store = tmp_path / "home" / "data" / "demo.sqlite"
    child = subprocess.Popen([sys.executable, str(DRIVER), str(store), "quit-during-demo"], env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        out, err = child.communicate(timeout=120)
    except subprocess.TimeoutExpired:
        child.kill()
        out, err = child.communicate()
        pytest.fail(f"the program did not end after Ctrl+Q: {out!r}")
    assert child.returncode == 0, err
    lines = out.splitlines()
    assert "ctrl+q" in lines and lines[-1] == "exit 0"
    assert "opened" not in lines  # the build was cancelled, not finished behind a hidden window
