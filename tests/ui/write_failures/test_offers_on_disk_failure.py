"""Issue 12, item 4 for offers: the offer builder's save and an offer's approve / reject,
mark sent, won / lost that fail on the disk (full, read-only, held by another program) say so
beside the work (the builder's footer, the dialog, the Offers tab), keep what was built or
typed, change nothing stored, and succeed on retry. Real widgets, a real store, real failures."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QDialogButtonBox
from write_conditions import KINDS, SMALL_WRITE_KINDS, failing, fresh_count, says

from workbench.services import customers, offers
from workbench.services.context import Context
from workbench.services.users import create_user
from workbench.ui.customers.detail import CustomerDetail
from workbench.ui.offers.dialog import OfferDialog
from workbench.ui.offers.outcome_dialog import DecisionDialog, OutcomeDialog

TODAY = date(2026, 11, 24)
CODES = ["MOB-58", "MOB-98", "BB-100M", "BB-1000M", "DIA-20M", "DIA-100M", "MSTP-2M", "MSTP-10M", "WLAN-AP",
         "MNS-STD", "JXT", "HOTLINE-4006", "ICT-STD", "DC-3G", "YXT"]  # every product: a quote of many kB
WHOLE_22 = {"customer": {"industry": "banking"}, "manual_discount_percent": "22",  # needs the team lead
            "lines": [{"product": "MOB-58", "quantity": 10, "term_months": 12}]}
PLAIN = {"customer": {"industry": "banking"}, "lines": [{"product": "MOB-58", "quantity": 10, "term_months": 12}]}


@pytest.fixture
def bank(ui_env):  # noqa: ANN001
    return customers.create_customer(ui_env.ctx, values={"name": "某市商业银行西湖支行", "industry_code": "banking"})


@pytest.mark.parametrize("kind", KINDS)
def test_the_builder_keeps_its_lines_and_saves_on_retry(qtbot, ui_env, bank, boxes, kind) -> None:  # noqa: ANN001
    path = ui_env.ctx.store.path
    dialog = OfferDialog(ui_env, bank)
    qtbot.addWidget(dialog)
    dialog.show()
    builder = dialog.builder
    for code in CODES:
        builder.add_product(code)
    assert builder.quote is not None
    with failing(kind, ui_env.ctx.store):
        builder.save()
        assert dialog.isVisible() and not boxes.texts  # said in the footer, not in a box over it
        says(builder.status.text(), kind)
        assert [line.product for line in builder.draft.lines] == CODES
    assert fresh_count(path, "offers", "1") == 0
    with qtbot.waitSignal(builder.saved, timeout=3000):
        builder.save()  # the disk is fine again: the same lines are saved
    assert fresh_count(path, "offers", "1") == 1 and not dialog.isVisible() and not boxes.texts
    [saved] = offers.list_offers(ui_env.ctx, customer_id=bank.id)
    assert [line["product"] for line in offers.get_offer(ui_env.ctx, offer_id=saved.id).offer["lines"]] == CODES


def show_tab(qtbot, ui_env, customer_id: str):  # noqa: ANN001, ANN201
    detail = CustomerDetail(ui_env)
    qtbot.addWidget(detail)
    detail.resize(1000, 700)
    detail.show()
    with qtbot.waitSignal(detail.offers.loaded, timeout=5000):
        detail.show_customer(customer_id)
    detail.tabs.setCurrentWidget(detail.offers)
    detail.offers.table.selectRow(0)
    return detail.offers


def state(ui_env, offer_id: str) -> str:  # noqa: ANN001
    return offers.get_offer(ui_env.ctx, offer_id=offer_id).state


@pytest.mark.parametrize("kind", SMALL_WRITE_KINDS)
def test_mark_sent_says_it_in_the_tab(qtbot, ui_env, bank, boxes, kind) -> None:  # noqa: ANN001
    offer = offers.create_offer(ui_env.ctx, customer_id=bank.id, title="季度冲量方案", offer=PLAIN, today=TODAY)
    tab = show_tab(qtbot, ui_env, bank.id)
    with failing(kind, ui_env.ctx.store):
        tab.sent_button.click()
        assert not boxes.texts and tab.error.isVisible()
        says(tab.error.text(), kind)
    assert state(ui_env, offer.id) == "draft" and ui_env.undo.count() == 0
    with qtbot.waitSignal(tab.loaded, timeout=5000):
        tab.sent_button.click()
    assert state(ui_env, offer.id) == "sent" and tab.error.isHidden() and ui_env.undo.count() == 1


def _act(qtbot, ui_env, tab, button, kind_of: type, fill, kind: str, boxes) -> None:  # noqa: ANN001
    """Open the action's dialog, fill it, OK under the failure: said in the dialog, kept; OK again."""
    button.click()
    [dialog] = [d for d in tab.findChildren(kind_of) if d.isVisible()]
    typed = fill(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    with failing(kind, ui_env.ctx.store):
        ok.click()
        assert dialog.isVisible() and not boxes.texts
        says(dialog.general_error.text(), kind)
        assert dialog.height() >= dialog.sizeHint().height()  # the whole message shown, not cut off
        assert typed() and ui_env.undo.count() == 0
    with qtbot.waitSignal(tab.loaded, timeout=5000):
        ok.click()
    assert ui_env.undo.count() == 1 and not boxes.texts


@pytest.mark.parametrize("kind", SMALL_WRITE_KINDS)
@pytest.mark.parametrize("decision", ["approve", "reject"])
def test_approve_and_reject_say_it_in_their_dialog(qtbot, ui_env, bank, boxes, kind, decision) -> None:  # noqa: ANN001
    offer = offers.create_offer(ui_env.ctx, customer_id=bank.id, title="季度冲量方案", offer=WHOLE_22, today=TODAY)
    ui_env.ctx = Context(ui_env.ctx.store, create_user(ui_env.ctx.store, name="王主管", role="team_lead").id)
    tab = show_tab(qtbot, ui_env, bank.id)
    tab.set_role(None)  # the lead's role, from the store
    comment = "低于区域指导价, 但季度冲量可以接受。" * 20

    def fill(dialog):  # noqa: ANN001, ANN202
        dialog.comment.setPlainText(comment)
        return lambda: dialog.comment.toPlainText() == comment

    button = tab.approve_button if decision == "approve" else tab.reject_button
    _act(qtbot, ui_env, tab, button, DecisionDialog, fill, kind, boxes)
    assert state(ui_env, offer.id) == ("approved" if decision == "approve" else "rejected")


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("won", [True, False])
def test_won_and_lost_say_it_in_their_dialog(qtbot, ui_env, bank, boxes, kind, won) -> None:  # noqa: ANN001
    offer = offers.create_offer(ui_env.ctx, customer_id=bank.id, title="季度冲量方案", offer=PLAIN, today=TODAY)
    offers.mark_sent(ui_env.ctx, offer_id=offer.id)
    tab = show_tab(qtbot, ui_env, bank.id)
    reason = "签约三年, 含专线与网络管家。" * 30

    def fill(dialog):  # noqa: ANN001, ANN202
        dialog.stage.setCurrentIndex(dialog.stage.findData("leverage"))
        dialog.reason.setText(reason)
        return lambda: dialog.reason.text() == reason and dialog.chosen_stage() == "leverage"

    _act(qtbot, ui_env, tab, tab.won_button if won else tab.lost_button, OutcomeDialog, fill, kind, boxes)
    assert state(ui_env, offer.id) == ("won" if won else "lost")
    assert customers.get_customer(ui_env.ctx, customer_id=bank.id).stage_code == "leverage"
