"""The English UI's dialogs show English only: no Chinese outside what the users typed (issue 13,
item 8; the pages: test_english_only.py; what counts as typed: english_check.py)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from english_check import foreign, shown_texts, typed_texts  # tests/ui/shell/english_check.py
from PySide6.QtGui import QUndoStack
from pytestqt.qtbot import QtBot

from tests.ui.conftest import TODAY
from workbench.services.context import Context
from workbench.services.users import DEFAULT_USER_NAME, create_user, current_user
from workbench.store.engine import Store
from workbench.ui import i18n
from workbench.ui.env import UiEnv
from workbench.ui.importing.weekly_dialog import TEAM, WeeklyExportDialog
from workbench.ui.runner import Runner
from workbench.ui.settings import Settings


@pytest.fixture
def first_start_env(qapp, store: Store, settings: Settings) -> Iterator[UiEnv]:  # noqa: ANN001
    """A fresh store as the first start leaves it (its user named 我) with a colleague 王芳."""
    me = current_user(store)
    assert me.name == DEFAULT_USER_NAME
    create_user(store, name="王芳", role="manager")
    runner = Runner()
    yield UiEnv(ctx=Context(store, me.id, me.name), runner=runner, undo=QUndoStack(), settings=settings,
                today=lambda: TODAY)
    runner.wait_idle()


def test_the_weekly_report_dialog_in_english(qtbot: QtBot, first_start_env: UiEnv, english_after: None) -> None:
    i18n.install("en")
    dialog = WeeklyExportDialog(first_start_env)
    qtbot.addWidget(dialog)
    dialog.show()
    typed = typed_texts(first_start_env.ctx.store)
    assert typed == ["王芳"]
    seen: list[str] = []
    for owner in range(dialog.owner.count()):  # mine, the whole team, 王芳
        dialog.owner.setCurrentIndex(owner)
        for kind in range(dialog.kind.count()):
            dialog.kind.setCurrentIndex(kind)
            seen += shown_texts(dialog)
    assert foreign(seen, typed) == []
    dialog.owner.setCurrentIndex(dialog.owner.findData(TEAM))
    assert dialog.path.text().endswith("weekly-report-2026-11-23-team.pdf")
    dialog.owner.setCurrentIndex(dialog.owner.findData(first_start_env.ctx.user_id))
    assert dialog.path.text().endswith("weekly-report-2026-11-23-Me.pdf")
    i18n.install("zh_CN")  # the suggested name follows the language (the dialog retranslates)
    qtbot.waitUntil(lambda: dialog.owner.itemText(0) == "我的", timeout=5_000)
    dialog.owner.setCurrentIndex(dialog.owner.findData(TEAM))
    assert dialog.path.text().endswith("周报-2026-11-23-全组.pdf")
    dialog.owner.setCurrentIndex(dialog.owner.findData(first_start_env.ctx.user_id))
    assert dialog.path.text().endswith("周报-2026-11-23-我.pdf")
