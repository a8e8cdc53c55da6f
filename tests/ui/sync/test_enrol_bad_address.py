"""The enrolment dialog says a malformed server address beside the address field."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from workbench.ui.sync.enrol_dialog import EnrolDialog


def test_the_enrolment_dialog_says_it_beside_the_address(qtbot: QtBot, ui_env) -> None:  # noqa: ANN001
    dialog = EnrolDialog(ui_env)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.url, "http://[::1")
    qtbot.keyClicks(dialog.code, "ABCD-EFGH")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(dialog.url_error.isVisible, timeout=10_000)
    assert dialog.isVisible() and dialog.code.text() == "ABCD-EFGH"  # nothing typed is lost
