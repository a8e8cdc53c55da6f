"""User names on the Approvals screen and the customer page's Offers tab go through
labels.user_label, as everywhere else (issue 13, item 8): the first start's user 我 reads "Me"
in English, a typed name stays as typed."""

from __future__ import annotations

from typing import Any

from pytestqt.qtbot import QtBot

from tests.ui.conftest import TODAY
from workbench.services import customers, offers
from workbench.services.context import Context
from workbench.services.users import DEFAULT_USER_NAME, create_user, current_user
from workbench.ui.approvals.view import MANAGER, ApprovalsPage
from workbench.ui.customers.detail import CustomerDetail
from workbench.ui.env import UiEnv

#: A whole-offer 22 % discount: beyond the manager's 20 %, within the team lead's authority.
WHOLE_22 = {"customer": {"industry": "banking"}, "manual_discount_percent": "22",
            "lines": [{"product": "MOB-58", "quantity": 10, "term_months": 12}]}


def waiting_offers(ui_env: UiEnv) -> tuple[Any, Context]:
    """An offer of 我 (the first start's user) and one of 王芳, both waiting for the team lead."""
    me = current_user(ui_env.ctx.store)
    assert me.name == DEFAULT_USER_NAME
    ui_env.ctx = Context(ui_env.ctx.store, me.id, me.name)
    bank = customers.create_customer(ui_env.ctx, values={"name": "某市商业银行西湖支行", "industry_code": "banking"})
    offers.create_offer(ui_env.ctx, customer_id=bank.id, title="季度冲量方案", offer=WHOLE_22, today=TODAY)
    colleague = Context(ui_env.ctx.store, create_user(ui_env.ctx.store, name="王芳", role="manager").id, "王芳")
    port = customers.create_customer(colleague, values={"name": "宁波港集团", "industry_code": "logistics"})
    offers.create_offer(colleague, customer_id=port.id, title="港区专线", offer=WHOLE_22, today=TODAY)
    return bank, Context(ui_env.ctx.store, create_user(ui_env.ctx.store, name="王主管", role="team_lead").id, "王主管")


def test_the_approvals_screen_names_the_default_user_me(qtbot: QtBot, ui_env: UiEnv) -> None:
    _bank, lead = waiting_offers(ui_env)
    ui_env.ctx = lead  # the team lead sees both offers, with their managers
    page = ApprovalsPage(ui_env)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.reload()
    managers = sorted(page.table.item(r, MANAGER).text() for r in range(page.table.rowCount()))
    assert managers == ["Me", "王芳"]


def test_the_offers_history_names_the_default_user_me(qtbot: QtBot, ui_env: UiEnv) -> None:
    bank, _lead = waiting_offers(ui_env)
    detail = CustomerDetail(ui_env)
    qtbot.addWidget(detail)
    detail.show()
    with qtbot.waitSignal(detail.offers.loaded, timeout=10_000):
        detail.show_customer(bank.id)
    detail.tabs.setCurrentWidget(detail.offers)
    detail.offers.table.selectRow(0)
    history = detail.offers.history_lines()
    assert history and all(" · Me · " in line.replace("  ·  ", " · ") for line in history), history
    assert DEFAULT_USER_NAME not in " ".join(history)
