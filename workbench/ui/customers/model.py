"""The customer list model: positions over a list of keys, rows fetched a page at a time.

As Anki's browser table does: a search yields the ordered keys of every match (off the GUI
thread; 100,000 keys take ~40 ms), and ``data()`` fetches the rows of a page of 100 when
one of them is first painted (1–5 ms), keeping a bounded cache of pages. Scrolling end to
end through 100,000 customers therefore reads each page once and holds at most
``MAX_PAGES`` of them.
"""

from __future__ import annotations

from collections import OrderedDict
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from workbench.services import dto
from workbench.services.customers import customer_rows, industries
from workbench.services.search import Filters, matching_nums
from workbench.services.stages import list_stages
from workbench.ui.env import UiEnv
from workbench.ui.labels import label

COLUMNS = ("name", "short_name", "industry_code", "stage_code", "region", "value_grade",
           "next_follow_up", "last_visit_at")
PAGE = 100
MAX_PAGES = 60
_OVERDUE = QBrush(QColor("#c0392b"))
Index = QModelIndex | QPersistentModelIndex


class CustomerTableModel(QAbstractTableModel):
    loaded = Signal(int)  # a new result is in place: how many rows

    def __init__(self, env: UiEnv, parent: Any = None) -> None:
        super().__init__(parent)
        self.env = env
        self.nums: list[int] = []
        self._pages: OrderedDict[int, list[dto.CustomerRow]] = OrderedDict()
        self.query, self.filters = "", Filters()
        self.order: tuple[str, bool] | None = None
        self.industries = {i.code: i for i in industries(env.ctx)}
        self.stages = {s.code: s for s in list_stages(env.ctx, include_inactive=True)}
        self.page_reads = 0  # pages fetched from the store (tests, diagnostics)

    # --- loading ---------------------------------------------------------------------------
    def load(self, query: str | None = None, filters: Filters | None = None) -> None:
        """Search again in the background; the newest request wins."""
        if query is not None:
            self.query = query
        if filters is not None:
            self.filters = filters
        q, f, order = self.query, self.filters, self.order
        ctx = self.env.ctx

        def work(_op: Any) -> list[int]:
            if order is None:
                return matching_nums(ctx, query=q, filters=f)
            return matching_nums(ctx, query=q, filters=f, order_by=order[0], descending=order[1])

        self.env.runner.latest(self, "search", work, self._loaded)  # a newer search typed meanwhile wins

    def _loaded(self, nums: list[int]) -> None:
        self.beginResetModel()
        self.nums = nums
        self._pages.clear()
        self.endResetModel()
        self.loaded.emit(len(nums))

    def invalidate(self) -> None:
        """Rows changed in the store: re-read visible pages when next painted."""
        self._pages.clear()
        if self.nums:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.nums) - 1, len(COLUMNS) - 1))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """A header click; column -1 is the search's own rank order."""
        new = None if column < 0 else (COLUMNS[column], order == Qt.SortOrder.DescendingOrder)
        if new != self.order:
            self.order = new
            self.load()

    # --- rows ------------------------------------------------------------------------------
    def row_at(self, row: int) -> dto.CustomerRow | None:
        if not 0 <= row < len(self.nums):
            return None
        page_no = row // PAGE
        page = self._pages.get(page_no)
        if page is None:
            keys = self.nums[page_no * PAGE : (page_no + 1) * PAGE]
            fetched = {r.num: r for r in customer_rows(self.env.ctx, nums=keys)}
            page = [fetched.get(n) or _gone(n) for n in keys]
            self._pages[page_no] = page
            self.page_reads += 1
            while len(self._pages) > MAX_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(page_no)
        return page[row - page_no * PAGE]

    def row_of(self, customer_id: str) -> int | None:
        for page_no, page in self._pages.items():
            for i, r in enumerate(page):
                if r.id == customer_id:
                    return page_no * PAGE + i
        return None

    # --- Qt model API ----------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.nums)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.row_at(index.row())
        if row is None:
            return None
        col = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, col)
        due = row.next_follow_up
        if role == Qt.ItemDataRole.ForegroundRole and col == "next_follow_up" and due and due <= self.env.today():
            return _OVERDUE
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        return None

    def _display(self, row: dto.CustomerRow, col: str) -> str:
        value = getattr(row, col)
        if col == "industry_code":
            return label(self.industries[value]) if value in self.industries else value
        if col == "stage_code":
            return label(self.stages[value]) if value in self.stages else value
        if isinstance(value, datetime):
            return value.strftime("%Y-%m-%d")
        if isinstance(value, date):
            return value.isoformat()
        return "" if value is None else str(value)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.titles()[section]
        return None

    def titles(self) -> list[str]:
        return [self.tr("Name"), self.tr("Short name"), self.tr("Industry"), self.tr("Stage"),
                self.tr("Region"), self.tr("Grade"), self.tr("Next follow-up"), self.tr("Last visit")]


def _gone(num: int) -> dto.CustomerRow:
    """A row deleted since the search: shown empty until the next search."""
    return dto.CustomerRow(num, "", "", None, "", "", None, None, None, None, None)
