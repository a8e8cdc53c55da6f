"""The customer list keeps its place when customers appear under it (a sync pull, an import,
another window): the same customer stays at the top of the view and selected; a search the
user types starts from the top."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from workbench.services import customers
from workbench.ui.customers.view import CustomersPage
from workbench.ui.env import apply


def test_a_change_under_a_scrolled_list_keeps_its_place(qtbot: QtBot, demo_env) -> None:  # noqa: ANN001
    page = CustomersPage(demo_env)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    qtbot.waitUntil(lambda: page.model.rowCount() == 400, timeout=10_000)
    table = page.table
    table.scrollTo(page.model.index(300, 0), table.ScrollHint.PositionAtTop)
    table.selectRow(305)
    top, chosen = page.model.nums[table.rowAt(0)], page.model.nums[305]
    assert table.rowAt(0) > 250

    with qtbot.waitSignal(page.model.loaded, timeout=10_000):  # someone else's customer arrives
        apply(demo_env, lambda: customers.create_customer(
            demo_env.ctx, values={"name": "阿坝州人民医院", "industry_code": "healthcare"}))
    assert page.model.rowCount() == 401
    assert page.model.nums[table.rowAt(0)] == top  # the same customer at the top
    [selected] = table.selectionModel().selectedRows()
    assert page.model.nums[selected.row()] == chosen

    with qtbot.waitSignal(page.model.loaded, timeout=10_000):
        qtbot.keyClicks(page.search, "yy")  # the user's own search (initials of 医院): from the top
    assert table.verticalScrollBar().value() == 0
