"""The placeholder window: up at once, the store opened off the GUI thread, search answers."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from workbench.ui.app import PlaceholderWindow


def test_window_opens_demo_store_and_searches(qtbot: QtBot, demo_store_path: Path) -> None:
    window = PlaceholderWindow(demo_store_path, demo=False)
    qtbot.addWidget(window)
    window.show()
    assert not window.query.isEnabled()  # painted before the store is open
    with qtbot.waitSignal(window.bridge.opened, timeout=30_000):
        window.start_loading()
    assert window.query.isEnabled()
    assert "400" in window.status.text()  # the customers of the demo store
    window.query.setText("银行")  # QTest.keyClicks takes ASCII only; Chinese arrives through the IME
    assert window.results.count() > 0
    assert all("银行" in window.results.item(i).text() for i in range(window.results.count()))


def test_a_failure_to_open_is_shown_not_fatal(qtbot: QtBot, tmp_path: Path, monkeypatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *a, **k: shown.append(a[2]))
    bad = tmp_path / "not-a-db.sqlite"
    bad.write_bytes(b"this is not a database" * 100)
    window = PlaceholderWindow(bad, demo=False)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.bridge.failed, timeout=30_000):
        window.start_loading()
    assert shown
    assert "无法打开" in window.status.text()
