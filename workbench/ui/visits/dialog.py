"""Log a visit (拜访记录) right after it: a keyboard-first form that never loses what is typed.

Drafts: the form is saved as a device-local draft at most ``AUTOSAVE_MS`` after an edit
(the deadline is not pushed back by more typing, so a steady typist is saved too: a crash
loses at most the last fraction of a second), when the dialog closes, and when the
application quits. Opening the dialog for a customer with a
visit draft (``open_visit_dialog``) restores it automatically and says so in a banner
with a Discard button, rather than asking first: resuming is what is wanted almost
always, and discarding stays one click away. Closing with content asks Keep as draft
(the default) / Discard / Cancel. Saving (Ctrl+Enter) logs the visit, and the stage move
if one was chosen, in one service call; a refusal is shown beside each refused field.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workbench.domain.errors import ValidationError
from workbench.services import drafts, visits
from workbench.services.contacts import list_contacts
from workbench.services.customers import get_customer
from workbench.services.stages import list_stages
from workbench.ui.env import UiEnv, apply
from workbench.ui.errors import describe, show_error, write_problem
from workbench.ui.i18n import Retranslating
from workbench.ui.screen_fit import fit_to_screen
from workbench.ui.visits.field_box import ERROR_COLOUR, HINT_COLOUR
from workbench.ui.visits.form import VisitForm

log = logging.getLogger(__name__)

DRAFT_KIND = "visit"
AUTOSAVE_MS = 250  # one save: ~4.5 ms on the demo store (python -m benchmarks draft)
KEEP, DISCARD, CANCEL = "keep", "discard", "cancel"


def _local(utc: datetime) -> datetime:
    return utc.replace(tzinfo=UTC).astimezone().replace(tzinfo=None)


class VisitDialog(Retranslating, QDialog):
    """The visit form for one customer; ``saved`` carries the logged ``dto.Visit``."""

    saved = Signal(object)

    def __init__(self, env: UiEnv, *, customer_id: str, parent: QWidget | None = None,
                 draft_id: str | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("visit_dialog")
        self.env, self.customer_id = env, customer_id
        self.customer = get_customer(env.ctx, customer_id=customer_id)
        self.draft_id: str | None = None
        self._stored_payload: dict[str, Any] | None = None
        self._restored_at: datetime | None = None
        self._draft_error: str | None = None

        stages = list_stages(env.ctx)
        self._stage = next((s for s in stages if s.code == self.customer.stage_code), None)
        self.form = VisitForm(contacts=list_contacts(env.ctx, customer_id=customer_id),
                              stages=stages, current_stage=self.customer.stage_code)
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 15px; font-weight: bold;")
        self.stage_now = QLabel()
        self.stage_now.setStyleSheet(f"color: {HINT_COLOUR};")
        head = QHBoxLayout()
        head.addWidget(self.heading)
        head.addSpacing(12)
        head.addWidget(self.stage_now, 1)
        self.banner = QFrame()
        self.banner.setObjectName("draft_banner")
        self.banner.setStyleSheet("QFrame#draft_banner { background: #fff4d6; border: 1px solid #e8c36a;"
                                  " border-radius: 4px; }")
        self.banner_text = QLabel()
        self.banner_discard = QPushButton()
        banner_row = QHBoxLayout(self.banner)
        banner_row.setContentsMargins(8, 4, 8, 4)
        banner_row.addWidget(self.banner_text, 1)
        banner_row.addWidget(self.banner_discard)
        self.banner.hide()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.save_button = QPushButton()
        self.close_button = QPushButton()
        for b in (self.save_button, self.close_button, self.banner_discard, self.form.plus_day,
                  self.form.plus_week):
            b.setAutoDefault(False)  # Enter in a field never saves by surprise; Ctrl+Enter does
        footer = QHBoxLayout()
        footer.addWidget(self.status, 1)
        footer.addWidget(self.save_button)  # no QDialogButtonBox: it would make Save the default,
        footer.addWidget(self.close_button)  # and a plain Enter in a one-line field would save
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.banner)
        layout.addWidget(self.form, 1)
        layout.addLayout(footer)
        QWidget.setTabOrder(self.form.stage_reason, self.save_button)
        QWidget.setTabOrder(self.save_button, self.close_button)

        self.save_button.clicked.connect(self.save)
        self.close_button.clicked.connect(self.reject)
        self.banner_discard.clicked.connect(self.discard_draft)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.save)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(AUTOSAVE_MS)
        self._timer.timeout.connect(self.save_draft_now)
        self.form.changed.connect(self._draft_changed)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self._quitting)

        self.form.reset(self._now())
        if draft_id is not None:
            self._restore(draft_id)
        self.retranslate()
        fit_to_screen(self, 1180, 720)
        self._shown = False

    # --- texts -------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Log a visit — {0}").format(self.customer.name))
        self.heading.setText(self.customer.name)
        stage = self.form.texts.stage(self._stage, current=False) if self._stage else self.customer.stage_code
        self.stage_now.setText(self.tr("Stage now: {0}").format(stage))
        self.save_button.setText(self.tr("&Save visit"))
        self.save_button.setToolTip(self.tr("Save the visit (Ctrl+Enter)"))
        self.close_button.setText(self.tr("Close"))
        self.close_button.setToolTip(self.tr("Close (Esc); what you typed is kept as a draft"))
        self.banner_discard.setText(self.tr("Discard draft"))
        if self._restored_at is not None:
            self.banner_text.setText(self.tr("Restored your unsaved draft from {0}.").format(
                _local(self._restored_at).strftime("%Y-%m-%d %H:%M")))


    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._shown:  # typing starts in the first field
            self._shown = True
            self.form.focus_first(Qt.FocusReason.ActiveWindowFocusReason)

    def _now(self) -> datetime:
        return datetime.combine(self.env.today(), datetime.now().time().replace(second=0, microsecond=0))

    def _say(self, text: str, *, error: bool = False) -> None:
        self.status.setStyleSheet(f"color: {ERROR_COLOUR if error else HINT_COLOUR};")
        self.status.setText(text)

    # --- drafts ------------------------------------------------------------------------------
    def _restore(self, draft_id: str) -> None:
        draft = drafts.load_draft(self.env.ctx, draft_id=draft_id)
        if draft is None or draft.kind != DRAFT_KIND or draft.customer_id != self.customer_id:
            return  # gone (saved or discarded meanwhile), or not this customer's visit
        self.form.load_payload(draft.payload)
        self.draft_id, self._stored_payload = draft.id, self.form.payload()
        self._restored_at = draft.updated_at
        self.banner.show()

    def _draft_changed(self) -> None:
        if not self._timer.isActive():  # a deadline, not a pause: more typing never delays it
            self._timer.start()

    def _quitting(self) -> None:
        if self.isVisible():  # a dialog already closed (kept or discarded) stores nothing again
            self.save_draft_now()

    def save_draft_now(self) -> bool:
        """Store what the form holds (or drop the draft if the form is blank); False on failure."""
        self._timer.stop()
        try:
            if not self.form.has_content():
                self._drop_draft()
                return True
            payload = self.form.payload()
            if payload == self._stored_payload and self.draft_id is not None:
                return True
            ctx, draft_id, customer_id = self.env.ctx, self.draft_id, self.customer_id
            self.draft_id = self.env.runner.write_now(lambda: drafts.save_draft(
                ctx, draft_id=draft_id, kind=DRAFT_KIND, customer_id=customer_id, payload=payload))
        except Exception as exc:  # never interrupt typing with a box: say it in the footer
            message, expected = describe(exc)
            if not expected:
                log.exception("could not save the visit draft")
            self._draft_error = message
            self._say(self.tr("The draft could not be saved: {0}").format(message), error=True)
            return False
        self._stored_payload, self._draft_error = payload, None
        self._say(self.tr("Draft saved at {0}").format(datetime.now().strftime("%H:%M:%S")))
        return True

    def _drop_draft(self) -> None:
        if self.draft_id is not None:
            ctx, draft_id = self.env.ctx, self.draft_id
            self.env.runner.write_now(lambda: drafts.discard_draft(ctx, draft_id=draft_id))
        self.draft_id, self._stored_payload = None, None

    def discard_draft(self) -> None:
        """The banner's Discard: forget the draft and start from a blank form."""
        self._timer.stop()
        try:
            self._drop_draft()
        except Exception as exc:
            show_error(self, exc)
            return
        self.form.reset(self._now())
        self._restored_at = None
        self.banner.hide()
        self._say("")
        self.form.focus_first()

    # --- saving ------------------------------------------------------------------------------
    def save(self) -> None:
        self._timer.stop()
        self.form.clear_errors()
        self._say("")
        values, stage, reason = self.form.visit_values()
        try:
            visit = apply(self.env, lambda: visits.log_visit(
                self.env.ctx, customer_id=self.customer_id, values=values, move_to_stage=stage,
                stage_reason=reason, draft_id=self.draft_id))
        except ValidationError as exc:
            elsewhere = self.form.show_errors(exc.errors)
            if elsewhere:
                self._say("\n".join(elsewhere), error=True)
            self.save_draft_now()  # what was typed stays, in the form and in the draft
            return
        except Exception as exc:
            self.save_draft_now()
            if (problem := write_problem(exc)) is None:
                show_error(self, exc)
            else:  # the disk failed: said in the footer, beside the Save button, not in a box
                self._say(problem, error=True)
            return
        try:
            self._drop_draft()
        except Exception:  # the visit is saved; a leftover draft is only a nuisance
            log.exception("could not discard the visit draft %s", self.draft_id)
        self.saved.emit(visit)
        self.accept()

    # --- closing -----------------------------------------------------------------------------
    def done(self, result: int) -> None:
        if self._timer.isActive():  # closed some other way with an autosave pending: save it now
            self.save_draft_now()
        super().done(result)

    def reject(self) -> None:
        """Esc, the Close button and the window's close box all come here."""
        if self.confirm_close():
            super().reject()

    def confirm_close(self) -> bool:
        self._timer.stop()
        if not self.form.has_content():
            try:
                self._drop_draft()
            except Exception:
                log.exception("could not discard an empty visit draft")
            return True
        stored = self.save_draft_now()
        choice = self.ask_close_choice(stored)
        if choice == CANCEL:
            return False
        if choice == DISCARD:
            try:
                self._drop_draft()
            except Exception as exc:
                show_error(self, exc)
                return False
        return True

    def ask_close_choice(self, draft_stored: bool) -> str:
        """Keep as draft (default) / Discard / Cancel; without a stored draft, Discard / Cancel."""
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Visit not saved"))
        keep = None
        if draft_stored:
            box.setText(self.tr("This visit is not saved yet. Keep what you typed as a draft to finish later?"))
            keep = box.addButton(self.tr("&Keep as draft"), QMessageBox.ButtonRole.AcceptRole)
        else:
            box.setText(self.tr("This visit is not saved, and the draft could not be stored ({0}). "
                                "Discard what you typed?").format(self._draft_error or ""))
        discard = box.addButton(self.tr("&Discard"), QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep or cancel)
        box.setEscapeButton(cancel)
        box.exec()
        clicked = box.clickedButton()
        if keep is not None and clicked is keep:
            return KEEP
        return DISCARD if clicked is discard else CANCEL


def _open_for(customer_id: str) -> VisitDialog | None:
    for w in QApplication.topLevelWidgets():
        if isinstance(w, VisitDialog) and w.customer_id == customer_id and w.isVisible():
            return w
    return None


def open_visit_dialog(env: UiEnv, customer_id: str, parent: QWidget | None = None) -> VisitDialog:
    """Show the visit form for ``customer_id`` (non-modal), resuming its newest draft if any.

    A form already open for that customer is brought to the front instead of opening a
    second one over the same draft.
    """
    if (dialog := _open_for(customer_id)) is not None:
        dialog.raise_()
        dialog.activateWindow()
        return dialog
    found = drafts.drafts_for(env.ctx, kind=DRAFT_KIND, customer_id=customer_id)
    dialog = VisitDialog(env, customer_id=customer_id, parent=parent, draft_id=found[0].id if found else None)
    dialog.finished.connect(dialog.deleteLater)
    dialog.show()
    return dialog
