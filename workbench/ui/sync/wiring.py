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
        self.act_refused = QAction(window)
        self.act_refused.setObjectName("act_refused")
        self.act_refused.triggered.connect(self.open_refusals)
        self.status.refused_button.clicked.connect(self.open_refusals)
        self.act_server = QAction(window)
        self.act_server.setObjectName("act_team_server")
        self.act_server.triggered.connect(self.open_enrolment)
        first = window.menu_file.actions()[0]
        window.menu_file.insertAction(first, self.act_sync)
        window.menu_file.insertAction(first, self.act_refused)
        window.menu_file.insertSeparator(first)
        window.menu_settings.addAction(self.act_server)
        window.addAction(self.act_sync)  # F9 works wherever the focus is
        self.retranslate()

    def retranslate(self) -> None:
        self.act_sync.setText(QCoreApplication.translate("SyncWiring", "S&ync now"))
        self.act_server.setText(QCoreApplication.translate("SyncWiring", "&Team server…"))
        self.act_refused.setText(QCoreApplication.translate("SyncWiring", "&Refused changes…"))

    def open_refusals(self) -> Any:
        from workbench.ui.sync.refusals_dialog import RefusalsDialog

        dialog = RefusalsDialog(self.window.env, self.window)
        dialog.acted.connect(self.controller.refresh_status)
        dialog.customer_requested.connect(self.window.open_customer)
        dialog.show()  # not modal: the customer can be fixed beside it
        return dialog

    def open_enrolment(self) -> None:
        from workbench.ui.sync.enrol_dialog import EnrolDialog

        status = self.controller.status
        dialog = EnrolDialog(self.window.env, self.window, server=status.server if status else None)
        if dialog.exec():
            self.enrolled()

    def enrolled(self) -> None:
        """Just enrolled: sync at once (the status that follows says where it stands)."""
        self.window.env.runner.supersede(self.controller, "status")  # a status read before it is stale
        self.controller.status = None
        self.controller.sync_now()
