"""Ctrl+Z / Ctrl+Shift+Z on offer state changes made from the Offers tab: an approval, a
sent offer (unfrozen by the undo), a win with its stage move; a change made meanwhile is kept."""

from __future__ import annotations

from typing import Any

from offer_ui import as_team_lead, ok, open_action  # tests/ui/offers/offer_ui.py

from workbench.services import customers, offers
from workbench.ui.offers.outcome_dialog import DecisionDialog, OutcomeDialog


def now(ui_env: Any, offer_id: str) -> tuple[str, bool]:
    d = offers.get_offer(ui_env.ctx, offer_id=offer_id)
    return d.state, d.frozen


def test_approve_send_win_then_undo_each_and_redo(qtbot: Any, ui_env: Any, page: Any) -> None:
    detail, c, offer = page
    tab = detail.offers
    as_team_lead(ui_env, tab)
    dialog = open_action(tab, tab.approve_button, DecisionDialog)
    dialog.comment.setPlainText("同意")
    with qtbot.waitSignal(tab.loaded, timeout=5000):
        ok(dialog)
    assert ui_env.undo.count() == 1 and ui_env.undo.undoText() == f"Offer {offer.number}: approved"
    tab.table.selectRow(0)
    with qtbot.waitSignal(tab.loaded, timeout=5000):
        tab.sent_button.click()
    tab.table.selectRow(0)
    stage_before = customers.get_customer(ui_env.ctx, customer_id=c.id).stage_code
    dialog = open_action(tab, tab.won_button, OutcomeDialog)
    dialog.stage.setCurrentIndex(dialog.stage.findData("leverage"))
    with qtbot.waitSignal(tab.loaded, timeout=5000):
        ok(dialog)
    assert now(ui_env, offer.id) == ("won", True) and ui_env.undo.count() == 3

    with qtbot.waitSignal(tab.loaded, timeout=5000):
        ui_env.undo.undo()  # the win, and its stage move
    assert now(ui_env, offer.id) == ("sent", True)
    assert customers.get_customer(ui_env.ctx, customer_id=c.id).stage_code == stage_before
    assert tab.row_texts(0)[3] == "sent"
    with qtbot.waitSignal(tab.loaded, timeout=5000):
        ui_env.undo.undo()  # the sending: the version is open again
    assert now(ui_env, offer.id) == ("approved", False)
    with qtbot.waitSignal(tab.loaded, timeout=5000):
        ui_env.undo.undo()  # the approval
    assert now(ui_env, offer.id) == ("needs_approval", False)
    tab.table.selectRow(0)
    assert "approved → needs approval" in tab.history.text() and tab.approve_button.isEnabled()

    for _ in range(3):
        ui_env.undo.redo()
    assert now(ui_env, offer.id) == ("won", True)
    assert customers.get_customer(ui_env.ctx, customer_id=c.id).stage_code == "leverage"
    events = offers.get_offer(ui_env.ctx, offer_id=offer.id).events
    assert [e.comment for e in events].count("undone") == 3


def test_an_undo_after_a_change_made_meanwhile_keeps_the_newer_state(qtbot: Any, ui_env: Any,
                                                                     page: Any, monkeypatch: Any) -> None:
    detail, c, offer = page
    tab = detail.offers
    lead = as_team_lead(ui_env, tab)
    dialog = open_action(tab, tab.approve_button, DecisionDialog)
    with qtbot.waitSignal(tab.loaded, timeout=5000):
        ok(dialog)
    offers.mark_sent(lead, offer_id=offer.id)  # elsewhere: the offer went out meanwhile
    shown: list[BaseException] = []
    monkeypatch.setattr("workbench.ui.errors.show_error", lambda _parent, exc: shown.append(exc))
    ui_env.undo.undo()
    assert now(ui_env, offer.id) == ("sent", True) and len(shown) == 1
    assert not ui_env.undo.canUndo()  # the command was dropped


def test_redo_is_refused_when_the_offer_was_revised_after_the_undo(
        qtbot: Any, ui_env: Any, page: Any, monkeypatch: Any) -> None:
    detail, c, offer = page
    tab = detail.offers
    manager = ui_env.ctx
    as_team_lead(ui_env, tab)
    dialog = open_action(tab, tab.approve_button, DecisionDialog)
    with qtbot.waitSignal(tab.loaded, timeout=5000):
        ok(dialog)
    ui_env.undo.undo()  # the approval taken back: waiting again
    wider = offers.get_offer(manager, offer_id=offer.id).offer
    wider["lines"][0]["quantity"] = 60  # the manager widens the offer in place meanwhile
    offers.revise_offer(manager, offer_id=offer.id, offer=wider, today=ui_env.today(), expected_version=1)
    shown: list[BaseException] = []
    monkeypatch.setattr("workbench.ui.errors.show_error", lambda _parent, exc: shown.append(exc))
    ui_env.undo.redo()  # would approve what the lead never saw: refused
    assert now(ui_env, offer.id) == ("needs_approval", False) and len(shown) == 1


def test_redo_of_a_win_is_refused_when_the_customer_moved_meanwhile(
        qtbot: Any, ui_env: Any, page: Any, monkeypatch: Any) -> None:
    from workbench.services import stages

    detail, c, offer = page
    tab = detail.offers
    lead = as_team_lead(ui_env, tab)
    offers.approve(lead, offer_id=offer.id)
    offers.mark_sent(lead, offer_id=offer.id)
    with qtbot.waitSignal(tab.loaded, timeout=5000):
        tab.refresh()
    tab.table.selectRow(0)
    dialog = open_action(tab, tab.won_button, OutcomeDialog)
    dialog.stage.setCurrentIndex(dialog.stage.findData("leverage"))
    with qtbot.waitSignal(tab.loaded, timeout=5000):
        ok(dialog)
    ui_env.undo.undo()
    moved_back = customers.get_customer(ui_env.ctx, customer_id=c.id)
    stages.move_stage(ui_env.ctx, customer_id=c.id, to_code="approach", reason="拜访后",
                      expected_version=moved_back.version)  # a visit moved the customer meanwhile
    shown: list[BaseException] = []
    monkeypatch.setattr("workbench.ui.errors.show_error", lambda _parent, exc: shown.append(exc))
    ui_env.undo.redo()
    assert now(ui_env, offer.id) == ("sent", True) and len(shown) == 1
    assert customers.get_customer(ui_env.ctx, customer_id=c.id).stage_code == "approach"
