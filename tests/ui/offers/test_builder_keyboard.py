"""The offer builder by keyboard, as a manager types at the client's desk (issue 13, items 1 and 2)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from offer_ui import add, focused  # tests/ui/offers/offer_ui.py
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit

from workbench.ui.offers.builder import OfferBuilder
from workbench.ui.offers.format import pct
from workbench.ui.offers.lines_model import DISC, OFF, QTY, TERM


def click(builder: OfferBuilder, row: int, col: int) -> None:
    index = builder.lines.index(row, col)
    QTest.mouseClick(builder.table.viewport(), Qt.MouseButton.LeftButton, pos=builder.table.visualRect(index).center())


# --- item 1: the first keystroke typed into a cell is never lost ------------------------------
@pytest.mark.parametrize("col", [DISC, QTY, TERM])
def test_clicking_the_current_cell_and_typing_at_once_keeps_every_key(builder: OfferBuilder, col: int) -> None:
    row = add(builder, "MOB-58")
    add(builder, "MOB-98")
    click(builder, row, col)  # the cell becomes the current one
    assert builder.table.currentIndex() == builder.lines.index(row, col)
    click(builder, row, col)  # the current cell, clicked again: typing follows at once, no pause
    QTest.keyClicks(focused(builder), "10")
    editor = focused(builder)
    assert isinstance(editor, QLineEdit) and editor.text() == "10"
    attr = {DISC: "discount", QTY: "quantity", TERM: "term"}[col]
    assert getattr(builder.draft.lines[row], attr) == "10"
    assert builder.lines.index(row, col).data() == "10"
    QApplication.processEvents()
    QTest.qWait(QApplication.doubleClickInterval() + 100)  # nothing arriving later undoes it
    assert getattr(builder.draft.lines[row], attr) == "10"
    assert builder.lines.index(row, col).data() == "10"


def test_a_typed_manual_discount_prices_the_line(builder: OfferBuilder) -> None:
    row = add(builder, "MOB-58")
    click(builder, row, DISC)
    click(builder, row, DISC)
    QTest.keyClicks(focused(builder), "10")
    QTest.keyClick(focused(builder), Qt.Key.Key_Return)
    assert builder.draft.lines[row].discount == "10"
    assert builder.quote is not None
    line = builder.quote.lines[row]
    assert Decimal(10) in [d.percent for d in line.discounts]  # the manual 10 %, not a fallback
    assert line.discount_percent >= 10
    assert builder.lines.index(row, OFF).data() == pct(line.discount_percent)


# --- item 2: after adding, the keys go to the new line's quantity -----------------------------
def test_after_adding_a_product_typing_sets_its_quantity(builder: OfferBuilder) -> None:
    add(builder, "MOB-58")
    row = add(builder, "DIA-20M")
    assert builder.table.currentIndex() == builder.lines.index(row, QTY)
    QTest.keyClicks(focused(builder), "48")
    assert builder.catalogue_panel.search.text() == "DIA-20M"  # not a search for DIA-20M48
    assert [line.quantity for line in builder.draft.lines] == ["1", "48"]
    assert builder.quote is not None and builder.quote.lines[row].quantity == 48
    QTest.keyClick(focused(builder), Qt.Key.Key_Return)  # done with the cell
    assert builder.draft.lines[row].quantity == "48"
    add(builder, "wlan")  # and Ctrl+F takes the user back to the search for the next product
    assert [line.product for line in builder.draft.lines] == ["MOB-58", "DIA-20M", "WLAN-AP"]
