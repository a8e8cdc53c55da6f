"""File ▸ Import…: customers and their contacts from an .xlsx or .csv sheet.

The sheet is read and every row checked on the runner (never the GUI thread), with progress
and a cancel; the dialog shows the guessed column mapping (a combo box per column, any change
checks the rows again), the rows with their status (new, update, unchanged, error) and the
refused cells marked, the list of refused cells (row, column, value, message), and writes the
error report as an .xlsx. Importing writes the valid rows in one journaled transaction
(services.importing.commit_import) and publishes the change, so the customer list refreshes.
A file that cannot be imported is said in the dialog, in words, never as a traceback.
"""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from workbench.services import importing as imp
from workbench.ui.env import UiEnv
from workbench.ui.i18n import Retranslating
from workbench.ui.importing import files
from workbench.ui.importing.mapping import MappingTable
from workbench.ui.importing.models import PROBLEM_COLUMN, ErrorModel, PreviewModel
from workbench.ui.importing.state import PreviewState, build
from workbench.ui.labels import label
from workbench.ui.runner import Op
from workbench.ui.screen_fit import fit_to_screen

ERROR_STYLE = "color: #c62828;"
DONE_STYLE = "color: #1b7a3a;"
SHEET_FILTER = "*.xlsx *.xlsm *.xls *.ods *.csv"


class ImportDialog(Retranslating, QDialog):
    previewed = Signal(object)  # a PreviewState, once shown
    imported = Signal(object)  # an ImportResult, once committed and published
    report_written = Signal(object)  # the error report's Path
    refused = Signal(str)  # a message shown in the dialog (a bad file, a cancel, a refused commit)
    message_shown = Signal(str)  # any message the dialog shows

    def __init__(self, env: UiEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.setObjectName("import_dialog")
        self.path: Path | None = None
        self.state: PreviewState | None = None
        self.op: Op | None = None
        self.committing = False
        self.result: Any = None

        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.path_label = QLabel()
        self.path_label.setObjectName("import_path")
        self.choose_button = QPushButton()
        self.choose_button.setObjectName("import_choose")
        self.message = QLabel()
        self.message.setObjectName("import_message")
        self.message.setWordWrap(True)
        self.message.hide()
        self.summary = QLabel()
        self.summary.setObjectName("import_summary")
        self.summary.setWordWrap(True)

        self.mapping_table = MappingTable()
        self.preview_model = PreviewModel(self)
        self.preview_view = self._table("import_preview", self.preview_model)
        self.only_errors = QCheckBox()
        self.only_errors.setObjectName("import_only_errors")
        self.error_model = ErrorModel(self)
        self.error_view = self._table("import_errors", self.error_model)
        self.error_view.horizontalHeader().setStretchLastSection(True)
        rows_tab = QWidget()
        rv = QVBoxLayout(rows_tab)
        rv.addWidget(self.only_errors)
        rv.addWidget(self.preview_view, 1)
        self.tabs = QTabWidget()
        self.tabs.addTab(rows_tab, "")
        self.tabs.addTab(self.error_view, "")
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.mapping_table)
        self.splitter.addWidget(self.tabs)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([440, 720])

        self.progress = QProgressBar()
        self.progress.setObjectName("import_progress")
        self.progress.hide()
        self.stop_button = QPushButton()
        self.stop_button.setObjectName("import_stop")
        self.stop_button.hide()
        self.updates = QCheckBox()
        self.updates.setObjectName("import_updates")
        self.updates.setChecked(True)
        self.report_button = QPushButton()
        self.report_button.setObjectName("import_report")
        self.import_button = QPushButton()
        self.import_button.setObjectName("import_commit")
        self.close_button = QPushButton()
        self.close_button.setObjectName("import_close")

        top = QHBoxLayout()
        top.addWidget(self.path_label, 1)
        top.addWidget(self.choose_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.progress, 1)
        bottom.addWidget(self.stop_button)
        bottom.addWidget(self.updates)
        bottom.addStretch(1)
        for b in (self.report_button, self.import_button, self.close_button):
            bottom.addWidget(b)
        lay = QVBoxLayout(self)
        lay.addWidget(self.intro)
        lay.addLayout(top)
        lay.addWidget(self.message)
        lay.addWidget(self.summary)
        lay.addWidget(self.splitter, 1)
        lay.addLayout(bottom)

        self.choose_button.clicked.connect(self.choose_file)
        self.mapping_table.target_chosen.connect(self.set_target)
        self.only_errors.toggled.connect(self.preview_model.set_only_errors)
        self.error_view.activated.connect(self._show_error_row)
        self.error_view.clicked.connect(self._show_error_row)
        self.stop_button.clicked.connect(self.stop)
        self.report_button.clicked.connect(self.choose_report)
        self.import_button.clicked.connect(self.commit)
        self.close_button.clicked.connect(self.reject)
        self.import_button.setDefault(True)
        fit_to_screen(self, 1180, 720)
        self.retranslate()
        self._update_buttons()

    @staticmethod
    def _table(name: str, model: Any) -> QTableView:
        view = QTableView()
        view.setObjectName(name)
        view.setModel(model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.verticalHeader().hide()
        view.verticalHeader().setDefaultSectionSize(24)
        view.setWordWrap(False)
        view.horizontalHeader().setResizeContentsPrecision(150)  # widths from the first rows: 20,000 take 0.6 s
        return view

    # --- texts -----------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Import customers"))
        self.intro.setText(self.tr(
            "Customers with their contacts from an Excel (.xlsx) or CSV sheet, one row per contact. "
            "Check what each column is imported as; rows with a red cell are left out: write the error "
            "report, fix those cells in it and import it again."))
        self.path_label.setText(str(self.path) if self.path else self.tr("No sheet chosen yet."))
        self.choose_button.setText(self.tr("&Choose a sheet…"))
        self.only_errors.setText(self.tr("Only rows with errors"))
        self.stop_button.setText(self.tr("S&top"))
        self.updates.setText(self.tr("&Update customers already stored"))
        self.report_button.setText(self.tr("Write error &report…"))
        self.close_button.setText(self.tr("Close"))
        self._show_summary()
        self._update_buttons()

    def _say(self, text: str, *, error: bool = True) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(ERROR_STYLE if error else DONE_STYLE)
        self.message.setVisible(bool(text))
        if text:
            self.message_shown.emit(text)

    def _show_summary(self) -> None:
        s = self.state
        self.tabs.setTabText(0, self.tr("Rows"))
        self.tabs.setTabText(1, self.tr("Errors ({0})").format(len(s.preview.errors) if s else 0))
        if s is None:
            self.summary.setText("")
            return
        n = s.preview.counts()
        text = self.tr("{0} rows read: {1} new customers, {2} to update, {3} unchanged; {4} new contacts, "
                       "{5} to update.").format(n["rows"], n["customers_new"], n["customers_to_update"],
                                               n["customers_unchanged"], n["contacts_new"], n["contacts_to_update"])
        if n["errors"]:
            text += " " + self.tr("{0} rows with errors ({1} errors) are left out.").format(
                n["rows_with_errors"], n["errors"])
        self.summary.setText(text)

    def _update_buttons(self) -> None:
        busy = self.op is not None
        s = self.state
        writes = s.writes if s is not None and not s.preview.problems else 0
        self.import_button.setText(self.tr("&Import {0} customers").format(writes) if writes else self.tr("&Import"))
        self.import_button.setEnabled(not busy and writes > 0)
        self.report_button.setEnabled(not busy and s is not None and bool(s.preview.errors))
        self.choose_button.setEnabled(not busy)
        self.mapping_table.setEnabled(not busy and s is not None)
        self.updates.setEnabled(not busy)

    # --- reading and checking ----------------------------------------------------------------
    def choose_file(self) -> None:
        folder = self.path.parent if self.path else files.documents()
        path = files.ask_open_path(self, self.tr("Choose the sheet to import"), folder,
                                   self.tr("Sheets ({0})").format(SHEET_FILTER))
        if path is not None:
            self.open_path(path)

    def open_path(self, path: Path | str) -> Op:
        """Read ``path``, guess its mapping and check every row, in the background."""
        self.path = Path(path)
        self.path_label.setText(str(self.path))
        self.state = None
        self.result = None
        self.preview_model.set_state(None)
        self.error_model.set_errors(())
        self.mapping_table.setRowCount(0)
        self._say("")
        self._show_summary()
        ctx, where = self.env.ctx, self.path

        def work(op: Op) -> PreviewState:
            sheet = imp.read_sheet(where)
            op.check()
            return _checked(ctx, sheet, imp.guess_mapping(sheet), op)

        return self._start(work, self.tr("Reading the sheet"))

    def set_target(self, column: int, key: str | None) -> Op | None:
        """Column ``column`` is imported as ``key`` (None: not imported); check the rows again."""
        if self.state is None:
            return None
        mapping = self.state.preview.mapping.with_target(column, key)
        self.mapping_table.show_mapping(mapping)
        return self.check_again(mapping)

    def check_again(self, mapping: imp.ColumnMapping | None = None) -> Op | None:
        if self.state is None:
            return None
        ctx, sheet = self.env.ctx, self.state.sheet
        mapping = mapping or self.state.preview.mapping
        return self._start(lambda op: _checked(ctx, sheet, mapping, op), self.tr("Checking the rows"))

    def _start(self, work: Any, what: str) -> Op:
        op = self.env.runner.latest(self, "preview", work, self._previewed, on_failure=self._preview_failed,
                                    label=what)
        self._busy(op)
        return op

    def _busy(self, op: Op | None) -> None:
        if self.op is not None and op is not None and self.op is not op:
            self.op.cancel()  # a newer check replaces it
        self.op = op
        self.progress.setVisible(op is not None)
        self.stop_button.setVisible(op is not None)
        if op is not None:
            self.progress.setRange(0, 0)
            op.progressed.connect(self._progressed)
        self._update_buttons()

    def _progressed(self, done: int, total: int, _label: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def stop(self) -> None:
        if self.op is not None:
            self.op.cancel()

    def _previewed(self, state: PreviewState) -> None:
        fresh = self.state is None or self.state.sheet is not state.sheet
        self.state = state
        self._busy(None)
        if fresh:
            self.mapping_table.set_sheet(state.sheet, state.preview.mapping)
        self.preview_model.set_state(state)
        self.error_model.set_errors(state.preview.errors)
        if state.sheet.width <= 40:
            self.preview_view.resizeColumnsToContents()
            self.error_view.resizeColumnsToContents()
        self.preview_view.setColumnWidth(PROBLEM_COLUMN, min(self.preview_view.columnWidth(PROBLEM_COLUMN), 300))
        problems = state.preview.problems
        if problems:
            self._say("\n".join(label(SimpleNamespace(zh=zh, en=en)) for zh, en in problems)
                      + "\n" + self.tr("Choose the column under “Imported as”."))
        elif self.result is None:
            self._say("")
        self._show_summary()
        self._update_buttons()
        self.previewed.emit(state)

    def _preview_failed(self, exc: BaseException) -> None:
        from workbench.domain.errors import DomainError
        from workbench.ui.runner import Cancelled

        self._busy(None)
        if isinstance(exc, (imp.ImportCancelled, Cancelled)):
            text = self.tr("Stopped: the sheet was not read to the end; nothing was written.")
        elif isinstance(exc, DomainError):
            text = self.tr("This file cannot be imported: {0}").format(label(exc))
        else:
            from workbench.ui.errors import show_error

            show_error(self, exc)  # unexpected: a dialog and the log
            text = self.tr("This file could not be read (the details are in the log).")
        self._say(text)
        self.refused.emit(text)

    def _show_error_row(self, index: Any) -> None:
        number = self.error_model.errors[index.row()].row
        position = self.preview_model.position_of(number)
        if position is None and self.preview_model.only_errors is False:
            return
        if position is None:
            self.only_errors.setChecked(False)
            position = self.preview_model.position_of(number)
        if position is not None:
            self.tabs.setCurrentIndex(0)
            self.preview_view.selectRow(position)
            self.preview_view.scrollTo(self.preview_model.index(position, 0))

    # --- importing ---------------------------------------------------------------------------
    def commit(self) -> Op | None:
        """Write the valid rows in one transaction on the runner's writer, then publish."""
        s = self.state
        if s is None or self.op is not None or s.preview.problems or not s.writes:
            return None
        from workbench.services.changes import collecting

        ctx, env, preview, updates = self.env.ctx, self.env, s.preview, self.updates.isChecked()

        def work(op: Op) -> Any:
            with collecting() as got:
                result = imp.commit_import(ctx, preview, updates=updates, progress=op.progress,
                                           cancelled=lambda: op.cancelled)
            return result, got.changes

        def done(value: Any) -> None:
            result, changes = value
            env.bus.publish(changes)  # even if the dialog was closed meanwhile: the list must know
            if shiboken6.isValid(self):
                self._imported(result)

        def failed(exc: BaseException) -> None:
            if shiboken6.isValid(self):
                self._commit_failed(exc)

        self.committing = True
        op = env.runner.run(work, on_success=done, on_failure=failed, write=True,
                            label=self.tr("Importing customers"), owner=env.bus)
        self._busy(op)
        return op

    def _imported(self, result: Any) -> None:
        self.committing = False
        self._busy(None)
        self.result = result
        self._say(self.tr("Imported: {0} new customers, {1} updated; {2} new contacts, {3} updated.").format(
            result.customers_created, result.customers_updated, result.contacts_created, result.contacts_updated),
            error=False)
        self.imported.emit(result)
        self.check_again()  # what the sheet would do now: its imported rows are unchanged

    def _commit_failed(self, exc: BaseException) -> None:
        from workbench.domain.errors import DomainError, StaleEditError

        self.committing = False
        self._busy(None)
        if isinstance(exc, imp.ImportCancelled):
            text = self.tr("Import stopped: nothing was written.")
        elif isinstance(exc, StaleEditError):
            text = self.tr("Nothing was imported: a customer of this sheet was changed meanwhile (in another "
                           "window, or by a sync). The rows are checked again against what is stored now; "
                           "then import again.")
            self._say(text)
            self.refused.emit(text)
            self.check_again()
            return
        elif isinstance(exc, DomainError):
            text = self.tr("Nothing was imported: {0}").format(label(exc) if hasattr(exc, "zh") else str(exc))
        else:
            from workbench.ui.errors import show_error

            show_error(self, exc)
            text = self.tr("Nothing was imported (the details are in the log).")
        self._say(text)
        self.refused.emit(text)

    # --- the error report -------------------------------------------------------------------
    def choose_report(self) -> None:
        if self.state is None or self.path is None:
            return
        suffix = self.tr("errors")  # the report's file name: the sheet's, and this
        suggested = self.path.with_name(f"{self.path.stem}-{suffix}.xlsx")
        path = files.ask_save_path(self, self.tr("Write the error report"), suggested, "*.xlsx")
        if path is not None:
            self.write_report(path if path.suffix.lower() == ".xlsx" else path.with_suffix(".xlsx"))

    def write_report(self, path: Path | str) -> Op | None:
        s = self.state
        if s is None:
            return None
        sheet, preview, out = s.sheet, s.preview, Path(path)
        op = self.env.runner.run(lambda _op: imp.write_error_report(sheet, preview, out),
                                 on_success=self._report_done, on_failure=self._report_failed,
                                 label=self.tr("Writing the error report"), owner=self)
        self._busy(op)
        return op

    def _report_done(self, path: Path) -> None:
        self._busy(None)
        self._say(self.tr("The error report is written to {0}: fix the red cells there (the last column says "
                          "why) and import that file again.").format(path), error=False)
        self.report_written.emit(path)

    def _report_failed(self, exc: BaseException) -> None:
        self._busy(None)
        problem = files.file_problem(exc)
        if problem is not None:
            self._say(self.tr("The error report could not be written: {0}").format(problem))
            return
        from workbench.ui.errors import show_error

        show_error(self, exc)

    def reject(self) -> None:
        """Close; a check still running is stopped (an import too: it then writes nothing)."""
        self.stop()
        super().reject()


def _checked(ctx: Any, sheet: imp.Sheet, mapping: imp.ColumnMapping, op: Op) -> PreviewState:
    preview = imp.preview_import(ctx, sheet, mapping, progress=op.progress, cancelled=lambda: op.cancelled)
    return build(sheet, preview)
