"""Approve / reject, won / lost from the customer page's Offers tab, and the approval history."""

from __future__ import annotations

from typing import Any

from offer_ui import as_team_lead, ok, open_action  # tests/ui/offers/offer_ui.py

from workbench.services import customers, offers, stages
from workbench.ui.offers.outcome_dialog import DecisionDialog, OutcomeDialog


def test_approve_send_and_win_with_a_stage_move(qtbot: Any, ui_env: Any, page: Any) -> None:
    detail, c, offer = page
    tab = detail.offers
    assert offer.state == "needs_approval" and offer.authority == "needs_team_lead"
    assert tab.row_texts(0)[3] == "needs approval" and tab.row_texts(0)[6] == "needs team lead"
    assert tab.acting_role() == "manager"
    assert not tab.approve_button.isEnabled() and not tab.reject_button.isEnabled()
    assert not tab.won_button.isEnabled() and not tab.lost_button.isEnabled()
    assert "needs approval" in tab.history.text()

    lead = as_team_lead(ui_env, tab)
    assert tab.acting_role() == "team_lead" and tab.approve_button.isEnabled() and tab.reject_button.isEnabled()

    dialog = open_action(tab, tab.approve_button, DecisionDialog)
    dialog.comment.setPlainText("同意，季度冲量")
    with qtbot.waitSignal(tab.loaded, timeout=5000):
        ok(dialog)
    assert not [d for d in tab.findChildren(DecisionDialog) if d.isVisible()]
    assert offers.list_offers(ui_env.ctx, customer_id=c.id)[0].state == "approved"
    assert tab.row_texts(0)[3] == "approved"
    assert not tab.approve_button.isEnabled() and tab.sent_button.isEnabled()
    history = tab.history.text()
    assert "needs approval → approved" in history and "王主管" in history and "同意，季度冲量" in history
    events = offers.get_offer(ui_env.ctx, offer_id=offer.id).events
    assert (events[-1].by_user_id, events[-1].comment) == (lead.user_id, "同意，季度冲量")

    with qtbot.waitSignal(tab.loaded, timeout=5000):
        tab.sent_button.click()
    assert tab.row_texts(0)[3] == "sent" and tab.won_button.isEnabled() and tab.lost_button.isEnabled()

    dialog = open_action(tab, tab.won_button, OutcomeDialog)
    assert dialog.chosen_stage() == "prospect"  # the next step up the ladder from target market
    assert dialog.stage.itemText(0) == "No change"
    dialog.stage.setCurrentIndex(dialog.stage.findData("leverage"))
    dialog.reason.setText("签约三年")
    with qtbot.waitSignal(tab.loaded, timeout=5000):
        ok(dialog)
    assert offers.list_offers(ui_env.ctx, customer_id=c.id)[0].state == "won"
    assert customers.get_customer(ui_env.ctx, customer_id=c.id).stage_code == "leverage"
    last = stages.stage_history(ui_env.ctx, customer_id=c.id)[-1]
    assert (last.to_code, last.reason) == ("leverage", "签约三年")
    assert tab.row_texts(0)[3] == "won" and not tab.won_button.isEnabled()
    assert "sent → won" in tab.history.text() and tab.error.isHidden()


def test_reject_needs_a_comment_beside_the_field(qtbot: Any, ui_env: Any, page: Any) -> None:
    detail, c, offer = page
    tab = detail.offers
    as_team_lead(ui_env, tab)
    dialog = open_action(tab, tab.reject_button, DecisionDialog)
    ok(dialog)
    assert dialog.isVisible() and not dialog.comment_error.isHidden()
    assert "required" in dialog.comment_error.text()
    assert dialog.comment.styleSheet() != ""
    assert offers.list_offers(ui_env.ctx, customer_id=c.id)[0].state == "needs_approval"

    dialog.comment.setPlainText("低于区域指导价")
    with qtbot.waitSignal(tab.loaded, timeout=5000):
        ok(dialog)
    assert offers.list_offers(ui_env.ctx, customer_id=c.id)[0].state == "rejected"
    assert tab.row_texts(0)[3] == "rejected" and "低于区域指导价" in tab.history.text()


def test_a_refused_approval_shows_in_the_tab_not_a_crash(qtbot: Any, ui_env: Any, page: Any) -> None:
    detail, c, offer = page
    tab = detail.offers
    tab.set_role("team_lead")  # the screen thinks so, the store knows the user is a manager
    dialog = open_action(tab, tab.approve_button, DecisionDialog)
    ok(dialog)
    assert not [d for d in tab.findChildren(DecisionDialog) if d.isVisible()]
    assert not tab.error.isHidden() and "may not approve" in tab.error.text()
    assert offers.list_offers(ui_env.ctx, customer_id=c.id)[0].state == "needs_approval"


def test_lost_suggests_no_stage_change(qtbot: Any, ui_env: Any, page: Any) -> None:
    detail, c, offer = page
    tab = detail.offers
    lead = as_team_lead(ui_env, tab)
    offers.approve(lead, offer_id=offer.id)
    offers.mark_sent(lead, offer_id=offer.id)
    with qtbot.waitSignal(tab.loaded, timeout=5000):
        tab.refresh()
    dialog = open_action(tab, tab.lost_button, OutcomeDialog)
    assert dialog.chosen_stage() is None
    dialog.reason.setText("竞争对手报价更低")
    with qtbot.waitSignal(tab.loaded, timeout=5000):
        ok(dialog)
    assert offers.list_offers(ui_env.ctx, customer_id=c.id)[0].state == "lost"
    assert customers.get_customer(ui_env.ctx, customer_id=c.id).stage_code == c.stage_code
    assert "竞争对手报价更低" in tab.history.text()
