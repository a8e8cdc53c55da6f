"""The customer list: instant search in rank order, header sorting, filters, keyboard."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from workbench.services import customers
from workbench.ui.customers.view import CustomersPage
from workbench.ui.env import UiEnv


def make(ui_env: UiEnv) -> None:
    for name, industry in (("中国银行", "banking"), ("中国银行杭州分行", "banking"), ("杭州海关", "customs"),
                           ("阿里巴巴", "other")):
        customers.create_customer(ui_env.ctx, values={"name": name, "industry_code": industry})


def page_for(qtbot: QtBot, ui_env: UiEnv) -> CustomersPage:
    page = CustomersPage(ui_env)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=10_000)
    return page


def names(page: CustomersPage) -> list[str]:
    return [page.model.row_at(r).name for r in range(page.model.rowCount())]


def test_search_keeps_rank_order_until_a_header_is_clicked(qtbot: QtBot, ui_env: UiEnv) -> None:
    make(ui_env)
    page = page_for(qtbot, ui_env)
    assert page.model.order is None  # no column sort imposed at start
    with qtbot.waitSignal(page.model.loaded, timeout=10_000):
        qtbot.keyClicks(page.search, "zgyh")
    assert names(page)[0] == "中国银行"  # the exact initials match first
    with qtbot.waitSignal(page.model.loaded, timeout=10_000):
        page.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert names(page) == ["中国银行杭州分行", "中国银行"]  # pinyin, descending


def test_filters_and_the_count(qtbot: QtBot, ui_env: UiEnv) -> None:
    make(ui_env)
    page = page_for(qtbot, ui_env)
    assert page.count.text().startswith("4")
    with qtbot.waitSignal(page.model.loaded, timeout=10_000):
        page.industry.setCurrentIndex(page.industry.findData("customs"))
    assert names(page) == ["杭州海关"] and page.count.text().startswith("1")


def test_enter_in_search_selects_the_first_row_and_shows_it(qtbot: QtBot, ui_env: UiEnv) -> None:
    make(ui_env)
    page = page_for(qtbot, ui_env)
    page.search.setText("海关")
    with qtbot.waitSignal(page.model.loaded, timeout=10_000):
        qtbot.keyClick(page.search, "\r")
    qtbot.waitUntil(lambda: page.detail.current_customer_id is not None, timeout=10_000)
    shown = customers.get_customer(ui_env.ctx, customer_id=page.detail.current_customer_id)
    assert shown.name == "杭州海关"
