"""The column mapping, adjustable: one line per sheet column (its letter, its header, what it
is imported as in a combo box, a few of its values)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from workbench.services.importing import ColumnMapping, Sheet
from workbench.services.importing_columns import TARGETS, is_empty, show
from workbench.services.importing_read import column_letter
from workbench.ui.i18n import Retranslating
from workbench.ui.labels import label

_SAMPLES = 3  # values shown per column


class MappingTable(Retranslating, QTableWidget):
    """``target_chosen(column, key or None)`` when the user picks another target for a column."""

    target_chosen = Signal(int, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 4, parent)
        self.setObjectName("import_mapping")
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(28)
        self.setWordWrap(False)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.horizontalHeader()
        for column in range(3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.combos: list[QComboBox] = []
        self.mapping: ColumnMapping | None = None
        self.retranslate()

    def retranslate(self) -> None:
        self.setHorizontalHeaderLabels([self.tr("Column"), self.tr("Header"), self.tr("Imported as"),
                                        self.tr("Values")])
        for combo in self.combos:
            self._fill(combo)
        if self.mapping is not None:
            self.show_mapping(self.mapping)

    def _fill(self, combo: QComboBox) -> None:
        combo.blockSignals(True)
        current = combo.currentData()
        combo.clear()
        combo.addItem(self.tr("(not imported)"), None)
        for t in TARGETS:
            combo.addItem(label(t), t.key)
        combo.setCurrentIndex(max(0, combo.findData(current)))
        combo.blockSignals(False)

    def set_sheet(self, sheet: Sheet, mapping: ColumnMapping) -> None:
        """One line per column of ``sheet``, its combo showing ``mapping``."""
        self.setRowCount(0)
        self.combos = []
        self.setRowCount(sheet.width)
        first = sheet.header_index + 1
        for c in range(sheet.width):
            values = []
            for row in sheet.rows[first:first + 50]:
                if not is_empty(row[c]):
                    values.append(show(row[c]))
                if len(values) == _SAMPLES:
                    break
            header = sheet.headers[c] or "—"
            self.setItem(c, 0, QTableWidgetItem(column_letter(c)))
            self.setItem(c, 1, QTableWidgetItem(header))
            item = QTableWidgetItem(" · ".join(values))
            item.setToolTip("\n".join(values))
            self.setItem(c, 3, item)
            combo = QComboBox()
            combo.setObjectName(f"map_{column_letter(c)}")
            self._fill(combo)
            combo.currentIndexChanged.connect(lambda _i, c=c, combo=combo: self.target_chosen.emit(c, combo.currentData()))
            self.setCellWidget(c, 2, combo)
            self.combos.append(combo)
        self.show_mapping(mapping)

    def show_mapping(self, mapping: ColumnMapping) -> None:
        """Set every combo to ``mapping`` (a target taken by another column clears this one)."""
        self.mapping = mapping
        for combo, key in zip(self.combos, mapping.targets, strict=False):
            combo.blockSignals(True)
            combo.setCurrentIndex(max(0, combo.findData(key)))
            combo.blockSignals(False)
