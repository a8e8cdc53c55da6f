"""Backups in the main window: the daily backup once the store is open (on a worker: the
window is never held up; a failure is logged and said in the status bar, never fatal) and
File ▸ Restore from backup…, which replaces the store and reopens it in a fresh window (the
old one closes first, as on quitting: unsaved typing is asked about, a sync in flight ends).

``install_backups(window)`` is the main window's one hook."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QLabel

from workbench.ui.i18n import Retranslating

log = logging.getLogger(__name__)


class _Status(Retranslating, QLabel):
    """The status-bar corner of the daily backup (hidden until one was taken or failed); it
    carries the language changes to the wiring."""

    def __init__(self, wiring: BackupWiring) -> None:
        super().__init__()
        self.wiring = wiring

    def retranslate(self) -> None:
        self.wiring.retranslate()


class BackupWiring:
    """What the window holds of backups; ``retranslate()`` follows the window's."""

    def __init__(self, window: Any) -> None:
        self.window = window
        self.dialog: Any = None
        self.damage: Any = None  # the dialog saying the open store is damaged
        self.successor: Any = None  # the window reopened on a restored store
        self.last: Any = None  # the BackupInfo of the daily backup taken, or the failure
        self.act_restore = QAction(window)
        self.act_restore.setObjectName("act_restore_backup")
        self.act_restore.setEnabled(False)  # until the store is open
        self.act_restore.triggered.connect(self.open_dialog)
        window.menu_file.insertAction(window.act_quit, self.act_restore)
        window.menu_file.insertSeparator(window.act_quit)
        self.status = _Status(self)
        self.status.setObjectName("backup_status")
        self.status.hide()
        window.statusBar().addPermanentWidget(self.status)
        window.store_opened.connect(self._store_opened)
        self.retranslate()

    def retranslate(self) -> None:
        self.act_restore.setText(QCoreApplication.translate("BackupWiring", "Restore from &backup…"))
        self._show_last()

    # --- the daily backup -----------------------------------------------------------------
    def _store_opened(self, env: Any) -> None:
        from workbench.config import paths

        self.act_restore.setEnabled(True)
        path = env.ctx.store.path
        if path == paths().demo_store:  # generated data: made again at will, not backed up
            return

        def work(_op: Any) -> Any:
            from workbench.services.backups import backup_if_due

            return backup_if_due(path)

        self.window.runner.run(work, on_success=self._backed_up, on_failure=self._backup_failed,
                               label=QCoreApplication.translate("BackupWiring", "Backing up the store"),
                               owner=self.status)

    def _backed_up(self, info: Any) -> None:
        if info is None:  # one was taken today already
            return
        self.last = info
        self._show_last()

    def _backup_failed(self, exc: BaseException) -> None:
        log.warning("the daily backup failed", exc_info=(type(exc), exc, exc.__traceback__))
        self.last = exc
        self._show_last()
        if str(getattr(exc, "problem", "")) == "damaged":  # the store's own pages: say so now
            self.show_damage(exc)

    def show_damage(self, exc: BaseException) -> Any:
        """The open store was found damaged: what is wrong, and the ways out (the newest backup
        in its place, another store, or keep working)."""
        from workbench.ui.store_problem import StoreProblemDialog

        self.damage = StoreProblemDialog(exc, self.window.env.ctx.store.path, self.window, in_use=True)
        self.damage.restore_requested.connect(self.restore_damaged)
        self.damage.open_requested.connect(self.switch_to)
        self.damage.open()
        return self.damage

    def _show_last(self) -> None:
        from workbench.ui.labels import label

        if self.last is None:
            return
        if isinstance(self.last, BaseException):
            why = label(self.last) if hasattr(self.last, "zh") else f"{type(self.last).__name__}: {self.last}"
            self.status.setText(QCoreApplication.translate("BackupWiring", "Backup failed"))
            self.status.setStyleSheet("color: #b00020;")
            self.status.setToolTip(QCoreApplication.translate(
                "BackupWiring", "Today's backup failed: {0}\nThe details are in the log file.").format(why))
        else:
            self.status.setText(QCoreApplication.translate("BackupWiring", "Backed up"))
            self.status.setStyleSheet("color: palette(mid);")
            self.status.setToolTip(
                QCoreApplication.translate("BackupWiring", "Backed up today to {0}").format(self.last.path))
        self.status.show()

    # --- restoring ------------------------------------------------------------------------
    def open_dialog(self) -> Any:
        from workbench.ui.backups_dialog import BackupsDialog

        env = self.window.env
        if env is None:
            return None
        self.dialog = BackupsDialog(env.ctx.store.path, self.window.runner, self.window)
        self.dialog.restore_requested.connect(self.restore)
        self.dialog.open()
        return self.dialog

    def restore(self, backup: Path, force: bool) -> Any:
        """Close this window (as on quitting), put the backup in the store's place, and open a
        fresh window on it. Returns that window; None when this one stayed open (unsaved
        typing kept). A restore that fails leaves the store as it was and says why."""
        from workbench.services.backups import restore

        path = self.window.env.ctx.store.path
        return self._reopen(path, lambda: restore(path, backup, force=force))

    def restore_damaged(self, backup: Path) -> Any:
        """As :meth:`restore`, for a store found damaged: no unsynced check (it cannot be
        trusted), the damaged file kept beside as ``NAME.damaged-STAMP``."""
        from workbench.services.backups import check_backup, restore_damaged

        path = self.window.env.ctx.store.path

        def swap() -> None:
            check_backup(backup)  # never a damaged store for a damaged backup
            restore_damaged(path, backup)

        return self._reopen(path, swap)

    def switch_to(self, other: Path) -> Any:
        """Close this window (as on quitting) and open a fresh one on another store."""
        return self._reopen(Path(other), None)

    def _reopen(self, path: Path, swap: Any) -> Any:
        from workbench.ui.errors import show_error
        from workbench.ui.main_window import MainWindow

        window = self.window
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        quits = app.quitOnLastWindowClosed()
        app.setQuitOnLastWindowClosed(False)  # the program goes on in the new window
        try:
            if not window.close():
                return None
            if window.sync is not None:
                window.sync.controller.timer.stop()
            window.runner.wait_idle()
            for page in window.pages.values():
                page.deleteLater()  # nothing of the closed window reads the store again
            window.pages.clear()
            window.env.ctx.store.close()
            failure: BaseException | None = None
            try:
                if swap is not None:
                    swap()
            except Exception as exc:  # the store is left as it was: reopen it and say why
                failure = exc
            fresh = MainWindow(window.settings)
            fresh.show()
            fresh.open_store(path)
            self.successor = fresh
            if failure is not None:
                show_error(fresh, failure)
            return fresh
        finally:
            app.setQuitOnLastWindowClosed(quits)


def install_backups(window: Any) -> BackupWiring:
    """The main window's hook: ``self.backups = install_backups(self)`` once its menus exist."""
    return BackupWiring(window)
