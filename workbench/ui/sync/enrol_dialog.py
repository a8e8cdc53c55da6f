"""Settings ▸ Team server…: the server's address and the one-time code from the team lead.

Connecting runs on a worker (the network may be slow or gone); a wrong address or code is
said beside the field it concerns, and nothing typed is cleared. Once enrolled, the dialog
shows where this laptop syncs to."""

from __future__ import annotations

import platform
from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from workbench.ui.env import UiEnv
from workbench.ui.i18n import Retranslating
from workbench.ui.labels import label

ERROR_STYLE = "color: #c62828;"
# which field a refusal concerns (services.team_sync / the server's error codes)
CODE_ERRORS = frozenset({"bad_code", "auth", "device_revoked", "device_taken"})


class EnrolDialog(Retranslating, QDialog):
    def __init__(self, env: UiEnv, parent: QWidget | None = None, *, server: str | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.setObjectName("enrol_dialog")
        self.setMinimumWidth(520)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.url = QLineEdit(server or "")
        self.url.setObjectName("server_url")
        self.url.setPlaceholderText("https://sync.example.cn")
        self.url_error = self._error_label()
        self.code = QLineEdit()
        self.code.setObjectName("enrol_code")
        self.code_error = self._error_label()
        self.device = QLineEdit(platform.node() or "laptop")
        self.device.setObjectName("device_name")
        self.url_label, self.code_label, self.device_label = QLabel(), QLabel(), QLabel()
        self.url_label.setBuddy(self.url)
        self.code_label.setBuddy(self.code)
        self.device_label.setBuddy(self.device)
        self.form = QFormLayout()
        self.form.addRow(self.url_label, self._with_error(self.url, self.url_error))
        self.form.addRow(self.code_label, self._with_error(self.code, self.code_error))
        self.form.addRow(self.device_label, self.device)
        self.state = QLabel()
        self.state.setObjectName("enrol_state")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.connect_server)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.intro)
        lay.addLayout(self.form)
        lay.addWidget(self.state)
        lay.addWidget(self.buttons)
        self.retranslate()
        (self.code if server else self.url).setFocus()

    @staticmethod
    def _with_error(edit: QLineEdit, error: QLabel) -> QWidget:
        """The field with its message right under it (hidden until there is one)."""
        box = QWidget()
        lay = QVBoxLayout(box)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        lay.addWidget(edit)
        lay.addWidget(error)
        return box

    @staticmethod
    def _error_label() -> QLabel:
        lab = QLabel()
        lab.setStyleSheet(ERROR_STYLE)
        lab.setWordWrap(True)
        lab.hide()
        return lab

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Team server"))
        self.intro.setText(self.tr("Connect this laptop to your team's server to sync visits, customers and "
                                   "offers. Work goes on offline as before; nothing is sent until you connect."))
        self.url_label.setText(self.tr("Server &address"))
        self.code_label.setText(self.tr("One-time &code"))
        self.device_label.setText(self.tr("This laptop's &name"))
        self.code.setPlaceholderText(self.tr("from your team lead or IT"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Connect"))

    # --- connecting ------------------------------------------------------------------------
    def connect_server(self) -> None:
        from workbench.services import team_sync

        for lab in (self.url_error, self.code_error):
            lab.hide()
        url, code, name = self.url.text(), self.code.text(), self.device.text().strip() or None
        ctx = self.env.ctx
        self._busy(True)
        self.env.runner.run(lambda _op: team_sync.enrol_device(ctx, url=url, code=code, device_name=name),
                            on_success=self._connected, on_failure=self._refused,
                            label=self.tr("Connecting to the team server"), owner=self)

    def _busy(self, busy: bool) -> None:
        for w in (self.url, self.code, self.device, self.buttons):
            w.setEnabled(not busy)
        self.state.setText(self.tr("Connecting…") if busy else "")

    def _connected(self, _result: Any) -> None:
        self._busy(False)
        self.accept()

    def _refused(self, exc: BaseException) -> None:
        from workbench.services.team_sync import SyncError
        from workbench.ui.errors import show_error

        self._busy(False)
        if not isinstance(exc, SyncError):
            show_error(self, exc)  # unexpected: the log has it; what was typed stays
            return
        field = exc.detail.get("field") or ("code" if exc.code in CODE_ERRORS else "url")
        target, edit = (self.code_error, self.code) if field == "code" else (self.url_error, self.url)
        target.setText(label(exc))
        target.show()
        self.adjustSize()  # room for the message: the field keeps its height
        edit.setFocus()
        edit.selectAll()
