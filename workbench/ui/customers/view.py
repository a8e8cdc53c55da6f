"""The Customers page: instant search and filters over the list, the customer beside it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QItemSelection, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from workbench.services.search import Filters
from workbench.ui.customers.keep_place import KeepPlace
from workbench.ui.customers.model import CustomerTableModel
from workbench.ui.env import UiEnv
from workbench.ui.flow_layout import FlowBar
from workbench.ui.i18n import Retranslating
from workbench.ui.labels import label

LIST_SHARE = 55  # per cent of the page's width the list takes at first, the customer the rest
DETAIL_MARGIN = 24  # around the customer's tab bar, in its pane
NAME_WIDTH = (260, 340)  # the name column: at least, at most (names run to 30 characters)


def fit_columns(table: QTableView) -> None:
    """Every column as wide as its title and the rows in view (never every row: the list
    can hold 100,000); the name column within ``NAME_WIDTH``."""
    header = table.horizontalHeader()
    header.setResizeContentsPrecision(0)  # the visible rows only
    for column in range(table.model().columnCount()):
        width = max(table.sizeHintForColumn(column), header.sectionSizeHint(column))
        if column == 0:
            width = max(NAME_WIDTH[0], min(width, NAME_WIDTH[1]))
        table.setColumnWidth(column, width)


class CustomersPage(Retranslating, QWidget):
    customer_requested = Signal(str)
    first_rows_shown = Signal()

    def __init__(self, env: UiEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self._shown_once = False
        self._widths_fitted = False  # the columns fit their titles and first rows, once
        self._split = False  # the splitter's first proportions, given when first shown
        self.model = CustomerTableModel(env, self)

        self.search = QLineEdit()
        self.search.setObjectName("customer_search")
        self.search.setClearButtonEnabled(True)
        self.industry = QComboBox()
        self.industry.setObjectName("industry_filter")
        self.stage = QComboBox()
        self.stage.setObjectName("stage_filter")
        self.owner = QComboBox()
        self.owner.setObjectName("owner_filter")
        self.due = QCheckBox()
        self.due.setObjectName("due_filter")
        self.count = QLabel()
        self.count.setObjectName("result_count")
        # the filters wrap onto a second line when the pane is narrow, each at its full width:
        # a squeezed combo would show "All indus" (a FlowBar places items at their size hint)
        filters = FlowBar()
        filters.setObjectName("customer_filters")
        for combo in (self.industry, self.stage, self.owner):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        for w in (self.industry, self.stage, self.owner, self.due):
            filters.addWidget(w)
        from workbench.ui.importing.list_export import ListExportButton

        self.export_list = ListExportButton(env, self.model, self)  # the list as shown, to .xlsx

        self.table = QTableView()
        self.table.setObjectName("customer_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # rank order
        self.table.horizontalHeader().setSortIndicatorShown(True)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.setColumnWidth(0, 260)
        self.table.setWordWrap(False)

        from workbench.ui.customers.detail import CustomerDetail

        self.detail = CustomerDetail(env, self)
        left = self.list_pane = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()  # the search, how many it found, and the list's export
        top.addWidget(self.search, 1)
        top.addWidget(self.count)
        top.addWidget(self.export_list)
        lv.addLayout(top)
        lv.addWidget(filters)
        from workbench.ui.customers.drill import DrillFilter

        self.drill = DrillFilter(self)  # what a dashboard figure opened the list with
        self.drill.cleared.connect(self._run_search)
        lv.addWidget(self.drill)
        lv.addWidget(self.table, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("customers_splitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)

        self._debounce = QTimer(self, singleShot=True)
        self._debounce.setInterval(env.settings.search_debounce_ms)
        self._debounce.timeout.connect(self._run_search)
        self.place = KeepPlace(self.table, self.model)
        self.search.textChanged.connect(lambda _t: self._typed_search(self._debounce.start))
        self.search.returnPressed.connect(self._run_search_now_and_select)
        self.search.installEventFilter(self)
        for combo in (self.industry, self.stage, self.owner):
            combo.currentIndexChanged.connect(lambda _i: self._typed_search(self._run_search))
        self.due.toggled.connect(lambda _b: self._typed_search(self._run_search))
        self.model.loaded.connect(self._on_loaded)
        self.table.selectionModel().selectionChanged.connect(self._on_selected)
        self.table.activated.connect(lambda _i: self.detail.setFocus())
        self.detail.visit_requested.connect(self.open_visit)
        env.bus.customer_changed.connect(self._on_customer_changed)
        env.bus.customers_changed.connect(self._refresh)

        self.retranslate()
        self.model.load("", Filters())

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._split:  # laid out by now: the list takes its share of the real width
            self._split = True
            total = sum(self.splitter.sizes())
            # the customer's tabs all in view when the list can spare the room
            tabs = self.detail.tabs.tabBar().sizeHint().width() + DETAIL_MARGIN
            detail = min(max(total * (100 - LIST_SHARE) // 100, tabs),
                         total - self.list_pane.minimumSizeHint().width())
            self.splitter.setSizes([total - detail, detail])

    # --- texts -----------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Search customers: name, pinyin initials, contact, phone… (Ctrl+F)"))
        self.due.setText(self.tr("Follow-up due"))
        self._fill_combo(self.industry, self.tr("All industries"),
                         [(i.code, label(i)) for i in self.model.industries.values()])
        self._fill_combo(self.stage, self.tr("All stages"),
                         [(s.code, label(s)) for s in sorted(self.model.stages.values(), key=lambda s: s.position)])
        self._fill_combo(self.owner, self.tr("Everyone's"), [(self.env.ctx.user_id, self.tr("Mine"))])
        self._show_count()
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.model.columnCount() - 1)
        if self._widths_fitted:  # titles of another length
            fit_columns(self.table)


    @staticmethod
    def _fill_combo(combo: QComboBox, all_label: str, items: list[tuple[str, str]]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(all_label, None)
        for code, text in items:
            combo.addItem(text, code)
        combo.setCurrentIndex(max(0, combo.findData(current)))
        combo.blockSignals(False)

    # --- searching -------------------------------------------------------------------------
    def _on_customer_changed(self, _customer_id: str) -> None:
        """A customer changed: re-read the rows shown; when a filter, a sort or a query
        decides membership or order, search again (debounced) so the list stays true."""
        self.model.invalidate()
        if self.model.order is not None or not self.filters().empty or self.search.text().strip():
            self.place.mark()
            self._debounce.start()

    def _typed_search(self, run: Any) -> None:
        """A search or filter the user changed: its rows show from the top."""
        self.place.forget()
        run()

    def _refresh(self) -> None:
        """Customers appeared or went (a sync, an import, another window): search again and
        keep the list's place."""
        self.place.mark()
        self._run_search()

    def filters(self) -> Filters:
        return self.drill.merge(Filters(
            industry_code=self.industry.currentData(),
            stage_code=self.stage.currentData(),
            owner_id=self.owner.currentData(),
            follow_up_due_on=self.env.today() if self.due.isChecked() else None,
        ))

    def show_filtered(self, filters: Filters, caption: str) -> None:
        """Show exactly the customers of ``filters`` (a dashboard figure's list)."""
        from workbench.ui.customers.drill import show_filtered

        show_filtered(self, filters, caption)

    def _run_search(self) -> None:
        self._debounce.stop()
        self.model.load(self.search.text(), self.filters())

    def _run_search_now_and_select(self) -> None:
        self._select_first_on_load = True
        self._run_search()

    def _on_loaded(self, rows: int) -> None:
        self._show_count()
        if rows and not self._widths_fitted:
            self._widths_fitted = True
            fit_columns(self.table)
        self.place.restore()
        if getattr(self, "_select_first_on_load", False) and rows:
            self._select_first_on_load = False
            self.table.selectRow(0)
            self.table.setFocus()
        if not self._shown_once:
            self._shown_once = True
            QTimer.singleShot(0, self.first_rows_shown.emit)  # after the rows are painted

    def _show_count(self) -> None:
        self.count.setText(self.tr("{0} customers").format(f"{len(self.model.nums):,}"))

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        down = isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Down
        if obj is self.search and down and self.model.rowCount():
            self.table.setFocus()
            if not self.table.selectionModel().hasSelection():
                self.table.selectRow(0)
            return True
        return super().eventFilter(obj, event)

    # --- the selected customer ---------------------------------------------------------------
    def _on_selected(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if indexes:
            customer_id = self.model.data(indexes[0], Qt.ItemDataRole.UserRole)
            if customer_id:
                self.detail.show_customer(customer_id)

    def current_customer_id(self) -> str | None:
        return self.detail.current_customer_id

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def open_customer(self, customer_id: str) -> None:
        self.detail.show_customer(customer_id)
        row = self.model.row_of(customer_id)
        if row is not None:
            self.table.selectRow(row)

    def new_visit(self) -> None:
        customer_id = self.current_customer_id()
        if customer_id is None:
            QMessageBox.information(self, self.tr("New visit"), self.tr("Choose the customer first."))
            self.focus_search()
            return
        self.open_visit(customer_id)

    def open_visit(self, customer_id: str) -> Any:
        from workbench.ui.visits.dialog import open_visit_dialog

        return open_visit_dialog(self.env, customer_id, self)

    def refresh(self) -> None:
        self._run_search()
        self.detail.refresh()

    def about_to_close(self) -> bool:
        return True

    def index_of_row(self, row: int) -> QModelIndex:
        return self.model.index(row, 0)
