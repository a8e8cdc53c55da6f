"""What the team server refused: each change with its reason and the customer it concerns.
Open the customer to fix it, then "Send again"; or "Dismiss" (kept, shown with "Show done")."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workbench.ui.env import UiEnv
from workbench.ui.i18n import Retranslating
from workbench.ui.labels import is_chinese, label
from workbench.ui.screen_fit import fit_to_screen


class RefusalsDialog(Retranslating, QDialog):
    customer_requested = Signal(str)
    acted = Signal()  # some were sent again or dismissed: the status bar counts again

    def __init__(self, env: UiEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.setObjectName("refusals_dialog")
        self.rows: list[Any] = []
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.table = QTableWidget(0, 5)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.cellDoubleClicked.connect(lambda *_: self.open_customer())
        self.show_done = QCheckBox()
        self.show_done.toggled.connect(lambda _on: self.reload())
        self.open_button, self.resend_button, self.dismiss_button = QPushButton(), QPushButton(), QPushButton()
        self.open_button.clicked.connect(self.open_customer)
        self.resend_button.clicked.connect(self.resend)
        self.dismiss_button.clicked.connect(self.dismiss)
        self.close_button = QPushButton()
        self.close_button.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.show_done)
        buttons.addStretch(1)
        for b in (self.open_button, self.resend_button, self.dismiss_button, self.close_button):
            buttons.addWidget(b)
        lay = QVBoxLayout(self)
        lay.addWidget(self.intro)
        lay.addWidget(self.table, 1)
        lay.addLayout(buttons)
        fit_to_screen(self, 820, 420)
        self.retranslate()
        env.bus.changed.connect(lambda _c: self.reload())
        self.reload()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Refused changes"))
        self.intro.setText(self.tr("The team server refused these changes. Open the customer to fix what the "
                                   "reason says, then send again; or dismiss the change. Nothing here is lost."))
        self.table.setHorizontalHeaderLabels([self.tr("Typed"), self.tr("Customer"), self.tr("Record"),
                                              self.tr("Fields"), self.tr("Reason")])
        self.show_done.setText(self.tr("Show done"))
        self.open_button.setText(self.tr("&Open customer"))
        self.resend_button.setText(self.tr("&Send again"))
        self.dismiss_button.setText(self.tr("&Dismiss"))
        self.close_button.setText(self.tr("Close"))
        self._fill()

    def reload(self) -> None:
        from workbench.services.refusals import list_refusals

        ctx, done = self.env.ctx, self.show_done.isChecked()
        self.env.runner.latest(self, "refusals", lambda _op: list_refusals(ctx, include_done=done), self._loaded)

    def _loaded(self, rows: list[Any]) -> None:
        self.rows = rows
        self._fill()

    def _fill(self) -> None:
        zh = is_chinese()
        self.table.setRowCount(len(self.rows))
        for i, r in enumerate(self.rows):
            state = {"dismissed": self.tr(" (dismissed)"), "resent": self.tr(" (sent again)")}.get(r.status, "")
            cells = (r.at.astimezone().strftime("%Y-%m-%d %H:%M"), r.customer_name or "—",
                     r.record_zh if zh else r.record_en, ", ".join(r.fields), label(r) + state)
            for col, value in enumerate(cells):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, r.seq)
                self.table.setItem(i, col, item)
        self.table.resizeColumnsToContents()
        if self.rows and not self.table.selectedItems():
            self.table.selectRow(0)
        self._update_buttons()

    def selected(self) -> list[Any]:
        rows = sorted({i.row() for i in self.table.selectedIndexes()})
        return [self.rows[i] for i in rows if i < len(self.rows)]

    def _update_buttons(self) -> None:
        chosen = self.selected()
        open_ones = [r for r in chosen if r.status == "refused"]
        self.open_button.setEnabled(len(chosen) == 1 and chosen[0].customer_id is not None)
        self.resend_button.setEnabled(bool(open_ones))
        self.dismiss_button.setEnabled(bool(open_ones))

    def open_customer(self) -> None:
        chosen = self.selected()
        if len(chosen) == 1 and chosen[0].customer_id:
            self.customer_requested.emit(chosen[0].customer_id)

    def _act(self, fn: Any) -> None:
        from workbench.ui.env import apply
        from workbench.ui.errors import show_error

        seqs = [r.seq for r in self.selected() if r.status == "refused"]
        if not seqs:
            return
        try:
            apply(self.env, lambda: fn(self.env.ctx, seqs=seqs))
        except Exception as exc:  # noqa: BLE001 - shown, logged; the list stays as it was
            show_error(self, exc)
        self.reload()
        self.acted.emit()

    def resend(self) -> None:
        from workbench.services.refusals import resend

        self._act(resend)

    def dismiss(self) -> None:
        from workbench.services.refusals import dismiss

        self._act(dismiss)
