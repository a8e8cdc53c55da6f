"""The window on an encrypted store whose key is not at hand (no keyring here: a passphrase
store, or one from another laptop): the dialog says so, asks for the passphrase instead of
offering a backup, a wrong one says "wrong key" again, the right one opens the store."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from workbench.store import keys
from workbench.store.connect import is_encrypted
from workbench.store.engine import backup_copy, open_store
from workbench.ui.main_window import MainWindow
from workbench.ui.settings import Settings

PASSPHRASE = "山高水长 2026"


@pytest.fixture
def encrypted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("WORKBENCH_NO_KEYRING", "1")
    monkeypatch.setenv("WORKBENCH_ENCRYPT", "1")
    monkeypatch.setenv("WORKBENCH_PASSPHRASE", PASSPHRASE)
    keys.forget()
    path = tmp_path / "workbench.sqlite"
    open_store(path).close()
    backup_copy(path, "nightly")  # a backup exists, and is not what the dialog offers
    monkeypatch.delenv("WORKBENCH_PASSPHRASE")
    keys.forget()  # a new start: the key is not known
    assert is_encrypted(path)
    yield path
    keys.forget()


def test_the_passphrase_is_asked_and_opens_the_store(qtbot: QtBot, settings: Settings, encrypted: Path) -> None:
    w = MainWindow(settings)
    qtbot.addWidget(w)
    w.show()
    with qtbot.waitSignal(w.store_failed, timeout=30_000):
        w.open_store(encrypted)
    dialog = w.store_problem
    assert "encrypted" in dialog.message.text() and not dialog.restore_button.isVisible()
    assert dialog.passphrase.isVisible() and dialog.unlock_button.isVisible()

    dialog.passphrase.setText("山高水低 2026")
    with qtbot.waitSignal(w.store_failed, timeout=30_000):
        dialog.unlock_button.click()
    again = w.store_problem
    assert again is not dialog and "wrong key" in again.message.text() and w.isVisible()
    again.grab().save(str(encrypted.with_name("store_key.png")))  # looked at: see the report

    again.passphrase.setText(PASSPHRASE)  # (QTest types ASCII only)
    with qtbot.waitSignal(w.store_opened, timeout=30_000):
        qtbot.keyClick(again.passphrase, Qt.Key.Key_Return)  # Enter opens, as the button does
    assert w.env is not None and w.env.ctx.store.path == encrypted
    w.close()
