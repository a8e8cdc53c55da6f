"""The customer page (detail pane) driven through its real widgets."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QLabel

from workbench.domain.errors import NotFoundError
from workbench.services import contacts, customers, stages, visits
from workbench.ui.customers.detail import CustomerDetail
from workbench.ui.customers.stage_dialog import MoveStageDialog
from workbench.ui.env import UiEnv


def show(qtbot, detail: CustomerDetail, customer_id: str) -> None:  # noqa: ANN001
    with qtbot.waitSignal(detail.loaded, timeout=5000):
        detail.show_customer(customer_id)


@pytest.fixture
def customer(ui_env: UiEnv):
    """A hospital with an economic buyer, a technical buyer, a user and one of unknown role (no coach)."""
    c = customers.create_customer(ui_env.ctx, values={
        "name": "杭州市第一人民医院", "short_name": "杭一院", "industry_code": "healthcare",
        "value_grade": "A", "churn_risk": "high", "competitors": "中国电信",
        "competitor_contract_end": date(2026, 12, 20)})
    people = {}
    for name, role, extra in (("张伟", "economic", {"is_key_person": True, "trust": 4}),
                              ("李娜", "technical", {"is_liaison": True}),
                              ("赵强", "user", {}), ("刘洋", None, {})):
        values = {"name": name, **extra, **({"cute_role": role} if role else {})}
        people[name] = contacts.add_contact(ui_env.ctx, customer_id=c.id, values=values)
    return c, people


@pytest.fixture
def detail(qtbot, ui_env: UiEnv) -> CustomerDetail:  # noqa: ANN001
    w = CustomerDetail(ui_env)
    qtbot.addWidget(w)
    w.resize(760, 800)
    w.show()
    return w


def test_buying_centre_groups_and_the_missing_coach_warning(qtbot, ui_env, detail, customer) -> None:  # noqa: ANN001
    c, people = customer
    show(qtbot, detail, c.id)
    assert detail.current_customer_id == c.id
    bc = detail.buying_centre
    assert bc.group_names("economic") == ["张伟"]
    assert bc.group_names("technical") == ["李娜"]
    assert bc.group_names("user") == ["赵强"]
    assert bc.group_names("unknown") == ["刘洋"]
    assert bc.group_names("coach") == []
    assert "★" in bc.card_for(people["张伟"].id).name_label.text()
    assert not bc.warning.isHidden() and "no coach" in bc.warning.text().lower()
    assert "economic buyer" not in bc.warning.text().lower()
    assert "(4)" in detail.tabs.tabText(1)

    # a coach is found: the warning goes, without re-selecting the customer
    contacts.add_contact(ui_env.ctx, customer_id=c.id, values={"name": "王敏", "cute_role": "coach"})
    with qtbot.waitSignal(detail.loaded, timeout=5000):
        ui_env.bus.customer_changed.emit(c.id)
    assert bc.group_names("coach") == ["王敏"]
    assert bc.warning.isHidden()


def test_header_and_profile_show_the_customer_and_its_hints(qtbot, detail, customer) -> None:  # noqa: ANN001
    c, _ = customer
    show(qtbot, detail, c.id)
    header = detail.header_text()
    assert "杭州市第一人民医院" in header and "杭一院" in header
    assert "Target market" in header and "High" in header and "Healthcare" in header
    profile = detail.profile.values
    end = profile["competitor_contract_end"]
    assert "2026-12-20" in end.text() and "in 26 days" in end.text()  # within 60 days of 2026-11-24
    assert "font-weight: bold" in end.styleSheet()
    assert "Yes" in profile["price_sensitive"].text()  # healthcare: price-sensitive by default
    assert "industry default" in profile["price_sensitive"].text()
    assert profile["credit_code"].text() == "—"


def test_switching_quickly_shows_the_last_customer_chosen(qtbot, ui_env, detail, customer) -> None:  # noqa: ANN001
    c, _ = customer
    other = customers.create_customer(ui_env.ctx, values={"name": "浙江省税务局", "industry_code": "tax"})
    detail.show_customer(c.id)
    with qtbot.waitSignal(detail.loaded, timeout=5000) as blocker:
        detail.show_customer(other.id)
    assert blocker.args == [other.id]
    ui_env.runner.wait_idle()
    qtbot.wait(20)  # let any late result of the first load arrive (it must be dropped)
    assert "浙江省税务局" in detail.header_text() and detail.page.customer.id == other.id


def test_move_stage_through_the_dialog_and_undo(qtbot, ui_env, detail, customer) -> None:  # noqa: ANN001
    c, _ = customer
    show(qtbot, detail, c.id)
    detail.move_stage()
    dialog = detail.findChild(MoveStageDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.to_code() == "prospect"  # the next step is offered first
    dialog.select("build")
    dialog.reason_edit.setText("院办主任引荐")
    with qtbot.waitSignal(detail.loaded, timeout=5000):
        dialog.accept()
    assert customers.get_customer(ui_env.ctx, customer_id=c.id).stage_code == "build"
    assert "Relationship · Build the relationship" in detail.header_text()
    last = stages.stage_history(ui_env.ctx, customer_id=c.id)[-1]
    assert (last.from_code, last.to_code, last.reason) == ("target_market", "build", "院办主任引荐")
    stage_cards = [k for k in detail.timeline.cards() if k.property("kind") == "stage"]
    assert len(stage_cards) == 2 and "院办主任引荐" in stage_cards[0].findChildren(QLabel)[1].text()

    with qtbot.waitSignal(detail.loaded, timeout=5000):
        ui_env.undo.undo()
    assert customers.get_customer(ui_env.ctx, customer_id=c.id).stage_code == "target_market"
    assert "Target market" in detail.header_text()
    assert len(stages.stage_history(ui_env.ctx, customer_id=c.id)) == 3  # the move back is recorded


def test_the_same_stage_cannot_be_chosen(qtbot, detail, customer) -> None:  # noqa: ANN001
    c, _ = customer
    show(qtbot, detail, c.id)
    detail.move_stage()
    dialog = detail.findChild(MoveStageDialog)
    dialog.select("target_market")
    assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
    dialog.accept()
    assert dialog.result() == 0  # refused: nothing to move


def test_delete_asks_first_then_undo_brings_the_customer_back(qtbot, ui_env, detail, customer) -> None:  # noqa: ANN001
    c, _ = customer
    show(qtbot, detail, c.id)
    detail.confirm = lambda *_: False
    detail.delete_customer()
    assert customers.get_customer(ui_env.ctx, customer_id=c.id).id == c.id

    detail.confirm = lambda *_: True
    with qtbot.waitSignal(detail.customer_deleted, timeout=5000) as blocker:
        detail.delete_customer()
    assert blocker.args == [c.id]
    with pytest.raises(NotFoundError):
        customers.get_customer(ui_env.ctx, customer_id=c.id)
    assert detail.current_customer_id is None
    assert detail.stack.currentWidget() is detail.placeholder and "deleted" in detail.placeholder.text()

    with qtbot.waitSignal(detail.loaded, timeout=5000):
        ui_env.undo.undo()
    assert customers.get_customer(ui_env.ctx, customer_id=c.id).id == c.id
    assert detail.current_customer_id == c.id and "杭州市第一人民医院" in detail.header_text()


def test_log_visit_asks_the_owner_with_the_customer_id(qtbot, detail, customer) -> None:  # noqa: ANN001
    c, _ = customer
    show(qtbot, detail, c.id)
    with qtbot.waitSignal(detail.visit_requested, timeout=1000) as blocker:
        detail.visit_button.click()
    assert blocker.args == [c.id]


def test_timeline_newest_first_need_payoff_and_overdue_follow_up(qtbot, ui_env, detail, customer) -> None:  # noqa: ANN001
    c, people = customer
    visits.log_visit(ui_env.ctx, customer_id=c.id, values={
        "occurred_at": datetime(2026, 11, 10, 9, 30), "kind": "onsite", "objective": "了解网络现状",
        "spin_need_payoff": "统一网络管家能省多少人力?", "follow_up_date": date(2026, 11, 17),
        "contact_ids": [people["李娜"].id, people["张伟"].id]})
    visits.log_visit(ui_env.ctx, customer_id=c.id, values={
        "occurred_at": datetime(2026, 11, 20, 15, 0), "kind": "phone", "outcome": "同意演示",
        "follow_up_date": date(2026, 12, 1)})
    show(qtbot, detail, c.id)
    cards = [k for k in detail.timeline.cards() if k.property("kind") == "visit"]
    assert len(cards) == 2
    newest, older = cards
    assert "2026-11-20 15:00" in newest.findChildren(QLabel)[0].text()
    texts = " ".join(lab.text() for lab in older.findChildren(QLabel))
    assert "李娜" in texts and "张伟" in texts and "了解网络现状" in texts
    payoff = older.findChild(QLabel, "need_payoff")
    assert payoff is not None and "统一网络管家" in payoff.text()
    assert older.findChild(QLabel, "follow_up").property("overdue") is True
    assert "overdue by 7 day" in older.findChild(QLabel, "follow_up").text()
    assert newest.findChild(QLabel, "follow_up").property("overdue") is False
    detail.timeline.filter.setCurrentIndex(2)  # stage moves only
    assert [k.property("kind") for k in detail.timeline.cards()] == ["stage"]


def test_renders_a_demo_customer_with_contacts_and_visits(qtbot, demo_env, tmp_path) -> None:  # noqa: ANN001
    best = None
    for row in customers.customer_rows(demo_env.ctx, nums=list(range(1, 201))):
        n = len(contacts.list_contacts(demo_env.ctx, customer_id=row.id))
        if n >= 4 and row.last_visit_at is not None:
            best = (row.id, n)
            break
    assert best is not None
    w = CustomerDetail(demo_env)
    qtbot.addWidget(w)
    w.resize(760, 900)
    w.show()
    show(qtbot, w, best[0])
    shown = sum(len(w.buying_centre.group_names(role)) for role in w.buying_centre.groups)
    assert shown == best[1]
    assert w.timeline.cards()
    for i in range(w.tabs.count()):
        w.tabs.setCurrentIndex(i)
        assert w.grab().save(str(tmp_path / f"tab{i}.png"))


class _Chinese(QTranslator):
    """Makes current_lang() answer "zh", as the Chinese .qm does."""

    def translate(self, context, source, disambiguation=None, n=-1):  # noqa: ANN001, ANN201
        return "zh" if (context, source) == ("lang", "en") else None

    def isEmpty(self) -> bool:  # noqa: N802 - Qt's name; an empty translator sends no LanguageChange
        return False


def test_a_language_change_relabels_what_is_shown(qtbot, detail, customer) -> None:  # noqa: ANN001
    c, _ = customer
    show(qtbot, detail, c.id)
    translator = _Chinese()
    QCoreApplication.installTranslator(translator)  # sends LanguageChange to every widget
    try:
        qtbot.waitUntil(lambda: "选择市场" in detail.header_text(), timeout=2000)
        assert "医院" in detail.header_text() and "高" in detail.header_text()
        assert detail.buying_centre.card_for(customer[1]["张伟"].id).trend_labels["trust"].text() == "4"
        assert "亲近度" in " ".join(lab.text() for lab in detail.buying_centre.findChildren(QLabel))
    finally:
        QCoreApplication.removeTranslator(translator)
    qtbot.waitUntil(lambda: "Target market" in detail.header_text(), timeout=2000)
