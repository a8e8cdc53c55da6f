"""Move stage…: choose the new relationship stage and, optionally, say why."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from workbench.domain import limits
from workbench.services import dto
from workbench.ui.customers.detail_common import muted, stage_label
from workbench.ui.customers.form_support import select_data
from workbench.ui.i18n import Retranslating


class MoveStageDialog(Retranslating, QDialog):
    """Accepting it does nothing by itself but call ``make_move(to_code, reason)`` when set (the
    caller's undoable move, raising when it cannot be made): the dialog closes once it is made;
    a disk failure (full, read-only, held) is said here, the choice and the reason kept."""

    def __init__(self, customer: dto.Customer, stages: Iterable[dto.StageInfo],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("move_stage_dialog")
        self.customer = customer
        self.make_move: Callable[[str, str | None], object] | None = None
        self.error = QLabel()
        self.error.setObjectName("stage_error")
        self.error.setStyleSheet("color: #c62828;")
        self.error.setWordWrap(True)
        self.error.hide()
        self.stages = sorted(stages, key=lambda s: s.position)
        self.current_label = muted(QLabel())
        self.current_label.setWordWrap(True)
        self.stage_combo = QComboBox()
        self.stage_combo.setObjectName("stage_combo")
        self.reason_edit = QLineEdit()
        self.reason_edit.setObjectName("stage_reason")
        self.reason_edit.setMaxLength(limits.MEDIUM_TEXT)
        self.stage_caption, self.reason_caption = QLabel(), QLabel()
        self.stage_caption.setBuddy(self.stage_combo)
        self.reason_caption.setBuddy(self.reason_edit)
        form = QFormLayout()
        form.addRow(self.stage_caption, self.stage_combo)
        form.addRow(self.reason_caption, self.reason_edit)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.current_label)
        lay.addLayout(form)
        lay.addWidget(self.error)
        lay.addWidget(self.buttons)
        self.stage_combo.currentIndexChanged.connect(self._changed)
        self.retranslate()
        self._preselect()
        self.stage_combo.setFocus()
        self.setMinimumWidth(420)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Move stage"))
        current = next((s for s in self.stages if s.code == self.customer.stage_code), None)
        self.current_label.setText(self.tr("{0} is now at: {1}").format(
            self.customer.name, stage_label(current, self.customer.stage_code)))
        self.stage_caption.setText(self.tr("&New stage:"))
        self.reason_caption.setText(self.tr("&Why (optional):"))
        self.reason_edit.setPlaceholderText(self.tr("e.g. first meeting with the IT director"))
        chosen = self.stage_combo.currentData()
        self.stage_combo.blockSignals(True)
        self.stage_combo.clear()
        ladder_done = False
        for s in self.stages:
            if s.side and not ladder_done:
                self.stage_combo.insertSeparator(self.stage_combo.count())
                ladder_done = True
            text = stage_label(s)
            if s.code == self.customer.stage_code:
                text = self.tr("{0} (current)").format(text)
            self.stage_combo.addItem(text, s.code)
        self.stage_combo.blockSignals(False)
        if chosen is not None:
            select_data(self.stage_combo, chosen)
        self._changed()


    def _preselect(self) -> None:
        """The next step of the ladder, the usual move."""
        ladder = [s for s in self.stages if not s.side]
        codes = [s.code for s in ladder]
        here = self.customer.stage_code
        if here in codes and codes.index(here) + 1 < len(codes):
            select_data(self.stage_combo, codes[codes.index(here) + 1])
        else:
            select_data(self.stage_combo, here)
        self._changed()

    def _changed(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(self.to_code() not in (None, self.customer.stage_code))

    def accept(self) -> None:
        to_code = self.to_code()
        if to_code is None or to_code == self.customer.stage_code:
            return  # nothing to move
        if self.make_move is not None:
            from workbench.ui.errors import write_from_dialog

            make_move, reason = self.make_move, self.reason()
            if not write_from_dialog(self, self.error, lambda: make_move(to_code, reason)):
                return
        super().accept()

    def select(self, code: str) -> None:
        select_data(self.stage_combo, code)

    def to_code(self) -> str | None:
        data = self.stage_combo.currentData()
        return str(data) if data else None

    def reason(self) -> str | None:
        return self.reason_edit.text().strip() or None
