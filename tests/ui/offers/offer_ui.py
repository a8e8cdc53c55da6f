"""Helpers of the Offers tab tests: open an action's dialog, press OK, act as a team lead; in the
builder, find where the keys go and add a product as a user does."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QWidget

from workbench.services.context import Context
from workbench.services.users import create_user


def open_action(tab: Any, button: Any, kind: type) -> Any:
    assert button.isEnabled()
    button.click()
    dialogs = [d for d in tab.findChildren(kind) if d.isVisible()]
    assert len(dialogs) == 1
    return dialogs[0]


def ok(dialog: Any) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def as_team_lead(ui_env: Any, tab: Any) -> Context:
    lead = Context(ui_env.ctx.store, create_user(ui_env.ctx.store, name="王主管", role="team_lead").id)
    ui_env.ctx = lead
    tab.set_role(None)  # resolved from the store: the lead's role
    return lead


def focused(builder: QWidget) -> QWidget:
    """Where a key the user presses goes: the focused widget of the builder's window."""
    widget = QApplication.focusWidget()
    assert widget is not None and builder.isAncestorOf(widget)
    return widget


def add(builder: Any, query: str) -> int:
    """Ctrl+F, type the query, Enter: the highlighted product is added; returns its row."""
    QTest.keyClick(focused(builder), Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    search = builder.catalogue_panel.search
    assert search.hasFocus()
    QTest.keyClicks(search, query)
    QTest.keyClick(search, Qt.Key.Key_Return)
    return len(builder.draft.lines) - 1
