"""Helpers of the Offers tab tests: open an action's dialog, press OK, act as a team lead."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QDialogButtonBox

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
