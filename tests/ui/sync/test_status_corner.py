"""The status bar's sync corner during a long sync: rows so far, of how many, and the time
left, in the language in force; back to the plain status when it ends."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from workbench.services.team_sync import SyncStatus as Status
from workbench.ui.sync.controller import IDLE, SYNCING, SyncController
from workbench.ui.sync.status_bar import SyncStatus


def test_an_initial_sync_reports_rows_and_time_left(qtbot: QtBot, ui_env) -> None:  # noqa: ANN001
    controller = SyncController(ui_env)
    corner = SyncStatus(controller)
    qtbot.addWidget(corner)
    controller.status = Status(True, "http://127.0.0.1:8765", 0, 0, 0, None)
    controller._set_state(SYNCING)
    assert "Syncing…" in corner.label.text() and "rows" not in corner.label.text()
    controller.progressed.emit(41_250, 334_021, -1.0)  # too early to tell the time left
    assert "41,250 of 334,021 rows" in corner.label.text() and "left" not in corner.label.text()
    controller.progressed.emit(41_250, 334_021, 37.6)
    assert "Syncing… 41,250 of 334,021 rows, about 38 s left" in corner.label.text()
    assert corner.bar.isVisibleTo(corner) and corner.bar.value() == 41_250
    controller._set_state(IDLE)
    assert "rows" not in corner.label.text() and not corner.bar.isVisibleTo(corner)
