"""The Dashboard page driven with pytest-qt: its figures are the service's, and clicking a
bar, a tile or a quiet customer opens the list (or the customer) behind it in the window."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from workbench.services import dashboard, visits
from workbench.services.dashboard import OFFER_STATES
from workbench.services.search import matching_nums
from workbench.ui.dashboard.view import DashboardPage
from workbench.ui.env import apply
from workbench.ui.main_window import PAGES, MainWindow


def loaded_page(qtbot: QtBot, env) -> DashboardPage:  # type: ignore[no-untyped-def]
    page = DashboardPage(env)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    qtbot.waitUntil(lambda: page.data is not None, timeout=20_000)
    return page


def dashboard_in(qtbot: QtBot, window: MainWindow) -> DashboardPage:
    page = window.show_page("dashboard")
    assert isinstance(page, DashboardPage)
    qtbot.waitUntil(lambda: page.data is not None and not page.loading, timeout=20_000)
    return page


def listed(window: MainWindow) -> int:
    customers = window.pages["customers"]
    return len(customers.model.nums)  # type: ignore[attr-defined]


def test_the_page_shows_the_services_figures(qtbot: QtBot, demo_env) -> None:  # type: ignore[no-untyped-def]
    page = loaded_page(qtbot, demo_env)
    want = dashboard.dashboard(demo_env.ctx, today=demo_env.today(), owner_id=demo_env.ctx.user_id)
    assert page.data == want
    assert [b.figure for b in page.funnel.bars] == [f"{f.customers:,}" for f in want.stages]
    assert [b.value for b in page.weeks.bars] == [w.visits for w in want.weeks]
    assert page.tiles["overdue"].number.text() == f"{want.overdue.follow_ups:,}"
    assert page.quiet_table.rowCount() == len(want.quiet)
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        page.team.setChecked(True)
    assert page.data is not None and page.data.owner_id is None
    assert page.data.customers > want.customers  # the whole team's
    page.grab()  # paints without error


def test_clicking_a_stage_opens_the_customer_list_filtered_by_it(qtbot: QtBot, window: MainWindow) -> None:
    assert ("dashboard", "workbench.ui.dashboard.view:DashboardPage") in PAGES
    page = dashboard_in(qtbot, window)
    assert page.data is not None
    i = next(i for i, f in enumerate(page.data.stages) if f.customers > 0)
    customers = window.pages["customers"]
    with qtbot.waitSignal(customers.model.loaded, timeout=10_000):  # type: ignore[attr-defined]
        qtbot.mouseClick(page.funnel, Qt.MouseButton.LeftButton, pos=page.funnel.bar_rect(i).center())
    assert window.stack.currentWidget() is customers
    assert customers.stage.currentData() == page.data.stages[i].code  # type: ignore[attr-defined]
    assert customers.owner.currentData() == window.env.ctx.user_id  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: listed(window) == page.data.stages[i].customers, timeout=10_000)  # type: ignore[union-attr]


def test_a_week_a_grade_and_the_overdue_tile_open_their_lists(qtbot: QtBot, window: MainWindow) -> None:
    page = dashboard_in(qtbot, window)
    d = page.data
    assert d is not None
    customers = window.pages["customers"]
    ctx = window.env.ctx
    week = len(d.weeks) - 2
    with qtbot.waitSignal(page.list_requested, timeout=5_000) as got:
        qtbot.mouseClick(page.weeks, Qt.MouseButton.LeftButton, pos=page.weeks.bar_rect(week).center())
    filters, caption = got.args
    assert filters == d.week_filters(d.weeks[week])
    assert customers.drill.isVisible() and customers.drill.caption.text() == caption  # type: ignore[attr-defined]
    want = len(matching_nums(ctx, query="", filters=filters))
    assert want > 0
    qtbot.waitUntil(lambda: listed(window) == want, timeout=10_000)
    qtbot.mouseClick(customers.drill.clear_button, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    assert not customers.drill.isVisible()  # type: ignore[attr-defined]

    window.show_page("dashboard")
    grade = 0  # A
    with qtbot.waitSignal(page.list_requested, timeout=5_000) as got:
        qtbot.mouseClick(page.grades, Qt.MouseButton.LeftButton, pos=page.grades.bar_rect(grade).center())
    assert got.args[0] == d.quiet_filters("A")
    qtbot.waitUntil(lambda: listed(window) == dict(d.quiet_by_grade)["A"], timeout=10_000)

    window.show_page("dashboard")
    page.tiles["overdue"].setFocus()
    with qtbot.waitSignal(page.list_requested, timeout=5_000) as got:
        qtbot.keyClick(page.tiles["overdue"], Qt.Key.Key_Return)
    assert got.args[0] == d.overdue_filters()
    qtbot.waitUntil(lambda: listed(window) == d.overdue.customers, timeout=10_000)


def test_a_quiet_customer_opens_that_customer(qtbot: QtBot, window: MainWindow) -> None:
    page = dashboard_in(qtbot, window)
    assert page.data is not None and page.data.quiet
    first = page.data.quiet[0]
    customers = window.pages["customers"]
    page.quiet_table.setFocus()
    page.quiet_table.setCurrentCell(0, 0)
    qtbot.keyClick(page.quiet_table, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is customers
    qtbot.waitUntil(lambda: customers.current_customer_id() == first.customer_id, timeout=10_000)  # type: ignore[attr-defined]


def test_a_new_visit_updates_the_figures(qtbot: QtBot, window: MainWindow) -> None:
    page = dashboard_in(qtbot, window)
    d = page.data
    assert d is not None and d.quiet
    quiet = d.quiet[0]
    env = window.env
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        apply(env, lambda: visits.log_visit(env.ctx, customer_id=quiet.customer_id, values={
            "occurred_at": datetime.combine(env.today(), datetime.min.time()).replace(hour=9), "kind": "phone"}))
    assert page.data is not None
    assert page.data.weeks[-1].visits == d.weeks[-1].visits + 1
    assert page.data.quiet_total == d.quiet_total - 1
    assert quiet.customer_id not in {q.customer_id for q in page.data.quiet}


def test_the_keyboard_opens_a_bar(qtbot: QtBot, demo_env) -> None:  # type: ignore[no-untyped-def]
    page = loaded_page(qtbot, demo_env)
    page.offers.setFocus()
    qtbot.keyClick(page.offers, Qt.Key.Key_Down)
    with qtbot.waitSignal(page.list_requested, timeout=5_000) as got:
        qtbot.keyClick(page.offers, Qt.Key.Key_Return)
    assert got.args[0].offer_states == (dashboard.OFFER_STATES[1],)
    assert isinstance(page.data.today, date)  # type: ignore[union-attr]


def test_double_clicking_a_quiet_customer_asks_for_it(qtbot: QtBot, demo_env) -> None:  # type: ignore[no-untyped-def]
    page = loaded_page(qtbot, demo_env)
    assert page.data is not None and len(page.data.quiet) > 1
    rect = page.quiet_table.visualRect(page.quiet_table.model().index(1, 0))
    qtbot.mouseClick(page.quiet_table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # the press first
    with qtbot.waitSignal(page.customer_requested, timeout=5_000) as got:
        qtbot.mouseDClick(page.quiet_table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert got.args == [page.data.quiet[1].customer_id]


def test_the_page_speaks_chinese_after_a_language_switch(qtbot: QtBot, demo_env, qapp, english_after) -> None:  # type: ignore[no-untyped-def]  # noqa: ANN001
    from workbench.ui import i18n

    page = loaded_page(qtbot, demo_env)
    assert "Dashboard" in page.title.text()
    i18n.install("zh_CN")
    qapp.processEvents()
    assert "数据看板" in page.title.text()
    assert page.boxes["weeks"].title() == "每周拜访"
    assert page.offers.bars[OFFER_STATES.index("won")].label == "已成交"
    assert any(b.label == "A 级" for b in page.grades.bars)
    assert page.tiles["win_rate"].caption.text().startswith("成交率")
