"""An editor with its own error line: a refused field is marked where it is typed."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

ERROR_COLOUR = "#b3261e"
ERROR_TINT = "#fdecea"
HINT_COLOUR = "#6b7280"


def hint_label(text: str = "") -> QLabel:
    """A small grey explanatory line under a field's title."""
    lab = QLabel(text)
    lab.setWordWrap(True)
    lab.setStyleSheet(f"color: {HINT_COLOUR}; font-size: 11px;")
    return lab


class FieldBox(QWidget):
    """``content`` (an editor, or a row holding one) above a red message, hidden until needed.

    ``focus`` is what receives the focus when a label's mnemonic or a refusal points here;
    ``mark`` is what gets tinted while the field is refused (both default to ``content``).
    """

    def __init__(self, content: QWidget, *, focus: QWidget | None = None, mark: QWidget | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.content = content
        self.focus_target = focus or content
        self.mark = mark or self.focus_target
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(content)
        self.error = QLabel()
        self.error.setObjectName("field_error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.error.hide()
        layout.addWidget(self.error)
        self.setFocusProxy(self.focus_target)

    @property
    def message(self) -> str | None:
        return self.error.text() if not self.error.isHidden() else None

    def set_error(self, message: str | None) -> None:
        if message is None:
            if self.error.isHidden():
                return
            self.error.clear()
            self.error.hide()
            self.mark.setProperty("invalid", False)
            self.mark.setPalette(QPalette())  # back to the inherited colours
            return
        self.error.setText(message)
        self.error.show()
        self.mark.setProperty("invalid", True)
        pal = self.mark.palette()
        for role in (QPalette.ColorRole.Base, QPalette.ColorRole.Button):
            pal.setColor(role, QColor(ERROR_TINT))
        self.mark.setPalette(pal)
