"""The offer builder, driven as a manager would: search, add, type, see the totals move."""

from __future__ import annotations

import json
import time
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from offer_ui import add, focused  # tests/ui/offers/offer_ui.py
from PySide6.QtCore import QDate, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit

from workbench.pricing import Catalogue, Policy, load_catalogue, load_policy, parse_offer, price
from workbench.ui.offers.builder import OfferBuilder
from workbench.ui.offers.format import money
from workbench.ui.offers.lines_model import DISC, MONTHLY, PROBLEMS, QTY, TERM

TODAY = date(2026, 11, 24)
EXAMPLES = Path(__file__).resolve().parents[3] / "docs" / "examples"
BANK = {"name": "某市商业银行西湖支行", "industry": "banking", "member_joined": "2009-05-12", "at_risk": False,
        "mobile_lines": 160}


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_catalogue()


@pytest.fixture(scope="module")
def policy() -> Policy:
    return load_policy()


def make(qtbot: Any, ui_env: Any, catalogue: Catalogue, policy: Policy, customer: Any = None,
         **kw: Any) -> OfferBuilder:
    builder = OfferBuilder(ui_env, customer=customer or BANK, catalogue=catalogue, policy=policy, today=TODAY, **kw)
    qtbot.addWidget(builder)
    builder.resize(1500, 900)
    with qtbot.waitActive(builder):  # shortcuts work in the active window only
        builder.show()
        builder.activateWindow()
    return builder


def type_into(qtbot: Any, builder: OfferBuilder, row: int, col: int, value: str) -> None:
    """Open the cell's editor like a user and type ``value`` over what is there."""
    index = builder.lines.index(row, col)
    builder.table.setCurrentIndex(index)
    if builder.table.indexWidget(index) is None:
        builder.table.edit(index)
    editor = builder.table.indexWidget(index)
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    QTest.keyClicks(editor, value)


def shown(builder: OfferBuilder, key: str) -> str:
    return builder.summary.values[key].text()


def bank_expected(catalogue: Catalogue, policy: Policy) -> Any:
    data = json.loads((EXAMPLES / "bank-branch-bundle.json").read_text("utf-8"), parse_float=Decimal)
    return price(catalogue, policy, parse_offer(data), today=TODAY)


def test_seed_schemes_and_lines_give_the_engines_totals_to_the_fen(qtbot, ui_env, catalogue, policy) -> None:
    builder = make(qtbot, ui_env, catalogue, policy)
    for query, qty, term, disc in (("MOB-58", "120", "36", ""), ("MOB-98", "20", "36", "2"),
                                   ("DIA-20M", "1", "36", ""), ("MSTP-2M", "8", "36", ""),
                                   ("wlan", "6", "24", "")):
        row = add(builder, query)
        type_into(qtbot, builder, row, QTY, qty)
        type_into(qtbot, builder, row, TERM, term)
        if disc:
            type_into(qtbot, builder, row, DISC, disc)
    for code, members, joined, held in (("NETAGE-T1-OLD", 30, QDate(2009, 5, 12), False),
                                        ("NETAGE-T1-NEW", 30, QDate(2015, 3, 1), False),
                                        ("NETAGE-T2", 20, QDate(2009, 5, 12), True)):
        builder.schemes.add_button.click()
        row_widget = builder.schemes.rows[-1]
        row_widget.scheme.setCurrentIndex(row_widget.scheme.findData(code))
        row_widget.members.setValue(members)
        row_widget.joined.setDate(joined)
        row_widget.held.setChecked(held)
    expected = bank_expected(catalogue, policy)
    assert builder.errors == []
    t = expected.totals
    assert shown(builder, "monthly_recurring") == money(t.monthly_recurring) == "¥20,770.00"
    assert shown(builder, "over_term") == money(t.over_term) == "¥764,545.60"
    assert shown(builder, "first_year") == money(t.first_year)
    assert shown(builder, "one_off") == money(t.one_off + t.installation)  # installation included
    assert shown(builder, "savings") == money(t.savings)
    assert shown(builder, "prestore") == money(t.prestore) == "¥9,420.00"
    assert shown(builder, "effective_discount_percent") == "10.80%"
    assert builder.quote is not None and builder.quote.totals == t
    assert builder.lines.index(1, MONTHLY).data() == money(expected.lines[1].monthly)
    assert builder.summary.schedule.rowCount() == len(expected.schedule)
    assert "4" in builder.summary.gifts.text()  # the oil of the schemes
    assert builder.summary.verdict_level() == "within"


def test_typing_a_quantity_reprices_and_emits_priced(qtbot, ui_env, catalogue, policy) -> None:
    builder = make(qtbot, ui_env, catalogue, policy)
    row = add(builder, "MOB-58")
    before = shown(builder, "monthly_recurring")
    emitted: list[Any] = []
    builder.priced.connect(emitted.append)
    type_into(qtbot, builder, row, QTY, "25")
    assert [q.lines[0].quantity for q in emitted] == [2, 25]  # one re-pricing per keystroke
    after = shown(builder, "monthly_recurring")
    assert after != before
    assert after == money(emitted[-1].totals.monthly_recurring) == money(Decimal("58.00") * 25)


def test_term_below_minimum_is_marked_beside_the_line_and_kept(qtbot, ui_env, catalogue, policy) -> None:
    builder = make(qtbot, ui_env, catalogue, policy)
    add(builder, "MOB-58")
    row = add(builder, "DIA-20M")
    type_into(qtbot, builder, row, TERM, "6")
    assert [e.field for e in builder.errors] == ["lines[1].term_months"]
    assert builder.lines.index(row, TERM).data() == "6"  # what was typed is still there
    problem = builder.lines.index(row, PROBLEMS).data()
    assert "12" in problem and "DIA-20M" in problem
    assert builder.line_problems.isVisible() and builder.line_problems.text().startswith("Line 2: ")
    assert builder.lines.index(row, TERM).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert builder.lines.index(0, TERM).data(Qt.ItemDataRole.BackgroundRole) is None
    assert builder.summary.verdict_level() == "refused"
    assert shown(builder, "monthly_recurring") == "—"
    type_into(qtbot, builder, row, TERM, "24")
    assert builder.errors == [] and builder.summary.verdict_level() == "within"
    assert not builder.line_problems.isVisible()


def test_deep_manual_discount_needs_approval(qtbot, ui_env, catalogue, policy) -> None:
    builder = make(qtbot, ui_env, catalogue, policy)
    row = add(builder, "MOB-58")
    type_into(qtbot, builder, row, QTY, "60")
    assert builder.summary.verdict_level() == "within"
    builder.discount_edit.setFocus()
    QTest.keyClicks(builder.discount_edit, "20")  # + the 2 % quantity tier: 22 % off > the manager's 20 %
    assert builder.summary.verdict_level() == "needs_team_lead"
    assert "team lead" in builder.summary.verdict.text()
    builder.discount_edit.clear()
    QTest.keyClicks(builder.discount_edit, "27")  # 29 % off > the team lead's 28 %
    assert builder.summary.verdict_level() == "needs_hq"
    builder.discount_edit.clear()
    QTest.keyClicks(builder.discount_edit, "40")  # below the floor: refused beside the field
    assert builder.summary.verdict_level() == "refused"
    assert builder.discount_error.isVisible() and builder.discount_edit.text() == "40"


def test_removing_the_broadband_removes_its_gifts(qtbot, ui_env, catalogue, policy) -> None:
    builder = make(qtbot, ui_env, catalogue, policy, customer={"industry": "education", "mobile_lines": 85})
    add(builder, "MOB-58")
    row = add(builder, "BB-1000M")
    assert builder.quote is not None and {g.code for g in builder.quote.gifts} == {"MNS-STD", "WLAN-AP"}
    assert catalogue.product("MNS-STD").name.en in builder.summary.gifts.text()
    builder.table.setFocus()
    builder.table.setCurrentIndex(builder.lines.index(row, 0))
    QTest.keyClick(builder.table, Qt.Key.Key_Delete)
    assert [line.product for line in builder.draft.lines] == ["MOB-58"]
    assert builder.quote is not None and builder.quote.gifts == ()
    assert builder.summary.gifts.text() == "No gifts"


def test_ctrl_s_saves_a_document_the_engine_accepts(qtbot, ui_env, catalogue, policy) -> None:
    received: list[dict[str, Any]] = []

    def save(offer: dict[str, Any]) -> str:
        received.append(offer)
        return "offer-1"

    builder = make(qtbot, ui_env, catalogue, policy, save=save)
    builder.title_edit.setText("某银行 员工通信方案")
    builder.title_edit.textEdited.emit(builder.title_edit.text())
    row = add(builder, "MOB-98")
    type_into(qtbot, builder, row, DISC, "1.5")
    builder.schemes.add_button.click()
    builder.schemes.rows[0].joined.setDate(QDate(2015, 3, 1))
    builder.catalogue_panel.search.setFocus()
    with qtbot.waitSignal(builder.saved, timeout=1000) as blocker:
        QTest.keyClick(focused(builder), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert blocker.args == ["offer-1"]
    doc = json.loads(json.dumps(received[0]), parse_float=Decimal)
    offer = parse_offer(doc)
    assert offer.title == "某银行 员工通信方案"
    assert offer.lines[0].manual_discount_percent == Decimal("1.5")
    assert offer.schemes[0].scheme == "NETAGE-T1-NEW" and offer.schemes[0].member_joined == date(2015, 3, 1)
    assert price(catalogue, policy, offer, today=TODAY).totals == builder.quote.totals  # type: ignore[union-attr]


def test_a_refused_offer_is_not_saved(qtbot, ui_env, catalogue, policy) -> None:
    received: list[object] = []
    builder = make(qtbot, ui_env, catalogue, policy, save=received.append)
    row = add(builder, "MOB-58")
    type_into(qtbot, builder, row, QTY, "x")
    QTest.keyClick(focused(builder), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert received == []
    assert "red" in builder.status.text()


def test_edits_an_existing_offer_and_prints_the_keystroke_time(qtbot, ui_env, catalogue, policy) -> None:
    data = json.loads((EXAMPLES / "at-risk-hospital.json").read_text("utf-8"), parse_float=Decimal)
    builder = make(qtbot, ui_env, catalogue, policy, customer=data["customer"], offer=data)
    expected = price(catalogue, policy, parse_offer(data), today=TODAY)
    assert builder.quote is not None and builder.quote.totals == expected.totals
    assert builder.summary.verdict_level() == expected.authority.level == "needs_team_lead"
    codes = [p.code for p in catalogue.products if p.recurring]
    for i in range(50 - len(builder.draft.lines)):
        builder.lines.add(codes[i % len(codes)])
    builder.reprice()
    assert len(builder.draft.lines) == 50 and builder.quote is not None
    timings = []
    for n in range(20):
        index = builder.lines.index(10, QTY)
        start = time.perf_counter()
        builder.lines.setData(index, str(5 + n))  # what the delegate does on a keystroke
        timings.append(time.perf_counter() - start)
    painted = []
    for n in range(20):
        index = builder.lines.index(10, QTY)
        start = time.perf_counter()
        builder.lines.setData(index, str(30 + n))
        QApplication.processEvents()  # layout and paint of what changed
        painted.append(time.perf_counter() - start)
    timings.sort()
    painted.sort()
    print(f"\nkeystroke-to-totals at 50 lines: handler median {timings[10] * 1000:.2f} ms, "
          f"worst {timings[-1] * 1000:.2f} ms; with paint median {painted[10] * 1000:.2f} ms, "
          f"worst {painted[-1] * 1000:.2f} ms")
    assert builder.quote.lines[10].quantity == 49
    assert shown(builder, "monthly_recurring") == money(builder.quote.totals.monthly_recurring)


def test_search_matches_chinese_names_and_categories(qtbot, ui_env, catalogue, policy) -> None:
    builder = make(qtbot, ui_env, catalogue, policy)
    panel = builder.catalogue_panel
    panel.search.setText("宽带")  # Chinese is set, not typed (QTest types ASCII only)
    visible = [panel.list.item(i).text().split()[0] for i in range(panel.list.count()) if not panel.list.item(i).isHidden()]
    assert visible == ["BB-100M", "BB-1000M"]
    assert "Gigabit" not in builder.fabe.toPlainText()  # FABE follows the highlighted product
    QTest.keyClick(panel.search, Qt.Key.Key_Down)
    assert "Gigabit" in builder.fabe.toPlainText()
    QTest.keyClick(panel.search, Qt.Key.Key_Return)
    panel.search.setText("circuit")  # the category's English label
    QTest.keyClick(panel.search, Qt.Key.Key_Return)
    assert [line.product for line in builder.draft.lines] == ["BB-1000M", "MSTP-2M"]
