"""The status bar's sync corner: pending changes, the last sync, offline / syncing / error,
a progress bar with the time left during a long sync, and a "Sync now" button (F9)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QToolButton, QWidget

from workbench.ui.i18n import Retranslating
from workbench.ui.labels import ui_locale
from workbench.ui.sync.controller import (
    ERROR,
    OFFLINE,
    REVOKED,
    SYNCING,
    UNENROLLED,
    SyncController,
)


class SyncStatus(Retranslating, QWidget):
    def __init__(self, controller: SyncController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setObjectName("sync_status")
        self.label = QLabel()
        self.label.setObjectName("sync_label")
        self.bar = QProgressBar()
        self.bar.setMaximumWidth(160)
        self.bar.hide()
        self.button = QToolButton()
        self.button.setObjectName("sync_now")
        self.refused_button = QToolButton()  # opens the refused changes (shown when there are some)
        self.refused_button.setObjectName("sync_refused")
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.label)
        lay.addWidget(self.bar)
        lay.addWidget(self.refused_button)
        lay.addWidget(self.button)
        self._left = -1.0
        self._rows = (0, 0)  # rows pulled so far, of how many (an initial sync's progress)
        controller.state_changed.connect(lambda _s: self._show())
        controller.status_changed.connect(lambda _s: self._show())
        controller.progressed.connect(self._progress)
        self.retranslate()

    def retranslate(self) -> None:
        self.button.setText(self.tr("Sync now"))
        self.button.setToolTip(self.tr("Push what was typed here and pull the team's changes (F9)"))
        self.refused_button.setText(self.tr("Refused…"))
        self.refused_button.setToolTip(self.tr("Changes the team server refused, with the reason"))
        self._show()

    def _progress(self, done: int, total: int, left: float) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(min(done, total))
        self._left = left
        self._rows = (done, total)
        self._show()

    def _when(self, at: datetime | None) -> str:
        if at is None:
            return self.tr("never")
        local = at.astimezone()
        same_day = local.date() == datetime.now().astimezone().date()
        return local.strftime("%H:%M" if same_day else "%Y-%m-%d %H:%M")

    def text(self) -> str:
        c, s = self.controller, self.controller.status
        if c.state == REVOKED:
            return self.tr("This laptop's access to the team server was revoked or has expired: ask your team "
                           "lead for a new code (Settings ▸ Team server…). Everything typed here is kept.")
        if c.state == UNENROLLED or s is None or not s.enrolled:
            return self.tr("Not connected to a team server (Settings ▸ Team server…)")
        parts = []
        if c.state == SYNCING:
            done, total = self._rows
            locale = ui_locale()
            if total > 0 and self._left >= 0:
                parts.append(self.tr("Syncing… {0} of {1} rows, about {2} s left").format(
                    locale.toString(done), locale.toString(total), max(1, round(self._left))))
            elif total > 0:
                parts.append(self.tr("Syncing… {0} of {1} rows").format(locale.toString(done), locale.toString(total)))
            else:
                parts.append(self.tr("Syncing…"))
        elif c.state == OFFLINE:
            parts.append(self.tr("Offline: changes are kept and sent later"))
        elif c.state == ERROR:
            parts.append(self.tr("Sync failed: {0}").format(c.message))
        parts.append(self.tr("{0} to send").format(s.pending))
        if s.refused:
            parts.append(self.tr("{0} refused").format(s.refused))
        if s.open_conflicts:
            parts.append(self.tr("{0} conflicts").format(s.open_conflicts))
        parts.append(self.tr("last sync {0}").format(self._when(s.last_sync)))
        return " · ".join(parts)

    def _show(self) -> None:
        c = self.controller
        self.label.setText(self.text())
        self.label.setToolTip(c.message)
        self.bar.setVisible(c.state == SYNCING)
        if c.state != SYNCING:
            self._left = -1.0
            self._rows = (0, 0)
            self.bar.setRange(0, 0)
        enrolled = c.status is not None and c.status.enrolled
        self.button.setVisible(enrolled)
        self.refused_button.setVisible(bool(c.status is not None and c.status.refused))
        self.button.setEnabled(c.state != SYNCING)
        self.setProperty("state", c.state)


