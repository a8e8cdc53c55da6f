"""The whole window on a demo store: paints first, opens the store in the background, the
daily workflow from the keyboard, undo, language switch."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from workbench.ui.main_window import PAGES, MainWindow
from workbench.ui.settings import Settings


def test_window_paints_before_the_store_is_open(qtbot: QtBot, settings: Settings, tmp_path: Path) -> None:
    w = MainWindow(settings)
    qtbot.addWidget(w)
    with qtbot.waitSignal(w.first_painted, timeout=10_000):
        w.show()
    assert w.pages == {}  # nothing of the store is needed to paint
    with qtbot.waitSignal(w.store_opened, timeout=30_000):
        w.open_store(tmp_path / "new.sqlite")
    assert set(w.pages) == {key for key, _ in PAGES}


def test_find_with_ctrl_f_and_pinyin_initials(qtbot: QtBot, window: MainWindow) -> None:
    page = window.pages["customers"]
    window.activateWindow()
    window.act_pages[0].trigger()
    assert window.act_find.shortcut().toString() == "Ctrl+F"
    window.act_find.trigger()
    assert window.stack.currentWidget() is page
    qtbot.waitUntil(page.search.hasFocus, timeout=5_000)
    with qtbot.waitSignal(page.model.loaded, timeout=10_000):
        qtbot.keyClicks(page.search, "zgyhgf")  # 中国银行股份…; plain zgyh also finds 中国银河
    assert page.model.rowCount() > 0
    first = page.model.row_at(0)
    assert first is not None and first.name.startswith("中国银行")


def test_pages_switch_with_ctrl_digits_and_are_remembered(qtbot: QtBot, window: MainWindow, settings: Settings) -> None:
    window.act_pages[2].trigger()
    assert window.stack.currentWidget() is window.pages["pipeline"]
    assert settings.last_page == 2
    window.act_pages[0].trigger()
    assert window.stack.currentWidget() is window.pages["today"]


def test_geometry_is_kept(qtbot: QtBot, window: MainWindow, settings: Settings) -> None:
    # the offscreen screen is 800x800 and the pages need ~800 px of width: vary the height
    window.resize(window.width(), 555)
    qtbot.waitUntil(lambda: window.height() == 555)
    window.close()
    again = MainWindow(settings)
    qtbot.addWidget(again)
    assert again.height() == 555


def test_undo_and_redo_actions_follow_the_stack(qtbot: QtBot, window: MainWindow) -> None:
    from workbench.services.customers import get_customer
    from workbench.ui.undo import MoveStage

    env = window.env
    cid = window.pages["customers"].model.row_at(0).id
    before = get_customer(env.ctx, customer_id=cid).stage_code
    target = "dormant" if before != "dormant" else "lost"
    env.undo.push(MoveStage(env, customer_id=cid, from_code=before, to_code=target))
    assert get_customer(env.ctx, customer_id=cid).stage_code == target
    assert window.act_undo.isEnabled()
    window.act_undo.trigger()
    assert get_customer(env.ctx, customer_id=cid).stage_code == before
    window.act_redo.trigger()
    assert get_customer(env.ctx, customer_id=cid).stage_code == target


def test_scrolling_end_to_end_reads_each_page_once(qtbot: QtBot, window: MainWindow) -> None:
    page = window.pages["customers"]
    model = page.model
    rows = model.rowCount()
    assert rows == 400
    for row in range(0, rows, 7):
        page.table.scrollTo(model.index(row, 0))
        model.data(model.index(row, 0), Qt.ItemDataRole.DisplayRole)
    assert model.page_reads <= -(-rows // 100) + 1
