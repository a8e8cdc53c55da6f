"""The import dialog's two tables: the sheet's rows with their status and refused cells
marked, and the list of every refused cell (row, column, value, message)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from workbench.services.importing import RowError
from workbench.services.importing_columns import show
from workbench.ui.importing.state import ERROR, NEW, UNCHANGED, UPDATE, PreviewState
from workbench.ui.labels import label

Index = QModelIndex | QPersistentModelIndex
BAD_CELL = QBrush(QColor("#ffc7ce"))
BAD_TEXT = QBrush(QColor("#9c0006"))
STATUS_COLOURS = {NEW: QBrush(QColor("#1b7a3a")), UPDATE: QBrush(QColor("#1f5fa8")),
                  UNCHANGED: QBrush(QColor("#777777")), ERROR: BAD_TEXT}
ROW_COLUMN, STATUS_COLUMN, PROBLEM_COLUMN, FIRST_CELL = 0, 1, 2, 3


def message(e: RowError) -> str:
    """One refused cell as a line: where, then why, in the language in force."""
    where = f"{e.header}({e.column})" if e.column else e.header
    return f"{where}: {label(e)}"


class PreviewModel(QAbstractTableModel):
    """Row number, status, the row's problems, then the sheet's own columns as read."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.state: PreviewState | None = None
        self.only_errors = False
        self._rows: list[int] = []

    def set_state(self, state: PreviewState | None) -> None:
        self.beginResetModel()
        self.state = state
        self._pick_rows()
        self.endResetModel()

    def set_only_errors(self, on: bool) -> None:
        self.beginResetModel()
        self.only_errors = on
        self._pick_rows()
        self.endResetModel()

    def _pick_rows(self) -> None:
        s = self.state
        self._rows = [] if s is None else s.error_rows if self.only_errors else s.rows

    def sheet_index(self, row: int) -> int:
        """The 0-based sheet row shown at ``row``."""
        return self._rows[row]

    def position_of(self, number: int) -> int | None:
        """The table row showing sheet row ``number`` (as the spreadsheet numbers it)."""
        try:
            return self._rows.index(number - 1)
        except ValueError:
            return None

    def status_text(self, status: str | None) -> str:
        return {NEW: self.tr("New"), UPDATE: self.tr("Update"), UNCHANGED: self.tr("Unchanged"),
                ERROR: self.tr("Error")}.get(status or "", "")

    # --- Qt model API ----------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.state is None else FIRST_CELL + self.state.sheet.width

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        s = self.state
        if s is None or not index.isValid():
            return None
        i, col = self._rows[index.row()], index.column()
        number = i + 1
        status = s.status.get(number)
        if col == ROW_COLUMN:
            return number if role == Qt.ItemDataRole.DisplayRole else None
        if col == STATUS_COLUMN:
            if role == Qt.ItemDataRole.DisplayRole:
                return self.status_text(status)
            if role == Qt.ItemDataRole.ForegroundRole:
                return STATUS_COLOURS.get(status or "")
            return None
        if col == PROBLEM_COLUMN:
            errors = s.by_row.get(number)
            if not errors:
                return None
            if role == Qt.ItemDataRole.DisplayRole:
                return "; ".join(message(e) for e in errors)
            if role == Qt.ItemDataRole.ToolTipRole:
                return "\n".join(message(e) for e in errors)
            if role == Qt.ItemDataRole.ForegroundRole:
                return BAD_TEXT
            return None
        column = col - FIRST_CELL
        errors = s.cell_errors.get((number, column))
        if role == Qt.ItemDataRole.DisplayRole:
            return show(s.sheet.rows[i][column])
        if errors and role == Qt.ItemDataRole.BackgroundRole:
            return BAD_CELL
        if errors and role == Qt.ItemDataRole.ForegroundRole:
            return BAD_TEXT
        if errors and role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(label(e) for e in errors)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole or self.state is None:
            return None
        if section == ROW_COLUMN:
            return self.tr("Row")
        if section == STATUS_COLUMN:
            return self.tr("Status")
        if section == PROBLEM_COLUMN:
            return self.tr("Problems")
        return self.state.sheet.headers[section - FIRST_CELL] or f"({section - FIRST_CELL + 1})"


class ErrorModel(QAbstractTableModel):
    """Every refused cell of the preview: row, column, header, value, message."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.errors: tuple[RowError, ...] = ()

    def set_errors(self, errors: tuple[RowError, ...]) -> None:
        self.beginResetModel()
        self.errors = errors
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.errors)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 5

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        e = self.errors[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (e.row, e.column, e.header, e.value, label(e))[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 4:
            return label(e)
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 4:
            return BAD_TEXT
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Row"), self.tr("Column"), self.tr("Header"), self.tr("Value"), self.tr("Problem"))[section]
