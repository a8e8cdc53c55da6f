"""The Today page driven as a user would: what the lists show, Enter, Space, the team toggle."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from workbench.domain.enums import Role
from workbench.services import customers, visits
from workbench.services.context import Context
from workbench.services.users import create_user
from workbench.ui.env import UiEnv
from workbench.ui.today.models import FollowUpModel
from workbench.ui.today.section import AgendaTable
from workbench.ui.today.view import TodayPage

TODAY = date(2026, 11, 24)


def day(offset: int) -> date:
    return TODAY + timedelta(days=offset)


def add_customer(ctx: Context, name: str, **values: object) -> str:
    return customers.create_customer(ctx, values={"name": name, "industry_code": "banking", **values}).id


def add_visit(ctx: Context, customer_id: str, *, follow_up: int, next_step: str | None = None) -> str:
    when = datetime.combine(day(min(follow_up, 0) - 2), datetime.min.time()).replace(hour=9)
    return visits.log_visit(ctx, customer_id=customer_id, values={
        "occurred_at": when, "kind": "phone", "next_step": next_step, "follow_up_date": day(follow_up)}).id


def open_page(qtbot, env: UiEnv) -> TodayPage:  # noqa: ANN001
    page = TodayPage(env)
    qtbot.addWidget(page)
    page.resize(1000, 700)
    page.show()
    qtbot.waitUntil(lambda: page.agenda is not None and not page.loading)
    return page


def selected_visit(page: TodayPage) -> str | None:
    item = page.selected_follow_up()
    return item.visit_id if item else None


def column(table: AgendaTable, col: int) -> list[str]:
    model = table.model()
    return [model.index(r, col).data() for r in range(model.rowCount())]


@pytest.fixture
def office(ui_env: UiEnv) -> dict[str, str]:
    """Mine: one overdue, one due today, one planned, one contract ending; a colleague's overdue one."""
    ctx = ui_env.ctx
    ids = {
        "late": add_customer(ctx, "招商银行杭州分行"),
        "today": add_customer(ctx, "杭州海关"),
        "soon": add_customer(ctx, "浙江大学"),
        "contract": add_customer(ctx, "宁波港集团", competitors="中国移动(专线)", current_provider="mobile",
                                 competitor_contract_end=day(10)),
    }
    ids["v_late"] = add_visit(ctx, ids["late"], follow_up=-3, next_step="送方案建议书")
    ids["v_today"] = add_visit(ctx, ids["today"], follow_up=0, next_step="电话确认演示时间")
    ids["v_soon"] = add_visit(ctx, ids["soon"], follow_up=4)
    colleague = create_user(ctx.store, name="王磊", role=Role.MANAGER)
    other = Context(ctx.store, colleague.id, colleague.name)
    ids["theirs"] = add_customer(other, "温州医科大学附属第一医院")
    ids["v_theirs"] = add_visit(other, ids["theirs"], follow_up=-8)
    return ids


def test_sections_show_my_rows_and_counters(qtbot, ui_env: UiEnv, office: dict[str, str]) -> None:  # noqa: ANN001
    page = open_page(qtbot, ui_env)
    assert column(page.due_table, FollowUpModel.CUSTOMER) == ["招商银行杭州分行", "杭州海关"]
    assert column(page.due_table, FollowUpModel.NEXT_STEP) == ["送方案建议书", "电话确认演示时间"]
    assert column(page.due_table, FollowUpModel.STATUS) == ["3 days overdue", "Due today"]
    assert column(page.due_table, FollowUpModel.DUE) == ["2026-11-21", "2026-11-24"]
    assert column(page.planned_table, FollowUpModel.CUSTOMER) == ["浙江大学"]
    assert column(page.planned_table, FollowUpModel.STATUS) == ["In 4 days"]
    assert column(page.contract_table, 0) == ["宁波港集团"]
    assert column(page.contract_table, 2) == ["In 10 days"]
    assert column(page.contract_table, 3) == ["China Mobile"]
    assert column(page.contract_table, 4) == ["中国移动(专线)"]
    chips = [page.chips[k].text() for k in ("overdue", "due_today", "planned", "contracts")]
    assert chips == ["1 overdue", "1 due today", "1 this week", "1 contract ending"]
    assert not any(s.is_empty for s in (page.due_section, page.planned_section, page.contract_section))


def test_whole_team_adds_colleagues_customers(qtbot, ui_env: UiEnv, office: dict[str, str]) -> None:  # noqa: ANN001
    page = open_page(qtbot, ui_env)
    with qtbot.waitSignal(page.loaded):
        QTest.keyClick(page, Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)  # the mnemonic of "Whole team"
    assert page.team.isChecked()
    assert column(page.due_table, FollowUpModel.CUSTOMER) == ["温州医科大学附属第一医院", "招商银行杭州分行", "杭州海关"]
    assert page.chips["overdue"].text() == "2 overdue"
    with qtbot.waitSignal(page.loaded):
        page.team.setChecked(False)
    assert column(page.due_table, FollowUpModel.CUSTOMER) == ["招商银行杭州分行", "杭州海关"]


def test_enter_opens_the_selected_customer(qtbot, ui_env: UiEnv, office: dict[str, str]) -> None:  # noqa: ANN001
    page = open_page(qtbot, ui_env)
    page.due_table.setFocus()
    QTest.keyClick(page.due_table, Qt.Key.Key_Down)
    with qtbot.waitSignal(page.customer_requested) as sig:
        QTest.keyClick(page.due_table, Qt.Key.Key_Return)
    assert sig.args == [office["today"]]
    page.contract_table.setFocus()
    with qtbot.waitSignal(page.customer_requested) as sig:
        QTest.keyClick(page.contract_table, Qt.Key.Key_Enter)
    assert sig.args == [office["contract"]]
    with qtbot.waitSignal(page.visit_requested) as sig:
        QTest.keyClick(page, Qt.Key.Key_L, Qt.KeyboardModifier.AltModifier)  # "Log visit…"
    assert sig.args == [office["contract"]]
    assert not page.btn_done.isEnabled()  # a contract row has no follow-up to mark done


def test_space_marks_done_removes_the_row_and_writes_the_store(
    qtbot, ui_env: UiEnv, office: dict[str, str],  # noqa: ANN001
) -> None:
    page = open_page(qtbot, ui_env)
    page.due_table.setFocus()
    assert selected_visit(page) == office["v_late"]
    with qtbot.waitSignal(ui_env.bus.customer_changed) as changed, qtbot.waitSignal(page.loaded):
        QTest.keyClick(page.due_table, Qt.Key.Key_Space)
    assert changed.args == [office["late"]]
    assert column(page.due_table, FollowUpModel.CUSTOMER) == ["杭州海关"]
    assert selected_visit(page) == office["v_today"]  # ready for the next Space
    assert page.chips["overdue"].text() == "0 overdue"
    done = [v for v in visits.list_visits(ui_env.ctx, customer_id=office["late"]) if v.id == office["v_late"]]
    assert done[0].follow_up_done is True
    assert customers.get_customer(ui_env.ctx, customer_id=office["late"]).next_follow_up is None

    with qtbot.waitSignal(page.loaded):  # Ctrl+Z brings the reminder back
        ui_env.undo.undo()
    assert column(page.due_table, FollowUpModel.CUSTOMER) == ["招商银行杭州分行", "杭州海关"]
    assert visits.list_visits(ui_env.ctx, customer_id=office["late"])[0].follow_up_done is False


def test_ctrl_d_marks_a_planned_follow_up_done(qtbot, ui_env: UiEnv, office: dict[str, str]) -> None:  # noqa: ANN001
    page = open_page(qtbot, ui_env)
    page.planned_table.setFocus()
    with qtbot.waitSignal(page.loaded):
        QTest.keyClick(page.planned_table, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert page.planned_section.is_empty
    assert page.planned_section.empty.text() == "No follow-ups planned for the next 7 days."
    assert visits.list_visits(ui_env.ctx, customer_id=office["soon"])[0].follow_up_done is True


def test_empty_store_reads_well(qtbot, ui_env: UiEnv) -> None:  # noqa: ANN001
    page = open_page(qtbot, ui_env)
    assert page.due_section.is_empty and page.due_section.empty.isVisible()
    assert page.due_section.empty.text() == "Nothing due today, and nothing overdue."
    assert page.contract_section.empty.text() == "No competitor contract ends in the next 60 days."
    assert page.chips["overdue"].text() == "0 overdue"
    assert not page.btn_open.isEnabled() and not page.btn_done.isEnabled()


def test_a_visit_logged_elsewhere_shows_up(qtbot, ui_env: UiEnv, office: dict[str, str]) -> None:  # noqa: ANN001
    page = open_page(qtbot, ui_env)
    add_visit(ui_env.ctx, office["contract"], follow_up=0, next_step="续约谈判")
    with qtbot.waitSignal(page.loaded):
        ui_env.bus.customer_changed.emit(office["contract"])
    assert "续约谈判" in column(page.due_table, FollowUpModel.NEXT_STEP)
    assert page.chips["due_today"].text() == "2 due today"


def _my_open_follow_ups(path: Path, user_id: str) -> list[tuple[str, str]]:
    """The same question asked in plain SQL, independently of the service."""
    con = sqlite3.connect(path)
    try:
        return con.execute(
            "SELECT v.id, v.follow_up_date FROM visits v JOIN customers c ON c.id = v.customer_id "
            "WHERE v.follow_up_done = 0 AND v.deleted = 0 AND v.follow_up_date <= ? AND c.deleted = 0 "
            "AND c.owner_id = ? ORDER BY v.follow_up_date", (TODAY.isoformat(), user_id)).fetchall()
    finally:
        con.close()


def test_demo_store_due_list_and_mark_done(qtbot, demo_env: UiEnv, tmp_path: Path) -> None:  # noqa: ANN001
    page = open_page(qtbot, demo_env)
    expected = _my_open_follow_ups(demo_env.ctx.store.path, demo_env.ctx.user_id)
    assert expected, "the demo store has overdue follow-ups"
    model = page.due_model
    shown = [model.row_at(r) for r in range(model.rowCount())]
    assert [f.follow_up_date.isoformat() for f in shown if f] == [d for _, d in expected][:200]
    assert {f.visit_id for f in shown if f} <= {vid for vid, _ in expected}
    assert page.agenda is not None and page.agenda.due_total == len(expected)
    lateness = [f.days_overdue for f in shown if f]
    assert lateness == sorted(lateness, reverse=True) and lateness[0] > 0

    page.due_table.setFocus()
    first = page.selected_follow_up()
    assert first is not None
    with qtbot.waitSignal(page.loaded):
        QTest.keyClick(page.due_table, Qt.Key.Key_Space)
    assert len(_my_open_follow_ups(demo_env.ctx.store.path, demo_env.ctx.user_id)) == len(expected) - 1
    assert first.visit_id not in [model.row_at(r).visit_id for r in range(model.rowCount())]  # type: ignore[union-attr]
    page.grab().save(str(tmp_path / "today.png"))
    assert (tmp_path / "today.png").stat().st_size > 10_000


def test_team_view_of_a_big_store_says_when_a_list_is_cut(
    qtbot, demo_env: UiEnv, monkeypatch: pytest.MonkeyPatch,  # noqa: ANN001
) -> None:
    import workbench.ui.today.view as view

    monkeypatch.setattr(view, "LIMIT", 5)
    page = open_page(qtbot, demo_env)
    with qtbot.waitSignal(page.loaded):
        page.team.setChecked(True)
    assert page.chips["overdue"].text() == "5+ overdue"
    assert page.due_model.rowCount() == 10  # the 5 latest overdue, then 5 of today's
    assert [f.days_overdue > 0 for f in page.agenda.due] == [True] * 5 + [False] * 5  # type: ignore[union-attr]
    assert page.due_section.note.text() == "10 shown, more not listed"


def test_whole_team_choice_is_remembered(qtbot, ui_env) -> None:  # noqa: ANN001
    from workbench.ui.today.view import TodayPage

    page = TodayPage(ui_env)
    qtbot.addWidget(page)
    page.team.setChecked(True)
    assert ui_env.settings.today_whole_team is True
    again = TodayPage(ui_env)
    qtbot.addWidget(again)
    assert again.team.isChecked()
