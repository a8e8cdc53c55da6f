"""The proposal sheet's language on the preview's toolbar: Chinese (the default, whatever the
window's language) or English.

The sheet's language belongs to the document handed to the client, not to the window: the
choice is offered as the two languages named in themselves ("中文", "English"), and choosing one
asks for the sheet again in it (``chosen``); the preview shows the new PDF when it arrives. A
sheet kept as produced (sent to the client, or an older version's) keeps its language: the
choice is shown, disabled.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from workbench.ui.i18n import Retranslating

if TYPE_CHECKING:
    from workbench.ui.proposals.preview import ProposalPreview


# (code, the language's own name), the default first
SHEET_LANGUAGES = (("zh", "中文"), ("en", "English"))


class SheetLanguage(Retranslating, QWidget):
    """"Sheet language: [中文 ▾]"; ``chosen(code)`` when the user picks another one."""

    chosen = Signal(str)

    def __init__(self, lang: str = "zh", *, fixed: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sheet_language")
        self.fixed = fixed
        self.label = QLabel()
        self.combo = QComboBox()
        self.combo.setObjectName("sheet_language_combo")
        for code, name in SHEET_LANGUAGES:
            self.combo.addItem(name, code)
        self.label.setBuddy(self.combo)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(6)
        lay.addWidget(self.label)
        lay.addWidget(self.combo)
        self._shown = lang
        self.set_lang(lang)
        self.combo.setEnabled(not fixed)
        self.combo.currentIndexChanged.connect(self._changed)
        self.retranslate()

    @property
    def lang(self) -> str:
        """The language of the sheet shown."""
        return self._shown

    def set_lang(self, lang: str) -> None:
        """Show ``lang`` as the sheet's language (no ``chosen``)."""
        self._shown = lang
        index = self.combo.findData(lang)
        self.combo.blockSignals(True)
        self.combo.setCurrentIndex(max(index, 0))
        self.combo.blockSignals(False)

    def set_busy(self, busy: bool) -> None:
        """While the sheet is made again in another language the choice waits."""
        self.combo.setEnabled(not busy and not self.fixed)

    def _changed(self, _index: int) -> None:
        code = str(self.combo.currentData())
        if code != self._shown:
            self.chosen.emit(code)

    def retranslate(self) -> None:
        self.label.setText(self.tr("Sheet &language:"))
        if self.fixed:
            self.combo.setToolTip(self.tr("This sheet is kept exactly as it was produced, in its language."))
        else:
            self.combo.setToolTip(self.tr(
                "The language of the sheet handed to the client (Chinese by default, whatever the window's "
                "language); Save as and Print use it."))


# -- switching the preview's sheet (ProposalPreview's language methods) -----------------------

def _ready(preview: ProposalPreview, lang: str, status: str) -> None:
    preview.switching = False
    if preview.language is not None:
        preview.language.set_lang(lang)
        preview.language.set_busy(False)
    preview.save_button.setEnabled(True)
    preview.print_button.setEnabled(preview.pages is not None and not preview.printing)
    preview.status.setText(status)


def sheet_chosen(preview: ProposalPreview, lang: str) -> None:
    """The user picked ``lang``: Save and Print wait, the preview asks for the sheet in it."""
    preview.switching = True
    if preview.language is not None:
        preview.language.set_busy(True)
    preview.save_button.setEnabled(False)
    preview.print_button.setEnabled(False)
    if lang == "en":
        preview.status.setText(QCoreApplication.translate("ProposalPreview", "Preparing the sheet in English…"))
    else:
        preview.status.setText(QCoreApplication.translate("ProposalPreview", "Preparing the sheet in Chinese…"))
    preview.language_chosen.emit(lang)


def show_sheet(preview: ProposalPreview, pdf: bytes, *, lang: str, suggested_name: str,
               missing: tuple[str, ...] = ()) -> None:
    """The preview shows ``pdf`` (the sheet in ``lang``) in place of the one it showed, at the
    same zoom; Save as and Print hand it over from now on."""
    old_pages, old_view = preview.pages, preview.view
    zoom, fit = (old_view.zoom, old_view.fit_width) if old_view is not None else (1.0, True)
    preview.pdf, preview.suggested_name, preview.missing = bytes(pdf), suggested_name, tuple(missing)
    preview.pages = preview._load(preview.pdf)
    preview.view = preview._make_view()
    shown: QWidget = preview.view if preview.view is not None else preview.error_label
    replaced: QWidget = old_view if old_view is not None else preview.error_label
    if shown is not replaced:
        preview.body_layout.replaceWidget(replaced, shown)
        replaced.hide()
        shown.show()
    if old_view is not None:
        old_view.deleteLater()
    if old_pages is not None:
        old_pages.close()  # under the PDFium lock: a render in flight finishes first
    if preview.view is not None:
        preview.view.set_zoom(zoom, fit=fit)
        if fit:
            preview.view.fit_to_width()
        preview.view.setFocus()
    for button in (preview.zoom_out_button, preview.zoom_in_button, preview.fit_button):
        button.setEnabled(preview.view is not None)
    preview._fit_notes()
    preview.retranslate()
    if lang == "en":
        _ready(preview, lang, QCoreApplication.translate("ProposalPreview", "The sheet is in English."))
    else:
        _ready(preview, lang, QCoreApplication.translate("ProposalPreview", "The sheet is in Chinese."))


def sheet_failed(preview: ProposalPreview, message: str) -> None:
    """The sheet could not be made in the language asked: the one shown stays."""
    _ready(preview, preview.language.lang if preview.language is not None else "zh", message)
