"""The customer list opened from a dashboard figure: the figure's filters on the list.

What the list's own controls can show (stage, mine or everyone's, follow-up due) is set on
them; the rest (a value grade, no visit since, visited in a week, an offer state, an owner
the owner box does not list) stays in a :class:`DrillFilter` above the list, which names it
("拜访于 11/16 那周", "沉寂 60 天以上 · A 级") and clears it with its ✕ button.
"""

from __future__ import annotations

from dataclasses import fields, replace
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QToolButton, QWidget

from workbench.services.search import Filters
from workbench.ui.i18n import Retranslating

_SHOWN = ("industry_code", "stage_code", "owner_id", "follow_up_due_on")  # the list's own controls


class DrillFilter(Retranslating, QWidget):
    cleared = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("drill_filter")
        self.extra = Filters()
        self.caption = QLabel()
        self.caption.setObjectName("drill_caption")
        self.clear_button = QToolButton()
        self.clear_button.setObjectName("drill_clear")
        self.clear_button.setText("✕")
        self.clear_button.clicked.connect(self.clear)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.caption, 1)
        layout.addWidget(self.clear_button)
        self.retranslate()
        self.hide()

    def retranslate(self) -> None:
        self.clear_button.setToolTip(self.tr("Show every customer again (clear this filter)"))

    def set(self, extra: Filters, caption: str) -> None:
        self.extra = extra
        self.caption.setText(caption)
        self.setVisible(not extra.empty)

    def clear(self) -> None:
        self.set(Filters(), "")
        self.cleared.emit()

    def merge(self, base: Filters) -> Filters:
        """The list's own filters with this one's on top."""
        given = {f.name: getattr(self.extra, f.name) for f in fields(Filters) if getattr(self.extra, f.name)}
        return replace(base, **given)


def _select(combo: QComboBox, value: Any) -> bool:
    row = combo.findData(value) if value is not None else 0
    if row < 0:
        return False
    combo.setCurrentIndex(row)
    return True


def show_filtered(page: Any, filters: Filters, caption: str) -> None:
    """Set the customer list ``page`` (CustomersPage) to exactly ``filters``: its search
    emptied, its controls set where they can show a filter, the rest in ``page.drill``."""
    extra: dict[str, Any] = {f.name: getattr(filters, f.name) for f in fields(Filters) if f.name not in _SHOWN}
    page.search.blockSignals(True)
    page.search.clear()
    page.search.blockSignals(False)
    for combo, field in ((page.industry, "industry_code"), (page.stage, "stage_code"), (page.owner, "owner_id")):
        combo.blockSignals(True)
        if not _select(combo, getattr(filters, field)):
            _select(combo, None)
            extra[field] = getattr(filters, field)
        combo.blockSignals(False)
    due = filters.follow_up_due_on
    page.due.blockSignals(True)
    page.due.setChecked(due is not None and due == page.env.today())
    page.due.blockSignals(False)
    if due is not None and due != page.env.today():
        extra["follow_up_due_on"] = due
    drill_only = Filters(**extra)
    page.drill.set(drill_only, caption if not drill_only.empty else "")
    page._run_search()
