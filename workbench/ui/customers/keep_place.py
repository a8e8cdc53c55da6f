"""The customer list keeps its place when the data under it changes (a sync pull, another
window's write): the row at the top of the view and the selected customer stay where the user
left them, even scrolled to row 40,000, while a search the user types starts from the top.

``KeepPlace(table, model)``: call :meth:`mark` before a reload the user did not ask for; when
the model's rows arrive, :meth:`restore` puts the same customers back at the top and selected
(if they are still in the list).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QAbstractItemView, QTableView


class KeepPlace:
    def __init__(self, table: QTableView, model: Any) -> None:
        self.table, self.model = table, model
        self._place: tuple[int | None, int | None] | None = None
        self._top = False  # the next rows are a search the user asked for: show them from the top

    def _num(self, row: int) -> int | None:
        return self.model.nums[row] if 0 <= row < len(self.model.nums) else None

    def mark(self) -> None:
        """Remember the top row and the selected row (by customer), unless already marked."""
        if self._place is not None or self._top:
            return
        selected = self.table.selectionModel().selectedRows()
        self._place = (self._num(self.table.rowAt(0)), self._num(selected[0].row()) if selected else None)

    def forget(self) -> None:
        """A search typed by the user: the next rows start at the top."""
        self._place = None
        self._top = True

    def restore(self) -> None:
        place, self._place = self._place, None
        if self._top:
            self._top = False
            self.table.scrollToTop()
            return
        if place is None:
            return
        top, selected = place
        rows = {num: row for row, num in enumerate(self.model.nums)} if (top or selected) is not None else {}
        if selected in rows:
            self.table.selectionModel().select(
                self.model.index(rows[selected], 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        if top in rows:
            self.table.scrollTo(self.model.index(rows[top], 0), QAbstractItemView.ScrollHint.PositionAtTop)
