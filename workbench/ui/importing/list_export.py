"""The customer list's "Export the list as shown": every customer the current search, filters
and order give (services.exports.customer_list), to an .xlsx, written on the runner."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget

from workbench.services import exports
from workbench.ui.env import UiEnv
from workbench.ui.i18n import Retranslating
from workbench.ui.importing import files
from workbench.ui.runner import Op

ERROR_STYLE = "color: #c62828;"


class ListExportButton(Retranslating, QWidget):
    """A button beside the list's count, and a line saying what it wrote."""

    exported = Signal(object)  # the Path written

    def __init__(self, env: UiEnv, model: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env, self.model = env, model
        self.op: Op | None = None
        self.button = QToolButton()
        self.button.setObjectName("export_list")
        self.note = QLabel()
        self.note.setObjectName("export_list_note")
        self.note.hide()
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.note)
        lay.addWidget(self.button)
        self.button.clicked.connect(self.choose)
        self.retranslate()

    def retranslate(self) -> None:
        self.button.setText(self.tr("Export…"))
        self.button.setToolTip(self.tr("Export the list as shown (the search, filters and order) to Excel"))

    def choose(self) -> None:
        suggested = files.documents() / f"客户清单-{self.env.today().isoformat()}.xlsx"
        path = files.ask_save_path(self, self.tr("Export the list as shown"), suggested, "*.xlsx")
        if path is not None:
            self.export_to(path if path.suffix.lower() == ".xlsx" else path.with_name(path.name + ".xlsx"))

    def export_to(self, path: Path | str) -> Op | None:
        if self.op is not None:
            return None
        ctx, out = self.env.ctx, Path(path)
        query, filters, order = self.model.query, self.model.filters, self.model.order

        def work(_op: Op) -> tuple[Path, int]:
            by, descending = order if order is not None else (None, False)
            listing = exports.customer_list(ctx, query=query, filters=filters, order_by=by, descending=descending)
            out.parent.mkdir(parents=True, exist_ok=True)
            exports.write_customers_xlsx(listing, out)
            return out, len(listing.rows)

        self.op = self.env.runner.run(work, on_success=self._done, on_failure=self._failed,
                                      label=self.tr("Exporting the list"), owner=self)
        self.button.setEnabled(False)
        return self.op

    def _done(self, value: tuple[Path, int]) -> None:
        out, count = value
        self.op = None
        self.button.setEnabled(True)
        self._note(self.tr("{0} customers exported to {1}").format(f"{count:,}", out.name), str(out))
        self.exported.emit(out)

    def _failed(self, exc: BaseException) -> None:
        self.op = None
        self.button.setEnabled(True)
        problem = files.file_problem(exc)
        if problem is not None:
            self._note(self.tr("Not exported: {0}").format(problem), str(exc), error=True)
            return
        from workbench.ui.errors import show_error

        show_error(self, exc)

    def _note(self, text: str, tip: str, *, error: bool = False) -> None:
        self.note.setText(text)
        self.note.setToolTip(tip)
        self.note.setStyleSheet(ERROR_STYLE if error else "")
        self.note.show()
