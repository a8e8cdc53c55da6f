"""The proposal preview: every page of the PDF as handed to the client, zoom, Print, Save as,
and the sheet's language (Chinese by default, English; see ``language.SheetLanguage``).

The dialog shows the bytes it is given and never changes them: Save as writes them as they
are (a sent proposal's frozen record stays byte-identical) and Print paints the same pages.
Choosing another language asks for the sheet again (``language_chosen``); whoever made the
preview answers with :meth:`ProposalPreview.show_pdf` (or ``language_failed``), and until then
Save and Print wait, so that they always hand over the sheet shown.
Pages render lazily through ``env.runner`` (see ``pages.PagesView``); printing runs there
too, so a long proposal never freezes the window. The file and print dialogs are behind
``_ask_save_path`` and ``_ask_printer`` so that tests can replace them.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from workbench.ui.env import UiEnv
from workbench.ui.errors import show_error
from workbench.ui.i18n import Retranslating
from workbench.ui.proposals.language import SheetLanguage, sheet_chosen, sheet_failed, show_sheet
from workbench.ui.proposals.pages import PagesView, PdfPages
from workbench.ui.proposals.printing import (
    PRINT_DPI,
    print_pdf,
    print_to_file,
    prints_to_file,
    save_pdf,
)
from workbench.ui.runner import Cancelled, Op
from workbench.ui.screen_fit import fit_to_screen
from workbench.ui.settings import GeometryMixin

TOOLBAR_STYLE = """
QFrame#preview_toolbar { background: #f3f4f6; border-bottom: 1px solid #d1d5db; }
QToolButton { padding: 3px 9px; border: 1px solid transparent; border-radius: 4px; }
QToolButton:hover { background: #e5e7eb; border-color: #d1d5db; }
QToolButton:checked { background: #dbeafe; border-color: #93c5fd; }
"""
WARNING_STYLE = ("background: #fff4e5; color: #8a4b00; border: 1px solid #f5c281; border-radius: 4px;"
                 " padding: 6px 10px;")
INFO_STYLE = ("background: #eef4fb; color: #1f4e79; border: 1px solid #b9d3ee; border-radius: 4px;"
              " padding: 6px 10px;")


class ProposalPreview(Retranslating, GeometryMixin, QDialog):
    """Preview of a proposal PDF with zoom, Print… and Save as…; Esc closes."""

    saved = Signal(str)  # the path written
    printed = Signal(int)  # pages sent to the printer
    language_chosen = Signal(str)  # the user asked for the sheet in this language ("zh", "en")

    def __init__(self, env: UiEnv, pdf: bytes, *, title: str, suggested_name: str,
                 missing: tuple[str, ...] = (), frozen_note: str | None = None,
                 lang: str | None = None, lang_fixed: bool = False,
                 parent: QWidget | None = None) -> None:
        """``lang``: the sheet's language, offered as a choice (None: no choice shown, the
        bytes come from elsewhere); ``lang_fixed``: shown, not changeable (a kept record)."""
        super().__init__(parent)
        self.setObjectName("proposal_preview")
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.env, self.pdf, self.title = env, bytes(pdf), title
        self.suggested_name, self.missing, self.frozen_note = suggested_name, tuple(missing), frozen_note
        self.printing = False
        self.switching = False  # a sheet in another language is being made: Save and Print wait
        self.load_error: Exception | None = None
        self.pages: PdfPages | None = self._load(self.pdf)

        # toolbar: zoom out, zoom %, zoom in, fit width ... page n / N, N pages
        self.toolbar = QFrame()
        self.toolbar.setObjectName("preview_toolbar")
        self.toolbar.setStyleSheet(TOOLBAR_STYLE)
        self.zoom_out_button, self.zoom_in_button, self.fit_button = QToolButton(), QToolButton(), QToolButton()
        self.zoom_out_button.setObjectName("zoom_out")
        self.zoom_in_button.setObjectName("zoom_in")
        self.fit_button.setObjectName("fit_width")
        self.fit_button.setCheckable(True)
        self.zoom_label = QLabel()
        self.zoom_label.setObjectName("zoom_label")
        self.zoom_label.setMinimumWidth(48)
        self.zoom_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.current_label, self.page_count = QLabel(), QLabel()
        self.current_label.setObjectName("current_page")
        self.page_count.setObjectName("page_count")
        self.page_count.setStyleSheet("color: #4b5563;")
        bar = QHBoxLayout(self.toolbar)
        bar.setContentsMargins(10, 5, 10, 5)
        for w in (self.zoom_out_button, self.zoom_label, self.zoom_in_button, self.fit_button):
            bar.addWidget(w)
        self.language: SheetLanguage | None = None
        if lang is not None:
            self.language = SheetLanguage(lang, fixed=lang_fixed)
            self.language.chosen.connect(self._language_chosen)
            bar.addSpacing(16)
            bar.addWidget(self.language)
        bar.addStretch(1)
        bar.addWidget(self.current_label)
        bar.addSpacing(16)
        bar.addWidget(self.page_count)

        self.missing_banner = QLabel()
        self.missing_banner.setObjectName("missing_banner")
        self.missing_banner.setWordWrap(True)
        self.missing_banner.setStyleSheet(WARNING_STYLE)
        self.missing_banner.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.missing_banner.setVisible(bool(self.missing))
        self.frozen_label = QLabel(frozen_note or "")
        self.frozen_label.setObjectName("frozen_note")
        self.frozen_label.setWordWrap(True)
        self.frozen_label.setStyleSheet(INFO_STYLE)
        self.frozen_label.setVisible(bool(frozen_note))
        self.error_label = QLabel()
        self.error_label.setObjectName("load_error")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b3261e; padding: 24px;")
        self.error_label.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.view: PagesView | None = self._make_view()

        self.status = QLabel()
        self.status.setObjectName("preview_status")
        self.status.setStyleSheet("color: #4b5563;")
        self.save_button, self.print_button, self.close_button = QPushButton(), QPushButton(), QPushButton()
        self.save_button.setObjectName("save_button")
        self.print_button.setObjectName("print_button")
        self.close_button.setObjectName("close_button")
        self.save_button.clicked.connect(self.save_as)
        self.print_button.clicked.connect(self.print_)
        self.close_button.clicked.connect(self.reject)
        self.print_button.setEnabled(self.pages is not None)
        for b in (self.save_button, self.print_button):
            b.setAutoDefault(False)
        self.close_button.setDefault(True)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(12, 8, 12, 10)
        buttons.addWidget(self.status, 1)
        for b in (self.save_button, self.print_button, self.close_button):
            buttons.addWidget(b)

        self.notes = QVBoxLayout()
        self.notes.addWidget(self.missing_banner)
        self.notes.addWidget(self.frozen_label)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        lay.addWidget(self.toolbar)
        lay.addLayout(self.notes)
        lay.addWidget(self.view if self.view is not None else self.error_label, 1)
        lay.addLayout(buttons)
        self.body_layout = lay
        self._fit_notes()

        self.zoom_out_button.clicked.connect(self.zoom_out)
        self.zoom_in_button.clicked.connect(self.zoom_in)
        self.fit_button.clicked.connect(self.fit_width)
        for keys, slot in (("Ctrl++", self.zoom_in), ("Ctrl+=", self.zoom_in), ("Ctrl+-", self.zoom_out),
                           ("Ctrl+0", self.fit_width), ("Ctrl+P", self.print_), ("Ctrl+S", self.save_as)):
            QShortcut(QKeySequence(keys), self, slot)
        for w in (self.zoom_out_button, self.zoom_in_button, self.fit_button):
            w.setEnabled(self.view is not None)
        self._initial_size()
        self.restore_geometry(env.settings)
        self.retranslate()
        if self.view is not None:
            self.view.setFocus()

    def _initial_size(self) -> None:
        fit_to_screen(self, 880, 1000)

    def _load(self, pdf: bytes) -> PdfPages | None:
        try:
            pages = PdfPages(pdf)
        except Exception as exc:  # noqa: BLE001 - a damaged PDF is shown as such, Save still works
            self.load_error = exc
            return None
        self.load_error = None
        self.destroyed.connect(lambda *_args: pages.close())  # also when the parent goes first
        return pages

    def _make_view(self) -> PagesView | None:
        if self.pages is None:
            return None
        view = PagesView(self.pages, self.env.runner)
        view.zoom_changed.connect(self._zoom_changed)
        view.current_page_changed.connect(self._show_current)
        return view

    def _fit_notes(self) -> None:
        """The notes above the pages take room only when one shows."""
        shown = bool(self.missing) or bool(self.frozen_note)
        self.missing_banner.setVisible(bool(self.missing))
        margins = (12, 8, 12, 8) if shown else (0, 0, 0, 0)
        self.notes.setContentsMargins(*margins)

    # -- the sheet's language (language.py does the work) ----------------------------------
    @property
    def lang(self) -> str | None:
        """The language of the sheet shown (None: no choice offered)."""
        return None if self.language is None else self.language.lang

    def _language_chosen(self, lang: str) -> None:
        sheet_chosen(self, lang)

    def show_pdf(self, pdf: bytes, *, lang: str, suggested_name: str, missing: tuple[str, ...] = ()) -> None:
        """Show ``pdf``, the sheet in ``lang``: what Save as and Print hand over from now on."""
        show_sheet(self, pdf, lang=lang, suggested_name=suggested_name, missing=missing)

    def language_failed(self, message: str) -> None:
        """The sheet could not be made in the language asked: the one shown stays."""
        sheet_failed(self, message)

    # -- zoom -----------------------------------------------------------------------------
    def zoom_in(self) -> None:
        if self.view is not None:
            self.view.zoom_in()

    def zoom_out(self) -> None:
        if self.view is not None:
            self.view.zoom_out()

    def fit_width(self) -> None:
        if self.view is not None:
            self.view.fit_to_width()
            self._zoom_changed(self.view.zoom)

    def _zoom_changed(self, zoom: float) -> None:
        self.zoom_label.setText(self.tr("{0}%").format(round(zoom * 100)))
        self.fit_button.setChecked(self.view is not None and self.view.fit_width)

    def _show_current(self, page: int) -> None:
        self.current_label.setText(self.tr("Page {0} / {1}").format(page, self.page_total))

    @property
    def page_total(self) -> int:
        return self.pages.count if self.pages is not None else 0

    # -- save -----------------------------------------------------------------------------
    def save_folder(self) -> Path:
        """Where Save as opens: the folder last saved into, while it exists; else Documents
        (else the home folder)."""
        last = self.env.settings.proposal_folder
        if last and Path(last).is_dir():
            return Path(last)
        documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        return Path(documents) if documents else Path.home()

    def _ask_save_path(self) -> Path | None:
        start = str(self.save_folder() / self.suggested_name)
        name = self._file_dialog(start)
        if not name:
            return None
        path = Path(name)
        return path if path.suffix.lower() == ".pdf" else path.with_name(path.name + ".pdf")

    def _file_dialog(self, start: str) -> str:
        """The system's Save dialog opened on ``start``; the chosen path or "" (tests replace this)."""
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Save proposal as"), start,
                                              self.tr("PDF documents (*.pdf)"))
        return name

    def save_as(self) -> None:
        if self.switching:  # the sheet shown is about to be replaced
            return
        path = self._ask_save_path()
        if path is None:
            return
        try:
            save_pdf(self.pdf, path)
        except Exception as exc:  # noqa: BLE001 - disk full, no permission: tell the user
            self.status.setText(self.tr("Not saved."))
            show_error(self, exc)
            return
        self.env.settings.proposal_folder = str(path.parent)
        self.status.setText(self.tr("Saved to {0}").format(str(path)))
        self.saved.emit(str(path))

    # -- print ----------------------------------------------------------------------------
    def _ask_printer(self) -> QPrinter | None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.suggested_name)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print proposal"))
        dialog.setMinMax(1, max(self.page_total, 1))
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, True)
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintCurrentPage, True)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return printer

    def _print_range(self, printer: QPrinter) -> tuple[int, int | None]:
        chosen = printer.printRange()
        if chosen == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
            return printer.fromPage(), printer.toPage() or None
        if chosen == QPrinter.PrintRange.CurrentPage and self.view is not None:
            return self.view.current_page, self.view.current_page
        return 1, None

    def print_(self) -> None:
        if self.pages is None or self.printing or self.switching:
            return
        printer = self._ask_printer()
        if printer is None:
            return
        first, last = self._print_range(printer)
        if prints_to_file(printer):
            self._print_to_file(printer, first, last)
            return
        pdf = self.pdf

        def work(op: Op) -> int:
            def step(done: int, total: int) -> None:
                op.progress(done, total)
                op.check()

            return print_pdf(pdf, printer, first, last, progress=step)

        self.printing = True
        self.print_button.setEnabled(False)
        self.status.setText(self.tr("Printing as page images…"))
        self.env.runner.run(work, on_success=self._printed, on_failure=self._print_failed, owner=self,
                            label=self.tr("Printing the proposal"))

    def _print_to_file(self, printer: QPrinter, first: int, last: int | None) -> None:
        """Print to File (PDF): the proposal's own pages, as Save as writes them."""
        path = printer.outputFileName()
        try:
            pages = print_to_file(self.pdf, printer, first, last)
        except Exception as exc:  # noqa: BLE001 - disk full, no permission: tell the user
            self.status.setText(self.tr("Not printed."))
            show_error(self, exc)
            return
        self.status.setText(
            (self.tr("Printed 1 page to {0}: the proposal's own PDF, text and fonts kept.") if pages == 1
             else self.tr("Printed {1} pages to {0}: the proposal's own PDF, text and fonts kept."))
            .format(path, pages))
        self.printed.emit(pages)

    def _printed(self, pages: int) -> None:
        self.printing = False
        self.print_button.setEnabled(True)
        self.status.setText(
            (self.tr("Sent 1 page to the printer as an image ({0} dpi, no text layer).") if pages == 1
             else self.tr("Sent {1} pages to the printer as images ({0} dpi, no text layer).")).format(
                PRINT_DPI, pages))
        self.printed.emit(pages)

    def _print_failed(self, exc: BaseException) -> None:
        self.printing = False
        self.print_button.setEnabled(True)
        if isinstance(exc, Cancelled):
            self.status.setText(self.tr("Printing cancelled."))
            return
        self.status.setText(self.tr("Not printed."))
        show_error(self, exc)

    # -- texts and lifetime ---------------------------------------------------------------
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Proposal preview — {0}").format(self.title))
        self.zoom_out_button.setText("−")
        self.zoom_out_button.setToolTip(self.tr("Zoom out (Ctrl+-)"))
        self.zoom_in_button.setText("+")
        self.zoom_in_button.setToolTip(self.tr("Zoom in (Ctrl++)"))
        self.fit_button.setText(self.tr("Fit width"))
        self.fit_button.setToolTip(self.tr("Fit the page width to the window (Ctrl+0)"))
        total = self.page_total
        self.page_count.setText(self.tr("1 page") if total == 1 else self.tr("{0} pages").format(total))
        if self.view is not None:
            self._zoom_changed(self.view.zoom)
            self._show_current(self.view.current_page)
        if self.missing:
            self.missing_banner.setText(
                self.tr("The font lacks these characters; they will print as boxes: {0}").format(
                    "  ".join(f"{ch} (U+{ord(ch):04X})" for ch in self.missing)))
        if self.load_error is not None:
            self.error_label.setText(self.tr("This PDF cannot be shown: {0}").format(str(self.load_error)))
        self.save_button.setText(self.tr("&Save as…"))
        self.save_button.setToolTip(self.tr("Save the PDF exactly as shown (Ctrl+S)"))
        self.print_button.setText(self.tr("&Print…"))
        self.print_button.setToolTip(self.tr(
            "Print (Ctrl+P). A printer gets the pages as images (up to {0} dpi, no text layer); "
            "Print to File (PDF) writes the proposal's own PDF, as Save as does.").format(PRINT_DPI))
        self.close_button.setText(self.tr("Close"))
        self.close_button.setToolTip(self.tr("Esc"))


    def done(self, result: int) -> None:
        self.save_geometry(self.env.settings)
        if self.pages is not None:
            self.pages.close()  # under the PDFium lock: a render in flight finishes first
        super().done(result)
