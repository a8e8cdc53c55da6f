"""Table models of the Today page: a few hundred rows at most, handed over by the service."""

from __future__ import annotations

from datetime import date
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from workbench.domain.enums import Provider, VisitKind
from workbench.services.today import ContractEnd, FollowUp
from workbench.ui.labels import label

Index = QModelIndex | QPersistentModelIndex
T = TypeVar("T", FollowUp, ContractEnd)

LATE = QColor("#b3261e")
SOON = QColor("#8a5a00")
KEY_ROLE = Qt.ItemDataRole.UserRole  # the row's key: a visit id (follow-ups), a customer id (contracts)


def fmt_date(d: date) -> str:
    return d.isoformat()


def follow_up_status(days_overdue: int) -> str:
    """"3 days overdue", "Due today", "Tomorrow", "In 5 days"."""
    if days_overdue == 1:
        return QCoreApplication.translate("TodayPage", "1 day overdue")
    if days_overdue > 1:
        return QCoreApplication.translate("TodayPage", "{0} days overdue").format(days_overdue)
    if days_overdue == 0:
        return QCoreApplication.translate("TodayPage", "Due today")
    if days_overdue == -1:
        return QCoreApplication.translate("TodayPage", "Tomorrow")
    return QCoreApplication.translate("TodayPage", "In {0} days").format(-days_overdue)


def days_left_text(days: int) -> str:
    if days == 0:
        return QCoreApplication.translate("TodayPage", "Ends today")
    if days == 1:
        return QCoreApplication.translate("TodayPage", "Tomorrow")
    return QCoreApplication.translate("TodayPage", "In {0} days").format(days)


def kind_text(code: str) -> str:
    try:
        return label(VisitKind(code))
    except ValueError:
        return code


def provider_text(code: str | None) -> str:
    if not code:
        return ""
    try:
        return label(Provider(code))
    except ValueError:  # free text typed by a user
        return code


class RowsModel(QAbstractTableModel, Generic[T]):
    """Rows of frozen DTOs; subclasses say what each column shows."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: tuple[T, ...] = ()

    # --- the rows -------------------------------------------------------------------------------
    def set_rows(self, rows: tuple[T, ...]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def row_at(self, row: int) -> T | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def key(self, item: T) -> str:
        return item.customer_id

    def find(self, key: str) -> int:
        return next((n for n, item in enumerate(self._rows) if self.key(item) == key), -1)

    def remove_row_at(self, row: int) -> None:
        if 0 <= row < len(self._rows):
            self.beginRemoveRows(QModelIndex(), row, row)
            self._rows = self._rows[:row] + self._rows[row + 1:]
            self.endRemoveRows()

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, self.columnCount() - 1))

    # --- Qt's interface -------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers())

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            heads = self.headers()
            return heads[section] if 0 <= section < len(heads) else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        item = self.row_at(index.row()) if index.isValid() else None
        if item is None:
            return None
        if role == KEY_ROLE:
            return self.key(item)
        return self.cell(item, index.column(), role)

    def headers(self) -> tuple[str, ...]:
        raise NotImplementedError

    def cell(self, item: T, column: int, role: int) -> Any:
        raise NotImplementedError


class FollowUpModel(RowsModel[FollowUp]):
    """Customer, next step, visit date, follow-up date, how late (or how soon)."""

    CUSTOMER, NEXT_STEP, VISITED, DUE, STATUS = range(5)

    def key(self, item: FollowUp) -> str:
        return item.visit_id

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Customer"), self.tr("Next step"), self.tr("Visited"), self.tr("Follow-up"),
                self.tr("Status"))

    def cell(self, item: FollowUp, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.CUSTOMER:
                return item.customer_name
            if column == self.NEXT_STEP:
                return item.next_step or self.tr("(no next step noted)")
            if column == self.VISITED:
                return f"{fmt_date(item.visit_date)} · {kind_text(item.visit_kind)}"
            if column == self.DUE:
                return fmt_date(item.follow_up_date)
            if column == self.STATUS:
                return follow_up_status(item.days_overdue)
        elif role == Qt.ItemDataRole.ToolTipRole:
            if column == self.NEXT_STEP and item.next_step:
                return item.next_step
            if column == self.CUSTOMER:
                return item.customer_name
        elif role == Qt.ItemDataRole.ForegroundRole:
            if column == self.STATUS and item.days_overdue > 0:
                return QBrush(LATE)
            if column == self.NEXT_STEP and not item.next_step:
                return QBrush(QColor("#777777"))
        elif role == Qt.ItemDataRole.FontRole and column == self.STATUS and item.days_overdue >= 0:
            font = QFont()
            font.setBold(True)
            return font
        return None


class ContractModel(RowsModel[ContractEnd]):
    """Customer, contract end, days left, current provider, competitors."""

    CUSTOMER, ENDS, LEFT, PROVIDER, COMPETITORS = range(5)

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Customer"), self.tr("Contract ends"), self.tr("Time left"), self.tr("Current provider"),
                self.tr("Competitors"))

    def cell(self, item: ContractEnd, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return {
                self.CUSTOMER: item.customer_name,
                self.ENDS: fmt_date(item.contract_end),
                self.LEFT: days_left_text(item.days_left),
                self.PROVIDER: provider_text(item.current_provider),
                self.COMPETITORS: item.competitors or "",
            }.get(column)
        if role == Qt.ItemDataRole.ToolTipRole and column in (self.CUSTOMER, self.COMPETITORS):
            return item.customer_name if column == self.CUSTOMER else item.competitors
        if role == Qt.ItemDataRole.ForegroundRole and column == self.LEFT and item.days_left <= 14:
            return QBrush(SOON)
        return None
