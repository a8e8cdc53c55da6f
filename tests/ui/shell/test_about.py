"""Help ▸ About in the real window: version, data folder, the open store with its size, the
licences of what ships in a scrollable list, Copy for a support request, Chinese."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTableWidget
from pytestqt.qtbot import QtBot

from workbench.config import paths
from workbench.licences import canonical, program_version
from workbench.ui import i18n
from workbench.ui.about import AboutDialog, HelpMenu, store_size
from workbench.ui.main_window import MainWindow
from workbench.ui.settings import Settings


def _open_about(qtbot: QtBot, window: MainWindow) -> AboutDialog:
    menu = window.menu_help
    assert isinstance(menu, HelpMenu)
    assert window.menuBar().actions()[-1] is menu.menuAction()  # the last menu
    menu.act_about.trigger()
    dialog = window.findChild(AboutDialog, "about_dialog")
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


def test_about_shows_the_open_store_and_copies_everything(qtbot: QtBot, window: MainWindow) -> None:
    assert window.menu_help.title() == "&Help"
    assert window.menu_help.act_about.text() == "&About…"
    dialog = _open_about(qtbot, window)
    store = window.env.ctx.store.path
    size = store_size(store)
    assert size >= store.stat().st_size > 0
    text = dialog.text()
    assert str(store) in text
    assert f"{size:,} bytes" in text
    assert f"Version: {program_version()}" in text
    assert f"Data folder: {paths().data}" in text
    for needle in ("PySide6_Essentials", "LGPL", "reportlab", "SQLAlchemy", "Workbench Sans SC", "OFL-1.1"):
        assert needle in text, needle
    assert dialog.store_value.text() == str(store)

    table = dialog.findChild(QTableWidget, "licences")
    assert table is not None and table.rowCount() > 20  # the list scrolls: more rows than fit
    assert table.verticalScrollBar().maximum() > 0
    names = {canonical(table.item(r, 0).text()): table.item(r, 2).text() for r in range(table.rowCount())}
    assert "BSD" in names["reportlab"] and "MIT" in names["sqlalchemy"]
    assert names[canonical("Workbench Sans SC")] == "OFL-1.1"

    QApplication.clipboard().clear()
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert QApplication.clipboard().text() == text
    assert dialog.copied.text() == "Copied to the clipboard."

    assert _open_about(qtbot, window) is dialog  # a second time: the same dialog, raised
    dialog.close()


def test_about_before_the_store_is_open(qtbot: QtBot, settings: Settings) -> None:
    w = MainWindow(settings)
    qtbot.addWidget(w)
    w.show()
    dialog = _open_about(qtbot, w)
    assert dialog.store_value.text() == "not open yet"
    assert "Store: not open yet" in dialog.text()
    dialog.close()


def test_about_in_chinese(qtbot: QtBot, window: MainWindow, english_after: None, tmp_path: Path) -> None:
    from workbench.ui.fonts import apply_app_font

    apply_app_font(QApplication.instance())  # type: ignore[arg-type]
    dialog = _open_about(qtbot, window)
    i18n.install("zh_CN")
    qtbot.waitUntil(lambda: dialog.windowTitle() == "关于", timeout=5_000)
    assert window.menu_help.title() == "帮助(&H)"
    assert window.menu_help.act_about.text() == "关于(&A)…"
    assert dialog.copy_button.text() == "复制(&C)"
    text = dialog.text()
    assert text.startswith("集团客户经理工作台\n")
    assert f"版本：{program_version()}" in text
    assert str(window.env.ctx.store.path) in text
    shot = tmp_path / "about-zh.png"
    assert dialog.grab().save(str(shot))
    assert shot.stat().st_size > 10_000
    i18n.install("en")
    qtbot.waitUntil(lambda: dialog.windowTitle() == "About", timeout=5_000)
    dialog.close()
