"""Fixtures of the Offers tab tests: a customer's page shown on its Offers tab."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from workbench.pricing import load_catalogue, load_policy
from workbench.services import customers, offers
from workbench.ui.customers.detail import CustomerDetail
from workbench.ui.offers.builder import OfferBuilder

TODAY = date(2026, 11, 24)
#: A whole-offer 22 % discount: beyond the manager's 20 %, within the team lead's authority.
BANK = {"name": "某市商业银行西湖支行", "industry": "banking", "member_joined": "2009-05-12", "at_risk": False,
        "mobile_lines": 160}
WHOLE_22 = {"customer": {"industry": "banking"}, "manual_discount_percent": "22",
            "lines": [{"product": "MOB-58", "quantity": 10, "term_months": 12}]}


@pytest.fixture
def offers_page(qtbot: Any, ui_env: Any) -> Callable[..., CustomerDetail]:
    """Show a customer's page on its Offers tab (loaded, the first offer selected if any)."""

    def show(customer_id: str, *, width: int = 1000) -> CustomerDetail:
        detail = CustomerDetail(ui_env)
        qtbot.addWidget(detail)
        detail.resize(width, 700)
        detail.show()
        with qtbot.waitSignal(detail.offers.loaded, timeout=5000):
            detail.show_customer(customer_id)
        detail.tabs.setCurrentWidget(detail.offers)
        if detail.offers.table.rowCount():
            detail.offers.table.selectRow(0)
        return detail

    return show


@pytest.fixture
def page(ui_env: Any, offers_page: Callable[..., CustomerDetail]) -> tuple[CustomerDetail, Any, offers.OfferInfo]:
    """A bank's page with one offer waiting for the team lead's approval, selected."""
    c = customers.create_customer(ui_env.ctx, values={"name": "某市商业银行西湖支行", "industry_code": "banking"})
    offer = offers.create_offer(ui_env.ctx, customer_id=c.id, title="季度冲量方案", offer=WHOLE_22, today=TODAY)
    return offers_page(c.id), c, offer


@pytest.fixture
def builder(qtbot: Any, ui_env: Any) -> OfferBuilder:
    """An empty offer builder for a bank, shown and active (shortcuts and focus need it)."""
    b = OfferBuilder(ui_env, customer=BANK, catalogue=load_catalogue(), policy=load_policy(), today=TODAY)
    qtbot.addWidget(b)
    b.resize(1500, 900)
    with qtbot.waitActive(b):
        b.show()
        b.activateWindow()
    return b
