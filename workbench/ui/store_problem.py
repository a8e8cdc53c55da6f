"""When the store cannot be opened (damaged, not a store, unreadable...): what is wrong and
what to do, with the ways out at hand: restore the newest backup (the damaged file is moved
aside, never deleted), open another store, or quit. An encrypted store whose key is not at
hand (no keyring, or another laptop's) asks for its passphrase instead of a backup. The
program does not crash.

``in_use``: the store is open and was found damaged meanwhile (the daily backup's check): the
same ways out, the window's wiring doing them (``restore_requested``), or keep working."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workbench.ui.i18n import Retranslating
from workbench.ui.labels import label


class StoreProblemDialog(Retranslating, QDialog):
    open_requested = Signal(object)  # a Path: open this store instead
    restore_requested = Signal(object)  # in_use: a backup's Path, to put in the store's place

    def __init__(self, exc: Any, path: Path, parent: QWidget | None = None, *, in_use: bool = False) -> None:
        super().__init__(parent)
        self.in_use = in_use
        from workbench.services.startup import backups, needs_key

        self.setObjectName("store_problem")
        self.exc, self.path = exc, path
        self.wants_key = needs_key(exc)
        self.backups = [] if self.wants_key else backups(path)  # a backup is no answer to a key
        self.passphrase = QLineEdit()
        self.passphrase.setObjectName("store_passphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setVisible(self.wants_key)
        self.passphrase.returnPressed.connect(self.unlock)
        self.unlock_button = QPushButton()
        self.unlock_button.setVisible(self.wants_key)
        self.unlock_button.clicked.connect(self.unlock)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setObjectName("store_problem_message")
        self.restore_button, self.other_button, self.quit_button = QPushButton(), QPushButton(), QPushButton()
        self.restore_button.setVisible(bool(self.backups))
        self.restore_button.clicked.connect(self.restore)
        self.other_button.clicked.connect(self.choose_other)
        self.quit_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for b in (self.unlock_button, self.restore_button, self.other_button, self.quit_button):
            buttons.addWidget(b)
        lay = QVBoxLayout(self)
        lay.addWidget(self.message)
        lay.addWidget(self.passphrase)
        lay.addLayout(buttons)
        self.setMinimumWidth(560)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("The store is damaged") if self.in_use else self.tr("The store cannot be opened"))
        text = label(self.exc) if hasattr(self.exc, "zh") else str(self.exc)
        if self.in_use:
            text += "\n\n" + self.tr("You can keep working, but what is saved from now on may be lost with "
                                       "the damaged file. Restoring puts the newest backup in its place; "
                                       "the damaged file is kept beside it.")
        if self.backups:
            text += "\n\n" + self.tr("Newest backup: {0}").format(self.backups[0].name)
        self.message.setText(text)
        self.passphrase.setPlaceholderText(self.tr("Passphrase"))
        self.unlock_button.setText(self.tr("Open with this &passphrase"))
        self.restore_button.setText(self.tr("&Restore the newest backup"))
        self.other_button.setText(self.tr("&Open another store…"))
        self.quit_button.setText(self.tr("&Keep working") if self.in_use else self.tr("&Quit"))

    def restore(self) -> None:
        from workbench.services.startup import restore_backup
        from workbench.ui.errors import show_error

        if self.in_use:  # the window closes the store first, then puts the backup in its place
            self.accept()
            self.restore_requested.emit(self.backups[0])
            return
        try:
            restore_backup(self.path, self.backups[0])
        except OSError as exc:
            show_error(self, exc)
            return
        self.accept()
        self.open_requested.emit(self.path)

    def unlock(self) -> None:
        """Try the passphrase typed: the store is opened again (a wrong one says so again)."""
        from workbench.services.startup import give_passphrase

        if not self.passphrase.text():
            self.passphrase.setFocus()
            return
        give_passphrase(self.path, self.passphrase.text())
        self.accept()
        self.open_requested.emit(self.path)

    def choose_other(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Open a store"), str(self.path.parent),
                                              self.tr("Stores (*.sqlite *.db);;All files (*)"))
        if name:
            self.accept()
            self.open_requested.emit(Path(name))
