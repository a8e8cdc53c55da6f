"""Small display helpers shared by the parts of the customer page (detail pane)."""

from __future__ import annotations

import html
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from workbench.domain.enums import Provider
from workbench.services.dto import StageInfo
from workbench.ui.labels import is_chinese, label, stage_name

DASH = "—"
WARN_COLOUR = "#b35900"
BAD_COLOUR = "#c0392b"
GOOD_COLOUR = "#1e8449"
MUTED_COLOUR = "#6b7280"


def zh() -> bool:
    return is_chinese()


def enum_label(enum_cls: Any, value: str | None) -> str:
    """The label of a stored code in the current language; the raw value if unknown."""
    if value is None or value == "":
        return DASH
    try:
        member = enum_cls(value)
    except ValueError:
        return str(value)
    return label(member)


def provider_label(value: str | None) -> str:
    return enum_label(Provider, value)


def stage_label(info: StageInfo | None, code: str | None = None) -> str:
    """"加强关系 · 做关系" for a stage inside a group, the stage name alone otherwise."""
    if info is None:
        return code or DASH
    return stage_name(info)


def fmt_date(value: date | datetime | None) -> str:
    if value is None:
        return DASH
    if isinstance(value, datetime):
        value = value.date()
    return value.isoformat()


def fmt_datetime(value: datetime | None) -> str:
    return DASH if value is None else value.strftime("%Y-%m-%d %H:%M")


def esc(text: str | None) -> str:
    """User text made safe for a rich-text label, line breaks kept."""
    return html.escape(text or "").replace("\n", "<br>")


def text_or_dash(value: object) -> str:
    return DASH if value is None or value == "" else str(value)


def value_label(text: str = "", *, selectable: bool = True) -> QLabel:
    lab = QLabel(text)
    lab.setTextFormat(Qt.TextFormat.PlainText)  # user text is never markup
    lab.setWordWrap(True)
    if selectable:
        lab.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return lab


def muted(lab: QLabel) -> QLabel:
    lab.setStyleSheet(f"color: {MUTED_COLOUR};")
    return lab


class Card(QFrame):
    """A bordered box holding one item (a contact, a visit, a stage move)."""

    def __init__(self, parent: QWidget | None = None, *, accent: str | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        left = f"border-left: 4px solid {accent};" if accent else ""
        self.setStyleSheet(
            "QFrame#card { border: 1px solid #d5d9de; border-radius: 6px; "
            f"background: palette(base); {left} }}"
        )
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(10, 8, 10, 8)
        self.body.setSpacing(3)


def clear_layout(layout: Any) -> None:
    """Remove and delete every widget and sub-layout of ``layout``."""
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget()
        if widget is not None:
            widget.hide()
            widget.deleteLater()
        elif item.layout() is not None:
            clear_layout(item.layout())


def confirm(parent: QWidget | None, title: str, text: str) -> bool:
    """Ask yes/no (No is the default, so Enter does not destroy anything)."""
    from PySide6.QtWidgets import QMessageBox

    answer = QMessageBox.question(parent, title, text, QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                  QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes
