"""Spreadsheets in the main window: File ▸ Import customers… and File ▸ Export weekly report…,
installed once the store is open (``SheetActions(window)``); their texts follow the language."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction


class SheetActions(QObject):
    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.dialog: Any = None
        self.act_import = QAction(window)
        self.act_import.setObjectName("act_import")
        self.act_import.triggered.connect(self.open_import)
        self.act_weekly = QAction(window)
        self.act_weekly.setObjectName("act_export_weekly")
        self.act_weekly.triggered.connect(self.open_weekly)
        menu = window.menu_file
        before = window.act_quit
        actions = menu.actions()
        at = actions.index(before) if before in actions else len(actions)
        if at > 0 and actions[at - 1].isSeparator():
            before = actions[at - 1]  # keep Quit apart
        menu.insertActions(before, [self.act_import, self.act_weekly])
        menu.insertSeparator(self.act_import)
        window.installEventFilter(self)
        self.retranslate()

    def retranslate(self) -> None:
        self.act_import.setText(self.tr("&Import customers…"))
        self.act_weekly.setText(self.tr("Export &weekly report…"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self.window and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False

    def _show(self, dialog: Any) -> Any:
        old = self.dialog
        if old is not None and not old.isVisible() and getattr(old, "op", None) is None:
            old.deleteLater()
        self.dialog = dialog
        dialog.show()  # not modal: the customers stay visible beside it
        dialog.raise_()
        return dialog

    def open_import(self) -> Any:
        from workbench.ui.importing.dialog import ImportDialog

        dialog = ImportDialog(self.window.env, self.window)
        self._show(dialog)
        dialog.choose_file()
        return dialog

    def open_weekly(self) -> Any:
        from workbench.ui.importing.weekly_dialog import WeeklyExportDialog

        return self._show(WeeklyExportDialog(self.window.env, self.window))
