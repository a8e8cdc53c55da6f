"""Pieces of the Today page: a keyboard-driven table, a titled section with an empty state, a counter chip."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFocusEvent, QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from workbench.ui.today.models import KEY_ROLE, RowsModel


class AgendaTable(QTableView):
    """Rows selected whole; Enter asks to open, Space to mark done; the arrows move."""

    open_pressed = Signal()
    done_pressed = Signal()
    focused = Signal()

    def __init__(self, model: RowsModel[Any], name: str) -> None:
        super().__init__()
        self.setObjectName(name)
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(False)  # Tab leaves the list, the arrows move inside it
        self.setAlternatingRowColors(True)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.horizontalHeader().setHighlightSections(False)
        self.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.doubleClicked.connect(lambda _index: self.open_pressed.emit())
        palette = self.palette()  # the lists not in use show their selection greyed
        inactive, active = QPalette.ColorGroup.Inactive, QPalette.ColorGroup.Active
        palette.setColor(inactive, QPalette.ColorRole.Highlight, QColor("#dce3ec"))
        palette.setColor(inactive, QPalette.ColorRole.HighlightedText, palette.color(active, QPalette.ColorRole.Text))
        self.setPalette(palette)

    def rows_model(self) -> RowsModel[Any]:
        return self.model()  # type: ignore[return-value]

    def set_modes(self, modes: dict[int, QHeaderView.ResizeMode], *, widths: dict[int, int]) -> None:
        header = self.horizontalHeader()
        for column, mode in modes.items():
            header.setSectionResizeMode(column, mode)
        for column, width in widths.items():
            header.resizeSection(column, width)

    def replace_rows(self, rows: tuple[Any, ...]) -> None:
        """New rows; the selected row stays selected if still there, else its place does."""
        model = self.rows_model()
        current = self.currentIndex()
        key = model.data(current, KEY_ROLE) if current.isValid() else None
        row = current.row() if current.isValid() else 0
        model.set_rows(rows)
        if not rows:
            return
        found = model.find(key) if key is not None else -1
        target = found if found >= 0 else min(row, len(rows) - 1)
        self.setCurrentIndex(model.index(target, 0))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, mods = event.key(), event.modifiers()
        plain = mods in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and plain:
            self.open_pressed.emit()
            return
        if key == Qt.Key.Key_Space and plain:
            self.done_pressed.emit()
            return
        super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.focused.emit()


class Section(QWidget):
    """A title with a count, over its table, or over a sentence when there is nothing to show."""

    def __init__(self, table: AgendaTable) -> None:
        super().__init__()
        self.table = table
        self.title = QLabel()
        self.title.setObjectName("section_title")
        self.note = QLabel()
        self.note.setObjectName("section_note")
        self.note.setStyleSheet("color: #666;")
        self.empty = QLabel()
        self.empty.setObjectName("section_empty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet("color: #666; font-size: 11pt; border: 1px dashed #c8c8c8; border-radius: 6px;"
                                 "padding: 12px;")
        self.stack = QStackedWidget()
        self.stack.addWidget(table)
        self.stack.addWidget(self.empty)
        self.stack.setCurrentWidget(self.empty)
        head = QHBoxLayout()
        head.addWidget(self.title)
        head.addWidget(self.note)
        head.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(head)
        layout.addWidget(self.stack, 1)

    def set_texts(self, title: str, note: str, empty: str) -> None:
        self.title.setText(f"<b>{title}</b>")
        self.note.setText(note)
        self.empty.setText(empty)

    def set_empty(self, empty: bool) -> None:
        self.stack.setCurrentWidget(self.empty if empty else self.table)

    @property
    def is_empty(self) -> bool:
        return self.stack.currentWidget() is self.empty


class Chip(QLabel):
    """A small counter at the top of the page; red when it calls for action."""

    PLAIN = "QLabel { background: #eef1f5; color: #333; border-radius: 10px; padding: 3px 10px; }"
    ALERT = "QLabel { background: #fbe9e7; color: #b3261e; border-radius: 10px; padding: 3px 10px;" \
            " font-weight: bold; }"

    def __init__(self, key: str) -> None:
        super().__init__()
        self.setObjectName(f"chip_{key}")
        self.setStyleSheet(self.PLAIN)

    def show_count(self, text: str, *, alert: bool = False) -> None:
        self.setText(text)
        self.setStyleSheet(self.ALERT if alert else self.PLAIN)
