"""The HQ price-book editor: read-only for managers; new version, edit, publish for HQ."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from PySide6.QtCore import QDate

from workbench.services import catalogue
from workbench.services.context import Context
from workbench.services.users import create_user
from workbench.ui.pricebooks.editor import PriceBookEditor
from workbench.ui.pricebooks.editor import _next_version as next_version

TODAY = date(2026, 11, 24)  # the ui_env clock


def editor(qtbot: Any, env: Any) -> PriceBookEditor:
    dialog = PriceBookEditor(env)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_a_manager_sees_the_books_read_only(qtbot: Any, ui_env: Any) -> None:
    dialog = editor(qtbot, ui_env)
    assert not dialog.notice.isHidden() and "headquarters" in dialog.notice.text()
    assert not dialog.new_button.isEnabled() and dialog.publish_button.isHidden()
    assert dialog.text.isReadOnly()
    assert dialog.list.count() == 1 and dialog.list.item(0).text().startswith("2026.1")
    assert "products" in dialog.summary.text()
    assert json.loads(dialog.text.toPlainText())["format"] == "workbench-catalogue/1"
    dialog.kind.setCurrentIndex(1)
    assert "schemes" in dialog.summary.text()
    assert json.loads(dialog.text.toPlainText())["format"] == "workbench-policy/1"
    dialog.new_version()  # even if called, nothing becomes editable
    assert dialog.text.isReadOnly()


def test_hq_publishes_a_new_version_and_a_bad_edit_keeps_the_text(qtbot: Any, ui_env: Any) -> None:
    boss = create_user(ui_env.ctx.store, name="总部", role="hq")
    ui_env.ctx = Context(ui_env.ctx.store, boss.id, boss.name)
    dialog = editor(qtbot, ui_env)
    assert dialog.notice.isHidden() and dialog.new_button.isEnabled()
    dialog.kind.setCurrentIndex(1)

    dialog.new_button.click()
    assert not dialog.text.isReadOnly() and not dialog.edit_form.isHidden()
    assert dialog.version.text() == "2026.2"
    assert dialog.valid_from.date() == QDate(2026, 11, 24)
    data = json.loads(dialog.text.toPlainText())
    data["gifts"][0]["gives"][0]["product"] = "NO-SUCH-PRODUCT"
    bad = json.dumps(data, ensure_ascii=False, indent=1)
    dialog.text.setPlainText(bad)
    dialog.publish_button.click()
    assert not dialog.error.isHidden()
    assert "gifts[0]" in dialog.error.text() and "NO-SUCH-PRODUCT" in dialog.error.text()
    assert dialog.text.toPlainText() == bad and not dialog.text.isReadOnly()

    dialog.text.setPlainText(bad[:40])  # malformed JSON
    dialog.publish_button.click()
    assert dialog.error.text().startswith("body:") and dialog.text.toPlainText() == bad[:40]
    assert [b.book_version for b in catalogue.list_price_books(ui_env.ctx) if b.kind == "policy"] == ["2026.1"]

    data["gifts"][0]["gives"][0]["product"] = "MNS-STD"
    data["term_tiers"]["tiers"][1]["percent"] = "7"
    dialog.text.setPlainText(json.dumps(data, ensure_ascii=False, indent=1))
    dialog.publish_button.click()
    assert dialog.error.isHidden() and dialog.text.isReadOnly() and dialog.publish_button.isHidden()
    assert dialog.list.count() == 2 and dialog.list.currentItem().text().startswith("2026.2")
    _, policy = catalogue.current_price_books(ui_env.ctx, today=TODAY)
    assert policy.version == "2026.2" and str(policy.term_tiers.tiers[1].percent) == "7"


def test_next_version_proposal() -> None:
    assert next_version("2026.1", ["2026.1", "2026.2"]) == "2026.3"
    assert next_version("7", []) == "8"
