"""End to end on the demo store, in the main window, offline: a customer found in the list,
an offer built in the builder from the catalogue by keyboard, saved, its proposal produced in
the background and previewed, the offer sent, the proposal re-opened unchanged, a revision
made, the offer won with a stage move."""

from __future__ import annotations

import io
from typing import Any

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLineEdit
from pytestqt.qtbot import QtBot

from workbench.services import customers, offers, proposals
from workbench.services.demo_offers import demo_customer_id
from workbench.ui.main_window import MainWindow
from workbench.ui.offers.dialog import OfferDialog
from workbench.ui.offers.lines_model import QTY
from workbench.ui.offers.outcome_dialog import OutcomeDialog


def pdf_text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def active(qtbot: QtBot, widget: Any) -> None:
    widget.raise_()
    widget.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget, timeout=3000)  # shortcuts need it


def test_from_the_customer_page_to_a_frozen_proposal(qtbot: QtBot, window: MainWindow) -> None:
    window.resize(1280, 800)
    env = window.env
    customer_id = demo_customer_id(env.ctx)
    customer = customers.get_customer(env.ctx, customer_id=customer_id)
    page = window.pages["customers"]
    detail = page.detail  # type: ignore[attr-defined]
    tab = detail.offers
    with qtbot.waitSignal(tab.loaded, timeout=10_000):
        window.open_customer(customer_id)
    detail.tabs.setCurrentWidget(tab)
    assert tab.table.rowCount() == 0

    # the builder, by keyboard: find broadband, add it, then the 58 plan, type 30 lines
    tab.new_button.click()
    dialog = next(d for d in detail.findChildren(OfferDialog) if d.isVisible())
    active(qtbot, dialog)
    builder = dialog.builder
    search = builder.catalogue_panel.search
    assert search.hasFocus()
    search.setText("宽带 1000")
    QTest.keyClick(search, Qt.Key.Key_Return)
    search.setText("MOB-58")
    QTest.keyClick(search, Qt.Key.Key_Return)
    assert [line.product for line in builder.draft.lines] == ["BB-1000M", "MOB-58"]
    index = builder.lines.index(1, QTY)
    builder.table.setCurrentIndex(index)
    builder.table.edit(index)
    editor = builder.table.indexWidget(index)
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    QTest.keyClicks(editor, "30")
    quote = builder.quote
    assert quote is not None and quote.lines[1].quantity == 30
    assert {g.code for g in quote.gifts} >= {"MNS-STD"}  # the broadband's bundle gift
    with qtbot.waitSignal(tab.loaded, timeout=5000), qtbot.waitSignal(dialog.finished, timeout=5000):
        QTest.keyClick(builder.table, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    [info] = offers.list_offers(env.ctx, customer_id=customer_id)
    assert info.state == "draft" and info.monthly_total == quote.totals.monthly_recurring
    tab.table.selectRow(0)

    # the proposal, produced in the background and previewed
    assert tab.proposal_button.isEnabled()
    tab.proposal_button.click()
    qtbot.waitUntil(lambda: tab.proposal_shown is not None and tab.proposal_shown.isVisible(), timeout=20_000)
    preview = tab.proposal_shown
    assert preview is not None
    record = proposals.get_proposal(env.ctx, offer_id=info.id)
    assert record is not None and preview.pdf == record.pdf and preview.page_total == record.pages
    assert not record.frozen and preview.frozen_note is None
    text = pdf_text(record.pdf)
    assert customer.name in text and f"{quote.totals.over_term:,.2f}" in text
    preview.close()

    # sent: the version is frozen, and so is its proposal
    with qtbot.waitSignal(tab.loaded, timeout=5000):
        tab.sent_button.click()
    tab.proposal_shown = None
    tab.proposal_button.click()
    qtbot.waitUntil(lambda: tab.proposal_shown is not None and tab.proposal_shown.isVisible(), timeout=20_000)
    again = tab.proposal_shown
    assert again is not None and again.pdf == record.pdf and again.frozen_note
    again.close()

    # a revision makes version 2; version 1's proposal stays what the client received
    tab.open_button.click()
    dialog = next(d for d in detail.findChildren(OfferDialog) if d.isVisible())
    active(qtbot, dialog)
    assert "version 2" in dialog.version_label.text()
    with qtbot.waitSignal(tab.loaded, timeout=5000), qtbot.waitSignal(dialog.finished, timeout=5000):
        QTest.keyClick(dialog.builder.table, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert offers.list_offers(env.ctx, customer_id=customer_id)[0].version_no == 2
    kept = proposals.get_proposal(env.ctx, offer_id=info.id, version_no=1)
    assert kept is not None and kept.pdf == record.pdf and kept.frozen

    # the right-click menu lists the stored proposals by version; version 1's opens unchanged
    tab.table.selectRow(0)
    menu = tab.proposals_menu(info.id)
    [entry] = [a for a in menu.actions() if a.isEnabled()]
    assert entry.text().startswith("Proposal of version 1") and "as sent" in entry.text()
    tab.proposal_shown = None
    entry.trigger()
    qtbot.waitUntil(lambda: tab.proposal_shown is not None and tab.proposal_shown.isVisible(), timeout=20_000)
    old = tab.proposal_shown
    assert old is not None and old.pdf == record.pdf and old.frozen_note
    old.close()

    # send version 2 and win it, moving the customer's stage
    tab.table.selectRow(0)
    with qtbot.waitSignal(tab.loaded, timeout=5000):
        tab.sent_button.click()
    tab.won_button.click()
    outcome = next(d for d in tab.findChildren(OutcomeDialog) if d.isVisible())
    outcome.stage.setCurrentIndex(outcome.stage.findData("leverage"))
    with qtbot.waitSignal(tab.loaded, timeout=5000):
        outcome.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert offers.list_offers(env.ctx, customer_id=customer_id)[0].state == "won"
    assert customers.get_customer(env.ctx, customer_id=customer_id).stage_code == "leverage"
