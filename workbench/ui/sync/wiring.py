"""Sync in the main window: Settings ▸ Team server…, File ▸ Sync now (F9), the status-bar
corner and the background controller, installed once the store is open."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence

from workbench.ui.sync.controller import SyncController
from workbench.ui.sync.status_bar import SyncStatus


class SyncWiring:
    """What the window holds of sync; ``retranslate()`` follows the window's."""

    def __init__(self, window: Any) -> None:
        self.window = window
        env = window.env
        self.controller = SyncController(env, window)
        self.status = SyncStatus(self.controller, window)
        window.statusBar().addPermanentWidget(self.status)
        self.act_sync = QAction(window)
        self.act_sync.setObjectName("act_sync_now")
        self.act_sync.setShortcut(QKeySequence("F9"))
        self.act_sync.triggered.connect(self.controller.sync_now)
        self.status.button.clicked.connect(self.controller.sync_now)
        self.act_server = QAction(window)
        self.act_server.setObjectName("act_team_server")
        self.act_server.triggered.connect(self.open_enrolment)
        window.menu_file.insertAction(window.menu_file.actions()[0], self.act_sync)
        window.menu_settings.addAction(self.act_server)
        window.addAction(self.act_sync)  # F9 works wherever the focus is
        self.retranslate()

    def retranslate(self) -> None:
        self.act_sync.setText(QCoreApplication.translate("SyncWiring", "S&ync now"))
        self.act_server.setText(QCoreApplication.translate("SyncWiring", "&Team server…"))

    def open_enrolment(self) -> None:
        from workbench.ui.sync.enrol_dialog import EnrolDialog

        status = self.controller.status
        dialog = EnrolDialog(self.window.env, self.window, server=status.server if status else None)
        if dialog.exec():
            self.enrolled()

    def enrolled(self) -> None:
        """Just enrolled: sync at once (the status that follows says where it stands)."""
        self.controller.status = None
        self.controller.sync_now()
