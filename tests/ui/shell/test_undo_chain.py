"""Several commands on one customer undo and redo in order; a change made outside the
stack makes the command obsolete instead of being overwritten."""

from __future__ import annotations

from datetime import datetime

from workbench.services import customers, visits
from workbench.ui.env import UiEnv
from workbench.ui.undo import EditCustomer, MoveStage


def test_two_edits_and_a_move_undo_and_redo_in_order(ui_env: UiEnv) -> None:
    c = customers.create_customer(ui_env.ctx, values={"name": "杭州海关", "industry_code": "customs", "region": "杭州"})
    get = lambda: customers.get_customer(ui_env.ctx, customer_id=c.id)  # noqa: E731
    ui_env.undo.push(EditCustomer(ui_env, customer_id=c.id, version=get().version, old={"region": "杭州"},
                                  new={"region": "宁波"}))
    ui_env.undo.push(EditCustomer(ui_env, customer_id=c.id, version=get().version, old={"region": "宁波"},
                                  new={"region": "温州"}))
    ui_env.undo.push(MoveStage(ui_env, customer_id=c.id, from_code="target_market", to_code="prospect"))
    assert (get().region, get().stage_code) == ("温州", "prospect")
    ui_env.undo.undo()
    ui_env.undo.undo()
    ui_env.undo.undo()
    assert (get().region, get().stage_code) == ("杭州", "target_market")
    assert ui_env.undo.count() == 3  # nothing became obsolete
    for _ in range(3):
        ui_env.undo.redo()
    assert (get().region, get().stage_code) == ("温州", "prospect")


def test_a_move_made_outside_the_stack_is_not_overwritten_by_undo(ui_env: UiEnv, monkeypatch) -> None:  # noqa: ANN001
    shown: list[BaseException] = []
    monkeypatch.setattr("workbench.ui.errors.show_error", lambda parent, exc: shown.append(exc))
    c = customers.create_customer(ui_env.ctx, values={"name": "杭州海关", "industry_code": "customs"})
    ui_env.undo.push(MoveStage(ui_env, customer_id=c.id, from_code="target_market", to_code="prospect"))
    visits.log_visit(ui_env.ctx, customer_id=c.id, move_to_stage="approach",
                     values={"occurred_at": datetime(2026, 11, 24, 9), "kind": "onsite"})
    ui_env.undo.undo()
    assert customers.get_customer(ui_env.ctx, customer_id=c.id).stage_code == "approach"
    assert shown and "changed meanwhile" in str(shown[0])


def test_a_result_for_a_destroyed_widget_is_dropped(qtbot, qapp) -> None:  # noqa: ANN001
    import shiboken6
    from PySide6.QtWidgets import QWidget

    from workbench.ui.runner import Runner

    runner, owner, got = Runner(), QWidget(), []
    runner.run(lambda _op: 42, on_success=got.append, owner=owner)
    shiboken6.delete(owner)  # the page went away while its load ran
    assert runner.wait_idle(5_000)
    qapp.processEvents()  # delivers the queued result, which must be dropped
    assert got == []
    alive = QWidget()
    qtbot.addWidget(alive)
    runner.run(lambda _op: 7, on_success=got.append, owner=alive)
    qtbot.waitUntil(lambda: got == [7], timeout=5_000)
