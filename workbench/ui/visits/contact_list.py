"""The customer's contacts as a checkable list: who was met at the visit."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from workbench.domain.enums import CuteRole
from workbench.services import dto
from workbench.ui.labels import label
from workbench.ui.visits.field_box import hint_label

if TYPE_CHECKING:
    from workbench.ui.visits.form_texts import FormTexts

ID_ROLE = Qt.ItemDataRole.UserRole
MIN_ROWS = 3


def _role(code: str | None) -> str | None:
    try:
        return label(CuteRole(code)) if code else None
    except ValueError:
        return code


class ContactList(QWidget):
    """One checkable row per contact: "name — title · CUTE role"; Space ticks the current row."""

    def __init__(self, contacts: Sequence[dto.Contact], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._contacts = list(contacts)
        self.list = QListWidget()
        self.list.setObjectName("contacts")
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        for c in self._contacts:
            item = QListWidgetItem()
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            item.setData(ID_ROLE, c.id)
            self.list.addItem(item)
        self.empty = hint_label()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addWidget(self.empty)
        layout.addStretch(0 if self._contacts else 1)
        self.list.setVisible(bool(self._contacts))
        self.empty.setVisible(not self._contacts)

    def _fit(self) -> None:
        """At least MIN_ROWS rows visible; the list takes whatever height its column has left."""
        height = self.list.sizeHintForRow(0) if self._contacts else 20
        self.list.setMinimumHeight(MIN_ROWS * max(height, 18) + 2 * self.list.frameWidth() + 4)

    def retranslate(self, texts: FormTexts) -> None:
        self.empty.setText(texts.no_contacts())
        for row, c in enumerate(self._contacts):
            details = [p for p in (c.title, _role(c.cute_role)) if p]
            text = c.name + (" — " + " · ".join(details) if details else "")
            if c.is_key_person:
                text += "  (" + texts.key_person() + ")"
            item = self.list.item(row)
            item.setText(text)
            item.setToolTip(text)
        self._fit()

    def checked_ids(self) -> list[str]:
        return [str(self.list.item(r).data(ID_ROLE)) for r in range(self.list.count())
                if self.list.item(r).checkState() == Qt.CheckState.Checked]

    def set_checked(self, ids: Iterable[str]) -> None:
        wanted = set(ids)
        for r in range(self.list.count()):
            item = self.list.item(r)
            item.setCheckState(Qt.CheckState.Checked if item.data(ID_ROLE) in wanted else Qt.CheckState.Unchecked)
