"""Catalogue search (name zh/en with its pinyin and initials, code, category) and the FABE
talking points of a product."""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from workbench.pricing import Catalogue
from workbench.pricing.model import UNITS
from workbench.services.product_search import ProductSearch
from workbench.ui.i18n import Retranslating
from workbench.ui.offers.format import money, text

_CODE = Qt.ItemDataRole.UserRole


class CataloguePanel(Retranslating, QWidget):
    """Type to filter (as the customer search: pinyin and initials too); Up/Down move in the
    list; Enter (or the button) adds the highlighted product; no match is said under the search."""

    add_requested = Signal(str)  # product code
    highlighted = Signal(str)  # product code

    def __init__(self, catalogue: Catalogue, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.catalogue = catalogue
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.caption = QLabel()
        layout.addWidget(self.caption)
        self.search = QLineEdit()
        self.search.setObjectName("catalogue_search")
        self.search.setClearButtonEnabled(True)
        self.caption.setBuddy(self.search)
        layout.addWidget(self.search)
        self.no_match = QLabel()
        self.no_match.setObjectName("catalogue_no_match")
        self.no_match.setWordWrap(True)
        self.no_match.hide()
        layout.addWidget(self.no_match)
        self.list = QListWidget()
        self.list.setObjectName("catalogue_list")
        layout.addWidget(self.list, 1)
        self.add_button = QPushButton()
        layout.addWidget(self.add_button)
        self.search.textChanged.connect(self._filter)
        # Enter in the search adds the highlighted product: handled in eventFilter and
        # consumed there, else a QDialog would also click its default button (a second add).
        self.search.installEventFilter(self)
        self.list.itemActivated.connect(lambda _item: self.add_current())
        self.list.currentItemChanged.connect(self._current_changed)
        self.add_button.clicked.connect(self.add_current)
        self._finder = ProductSearch(catalogue)
        self.retranslate()


    def retranslate(self) -> None:
        self.caption.setText(self.tr("&Find a product (Ctrl+F):"))
        self.search.setPlaceholderText(self.tr("name, pinyin, code or category"))
        self.add_button.setText(self.tr("&Add to the offer (Enter)"))
        current = self.current_code()
        self.list.clear()
        for p in self.catalogue.products:
            unit = UNITS.get(p.unit)
            item = QListWidgetItem(f"{p.code}  {text(p.name)}")
            item.setToolTip(f"{text(p.name)}\n{money(p.list_price)} {text(unit) if unit else ''}")
            item.setData(_CODE, p.code)
            self.list.addItem(item)
        self._filter(self.search.text())
        if current:
            self.select(current)

    def current_code(self) -> str | None:
        item = self.list.currentItem()
        return str(item.data(_CODE)) if item is not None and not item.isHidden() else None

    def select(self, code: str) -> None:
        for i in range(self.list.count()):
            if self.list.item(i).data(_CODE) == code:
                self.list.setCurrentRow(i)

    def add_current(self) -> None:
        code = self.current_code()
        if code:
            self.add_requested.emit(code)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                self._step(1 if event.key() == Qt.Key.Key_Down else -1)
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers():
                self.add_current()
                return True
        return super().eventFilter(watched, event)

    def _step(self, delta: int) -> None:
        rows = [i for i in range(self.list.count()) if not self.list.item(i).isHidden()]
        if not rows:
            return
        current = self.list.currentRow()
        pos = rows.index(current) + delta if current in rows else 0
        self.list.setCurrentRow(rows[max(0, min(pos, len(rows) - 1))])

    def _filter(self, query: str) -> None:
        shown = set(self._finder.codes(query))
        first = None
        for i in range(self.list.count()):
            item = self.list.item(i)
            hidden = str(item.data(_CODE)) not in shown
            item.setHidden(hidden)
            if not hidden and first is None:
                first = i
        self.no_match.setText(self.tr("No product matches “{0}”").format(query.strip()))
        self.no_match.setVisible(not shown)
        current = self.list.currentItem()
        if (current is None or current.isHidden()) and first is not None:
            self.list.setCurrentRow(first)
        elif first is None:
            self.highlighted.emit("")  # nothing to talk about: the FABE pane says so

    def _current_changed(self, item: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        if item is not None:
            self.highlighted.emit(str(item.data(_CODE)))


class FabeView(QTextBrowser):
    """Feature, advantage, benefit and the evidence, the customer's industry first."""

    def __init__(self, catalogue: Catalogue, industry: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fabe")
        self.catalogue, self.industry = catalogue, industry
        self.code: str | None = None

    def show_product(self, code: str | None) -> None:
        self.code = code
        product = self.catalogue.product(code) if code else None
        if product is None:
            self.setHtml(html.escape(self.tr("Select a product to see its talking points (FABE).")))
            return
        f = product.fabe
        rows = [f"<b>{html.escape(text(product.name))}</b> <small>{html.escape(product.code)}</small>",
                self._row(self.tr("Feature"), text(f.feature)),
                self._row(self.tr("Advantage"), text(f.advantage)),
                self._row(self.tr("Benefit"), text(f.benefit))]
        cases = sorted(f.evidence, key=lambda e: e.industry != self.industry)
        for e in cases:
            mark = self.tr(" (your customer's industry)") if e.industry == self.industry else ""
            story = "{}: {}{}".format(text(e.customer), text(e.story),
                                      self.tr(" [illustrative]") if e.illustrative else "")
            rows.append(self._row(self.tr("Evidence") + mark, story))
        if not cases:
            rows.append(self._row(self.tr("Evidence"), self.tr("no reference case yet")))
        self.setHtml("<br>".join(rows))

    @staticmethod
    def _row(title: str, body: str) -> str:
        return f"<b>{html.escape(title)}:</b> {html.escape(body)}"
