"""The conflicts screen, driven by keyboard over real laptop stores whose conflicts a real sync
through a real server (SQLite, in process) produced: values as a person reads them, the
provisional winner marked, a choice that syncs to the other laptop, duplicate customers
merged, the filter, the empty state, Chinese."""

from __future__ import annotations

import os
import random
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from pytestqt.qtbot import QtBot

from tests.sync.conftest import make_team  # noqa: F401 - the fixture
from tests.sync.team import Laptop, Team
from workbench.domain.credit_code import generate_credit_code
from workbench.domain.errors import NotFoundError
from workbench.services import contacts, customers, merge
from workbench.services.conflicts import KEPT, OTHER
from workbench.ui import i18n
from workbench.ui.env import UiEnv
from workbench.ui.runner import Runner
from workbench.ui.settings import Settings
from workbench.ui.sync.conflicts_view import ConflictsView

BANK = {"name": "中国工商银行杭州西湖支行", "industry_code": "banking", "shared": True}


@pytest.fixture
def team(make_team: Callable[..., Team], tmp_path: Path) -> Team:  # noqa: F811 - make_team is a fixture
    return make_team(f"sqlite:///{tmp_path / 'server.sqlite'}")


@pytest.fixture
def pair(team: Team) -> tuple[Laptop, Laptop, str]:
    """Two managers edit one shared bank offline: the same three fields on both (an enum, a
    date, yes or no), so the second to sync gets three field conflicts."""
    a, b = team.laptop("王经理"), team.laptop("李经理")
    c = customers.create_customer(a.ctx, values=BANK)
    a.sync()
    b.sync()
    customers.update_customer(a.ctx, customer_id=c.id, changes={
        "value_grade": "A", "competitor_contract_end": date(2027, 3, 31), "price_sensitive": True})
    customers.update_customer(b.ctx, customer_id=c.id, changes={
        "value_grade": "C", "competitor_contract_end": date(2027, 6, 30), "price_sensitive": False})
    for laptop in (a, b, a):
        assert laptop.sync().refused == 0
    return a, b, c.id


def _env(laptop: Laptop, settings: Settings) -> UiEnv:
    return UiEnv(ctx=laptop.ctx, runner=Runner(), undo=QUndoStack(), settings=settings)


@pytest.fixture
def envs(qapp, settings: Settings) -> Iterator[Callable[[Laptop], UiEnv]]:  # noqa: ANN001
    made: list[UiEnv] = []

    def make(laptop: Laptop) -> UiEnv:
        made.append(_env(laptop, settings))
        return made[-1]

    yield make
    for env in made:
        env.runner.wait_idle()


def shown(qtbot: QtBot, env: UiEnv) -> ConflictsView:
    view = ConflictsView(env)
    qtbot.addWidget(view)
    view.resize(1100, 560)
    view.show()
    qtbot.waitExposed(view)
    view.activateWindow()
    view.table.setFocus()
    settle(qtbot, view)
    return view


def settle(qtbot: QtBot, view: ConflictsView) -> None:
    qtbot.waitUntil(lambda: not view.env.runner.loading(view, "conflicts"), timeout=10_000)


def cells(view: ConflictsView, column: int) -> list[str]:
    return [view.model.index(r, column).data() for r in range(view.model.rowCount())]


def test_field_conflicts_read_as_a_person_reads_them(qtbot: QtBot, pair, envs) -> None:  # noqa: ANN001
    a, b, _ = pair
    view = shown(qtbot, envs(b))
    assert view.model.rowCount() == 3
    assert set(cells(view, 0)) == {BANK["name"]}
    assert set(cells(view, 1)) == {"Customer"}
    assert sorted(cells(view, 2)) == ["Competitor's contract ends", "Price sensitive", "Value grade"]
    rows = {view.model.index(r, 2).data(): r for r in range(3)}
    kept, other = cells(view, 3), cells(view, 4)
    assert (kept[rows["Value grade"]], other[rows["Value grade"]]) == ("★ A (key)", "C")
    assert (kept[rows["Price sensitive"]], other[rows["Price sensitive"]]) == ("★ Yes", "No")
    end = kept[rows["Competitor's contract ends"]]
    assert "2027" in end and "31" in end and "{" not in end and '"' not in end
    assert set(cells(view, 5)) == {"王经理 / 李经理"}
    assert view.count.text() == "3 open"
    assert view.detail.isVisible() and "王经理" in view.kept_who.text()


def test_keyboard_choices_resolve_and_sync_to_the_other_laptop(qtbot: QtBot, pair, envs) -> None:  # noqa: ANN001
    a, b, customer_id = pair
    view = shown(qtbot, envs(b))
    rows = {view.model.index(r, 2).data(): r for r in range(3)}
    view.table.setCurrentIndex(view.model.index(0, 0))
    for _ in range(rows["Value grade"]):
        qtbot.keyClick(view.table, Qt.Key.Key_Down)
    assert view.current_line().field == "value_grade"
    with qtbot.waitSignal(view.resolved):
        qtbot.keyClick(view.table, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)  # take the other: C
    settle(qtbot, view)
    assert view.model.rowCount() == 2
    with qtbot.waitSignal(view.resolved):
        qtbot.keyClick(view.table, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)  # keep the provisional
    settle(qtbot, view)
    assert view.model.rowCount() == 1
    with qtbot.waitSignal(view.customer_requested) as opened:
        qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert opened.args == [customer_id]

    view.filter.setCurrentIndex(2)  # all
    settle(qtbot, view)
    assert view.model.rowCount() == 3
    assert sorted(cells(view, 7)) == ["Open", "Resolved by 李经理", "Resolved by 李经理"]

    for laptop in (b, a):
        assert laptop.sync().refused == 0
    assert customers.get_customer(a.ctx, customer_id=customer_id).value_grade == "C"
    assert len(merge.describe_conflicts(a.ctx)) == 1  # the third is still open, on both laptops
    other_view = shown(qtbot, envs(a))
    assert other_view.model.rowCount() == 1


def test_no_conflicts_is_said_so(qtbot: QtBot, team: Team, envs) -> None:  # noqa: ANN001
    a = team.laptop("王经理")
    customers.create_customer(a.ctx, values=BANK)
    a.sync()
    view = shown(qtbot, envs(a))
    assert view.stack.currentWidget() is view.empty and view.empty.isVisible()
    assert view.empty.text().startswith("No conflicts")
    assert not view.detail.isVisible()
    assert not view.choose(KEPT)


def test_a_sync_that_brings_a_conflict_refreshes_the_screen(qtbot: QtBot, pair, envs) -> None:  # noqa: ANN001
    from workbench.services.changes import Changes

    a, b, _ = pair
    env = envs(a)
    view = shown(qtbot, env)
    assert view.model.rowCount() == 3  # a pulled them
    merge_line = merge.describe_conflicts(b.ctx)[0]
    from workbench.services import conflicts as conflict_service

    conflict_service.resolve_conflict(b.ctx, conflict_id=merge_line.id, keep=KEPT)
    b.sync()
    a.sync()
    env.bus.publish(Changes({"conflicts": frozenset({merge_line.id})}, {"conflicts": frozenset({"update"})}))
    settle(qtbot, view)
    assert view.model.rowCount() == 2


def _duplicates(team: Team) -> tuple[Laptop, Laptop, str, str]:
    a, b = team.laptop("王经理"), team.laptop("李经理")
    code = generate_credit_code(random.Random(7))
    first = customers.create_customer(a.ctx, values={**BANK, "credit_code": code})
    second = customers.create_customer(b.ctx, values={**BANK, "name": "工商银行西湖支行", "credit_code": code,
                                                      "region": "西湖区"})
    contacts.add_contact(a.ctx, customer_id=first.id, values={"name": "王喆"})
    contacts.add_contact(b.ctx, customer_id=second.id, values={"name": "李堃"})
    for laptop in (a, b, a):
        assert laptop.sync().refused == 0
    return a, b, first.id, second.id


def test_duplicate_customers_are_merged_from_the_screen(qtbot: QtBot, team: Team, envs) -> None:  # noqa: ANN001
    a, b, first, second = _duplicates(team)
    view = shown(qtbot, envs(a))
    [line] = view.model.lines
    assert line.kind == "duplicate_customer"
    assert cells(view, 2) == ["Same credit code"]
    assert cells(view, 3) == [f"★ {BANK['name']} (1 contacts, 0 visits, 0 offers)"]
    assert "工商银行西湖支行" in view.other_button.text()
    with qtbot.waitSignal(view.resolved):
        qtbot.keyClick(view.table, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)  # keep the second
    settle(qtbot, view)
    assert view.stack.currentWidget() is view.empty
    for laptop in (a, b):
        assert laptop.sync().refused == 0
    for laptop in (a, b):
        assert {c.name for c in contacts.list_contacts(laptop.ctx, customer_id=second)} == {"王喆", "李堃"}
        with pytest.raises(NotFoundError):  # the other is a tombstone
            customers.get_customer(laptop.ctx, customer_id=first)
        assert merge.describe_conflicts(laptop.ctx) == []


def test_chinese_screen_renders(qtbot: QtBot, team: Team, envs, tmp_path: Path, qapp) -> None:  # noqa: ANN001
    a, b, first, second = _duplicates(team)
    customers.update_customer(a.ctx, customer_id=first, changes={"value_grade": "A", "notes": "行长关注专线"})
    customers.update_customer(b.ctx, customer_id=first, changes={"value_grade": "B", "notes": "需要报价"})
    for laptop in (a, b):
        laptop.sync()
    from workbench.ui.fonts import apply_app_font, missing_glyphs

    font = qapp.font()
    try:
        apply_app_font(qapp)
        i18n.install("zh_CN")
        view = shown(qtbot, envs(b))
        assert view.model.rowCount() == 3
        assert view.filter.itemText(0) == "未解决的冲突"
        assert view.model.headerData(3, Qt.Orientation.Horizontal) == "★ 保留值(暂定)"
        assert "相同的信用代码" in cells(view, 2)
        view.table.setCurrentIndex(view.model.index(1, 0))
        qapp.processEvents()
        shown_text = "".join(str(view.model.index(r, c).data()) for r in range(3) for c in range(8))
        shown_text += view.kept_title.text() + view.keep_button.text() + view.state.text() + view.detail.title()
        assert [ch for ch in missing_glyphs(shown_text) if ch != "★"] == []  # the bundled font has them
        out = Path(os.environ.get("WORKBENCH_SCREENSHOT_DIR", tmp_path)) / "conflicts-zh.png"
        assert view.grab().save(str(out))
        assert out.stat().st_size > 10_000
    finally:
        i18n.install("en")
        qapp.setFont(font)
        qapp.processEvents()
    assert view.filter.itemText(0) == "Open conflicts"  # retranslated back


def test_choosing_a_settled_conflict_says_why(qtbot: QtBot, pair, envs) -> None:  # noqa: ANN001
    from workbench.services import conflicts as conflict_service

    a, b, _ = pair
    view = shown(qtbot, envs(b))
    line = view.current_line()
    assert line is not None
    conflict_service.resolve_conflict(b.ctx, conflict_id=line.id, keep=OTHER)  # meanwhile, elsewhere
    assert not view.choose(KEPT)
    assert "already resolved" in view.state.text()
    settle(qtbot, view)
    assert view.model.rowCount() == 2
