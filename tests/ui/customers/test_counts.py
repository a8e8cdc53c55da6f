"""Counts on the customer page read as real plurals: "1 visit, 2 stage moves", "1 contact",
"overdue by 1 day", not "1 visit(s)" (Qt's numerus, workbench_en.ts; issue 13, item 8)."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from workbench.services import contacts, customers, stages, visits
from workbench.ui import i18n
from workbench.ui.customers.detail import CustomerDetail
from workbench.ui.env import UiEnv


def _customer(env: UiEnv, *, people: int, moves: int) -> str:
    c = customers.create_customer(env.ctx, values={"name": "杭州市第一人民医院", "industry_code": "healthcare"})
    for i in range(people):
        contacts.add_contact(env.ctx, customer_id=c.id, values={"name": f"联系人{i}"})
    visits.log_visit(env.ctx, customer_id=c.id, values={
        "occurred_at": datetime(2026, 11, 20, 9, 30), "kind": "onsite", "follow_up_date": date(2026, 11, 23)})
    for code in ("prospect", "background")[:moves]:
        stages.move_stage(env.ctx, customer_id=c.id, to_code=code)
    return c.id


def _show(qtbot: QtBot, env: UiEnv, customer_id: str) -> CustomerDetail:
    detail = CustomerDetail(env)
    qtbot.addWidget(detail)
    detail.resize(760, 800)
    detail.show()
    with qtbot.waitSignal(detail.loaded, timeout=5000):
        detail.show_customer(customer_id)
    return detail


def test_english_counts_take_singular_and_plural(qtbot: QtBot, ui_env: UiEnv, english_after: None) -> None:
    i18n.install("en")
    one = _show(qtbot, ui_env, _customer(ui_env, people=1, moves=1))  # + the "started at" event
    assert one.timeline.count_label.text() == "1 visit, 2 stage moves"
    assert one.buying_centre.summary.text() == "1 contact"
    follow_up = one.timeline.findChild(QLabel, "follow_up")
    assert follow_up is not None and follow_up.text().endswith("overdue by 1 day")
    two = _show(qtbot, ui_env, _customer(ui_env, people=2, moves=0))
    assert two.timeline.count_label.text() == "1 visit, 1 stage move"
    assert two.buying_centre.summary.text() == "2 contacts"
    assert "(s)" not in " ".join(lab.text() for lab in two.findChildren(QLabel))


def test_chinese_counts_have_their_one_form(qtbot: QtBot, ui_env: UiEnv, english_after: None) -> None:
    i18n.install("zh_CN")
    detail = _show(qtbot, ui_env, _customer(ui_env, people=2, moves=1))
    assert detail.timeline.count_label.text() == "1 次拜访，2 次阶段调整"
    assert detail.buying_centre.summary.text() == "2 位联系人"
