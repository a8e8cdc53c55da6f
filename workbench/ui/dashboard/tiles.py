"""A figure tile: a big number with its caption, clickable like a button (mouse, Enter, Space)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

TILE_STYLE = """
FigureTile { border: 1px solid palette(mid); border-radius: 6px; background: palette(base); }
FigureTile:hover, FigureTile[focused="true"] { border: 1px solid palette(highlight); }
FigureTile QLabel#tileNumber { font-size: 20pt; font-weight: 600; }
FigureTile[alert="true"] QLabel#tileNumber { color: #c0392b; }
FigureTile QLabel#tileCaption { color: palette(placeholder-text); }
"""


class FigureTile(QFrame):
    clicked = Signal()

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.number = QLabel("…")
        self.number.setObjectName("tileNumber")
        self.caption = QLabel()
        self.caption.setObjectName("tileCaption")
        self.caption.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(2)
        layout.addWidget(self.number)
        layout.addWidget(self.caption)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def show_figure(self, number: str, caption: str, *, alert: bool = False, tooltip: str = "") -> None:
        self.number.setText(number)
        self.caption.setText(caption)
        self.setToolTip(tooltip)
        self.setProperty("alert", alert)
        self._restyle()

    def _restyle(self) -> None:
        for w in (self, self.number):
            w.style().unpolish(w)
            w.style().polish(w)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(event.position().toPoint()):
            self.clicked.emit()
        else:
            super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.clicked.emit()
        else:
            super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.setProperty("focused", True)
        self._restyle()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.setProperty("focused", False)
        self._restyle()
