"""File ▸ Restore from backup…: the store's backups with their date, size and customer count
(services.backups, read on a worker), the folder they go to (changeable: a USB stick, a
share), "Back up now", and restoring one. Restoring is asked for with ``restore_requested``;
the window's backup wiring (ui/backups_wiring.py) replaces the store and reopens it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QLocale, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workbench.ui.i18n import Retranslating
from workbench.ui.labels import label, ui_locale
from workbench.ui.runner import Op, Runner
from workbench.ui.screen_fit import fit_to_screen


class BackupsDialog(Retranslating, QDialog):
    restore_requested = Signal(object, bool)  # the backup's Path, force (unsynced work may be lost)

    def __init__(self, store_path: Path, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("backups_dialog")
        self.store_path, self.runner = store_path, runner
        self.backups: list[Any] = []  # services.backups.BackupInfo, newest first
        self.loaded = False
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("backups_table")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.itemDoubleClicked.connect(lambda _item: self.ask_restore())
        self.folder_label = QLabel()
        self.folder_label.setObjectName("backups_folder")
        self.folder_label.setWordWrap(True)
        self.message = QLabel()
        self.message.setObjectName("backups_message")
        self.message.setWordWrap(True)
        self.restore_button, self.backup_button = QPushButton(), QPushButton()
        self.folder_button, self.default_button, self.close_button = QPushButton(), QPushButton(), QPushButton()
        self.restore_button.setEnabled(False)
        self.restore_button.clicked.connect(self.ask_restore)
        self.backup_button.clicked.connect(self.back_up_now)
        self.folder_button.clicked.connect(self.choose_folder)
        self.default_button.clicked.connect(lambda: self.set_folder(None))
        self.close_button.clicked.connect(self.reject)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_label, 1)
        folder_row.addWidget(self.folder_button)
        folder_row.addWidget(self.default_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.backup_button)
        buttons.addStretch(1)
        buttons.addWidget(self.restore_button)
        buttons.addWidget(self.close_button)
        lay = QVBoxLayout(self)
        lay.addWidget(self.table, 1)
        lay.addLayout(folder_row)
        lay.addWidget(self.message)
        lay.addLayout(buttons)
        fit_to_screen(self, 760, 420)
        self.retranslate()
        self.reload()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Restore from backup"))
        self.table.setHorizontalHeaderLabels([self.tr("Taken"), self.tr("Size"), self.tr("Customers"),
                                              self.tr("Kind")])
        self.restore_button.setText(self.tr("&Restore…"))
        self.backup_button.setText(self.tr("&Back up now"))
        self.folder_button.setText(self.tr("&Change folder…"))
        self.default_button.setText(self.tr("Use the &data folder"))
        self.close_button.setText(self.tr("Close"))
        self._show_folder()
        self._fill()

    # --- the list ------------------------------------------------------------------------
    def reload(self) -> Op:
        path = self.store_path

        def work(_op: Op) -> list[Any]:
            from workbench.services.backups import list_backups

            return list_backups(path)

        return self.runner.run(work, on_success=self._loaded, on_failure=self._failed,
                               label=self.tr("Reading the backups"), owner=self)

    def _loaded(self, found: list[Any]) -> None:
        self.backups, self.loaded = found, True
        self._fill()

    def _failed(self, exc: BaseException) -> None:
        self.message.setText(label(exc) if hasattr(exc, "zh") else str(exc))

    def _kind(self, kind: str) -> str:
        return self.tr("Before an upgrade") if kind == "migration" else self.tr("Daily")

    def _fill(self) -> None:
        loc: QLocale = ui_locale()
        self.table.setRowCount(len(self.backups))
        for row, b in enumerate(self.backups):
            customers = loc.toString(b.customers) if b.customers is not None else self.tr("unreadable")
            cells = (b.taken_at.strftime("%Y-%m-%d %H:%M"), loc.formattedDataSize(b.size), customers,
                     self._kind(b.kind))
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(str(b.path))
                self.table.setItem(row, col, item)
        if self.loaded and not self.backups:
            self.message.setText(self.tr("No backup of this store yet."))
        if self.backups and not self.table.selectedItems():
            self.table.selectRow(0)

    def _selection_changed(self) -> None:
        self.restore_button.setEnabled(self.selected() is not None)

    def selected(self) -> Any:
        rows = {i.row() for i in self.table.selectedItems()}
        return self.backups[min(rows)] if rows and min(rows) < len(self.backups) else None

    # --- the folder ----------------------------------------------------------------------
    def _show_folder(self) -> None:
        from workbench.services.backups import backup_folder, chosen_folder

        self.folder_label.setText(self.tr("Backups are kept in: {0}").format(backup_folder()))
        self.default_button.setVisible(chosen_folder() is not None)

    def choose_folder(self) -> None:
        from workbench.services.backups import backup_folder

        name = QFileDialog.getExistingDirectory(self, self.tr("Folder for the backups"), str(backup_folder()))
        if name:
            self.set_folder(Path(name))

    def set_folder(self, folder: Path | None) -> None:
        from workbench.services.backups import BackupError, choose_folder

        try:
            choose_folder(folder)
        except (BackupError, OSError) as exc:
            self._failed(exc)
            return
        self._show_folder()
        self.reload()

    # --- backing up, restoring ---------------------------------------------------------------
    def back_up_now(self) -> Op:
        path = self.store_path
        self.backup_button.setEnabled(False)
        self.message.setText(self.tr("Backing up…"))

        def work(_op: Op) -> Any:
            from workbench.services.backups import take_backup

            return take_backup(path)

        def done(info: Any) -> None:
            self.backup_button.setEnabled(True)
            self.message.setText(self.tr("Backed up: {0}").format(info.path.name))
            self.reload()

        def failed(exc: BaseException) -> None:
            self.backup_button.setEnabled(True)
            self._failed(exc)

        return self.runner.run(work, on_success=done, on_failure=failed, label=self.tr("Backing up the store"),
                               owner=self)

    def ask_restore(self) -> None:
        """Ask before replacing the store; say it when unsynced work would be lost."""
        from workbench.services.backups import unsynced_lost

        chosen = self.selected()
        if chosen is None:
            return
        when = chosen.taken_at.strftime("%Y-%m-%d %H:%M")
        text = self.tr("Replace the store with the backup of {0}? What was typed since is no longer in "
                       "the store (the current store is kept beside it). The window reopens on the "
                       "restored store.").format(when)
        try:
            lost: int | None = unsynced_lost(self.store_path, chosen.path)
        except Exception:  # an unreadable store: say so, let the user decide
            lost = None
        if lost is None:
            text += "\n\n" + self.tr("Whether the store holds changes not yet synced cannot be read.")
        elif lost:
            text += "\n\n" + self.tr("%n change(s) typed here are not synced and not in this backup: they "
                                     "will be lost from the store (the replaced store beside keeps them).", "", lost)
        box = QMessageBox(QMessageBox.Icon.Warning if lost != 0 else QMessageBox.Icon.Question,
                          self.tr("Restore from backup"), text, parent=self)
        box.setObjectName("restore_confirm")
        yes = box.addButton(self.tr("Restore anyway") if lost != 0 else self.tr("Restore"),
                            QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(yes if lost == 0 else cancel)
        self.confirm = box  # open, not exec: the window (and the tests) go on meanwhile

        def answered(_result: int) -> None:
            if box.clickedButton() is yes:
                self.accept()
                self.restore_requested.emit(chosen.path, lost != 0)

        box.finished.connect(answered)
        box.open()
