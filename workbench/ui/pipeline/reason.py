"""The small dialog a stage move asks through: an optional reason; Enter moves, Esc cancels.
A move that fails on the disk is said here and the dialog stays, the reason kept, for a retry."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from workbench.domain import limits
from workbench.domain import validation as v
from workbench.domain.errors import ValidationError
from workbench.ui.i18n import Retranslating
from workbench.ui.labels import label


class ReasonDialog(Retranslating, QDialog):
    """Opened with :meth:`open` (never a nested event loop inside a drop); ``chosen`` carries the reason.

    ``make_move``, when set, makes the move on OK (raising when it cannot): the dialog closes only
    once it is made, and a disk failure (full, read-only, held) is said in the dialog."""

    chosen = Signal(object)  # str | None: the cleaned reason, None when left empty

    def __init__(self, customer_name: str, from_name: str, to_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pipelineReasonDialog")
        self.names = (customer_name, from_name, to_name)
        self.make_move: Callable[[str | None], object] | None = None
        self.question = QLabel()
        self.question.setWordWrap(True)
        self.reason_label = QLabel()
        self.reason = QLineEdit()
        self.reason.setObjectName("reason")
        self.reason.setMaxLength(limits.MEDIUM_TEXT)
        self.reason_label.setBuddy(self.reason)
        self.error = QLabel()
        self.error.setObjectName("reasonError")
        self.error.setStyleSheet("color: #c62828;")
        self.error.setWordWrap(True)
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.question)
        layout.addWidget(self.reason_label)
        layout.addWidget(self.reason)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(380)
        self.retranslate()
        self.reason.setFocus()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Move stage"))
        self.question.setText(self.tr("Move {0} from “{1}” to “{2}”.").format(*self.names))
        self.reason_label.setText(self.tr("&Reason (optional):"))
        self.reason.setPlaceholderText(self.tr("e.g. first meeting with the IT director"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Move"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))


    def accept(self) -> None:
        try:
            reason = v.clean_text(self.reason.text(), field="reason", max_len=limits.MEDIUM_TEXT)
        except ValidationError as exc:
            err = exc.for_field("reason") or exc.errors[0]
            self.error.setText(label(err))
            self.error.show()
            self.reason.setStyleSheet("border: 1px solid #c62828;")
            self.reason.setFocus()
            return
        if self.make_move is not None:
            from workbench.ui.errors import write_from_dialog

            make_move = self.make_move
            if not write_from_dialog(self, self.error, lambda: make_move(reason)):
                self.reason.setFocus()  # the reason kept, ready for OK again
                return
        super().accept()
        self.chosen.emit(reason)
