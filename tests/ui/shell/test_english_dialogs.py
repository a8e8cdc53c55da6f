"""The English UI's dialogs show English only: no Chinese outside what the users typed (issue 13,
item 8; the pages: test_english_only.py; what counts as typed: english_check.py)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from english_check import foreign, shown_texts, typed_texts  # tests/ui/shell/english_check.py
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QTabWidget, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.conftest import TODAY
from tests.ui.importing.sample import SAMPLE, read_rows
from workbench.services import contacts, customers, offers
from workbench.services.context import Context
from workbench.services.demo_offers import demo_customer_id
from workbench.services.users import DEFAULT_USER_NAME, create_user, current_user
from workbench.store.engine import Store
from workbench.ui import i18n
from workbench.ui.about import AboutDialog
from workbench.ui.customers.contact_form import ContactForm
from workbench.ui.customers.forms import CustomerForm
from workbench.ui.env import UiEnv
from workbench.ui.importing import files
from workbench.ui.importing.weekly_dialog import TEAM, WeeklyExportDialog
from workbench.ui.main_window import MainWindow
from workbench.ui.offers.dialog import OfferDialog
from workbench.ui.pricebooks.editor import PriceBookEditor
from workbench.ui.runner import Runner
from workbench.ui.settings import Settings
from workbench.ui.sync.enrol_dialog import EnrolDialog
from workbench.ui.visits.dialog import VisitDialog


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


def walked(qtbot: QtBot, dialog: QWidget, runner: Runner) -> list[str]:
    """The texts ``dialog`` shows, on every page of each of its tab widgets, once its loads are done."""
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: not runner.busy, timeout=30_000)
    seen = shown_texts(dialog)
    for tabs in dialog.findChildren(QTabWidget):
        for i in range(tabs.count()):
            tabs.setCurrentIndex(i)
            qtbot.waitUntil(lambda: not runner.busy, timeout=30_000)
            seen += shown_texts(dialog)
    return seen


def test_the_main_dialogs_in_english(qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    i18n.install("en")
    env, runner = window.env, window.runner
    bank_id = demo_customer_id(env.ctx)  # a bank with contacts, visits and offers
    bank = customers.get_customer(env.ctx, customer_id=bank_id)
    typed = typed_texts(env.ctx.store)
    sheet = [str(v) for row in read_rows(SAMPLE) for v in row if v not in (None, "")]  # the file's own words
    leaks: dict[str, list[str]] = {}

    def check(name: str, dialog: QWidget, also_typed: list[str] = ()) -> None:  # type: ignore[assignment]
        qtbot.addWidget(dialog)
        words = sorted([*typed, *also_typed], key=len, reverse=True)
        bad = foreign(walked(qtbot, dialog, runner), words)
        if bad:
            leaks[name] = bad
        dialog.close()

    check("visit", VisitDialog(env, customer_id=bank_id, parent=window))
    check("new customer", CustomerForm(env, parent=window))
    check("customer", CustomerForm(env, bank, parent=window))
    contact = contacts.list_contacts(env.ctx, customer_id=bank_id)[0]
    check("contact", ContactForm(env, customer_id=bank_id, contact=contact, parent=window))
    check("new offer", OfferDialog(env, bank, parent=window))
    for offer in offers.list_offers(env.ctx, customer_id=bank_id):
        check(f"offer {offer.number}", OfferDialog(env, bank, offer_id=offer.id, parent=window))
    check("weekly report", window.sheets.open_weekly())
    monkeypatch.setattr(files, "ask_open_path", lambda *_a: None)  # the user closes the chooser...
    imports = window.sheets.open_import()
    with qtbot.waitSignal(imports.previewed, timeout=30_000):
        imports.open_path(SAMPLE)  # ...and opens the sample sheet
    check("import", imports, sheet)
    books = PriceBookEditor(env, window)
    books.show()
    qtbot.waitUntil(lambda: not runner.busy, timeout=30_000)
    check("price books", books, [books.text.toPlainText()])  # the book's JSON is HQ's data, zh and en
    check("team server", EnrolDialog(env, window))
    window.menu_help.act_about.trigger()
    check("about", window.findChild(AboutDialog, "about_dialog"))
    window.backups.act_restore.trigger()
    qtbot.waitUntil(lambda: window.backups.dialog.loaded, timeout=10_000)
    check("backups", window.backups.dialog)
    assert leaks == {}
