"""The offer builder (组合方案): a manager builds a priced bundle offer with the client, offline.

``OfferBuilder`` is a QWidget (so it can sit in the customer page or in a dialog of the
caller's choosing). It edits an in-memory offer (:class:`OfferDraft`) and re-prices it with
the pure engine (:func:`workbench.pricing.price`) on every keystroke: no I/O, no services.
Saving hands the JSON offer document (``docs/offer-format.md``) to the injected ``save``
callable; the caller decides where it goes (``services.offers``).

Keyboard: Ctrl+F the catalogue search, Enter adds the highlighted product and puts the
typing in its quantity (Enter again leaves the cell), Delete removes the current line,
Ctrl+S saves.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from workbench.domain.enums import INDUSTRIES
from workbench.domain.errors import FieldError, ValidationError
from workbench.pricing import Catalogue, LinesRefused, Policy, Quote, QuoteLine, price
from workbench.pricing.money import pct_text
from workbench.ui.env import UiEnv
from workbench.ui.errors import show_error, write_problem
from workbench.ui.i18n import Retranslating
from workbench.ui.labels import label
from workbench.ui.offers.catalogue_panel import CataloguePanel, FabeView
from workbench.ui.offers.draft import OfferDraft, customer_facts
from workbench.ui.offers.format import money, text
from workbench.ui.offers.lines_model import (
    DISC,
    LIST,
    MONTHLY,
    NET,
    OFF,
    ONE_OFF,
    PRODUCT,
    QTY,
    RULES,
    TERM,
    LineDelegate,
    LinesModel,
    LinesView,
)
from workbench.ui.offers.schemes_panel import SchemesPanel
from workbench.ui.offers.summary import SummaryPanel
from workbench.ui.screen_fit import vertical_scroll

_ERROR = "color: #b3261e;"
COLUMN_WIDTHS = {PRODUCT: 190, QTY: 64, TERM: 64, DISC: 64, LIST: 84, OFF: 64, NET: 84, MONTHLY: 96, ONE_OFF: 90}


class OfferBuilder(Retranslating, QWidget):
    priced = Signal(object)  # the Quote, after every successful re-pricing
    saved = Signal(object)  # whatever ``save`` returned

    def __init__(self, env: UiEnv, *, customer: Any, catalogue: Catalogue, policy: Policy, today: date,
                 offer: dict[str, Any] | None = None, save: Callable[[dict[str, Any]], object] | None = None,
                 role: str = "manager", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env, self.catalogue, self.policy, self.today = env, catalogue, policy, today
        self.role, self._save = role, save
        facts = customer_facts(customer)
        self.draft = OfferDraft.from_dict(offer, facts) if offer else OfferDraft(facts)
        self.quote: Quote | None = None
        self.errors: list[FieldError] = []
        self.refusal: LinesRefused | None = None  # what the engine could price of a refused offer
        self._build_ui()
        for choice in self.draft.schemes:
            self.schemes.add(choice)
        self.schemes.changed.connect(self._schemes_changed)
        self.retranslate()
        self.reprice()
        self.catalogue_panel.search.setFocus()  # a manager starts by finding a product

    # --- layout ------------------------------------------------------------------------------
    def _build_ui(self) -> None:
        outer = QVBoxLayout(self)
        head = QHBoxLayout()
        self.title_caption = QLabel()
        self.title_edit = QLineEdit(self.draft.title)
        self.title_edit.setObjectName("offer_title")
        self.title_caption.setBuddy(self.title_edit)
        self.customer_label = QLabel()
        head.addWidget(self.title_caption)
        head.addWidget(self.title_edit, 2)
        head.addWidget(self.customer_label, 1)
        outer.addLayout(head)
        self.general_error = QLabel()
        self.general_error.setObjectName("general_error")
        self.general_error.setStyleSheet(_ERROR)
        self.general_error.setWordWrap(True)
        self.general_error.hide()
        outer.addWidget(self.general_error)

        split = QSplitter(Qt.Orientation.Horizontal)
        left = QSplitter(Qt.Orientation.Vertical)
        self.catalogue_panel = CataloguePanel(self.catalogue)
        self.fabe = FabeView(self.catalogue, self.draft.customer.industry)
        left.addWidget(self.catalogue_panel)
        left.addWidget(self.fabe)
        split.addWidget(left)

        middle = QWidget()
        mid = QVBoxLayout(middle)
        mid.setContentsMargins(0, 0, 0, 0)
        self.lines = LinesModel(self.draft, self.catalogue, self)
        self.table = LinesView()
        self.table.setObjectName("offer_lines")
        self.table.setModel(self.lines)
        self.table.setItemDelegate(LineDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        # fixed widths: measuring every cell on every keystroke would cost more than the pricing
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(RULES, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(40)
        self.table.verticalHeader().setDefaultSectionSize(24)
        for col, width in COLUMN_WIDTHS.items():
            self.table.setColumnWidth(col, width)
        self.table.setWordWrap(False)
        mid.addWidget(self.table, 3)
        self.line_problems = QLabel()  # every refused line, in full, right under the table
        self.line_problems.setObjectName("line_problems")
        self.line_problems.setStyleSheet(_ERROR)
        self.line_problems.setWordWrap(True)
        self.line_problems.hide()
        mid.addWidget(self.line_problems)
        self.line_detail = QLabel()
        self.line_detail.setObjectName("line_detail")
        self.line_detail.setWordWrap(True)
        self.line_detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        mid.addWidget(self.line_detail)
        form = QFormLayout()
        self.discount_caption = QLabel()
        self.discount_edit = QLineEdit(self.draft.discount)
        self.discount_edit.setObjectName("offer_discount")
        self.discount_edit.setMaximumWidth(120)
        self.discount_caption.setBuddy(self.discount_edit)
        self.discount_error = QLabel()
        self.discount_error.setObjectName("offer_discount_error")
        self.discount_error.setStyleSheet(_ERROR)
        self.discount_error.setWordWrap(True)
        self.discount_error.hide()
        box = QVBoxLayout()
        box.addWidget(self.discount_edit)
        box.addWidget(self.discount_error)
        form.addRow(self.discount_caption, box)
        mid.addLayout(form)
        self.schemes = SchemesPanel(self.policy, self.today, self.draft.customer.member_joined)
        mid.addWidget(vertical_scroll(self.schemes), 2)  # a short screen scrolls the schemes
        split.addWidget(middle)

        self.summary = SummaryPanel()
        split.addWidget(vertical_scroll(self.summary))  # the totals scroll, never squash
        split.setChildrenCollapsible(False)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 7)
        split.setStretchFactor(2, 3)
        split.setSizes([240, 940, 420])
        outer.addWidget(split, 1)

        foot = QHBoxLayout()
        self.status = QLabel()
        self.status.setObjectName("save_status")
        self.status.setWordWrap(True)  # a disk problem takes two lines
        self.save_button = QPushButton()
        self.save_button.setObjectName("save")
        foot.addWidget(self.status, 1)
        foot.addWidget(self.save_button)
        outer.addLayout(foot)

        self.catalogue_panel.add_requested.connect(self.add_product)
        self.catalogue_panel.highlighted.connect(self.fabe.show_product)
        self.lines.edited.connect(self._line_edited)
        self.table.selectionModel().currentChanged.connect(self._current_line_changed)
        self.title_edit.textEdited.connect(self._title_edited)
        self.discount_edit.textEdited.connect(self._discount_edited)
        self.save_button.clicked.connect(self.save)
        find = QShortcut(QKeySequence.StandardKey.Find, self, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        find.activated.connect(self.focus_search)
        save = QShortcut(QKeySequence.StandardKey.Save, self, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save.activated.connect(self.save)
        delete = QShortcut(QKeySequence(Qt.Key.Key_Delete), self.table, context=Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.remove_current_line)
        self.setTabOrder(self.catalogue_panel.search, self.table)
        self.setTabOrder(self.table, self.discount_edit)
        self.fabe.show_product(self.catalogue_panel.current_code())


    def retranslate(self) -> None:
        self.title_caption.setText(self.tr("&Title:"))
        self.discount_caption.setText(self.tr("Whole-offer &discount (%):"))
        self.save_button.setText(self.tr("Save (Ctrl+S)"))
        self.lines.set_headers([self.tr("Product"), self.tr("Quantity"), self.tr("Term"), self.tr("Manual %"),
                                self.tr("List price"), self.tr("Discount"), self.tr("Net unit"), self.tr("Monthly"),
                                self.tr("One-off"), self.tr("Rules / problems")])
        c = self.draft.customer
        industry = next((i for i in INDUSTRIES if i.code == c.industry), None)
        facts = [label(industry) if industry else c.industry]
        if c.mobile_lines is not None:
            facts.append(self.tr("{} mobile lines").format(c.mobile_lines))
        if c.at_risk:
            facts.append(self.tr("at risk of leaving"))
        self.customer_label.setText(" · ".join([c.name, *facts] if c.name else facts))
        self.fabe.show_product(self.fabe.code)
        self._show()

    # --- actions -----------------------------------------------------------------------------
    def focus_search(self) -> None:
        self.catalogue_panel.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.catalogue_panel.search.selectAll()

    def add_product(self, code: str) -> None:
        """Add a line of ``code`` and put the user in its quantity, selected: typed digits replace it."""
        row = self.lines.add(code)
        self.reprice()
        index = self.lines.index(row, QTY)
        self.table.setCurrentIndex(index)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)  # the keys go where the highlight is
        self.table.edit(index)

    def remove_current_line(self) -> None:
        index = self.table.currentIndex()
        if not index.isValid():
            return
        self.lines.remove(index.row())
        self.reprice()

    def reprice(self) -> Quote | None:
        """Price the draft as typed; show the figures or mark every refused field. Cheap: no I/O."""
        offer, errors = self.draft.build()
        quote, refusal = None, None
        if offer is not None and (offer.lines or offer.schemes):
            try:
                quote = price(self.catalogue, self.policy, offer, role=self.role, today=self.today)
            except LinesRefused as exc:
                errors, refusal = list(exc.errors), exc
            except ValidationError as exc:
                errors = list(exc.errors)
        self.quote, self.errors, self.refusal = quote, errors, refusal
        self._show()
        if quote is not None:
            self.priced.emit(quote)
        return quote

    def save(self) -> None:
        if self.quote is None:
            self._status(self.tr("Not saved: the offer has fields marked in red") if self.errors
                         else self.tr("Not saved: the offer is empty"), error=True)
            return
        if self._save is None:
            self._status(self.tr("Saving is not available here"), error=True)
            return
        try:
            result = self._save(self.draft.to_dict())
        except ValidationError as exc:
            self.errors, self.refusal = list(exc.errors), exc if isinstance(exc, LinesRefused) else None
            self._show()
            self._status(self.tr("Not saved: the offer has fields marked in red"), error=True)
            return
        except Exception as exc:  # noqa: BLE001 - every failure reaches the user
            if (problem := write_problem(exc)) is not None:  # the disk: said here, the lines kept
                self._status(problem, error=True)
                return
            show_error(self, exc)
            return
        self._status(self.tr("Saved"))
        self.saved.emit(result)

    # --- reactions ---------------------------------------------------------------------------
    def _line_edited(self, _row: int, _attr: str) -> None:
        self.reprice()

    def _schemes_changed(self) -> None:
        self.draft.schemes = self.schemes.choices()
        self.reprice()

    def _title_edited(self, title: str) -> None:
        self.draft.title = title

    def _discount_edited(self, value: str) -> None:
        self.draft.discount = value
        self.reprice()

    def _current_line_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid() and current.row() < len(self.draft.lines):
            self.fabe.show_product(self.draft.lines[current.row()].product)
        self._show_line_detail()

    # --- showing -----------------------------------------------------------------------------
    def _show(self) -> None:
        errors, refusal = self.errors, self.refusal
        priced: tuple[QuoteLine, ...] = self.quote.lines if self.quote else refusal.lines if refusal else ()
        self.lines.show_result(priced, errors, refusal.below_floor if refusal else None)
        self.schemes.set_errors([e for e in errors if e.field.startswith("schemes[")])
        offer_errors = [self.lines.message(e) for e in errors if e.field == "manual_discount_percent"]
        self.discount_error.setText("\n".join(offer_errors))
        self.discount_error.setVisible(bool(offer_errors))
        self.discount_edit.setStyleSheet("background: #fdecea;" if offer_errors else "")
        # a refusal below a floor names its line itself; the others get "Line n: " before them
        problems = [self.lines.message(e) if self.lines.below_floor(e) else self.tr("Line {}: {}").format(row + 1, text(e))
                    for row in range(len(self.draft.lines)) for e in self.lines.line_errors(row)]
        self.line_problems.setText("\n".join(problems))
        self.line_problems.setVisible(bool(problems))
        general = [text(e) for e in errors if not e.field.startswith(("lines[", "schemes[", "manual_discount_percent"))]
        self.general_error.setText("\n".join(general))
        self.general_error.setVisible(bool(general))
        if self.quote is not None:
            self.summary.show_quote(self.quote)
        elif errors:
            lines_only = all(e.field.startswith("lines[") or self.lines.below_floor(e) for e in errors)
            self.summary.show_refused(len(self.lines.refused_rows()) if lines_only else 0)
        else:
            self.summary.show_quote(None)
        self._show_line_detail()

    def _show_line_detail(self) -> None:
        index = self.table.currentIndex()
        row = index.row() if index.isValid() else -1
        q = self.lines.priced_line(row) if row >= 0 else None
        if row >= 0 and self.lines.refused(row):  # said once, above (or beside the whole-offer field)
            self.line_detail.setStyleSheet("")
            self.line_detail.clear()
        elif q is not None:
            self.line_detail.setStyleSheet("")
            rules = [f"• {text(d.why)}" for d in q.discounts] or [self.tr("• list price, no discount")]
            floor = self.tr("Line {}: net {} (floor {}), {} off in all").format(
                row + 1, money(q.net_unit), money(q.price_floor), pct_text(q.effective_discount_percent) + "%")
            self.line_detail.setText("\n".join([floor, *rules]))
        else:
            self.line_detail.setStyleSheet("")
            self.line_detail.setText(self.tr("Select a line to see how it is priced."))

    def _status(self, message: str, *, error: bool = False) -> None:
        self.status.setStyleSheet(_ERROR if error else "color: #1e6b34;")
        self.status.setText(message)

