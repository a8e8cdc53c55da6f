"""A line refused below its price floor (issue 13, item 5), typed by keyboard in the real dialog.

Before: every line's prices went blank, the reason was printed twice ("Line 2: line 2 MOB-98:
..." under the table and again in the line's detail) and the verdict said "fix the fields
marked in red" while the refused cell, being the current one, showed the selection's blue.
Now: the other lines keep their prices, the totals say they wait for the refused line, the
refused cell is red (selected or not) with the reason in its tooltip, and one message names
the line (number and product) and the floor, in English and in Chinese.
"""

from __future__ import annotations

from typing import Any

import pytest
from offer_ui import add, focused  # tests/ui/offers/offer_ui.py
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit

from workbench.pricing import parse_offer, price
from workbench.services import customers
from workbench.services.offers import list_offers
from workbench.ui import i18n
from workbench.ui.offers.builder import OfferBuilder
from workbench.ui.offers.dialog import OfferDialog
from workbench.ui.offers.format import money
from workbench.ui.offers.lines_model import DISC, MONTHLY, NET, PROBLEMS, QTY

FLOOR = "¥68.00"  # MOB-98: list ¥98.00, floor ¥68.00; 60 % off gives ¥39.20


@pytest.fixture
def dialog(qtbot: Any, ui_env: Any) -> OfferDialog:
    """The offer dialog of a bank in the store, shown and active (its size is the dialog's own)."""
    c = customers.create_customer(ui_env.ctx, values={"name": "某市商业银行西湖支行", "industry_code": "banking"})
    d = OfferDialog(ui_env, c)
    qtbot.addWidget(d)
    with qtbot.waitActive(d):
        d.show()
        d.activateWindow()
    return d


def key(builder: OfferBuilder, k: Qt.Key) -> None:
    QTest.keyClick(focused(builder), k)


def type_keys(builder: OfferBuilder, keys: str) -> None:
    """Each key to where the keys go at that moment (the first opens the cell's editor)."""
    for ch in keys:
        QTest.keyClicks(focused(builder), ch)


def three_lines_then_60_off_line_2(builder: OfferBuilder) -> None:
    """MOB-58 x 20, MOB-98, DIA-20M; then Up, Right, Right to line 2's Manual %, type 60, Enter."""
    add(builder, "MOB-58")
    type_keys(builder, "20")
    key(builder, Qt.Key.Key_Return)
    add(builder, "MOB-98")
    key(builder, Qt.Key.Key_Return)
    add(builder, "DIA-20M")
    key(builder, Qt.Key.Key_Return)
    for k in (Qt.Key.Key_Up, Qt.Key.Key_Right, Qt.Key.Key_Right):
        key(builder, k)
    assert builder.table.currentIndex() == builder.lines.index(1, DISC)
    type_keys(builder, "60")
    assert isinstance(focused(builder), QLineEdit) and focused(builder).text() == "60"
    key(builder, Qt.Key.Key_Return)


def texts_naming_the_floor(root: Any) -> list[str]:
    return [w.text() for w in root.findChildren(QLabel) if w.isVisible() and FLOOR in w.text()]


def cell_colour(builder: OfferBuilder, row: int, col: int) -> QColor:
    QApplication.processEvents()
    rect = builder.table.visualRect(builder.lines.index(row, col))
    image = builder.table.viewport().grab().toImage()
    return image.pixelColor(rect.left() + 3, rect.center().y())  # beside the text, not on it


def test_a_line_below_its_floor_keeps_the_others_priced_and_says_so_once(qtbot: Any, dialog: OfferDialog) -> None:
    builder = dialog.builder
    three_lines_then_60_off_line_2(builder)
    lines = builder.lines

    # nothing typed is lost
    assert builder.draft.lines[1].discount == "60" and lines.index(1, DISC).data() == "60"
    assert [line.quantity for line in builder.draft.lines] == ["20", "1", "1"]

    # the other lines keep the prices they have in this offer (same products, same bundle)
    doc = builder.draft.to_dict()
    doc["lines"][1].pop("manual_discount_percent")
    expected = price(builder.catalogue, builder.policy, parse_offer(doc), today=builder.today)
    for row in (0, 2):
        assert lines.index(row, MONTHLY).data() == money(expected.lines[row].monthly) != ""
        assert lines.index(row, NET).data() == money(expected.lines[row].net_unit)
    assert lines.index(1, MONTHLY).data() == ""  # the refused line is not priced

    # the totals say they wait for it, not "fix the fields marked in red"
    verdict = builder.summary.verdict.text()
    assert builder.summary.verdict_level() == "refused"
    assert "wait" in verdict and "fix the fields" not in verdict
    assert builder.summary.values["monthly_recurring"].text() == "—"

    # the refused cell, and only it, is marked: tinted, red even while selected, the reason as tooltip
    assert lines.index(1, DISC).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert all(lines.index(r, c).data(Qt.ItemDataRole.BackgroundRole) is None
               for r in range(3) for c in (QTY, DISC, NET) if (r, c) != (1, DISC))
    assert builder.table.currentIndex() == lines.index(1, DISC)
    red = cell_colour(builder, 1, DISC)
    assert red.red() > 150 and red.green() < 120 and red.blue() < 120, red.name()
    tip = lines.index(1, DISC).data(Qt.ItemDataRole.ToolTipRole)
    assert FLOOR in tip and "Group member plan 98" in tip

    # one message, naming the line and the floor; the problems column does not repeat it
    assert texts_naming_the_floor(dialog) == [
        "Line 2 (Group member plan 98): the net unit price ¥39.20 is below the price floor ¥68.00; "
        "lower the discount to offer it"]
    assert FLOOR not in lines.index(1, PROBLEMS).data() and lines.index(1, PROBLEMS).data()
    assert "line 2 MOB-98" not in " ".join(w.text() for w in dialog.findChildren(QLabel))

    # not saved while refused
    QTest.keyClick(focused(builder), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert dialog.isVisible() and list_offers(builder.env.ctx, customer_id=dialog.customer.id) == []

    # fixed by typing over it: everything priced
    key(builder, Qt.Key.Key_F2)
    QTest.keyClick(focused(builder), Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(focused(builder), "5")
    key(builder, Qt.Key.Key_Return)
    assert builder.errors == [] and builder.quote is not None
    assert lines.index(1, MONTHLY).data() == money(builder.quote.lines[1].monthly)
    assert lines.index(1, DISC).data(Qt.ItemDataRole.BackgroundRole) is None
    assert not builder.line_problems.isVisible() and builder.summary.verdict_level() == "within"
    assert "floor ¥68.00" in builder.line_detail.text()  # the line's pricing, as for any priced line


def test_the_message_and_the_verdict_in_chinese(qtbot: Any, dialog: OfferDialog, english_after: None) -> None:
    builder = dialog.builder
    three_lines_then_60_off_line_2(builder)
    i18n.install("zh_CN")
    QApplication.processEvents()
    assert texts_naming_the_floor(dialog) == [
        "第 2 行（集团成员套餐 98 元）：净单价 ¥39.20 低于底线价 ¥68.00，降低优惠后才能报价"]
    assert builder.summary.verdict.text() == "暂未报价：合计待标红的被拒行修正后计算"
    assert "¥68.00" in builder.lines.index(1, DISC).data(Qt.ItemDataRole.ToolTipRole)


def test_a_whole_offer_discount_below_a_floor_names_the_line_beside_the_field(qtbot: Any, dialog: OfferDialog) -> None:
    builder = dialog.builder
    add(builder, "MOB-58")
    key(builder, Qt.Key.Key_Return)
    add(builder, "DIA-20M")
    key(builder, Qt.Key.Key_Return)
    builder.discount_edit.setFocus()
    QTest.keyClicks(builder.discount_edit, "31")  # MOB-58 at 31 % is ¥40.02 (floor ¥40.00); DIA-20M is not
    assert builder.discount_edit.text() == "31"
    messages = [w.text() for w in dialog.findChildren(QLabel) if w.isVisible() and "floor" in w.text()]
    assert messages == ["Line 2 (Dedicated internet line 20 Mbit/s): the net unit price ¥1,380.00 is below the "
                        "price floor ¥1,400.00; lower the discount to offer it"]
    assert builder.discount_error.text() == messages[0]
    assert builder.lines.index(0, MONTHLY).data() != ""  # MOB-58 is still priced
    assert builder.lines.index(1, MONTHLY).data() == ""
