"""When the store cannot be opened (damaged, not a store, unreadable...): what is wrong and
what to do, with the ways out at hand: restore the newest backup (the damaged file is moved
aside, never deleted), open another store, or quit. The program does not crash."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workbench.ui.i18n import Retranslating
from workbench.ui.labels import label


class StoreProblemDialog(Retranslating, QDialog):
    open_requested = Signal(object)  # a Path: open this store instead

    def __init__(self, exc: Any, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from workbench.services.startup import backups

        self.setObjectName("store_problem")
        self.exc, self.path = exc, path
        self.backups = backups(path)
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
        for b in (self.restore_button, self.other_button, self.quit_button):
            buttons.addWidget(b)
        lay = QVBoxLayout(self)
        lay.addWidget(self.message)
        lay.addLayout(buttons)
        self.setMinimumWidth(560)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("The store cannot be opened"))
        text = label(self.exc) if hasattr(self.exc, "zh") else str(self.exc)
        if self.backups:
            text += "\n\n" + self.tr("Newest backup: {0}").format(self.backups[0].name)
        self.message.setText(text)
        self.restore_button.setText(self.tr("&Restore the newest backup"))
        self.other_button.setText(self.tr("&Open another store…"))
        self.quit_button.setText(self.tr("&Quit"))

    def restore(self) -> None:
        from workbench.services.startup import restore_backup
        from workbench.ui.errors import show_error

        try:
            restore_backup(self.path, self.backups[0])
        except OSError as exc:
            show_error(self, exc)
            return
        self.accept()
        self.open_requested.emit(self.path)

    def choose_other(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Open a store"), str(self.path.parent),
                                              self.tr("Stores (*.sqlite *.db);;All files (*)"))
        if name:
            self.accept()
            self.open_requested.emit(Path(name))
