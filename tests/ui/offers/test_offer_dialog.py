"""The offer builder reached from the customer page: Offers tab, new offer, mark sent, revise."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from workbench.services import customers
from workbench.services.offers import list_offers
from workbench.ui.customers.detail import CustomerDetail
from workbench.ui.offers.dialog import OfferDialog
from workbench.ui.offers.lines_model import QTY


@pytest.fixture
def bank_page(ui_env: Any, offers_page: Any) -> tuple[CustomerDetail, Any]:
    """A bank's page with no offer yet."""
    c = customers.create_customer(ui_env.ctx, values={"name": "某市商业银行西湖支行", "industry_code": "banking"})
    return offers_page(c.id, width=900), c


def open_dialog(qtbot: Any, detail: CustomerDetail, button: Any) -> OfferDialog:
    button.click()
    dialogs = [d for d in detail.findChildren(OfferDialog) if d.isVisible()]
    assert len(dialogs) == 1
    dialog = dialogs[0]
    dialog.raise_()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=3000)  # shortcuts need it
    return dialog


def save_with_ctrl_s(qtbot: Any, detail: CustomerDetail, dialog: OfferDialog) -> None:
    with qtbot.waitSignal(detail.offers.loaded, timeout=5000), qtbot.waitSignal(dialog.finished, timeout=5000):
        QTest.keyClick(dialog.builder.table, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)


def test_new_offer_mark_sent_and_revise_from_the_customer_page(qtbot: Any, ui_env: Any, bank_page: Any) -> None:
    detail, c = bank_page
    tab = detail.offers
    assert tab.table.rowCount() == 0 and not tab.empty.isHidden()
    assert detail.tabs.tabText(3) == "O&ffers (0)"
    assert not tab.open_button.isEnabled() and not tab.sent_button.isEnabled()

    dialog = open_dialog(qtbot, detail, tab.new_button)
    assert dialog.version_label.isHidden()
    dialog.builder.add_product("MOB-58")
    dialog.builder.table.setCurrentIndex(dialog.builder.lines.index(0, QTY))
    assert dialog.builder.quote is not None
    save_with_ctrl_s(qtbot, detail, dialog)

    saved = list_offers(ui_env.ctx, customer_id=c.id)
    assert len(saved) == 1 and saved[0].state == "draft" and saved[0].version_no == 1
    assert saved[0].title == "Offer for 某市商业银行西湖支行"
    assert tab.row_texts(0)[:4] == [saved[0].number, saved[0].title, "1", "draft"]
    assert tab.row_texts(0)[4].startswith("¥") and tab.row_texts(0)[4] != "¥0.00"
    assert tab.row_texts(0)[6] == "within authority"
    assert detail.tabs.tabText(3) == "O&ffers (1)"

    tab.table.selectRow(0)
    assert tab.sent_button.isEnabled()
    with qtbot.waitSignal(tab.loaded, timeout=5000):
        tab.sent_button.click()
    assert list_offers(ui_env.ctx, customer_id=c.id)[0].state == "sent"
    assert tab.row_texts(0)[3] == "sent"
    assert tab.current_offer() is not None and not tab.sent_button.isEnabled()  # frozen: sent once

    dialog = open_dialog(qtbot, detail, tab.open_button)
    note = dialog.version_label.text()
    assert not dialog.version_label.isHidden() and "version 1 (sent, frozen)" in note.lower() and "version 2" in note
    assert [line.product for line in dialog.builder.draft.lines] == ["MOB-58"]
    save_with_ctrl_s(qtbot, detail, dialog)

    offers = list_offers(ui_env.ctx, customer_id=c.id)
    assert len(offers) == 1 and offers[0].version_no == 2 and offers[0].state == "draft"
    assert tab.row_texts(0)[2:4] == ["2", "draft"]


def test_an_empty_offer_is_not_saved_and_the_dialog_stays(qtbot: Any, ui_env: Any, bank_page: Any) -> None:
    detail, c = bank_page
    dialog = open_dialog(qtbot, detail, detail.offers.new_button)
    QTest.keyClick(dialog.builder.table, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert "empty" in dialog.builder.status.text()
    assert dialog.isVisible()
    assert list_offers(ui_env.ctx, customer_id=c.id) == []
    dialog.reject()
