"""An open edit form whose record changed elsewhere (a sync pull, another window, an undo):
what was typed is never overwritten.

``Watch(form, env, customer, read, on_reload)`` listens to the published changes of the
customer. When the stored record moved on: with nothing typed yet, the form quietly shows the
new state; with typing in it, a banner above the buttons says the record changed, and offers to
reload (dropping the typing); saving instead applies only the fields the user changed onto the
newer record, so the other person's changes to other fields stay. A record gone from this
laptop (deleted, or handed to someone else) is said so, and the typing stays on screen.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from workbench.domain.errors import NotFoundError
from workbench.ui.env import UiEnv
from workbench.ui.i18n import Retranslating


class ChangedBanner(Retranslating, QWidget):
    """"Changed elsewhere" with a Reload button, hidden until needed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("changed_elsewhere")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet("QWidget#changed_elsewhere { background: #fff4ce; border: 1px solid #e0c060; }")
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.reload_button = QPushButton()
        self.reload_button.setObjectName("reload_changed")
        lay = QHBoxLayout(self)
        lay.addWidget(self.label, 1)
        lay.addWidget(self.reload_button)
        self.gone = False
        self.hide()
        self.retranslate()

    def retranslate(self) -> None:
        self.reload_button.setText(self.tr("&Reload"))
        self.reload_button.setToolTip(self.tr("Show the record as stored now (what you typed here is dropped)"))
        if self.gone:
            self.label.setText(self.tr("This record is no longer on this laptop (deleted, or handed to another "
                                       "manager). What you typed stays here until you close the form."))
        else:
            self.label.setText(self.tr("Someone changed this record while you were editing it (a sync or "
                                       "another window). Save keeps the changes you made here and theirs in "
                                       "the other fields; Reload shows theirs and drops yours."))

    def show_changed(self, *, gone: bool = False) -> None:
        self.gone = gone
        self.reload_button.setVisible(not gone)
        self.retranslate()
        self.show()


class Watch:
    """Follows one record for an open form (see the module docstring)."""

    def __init__(self, form: Any, env: UiEnv, record: Any, *, read: Callable[[], Any],
                 on_reload: Callable[[Any], None], typed: Callable[[], bool]) -> None:
        self.form, self.env, self.read = form, env, read
        self.loaded = record  # what the form showed when it opened (or was last reloaded)
        self.stored = record  # the newest stored state known
        self.on_reload, self.typed = on_reload, typed
        self.banner = ChangedBanner(form)
        self.banner.reload_button.clicked.connect(self.reload)
        env.bus.customer_changed.connect(self._changed)
        form.destroyed.connect(lambda *_: self._disconnect())

    def _disconnect(self) -> None:
        with contextlib.suppress(RuntimeError, TypeError):  # the bus may be gone first
            self.env.bus.customer_changed.disconnect(self._changed)

    def _changed(self, customer_id: str) -> None:
        if customer_id != getattr(self.loaded, "customer_id", self.loaded.id) or not self.form.isVisible():
            return
        try:
            now = self.read()
        except NotFoundError:
            self.banner.show_changed(gone=True)
            return
        if now.version == self.stored.version:
            return
        self.stored = now
        if self.typed():
            self.banner.show_changed()
        else:
            self.reload()

    @property
    def stale(self) -> bool:
        return self.stored.version != self.loaded.version

    def reload(self) -> None:
        self.loaded = self.stored
        self.banner.hide()
        self.on_reload(self.stored)
