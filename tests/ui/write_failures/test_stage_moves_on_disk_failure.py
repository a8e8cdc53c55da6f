"""Issue 12, item 4 for stage moves: a move that fails on the disk (full, read-only, held by
another program), from the pipeline board's reason dialog or the customer's Move stage
dialog, is said in that dialog, which stays open with the reason typed; nothing is pushed, the
stage stays, and OK moves once the disk is fine. Real widgets, a real store, real failures."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import Qt
from write_conditions import SMALL_WRITE_KINDS, failing, says

from workbench.ui.customers.detail import CustomerDetail
from workbench.ui.customers.stage_dialog import MoveStageDialog
from workbench.ui.pipeline.board import PipelinePage

REASON = "院办主任引荐, 信息科同意先做专线测试。" * 25  # 500 characters: the longest reason, 1.5 kB


def stage(path: Path, customer_id: str) -> tuple[str, int]:
    """The stage on disk and how many moves are recorded (a connection of its own)."""
    con = sqlite3.connect(path)
    try:
        code = con.execute("SELECT stage_code FROM customers WHERE id = ?", (customer_id,)).fetchone()[0]
        moves = con.execute("SELECT count(*) FROM stage_events WHERE customer_id = ?", (customer_id,)).fetchone()[0]
        return str(code), int(moves)
    finally:
        con.close()


@pytest.mark.parametrize("kind", SMALL_WRITE_KINDS)
def test_the_boards_reason_dialog_stays(qtbot, ui_env, saved, boxes, kind) -> None:  # noqa: ANN001
    path = ui_env.ctx.store.path
    page = PipelinePage(ui_env)
    qtbot.addWidget(page)
    page.resize(1600, 700)
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.show()
    before = stage(path, saved.id)
    dialog = page.request_move(saved.id, "prospect")
    assert dialog is not None
    dialog.reason.setText(REASON)
    with failing(kind, ui_env.ctx.store):
        qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
        assert dialog.isVisible() and page.reason_dialog is dialog and not boxes.texts
        says(dialog.error.text(), kind)
        assert dialog.error.isVisible() and dialog.reason.text() == REASON
        assert dialog.height() >= dialog.sizeHint().height()  # the whole message shown, not cut off
    assert stage(path, saved.id) == before and ui_env.undo.count() == 0
    with qtbot.waitSignal(page.loaded, timeout=5000):
        qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)  # the disk is fine again: OK moves
    assert page.reason_dialog is None and stage(path, saved.id) == ("prospect", before[1] + 1)
    assert ui_env.undo.count() == 1 and not boxes.texts


@pytest.mark.parametrize("kind", SMALL_WRITE_KINDS)
def test_the_customers_stage_dialog_stays(qtbot, ui_env, saved, boxes, kind) -> None:  # noqa: ANN001
    path = ui_env.ctx.store.path
    detail = CustomerDetail(ui_env)
    qtbot.addWidget(detail)
    detail.resize(760, 800)
    detail.show()
    with qtbot.waitSignal(detail.loaded, timeout=5000):
        detail.show_customer(saved.id)
    before = stage(path, saved.id)
    detail.move_stage()
    dialog = detail.findChild(MoveStageDialog)
    dialog.select("build")
    dialog.reason_edit.setText(REASON)
    with failing(kind, ui_env.ctx.store):
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
        assert dialog.isVisible() and not boxes.texts
        says(dialog.error.text(), kind)
        assert dialog.to_code() == "build" and dialog.reason_edit.text() == REASON
        assert dialog.height() >= dialog.sizeHint().height()
    assert stage(path, saved.id) == before and ui_env.undo.count() == 0
    with qtbot.waitSignal(detail.loaded, timeout=5000):
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert not shiboken6.isValid(dialog) or not dialog.isVisible()  # closed (and deleted)
    assert stage(path, saved.id) == ("build", before[1] + 1)
    assert ui_env.undo.count() == 1 and not boxes.texts
