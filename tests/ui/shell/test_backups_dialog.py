"""Backups in the real window: the daily backup once the store opens (off the GUI thread; a
failure said in the status bar, the program going on), and File ▸ Restore from backup…
listing date, size and customer count, restoring (asked first, unsynced work said) and
reopening the window on the restored store, the replaced store kept beside."""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox, QTableWidget, QTableWidgetItem
from pytestqt.qtbot import QtBot

from workbench.services import backups, customers
from workbench.services.search import search_customers
from workbench.services.users import user_context
from workbench.store.engine import backup_copy, open_store
from workbench.ui import i18n
from workbench.ui.backups_dialog import BackupsDialog
from workbench.ui.main_window import MainWindow
from workbench.ui.settings import Settings


def _store(tmp_path: Path, *names: str) -> Path:
    path = tmp_path / "workbench.sqlite"
    store = open_store(path)
    for name in names:
        customers.create_customer(user_context(store), values={"name": name, "industry_code": "banking"})
    store.close()
    return path


def _open(qtbot: QtBot, settings: Settings, path: Path) -> MainWindow:
    w = MainWindow(settings)
    qtbot.addWidget(w)
    w.show()
    with qtbot.waitSignal(w.store_opened, timeout=30_000):
        w.open_store(path)
    return w


def _names(window: MainWindow) -> list[str]:
    return sorted(r.name for r in search_customers(window.env.ctx, query="").rows)


def _cell(table: QTableWidget, row: int, col: int) -> QTableWidgetItem:
    item = table.item(row, col)
    assert item is not None
    return item


def _dialog(qtbot: QtBot, window: MainWindow) -> BackupsDialog:
    window.backups.act_restore.trigger()
    dialog = window.backups.dialog
    assert isinstance(dialog, BackupsDialog)
    qtbot.waitUntil(lambda: dialog.loaded, timeout=10_000)
    return dialog


def test_the_daily_backup_is_taken_once_when_the_store_opens(qtbot: QtBot, settings: Settings, tmp_path: Path) -> None:
    path = _store(tmp_path, "中国银行杭州分行")
    w = _open(qtbot, settings, path)
    qtbot.waitUntil(lambda: w.backups.status.isVisible(), timeout=10_000)
    assert w.backups.status.text() == "Backed up" and "backups" in w.backups.status.toolTip()
    taken = backups.list_backups(path)
    assert len(taken) == 1 and taken[0].customers == 1
    w.close()
    again = _open(qtbot, settings, path)  # the same day: not again
    again.runner.wait_idle()
    assert len(backups.list_backups(path)) == 1 and not again.backups.status.isVisible()
    again.close()


def test_a_failed_backup_is_said_and_the_program_goes_on(qtbot: QtBot, settings: Settings, tmp_path: Path,
                                                         caplog: pytest.LogCaptureFixture) -> None:
    path = _store(tmp_path, "中国银行杭州分行")
    usb = tmp_path / "usb"
    usb.mkdir()
    backups.choose_folder(usb)
    usb.rmdir()  # the stick is not plugged in
    with caplog.at_level(logging.WARNING):
        w = _open(qtbot, settings, path)
        qtbot.waitUntil(lambda: w.backups.status.isVisible(), timeout=10_000)
    assert w.backups.status.text() == "Backup failed" and "usb" in w.backups.status.toolTip()
    assert any("daily backup failed" in r.getMessage() for r in caplog.records)
    assert w.isVisible() and "customers" in w.pages and _names(w) == ["中国银行杭州分行"]
    w.close()


def test_the_dialog_lists_date_size_and_customers(qtbot: QtBot, settings: Settings, tmp_path: Path) -> None:
    path = _store(tmp_path, "中国银行杭州分行", "招商银行杭州分行")
    older = backups.take_backup(path, now=lambda: datetime(2026, 11, 30, 9, 5))
    backup_copy(path, "before-0009")
    w = _open(qtbot, settings, path)
    w.runner.wait_idle()  # today's backup, taken as the store opened
    dialog = _dialog(qtbot, w)
    table = dialog.table
    assert table.rowCount() == 3
    rows = [[_cell(table, r, c).text() for c in range(4)] for r in range(3)]
    last = rows[-1]
    assert last[0] == "2026-11-30 09:05" and last[2] == "2" and last[3] == "Daily"
    assert last[1] and any(ch.isdigit() for ch in last[1])  # a size, in the locale's units
    assert {r[3] for r in rows} == {"Daily", "Before an upgrade"}
    assert _cell(table, 2, 0).toolTip() == str(older.path)
    assert dialog.restore_button.isEnabled()  # the newest is selected
    dialog.back_up_now()
    qtbot.waitUntil(lambda: "Backed up" in dialog.message.text(), timeout=10_000)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 3, timeout=10_000)  # the same day: one kept
    dialog.grab().save(str(tmp_path / "backups_dialog.png"))
    dialog.reject()
    w.close()


def test_restoring_asks_says_unsynced_work_and_reopens_the_window(qtbot: QtBot, settings: Settings,
                                                                  tmp_path: Path) -> None:
    path = _store(tmp_path, "中国银行杭州分行")
    backup = backups.take_backup(path, now=lambda: datetime(2026, 11, 30, 9))
    w = _open(qtbot, settings, path)
    w.runner.wait_idle()
    customers.create_customer(w.env.ctx, values={"name": "招商银行杭州分行", "industry_code": "banking"})
    dialog = _dialog(qtbot, w)
    row = next(r for r in range(dialog.table.rowCount()) if _cell(dialog.table, r, 0).toolTip() == str(backup.path))
    dialog.table.selectRow(row)
    dialog.ask_restore()
    box = dialog.confirm
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert "2 changes typed here" in box.text() and "not synced" in box.text()  # the customer and its stage event
    anyway = next(b for b in box.buttons() if b.text() == "Restore anyway")
    assert box.defaultButton() is not anyway  # Enter does not throw work away
    anyway.click()
    qtbot.waitUntil(lambda: w.backups.successor is not None, timeout=10_000)
    fresh = w.backups.successor
    qtbot.addWidget(fresh)
    qtbot.waitUntil(lambda: fresh.env is not None, timeout=30_000)
    assert not w.isVisible() and fresh.isVisible()
    assert _names(fresh) == ["中国银行杭州分行"]
    kept = [p for p in tmp_path.iterdir() if ".replaced-" in p.name and not p.name.endswith(("-wal", "-shm"))]
    assert len(kept) == 1
    old = open_store(kept[0])
    assert sorted(r.name for r in search_customers(user_context(old), query="").rows) == [
        "中国银行杭州分行", "招商银行杭州分行"]
    old.close()
    fresh.close()


def test_cancelling_changes_nothing(qtbot: QtBot, settings: Settings, tmp_path: Path) -> None:
    path = _store(tmp_path, "中国银行杭州分行")
    w = _open(qtbot, settings, path)
    w.runner.wait_idle()
    dialog = _dialog(qtbot, w)
    dialog.ask_restore()
    box = dialog.confirm
    assert "not synced" not in box.text()  # nothing typed since today's backup
    next(b for b in box.buttons() if b.text() == "Cancel").click()
    assert w.backups.successor is None and w.isVisible() and dialog.isVisible()
    assert not [p for p in tmp_path.iterdir() if ".replaced-" in p.name]
    dialog.reject()
    w.close()


def test_the_dialog_in_chinese(qtbot: QtBot, settings: Settings, tmp_path: Path, english_after: None) -> None:
    path = _store(tmp_path, "中国银行杭州分行")
    w = _open(qtbot, settings, path)
    w.runner.wait_idle()
    i18n.install("zh_CN")
    dialog = _dialog(qtbot, w)
    assert dialog.windowTitle() == "从备份恢复" and _cell(dialog.table, 0, 3).text() == "每日"
    assert w.backups.act_restore.text() == "从备份恢复(&B)…"
    dialog.grab().save(str(tmp_path / "backups_dialog_zh.png"))
    dialog.reject()
    w.close()
