"""The visit draft follows the typing (issue 13, item 4): saved a fraction of a second after
a change even while the user keeps typing, so a crash loses at most the last few keys."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from workbench.services import customers, drafts
from workbench.ui.visits import dialog as dialog_module
from workbench.ui.visits.dialog import VisitDialog


@pytest.fixture
def closing() -> Iterator[list[VisitDialog]]:
    """Dialogs closed at the end without the close question, whatever the test did."""
    made: list[VisitDialog] = []
    yield made
    for dlg in made:
        if shiboken6.isValid(dlg):
            dlg.done(0)
            dlg.deleteLater()


TYPED = "branch links drop daily"  # typed key by key (QTest types ASCII only)


def test_the_draft_is_saved_while_typing_goes_on(qtbot, ui_env, closing) -> None:  # noqa: ANN001
    assert dialog_module.AUTOSAVE_MS <= 300  # "a fraction of a second"
    c = customers.create_customer(ui_env.ctx, values={"name": "杭州市第一人民医院", "industry_code": "healthcare"})
    dlg = VisitDialog(ui_env, customer_id=c.id)
    closing.append(dlg)
    with qtbot.waitActive(dlg):
        dlg.show()
        dlg.activateWindow()
    notes = dlg.form.notes["spin_problem"]
    notes.setFocus()
    # A steady typist: a key every 100 ms, never the half-second pause the old autosave
    # waited for. A slow machine only makes the gaps longer, which helps the old code, so
    # this cannot fail spuriously; it fails when the save waits for a pause.
    for ch in TYPED:
        QTest.keyClicks(notes, ch)
        qtbot.wait(100)
    assert notes.toPlainText() == TYPED
    shiboken6.delete(dlg)  # a crash right after the last key: no close, no last save

    [draft] = drafts.drafts_for(ui_env.ctx, kind="visit", customer_id=c.id)
    kept = draft.payload["spin_problem"]
    assert TYPED.startswith(kept)
    assert len(kept) >= len(TYPED) - 5, kept  # at most the last ~0.3 s of typing is lost


def test_a_pending_save_is_not_pushed_back_by_more_typing(qtbot, ui_env, closing) -> None:  # noqa: ANN001
    c = customers.create_customer(ui_env.ctx, values={"name": "杭州海关", "industry_code": "customs"})
    dlg = VisitDialog(ui_env, customer_id=c.id)
    closing.append(dlg)
    with qtbot.waitActive(dlg):
        dlg.show()
        dlg.activateWindow()
    dlg.form.objective.setFocus()
    QTest.keyClick(dlg.form.objective, Qt.Key.Key_A)
    first = dlg._timer.remainingTime()
    qtbot.wait(60)
    QTest.keyClick(dlg.form.objective, Qt.Key.Key_B)
    assert dlg._timer.isActive()
    assert dlg._timer.remainingTime() < first  # the deadline stands: typing does not restart it
