"""File ▸ Export weekly report…: the weekly visit report (周报) of a week, for me, the whole
team or one manager, as an .xlsx or a PDF (services.exports), written on the runner.

A file that cannot be written is said beside the file field; what was chosen stays."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workbench.services import exports
from workbench.services.users import list_users
from workbench.ui.env import UiEnv
from workbench.ui.i18n import Retranslating
from workbench.ui.importing import files
from workbench.ui.labels import user_label
from workbench.ui.runner import Op

ERROR_STYLE = "color: #c62828;"
TEAM = "\x00team"  # the owner combo's data for the whole team
FORMATS = (".xlsx", ".pdf")


class WeeklyExportDialog(Retranslating, QDialog):
    exported = Signal(object)  # the Path written
    refused = Signal(str)  # the message shown beside the file field

    def __init__(self, env: UiEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.setObjectName("weekly_export_dialog")
        self.setMinimumWidth(560)
        self.op: Op | None = None
        self.written: Path | None = None
        self._typed = False  # the user edited the file name: keep it (only its suffix follows the format)
        self.week = QDateEdit()
        self.week.setObjectName("weekly_week")
        self.week.setCalendarPopup(True)
        self.week.setDisplayFormat("yyyy-MM-dd")
        today = env.today()
        self.week.setDate(QDate(today.year, today.month, today.day))
        self.week_span = QLabel()
        self.owner = QComboBox()
        self.owner.setObjectName("weekly_owner")
        self.kind = QComboBox()
        self.kind.setObjectName("weekly_format")
        self.path = QLineEdit()
        self.path.setObjectName("weekly_path")
        self.browse = QPushButton()
        self.path_error = QLabel()
        self.path_error.setObjectName("weekly_path_error")
        self.path_error.setStyleSheet(ERROR_STYLE)
        self.path_error.setWordWrap(True)
        self.path_error.hide()
        self.state = QLabel()
        self.state.setObjectName("weekly_state")
        self.state.setWordWrap(True)
        self.open_button = QPushButton()
        self.open_button.hide()
        self.export_button = QPushButton()
        self.export_button.setObjectName("weekly_export")
        self.export_button.setDefault(True)
        self.close_button = QPushButton()
        self.labels = [QLabel() for _ in range(4)]
        for lab, w in zip(self.labels, (self.week, self.owner, self.kind, self.path), strict=True):
            lab.setBuddy(w)
        week_row = QHBoxLayout()
        week_row.addWidget(self.week)
        week_row.addWidget(self.week_span, 1)
        file_box = QWidget()
        fv = QVBoxLayout(file_box)
        fv.setContentsMargins(0, 0, 0, 0)
        fv.setSpacing(2)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path, 1)
        file_row.addWidget(self.browse)
        fv.addLayout(file_row)
        fv.addWidget(self.path_error)
        form = QFormLayout()
        form.addRow(self.labels[0], week_row)
        form.addRow(self.labels[1], self.owner)
        form.addRow(self.labels[2], self.kind)
        form.addRow(self.labels[3], file_box)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.close_button)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.state)
        lay.addLayout(buttons)

        self.users = [u for u in list_users(env.ctx.store) if u.id != env.ctx.user_id]
        self.retranslate()
        self.week.dateChanged.connect(lambda _d: self._choices_changed())
        self.owner.currentIndexChanged.connect(lambda _i: self._choices_changed())
        self.kind.currentIndexChanged.connect(lambda _i: self._choices_changed())
        self.path.textEdited.connect(self._path_typed)
        self.browse.clicked.connect(self.choose_path)
        self.export_button.clicked.connect(self.export)
        self.close_button.clicked.connect(self.reject)
        self.open_button.clicked.connect(self.open_written)
        self._choices_changed()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Export weekly report"))
        for lab, text in zip(self.labels, (self.tr("&Week of"), self.tr("W&hose"), self.tr("&Format"),
                                           self.tr("F&ile")), strict=True):
            lab.setText(text)
        self._fill(self.owner, [(self.env.ctx.user_id, self.tr("Mine")), (TEAM, self.tr("The whole team")),
                                *((u.id, user_label(u.name) or "") for u in self.users)])
        self._fill(self.kind, [(".xlsx", self.tr("Excel workbook (.xlsx)")), (".pdf", self.tr("PDF page (.pdf)"))])
        self.browse.setText(self.tr("&Browse…"))
        self.open_button.setText(self.tr("&Open the file"))
        self.export_button.setText(self.tr("&Export"))
        self.close_button.setText(self.tr("Close"))
        self._show_span()

    @staticmethod
    def _fill(combo: QComboBox, items: list[tuple[str, str]]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        for data, text in items:
            combo.addItem(text, data)
        combo.setCurrentIndex(max(0, combo.findData(current)))
        combo.blockSignals(False)

    # --- the choices -------------------------------------------------------------------------
    def day(self) -> date:
        d = self.week.date()
        return date(d.year(), d.month(), d.day())

    def owner_id(self) -> str | None:
        data = self.owner.currentData()
        return None if data == TEAM else str(data)

    def suffix(self) -> str:
        return str(self.kind.currentData() or ".xlsx")

    def _show_span(self) -> None:
        monday, sunday = exports.week_of(self.day())
        self.week_span.setText(self.tr("Monday {0} to Sunday {1}").format(monday.isoformat(), sunday.isoformat()))

    def _choices_changed(self) -> None:
        self._show_span()
        current = Path(self.path.text().strip()) if self.path.text().strip() else None
        if self._typed and current is not None:
            self.path.setText(str(current.with_suffix(self.suffix())))
        else:
            folder = current.parent if current is not None else files.documents()
            self.path.setText(str(folder / self.suggested_name()))

    def suggested_name(self) -> str:
        monday, _ = exports.week_of(self.day())
        whose = self.owner.currentText() if self.owner_id() not in (None, self.env.ctx.user_id) else (
            user_label(self.env.ctx.user_name) if self.owner_id() else self.tr("team"))
        # the file name in the UI's language: 周报-2026-11-23-全组.xlsx, weekly-report-2026-11-23-team.xlsx
        return self.tr("weekly-report-{0}-{1}").format(monday.isoformat(), whose) + self.suffix()

    def _path_typed(self, _text: str) -> None:
        self._typed = True
        self.path_error.hide()

    def choose_path(self) -> None:
        path = files.ask_save_path(self, self.tr("Save the weekly report"), Path(self.path.text().strip() or "."),
                                   f"*{self.suffix()}")
        if path is not None:
            self._typed = True
            self.path.setText(str(path))

    # --- exporting ---------------------------------------------------------------------------
    def export(self) -> Op | None:
        if self.op is not None:
            return None
        self.path_error.hide()
        self.open_button.hide()
        text = self.path.text().strip()
        if not text:
            self._refuse(self.tr("Say where to write the report."))
            return None
        out = Path(text).expanduser()
        if out.suffix.lower() not in FORMATS:
            out = out.with_name(out.name + self.suffix())
        elif out.suffix.lower() != self.suffix():
            self.kind.setCurrentIndex(self.kind.findData(out.suffix.lower()))  # the name says which
        self.path.setText(str(out))
        self._typed = self._typed or out.name != self.suggested_name()  # a name of one's own stays
        ctx, day, owner, today = self.env.ctx, self.day(), self.owner_id(), self.env.today()

        def work(_op: Op) -> tuple[Path, int, int | None]:
            report = exports.weekly_report(ctx, week_of=day, owner_id=owner, today=today)
            out.parent.mkdir(parents=True, exist_ok=True)
            if out.suffix.lower() == ".pdf":
                return out, len(report.visits), exports.write_weekly_pdf(report, out).pages
            exports.write_weekly_xlsx(report, out)
            return out, len(report.visits), None

        self.op = self.env.runner.run(work, on_success=self._done, on_failure=self._failed,
                                      label=self.tr("Writing the weekly report"), owner=self)
        self._busy(True)
        return self.op

    def _busy(self, busy: bool) -> None:
        for w in (self.week, self.owner, self.kind, self.path, self.browse, self.export_button):
            w.setEnabled(not busy)
        self.state.setText(self.tr("Writing the report…") if busy else self.state.text())

    def _refuse(self, text: str) -> None:
        self.path_error.setText(text)
        self.path_error.show()
        self.path.setFocus()
        self.refused.emit(text)

    def _done(self, value: tuple[Path, int, int | None]) -> None:
        out, visits, pages = value
        self.op = None
        self._busy(False)
        self.written = out
        text = self.tr("Written: {0} ({1} visits)").format(out, visits)
        if pages is not None:
            text = self.tr("Written: {0} ({1} visits, {2} pages)").format(out, visits, pages)
        self.state.setText(text)
        self.open_button.show()
        self.exported.emit(out)

    def _failed(self, exc: BaseException) -> None:
        self.op = None
        self._busy(False)
        self.state.setText("")
        problem = files.file_problem(exc)
        if problem is not None:
            self._refuse(self.tr("The report could not be written there: {0}").format(problem))
            return
        from workbench.ui.errors import show_error

        show_error(self, exc)  # a domain refusal says its words; anything else also reaches the log

    def open_written(self) -> Any:
        if self.written is not None:
            return QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.written)))
        return None
