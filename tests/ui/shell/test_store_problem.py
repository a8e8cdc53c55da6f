"""The window on a store it cannot open: a dialog says what is wrong and what to do, offers the
newest backup (the damaged file moved aside, never deleted) or another store, and the program
keeps running; a file that is not a store is never replaced by a new one."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from workbench.store.engine import backup_copy, open_store
from workbench.ui.main_window import MainWindow
from workbench.ui.settings import Settings


def _window(qtbot: QtBot, settings: Settings) -> MainWindow:
    w = MainWindow(settings)
    qtbot.addWidget(w)
    w.show()
    return w


def test_a_damaged_store_offers_its_backup_and_opens_it(qtbot: QtBot, settings: Settings, tmp_path: Path) -> None:
    path = tmp_path / "workbench.sqlite"
    open_store(path).close()
    backup = backup_copy(path, "nightly")
    with path.open("r+b") as f:  # a page of garbage over the schema
        f.seek(100)
        f.write(b"\xde\xad\xbe\xef" * 1000)
    w = _window(qtbot, settings)
    with qtbot.waitSignal(w.store_failed, timeout=30_000):
        w.open_store(path)
    dialog = w.store_problem
    assert dialog is not None and dialog.isVisible()
    assert "damaged" in dialog.message.text() and backup.name in dialog.message.text()
    assert dialog.restore_button.isVisible()
    with qtbot.waitSignal(w.store_opened, timeout=30_000):
        dialog.restore_button.click()
    aside = [p for p in tmp_path.iterdir() if ".damaged-" in p.name]
    assert len(aside) == 1 and aside[0].read_bytes()[100:104] == b"\xde\xad\xbe\xef"  # kept, not deleted
    w.close()


def test_a_file_that_is_not_a_store_is_said_and_left_alone(qtbot: QtBot, settings: Settings, tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite"
    path.write_text("这不是数据库 — a text file given by mistake\n" * 50, encoding="utf-8")
    before = path.read_bytes()
    w = _window(qtbot, settings)
    with qtbot.waitSignal(w.store_failed, timeout=30_000):
        w.open_store(path)
    dialog = w.store_problem
    assert "not a workbench store" in dialog.message.text() and not dialog.restore_button.isVisible()
    assert path.read_bytes() == before and w.isVisible()  # nothing replaced; the program runs
    dialog.quit_button.click()
    qtbot.waitUntil(lambda: not w.isVisible(), timeout=5_000)
