"""Help ▸ About: the version, the data folder, the open store and its size on disk, and the
licences of what ships (workbench.licences: read from the installed distributions and the
bundled font, never typed by hand). "Copy" puts the whole text on the clipboard for a support
request.

``install_help_menu(window)`` adds the Help menu to the main window; the dialog itself (and
the metadata walk) is only imported when the menu is used.
"""

from __future__ import annotations

from contextlib import suppress
from functools import lru_cache
from pathlib import Path
from typing import Any

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workbench.ui.i18n import Retranslating
from workbench.ui.screen_fit import fit_to_screen


class HelpMenu(Retranslating, QMenu):
    """The Help menu: About…"""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.setObjectName("menu_help")
        self.window_ = window
        self.act_about = QAction(self)
        self.act_about.setObjectName("act_about")
        self.act_about.triggered.connect(self.show_about)
        self.addAction(self.act_about)
        self.dialog: AboutDialog | None = None
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("&Help"))
        self.act_about.setText(self.tr("&About…"))

    def show_about(self) -> AboutDialog:
        """Open (or raise) the About dialog over the window; it shows the window's open store."""
        env = getattr(self.window_, "env", None)
        store_path = env.ctx.store.path if env is not None else None
        if self.dialog is None:
            self.dialog = AboutDialog(store_path, self.window_)
        else:
            self.dialog.set_store(store_path)
        self.dialog.show()
        self.dialog.raise_()
        self.dialog.activateWindow()
        return self.dialog


def install_help_menu(window: QMainWindow) -> HelpMenu:
    """Add the Help menu (last) to ``window``'s menu bar."""
    menu = HelpMenu(window)
    window.menuBar().addMenu(menu)
    return menu


@lru_cache(maxsize=1)
def _shipped() -> tuple[Any, ...]:
    """What ships, read once a run (the installed distributions do not change under it)."""
    from workbench.licences import shipped

    return tuple(shipped())


def store_size(path: Path) -> int:
    """Bytes on disk of an SQLite store: the file and its write-ahead log."""
    total = 0
    for part in (path, path.with_name(path.name + "-wal")):
        with suppress(OSError):  # no WAL file while no writer has one open
            total += part.stat().st_size
    return total


class AboutDialog(Retranslating, QDialog):
    def __init__(self, store_path: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("about_dialog")
        self.store_path = store_path
        self.title = QLabel()
        self.title.setObjectName("about_title")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        self.title.setFont(font)
        self.version_value, self.data_value, self.store_value, self.size_value = (
            QLabel(), QLabel(), QLabel(), QLabel())
        self.form = QFormLayout()
        self.fact_labels: list[QLabel] = []
        for value in (self.version_value, self.data_value, self.store_value, self.size_value):
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.fact_labels.append(QLabel())
            self.form.addRow(self.fact_labels[-1], value)
        self.licences_label = QLabel()
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("licences")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setAlternatingRowColors(True)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # no focus frame on a cell of a list to read
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.copied = QLabel()
        self.copy_button, self.close_button = QPushButton(), QPushButton()
        self.copy_button.setObjectName("copy")
        self.copy_button.clicked.connect(self.copy)
        self.close_button.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.copied, 1)
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.close_button)
        lay = QVBoxLayout(self)
        lay.addWidget(self.title)
        lay.addLayout(self.form)
        lay.addSpacing(6)
        lay.addWidget(self.licences_label)
        lay.addWidget(self.table, 1)
        lay.addLayout(buttons)
        fit_to_screen(self, 640, 560)
        self._fill_licences()
        self.retranslate()

    # --- what it says -----------------------------------------------------------------------
    def set_store(self, store_path: Path | None) -> None:
        self.store_path = store_path
        self.copied.clear()
        self._fill_facts()

    def _facts(self) -> list[tuple[str, str]]:
        """(label, value) of the program and its data, in the language in force."""
        from workbench.config import paths
        from workbench.licences import program_version
        from workbench.ui.labels import ui_locale

        if self.store_path is None:
            store, size = self.tr("not open yet"), "—"
        else:
            store = str(self.store_path)
            n = store_size(self.store_path)
            locale = ui_locale()
            size = self.tr("{0} ({1} bytes)").format(locale.formattedDataSize(n, 2, QLocale.DataSizeFormat.DataSizeSIFormat), locale.toString(n))
        return [(self.tr("Version"), program_version()), (self.tr("Data folder"), str(paths().data)),
                (self.tr("Store"), store), (self.tr("Size on disk"), size)]

    def _headers(self) -> list[str]:
        return [self.tr("Name"), self.tr("Version"), self.tr("Licence")]

    def text(self) -> str:
        """Everything the dialog says, as plain text (what Copy puts on the clipboard)."""
        lines = [self.tr("Account Manager's Workbench"), ""]
        lines += [self.tr("{0}: {1}").format(name, value) for name, value in self._facts()]
        lines += ["", self.tr("Licences of what ships with the program:")]
        lines += [f"  {s.name} {s.version}: {s.licence}" for s in _shipped()]
        return "\n".join(lines) + "\n"

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("About"))
        self.title.setText(self.tr("Account Manager's Workbench"))
        self.licences_label.setText(self.tr("Licences of what ships with the program:"))
        self.table.setHorizontalHeaderLabels(self._headers())
        self.copy_button.setText(self.tr("&Copy"))
        self.copy_button.setToolTip(self.tr("Copy all of this, for a support request"))
        self.close_button.setText(self.tr("Close"))
        if self.copied.text():
            self.copied.setText(self.tr("Copied to the clipboard."))
        self._fill_facts()

    def _fill_facts(self) -> None:
        fields = (self.version_value, self.data_value, self.store_value, self.size_value)
        for label, field, (name, value) in zip(self.fact_labels, fields, self._facts(), strict=True):
            label.setText(self.tr("{0}:").format(name))
            field.setText(value)

    def _fill_licences(self) -> None:
        rows = _shipped()
        self.table.setRowCount(len(rows))
        for i, s in enumerate(rows):
            for col, value in enumerate(s):
                self.table.setItem(i, col, QTableWidgetItem(value))
        self.table.resizeColumnsToContents()

    def copy(self) -> None:
        clipboard = QApplication.clipboard()
        clipboard.setText(self.text())
        self.copied.setText(self.tr("Copied to the clipboard."))
