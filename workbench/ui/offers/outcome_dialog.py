"""Small dialogs deciding an offer: approve / reject with a comment (``DecisionDialog``) and
won / lost with an optional stage move of the customer and a reason (``OutcomeDialog``).

Each dialog calls its ``services.offers`` use case itself. A refused field (the comment, the
reason, the stage) is shown under that field and the dialog stays with what was typed, and so
does a write that fails on the disk (said above the buttons); any
other refusal (PermissionDenied, the offer no longer in the right state) is handed to the
caller through ``refused`` and the dialog closes. ``decided`` carries the new OfferInfo.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from workbench.domain.errors import PermissionDenied, ValidationError
from workbench.services import offers as offer_service
from workbench.services.dto import Customer, StageInfo
from workbench.services.offers import OfferInfo
from workbench.services.stages import list_stages
from workbench.ui.env import UiEnv, apply
from workbench.ui.errors import show_error, write_problem
from workbench.ui.i18n import Retranslating
from workbench.ui.labels import label
from workbench.ui.offers.format import text

APPROVE, REJECT = "approve", "reject"
INVALID = "border: 1px solid #b3261e;"


def error_label(name: str) -> QLabel:
    lab = QLabel()
    lab.setObjectName(name)
    lab.setStyleSheet("color: #b3261e;")
    lab.setWordWrap(True)
    lab.hide()
    return lab


def suggested_stage(stages: list[StageInfo], current: str | None) -> str | None:
    """The next stage up the ladder (side stages such as dormant are not on it), or None."""
    ladder = sorted((s for s in stages if not s.side), key=lambda s: s.position)
    codes = [s.code for s in ladder]
    if current not in codes:
        return None
    i = codes.index(current)
    return codes[i + 1] if i + 1 < len(codes) else None


class _ActionDialog(Retranslating, QDialog):
    """Shared: OK / Cancel, Ctrl+Enter to submit, field errors beside the fields."""

    decided = Signal(object)  # OfferInfo
    refused = Signal(str)  # a message for the caller's error label

    def __init__(self, env: UiEnv, offer: OfferInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env, self.offer = env, offer
        self.result_info: OfferInfo | None = None
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.submit)
        self.field_errors: dict[str, tuple[QWidget, QLabel]] = {}
        self.general_error = error_label("general_error")

    def _clear_errors(self) -> None:
        for widget, lab in self.field_errors.values():
            widget.setStyleSheet("")
            lab.hide()
        self.general_error.hide()

    def _act(self) -> Callable[[], OfferInfo]:
        """The decision as a service call, its values read from the widgets here (the call
        runs on the write worker, which must not touch widgets)."""
        raise NotImplementedError

    def submit(self) -> None:
        self._clear_errors()
        try:
            info = apply(self.env, self._act())
        except ValidationError as exc:
            mine = [e for e in exc.errors if e.field in self.field_errors]
            if not mine:  # e.g. the offer is no longer waiting: not the user's typing
                self.refused.emit("\n".join(text(e) for e in exc.errors))
                self.reject()
                return
            for e in mine:
                widget, lab = self.field_errors[e.field]
                widget.setStyleSheet(INVALID)
                lab.setText(text(e))
                lab.show()
            others = [text(e) for e in exc.errors if e.field not in self.field_errors]
            if others:
                self.general_error.setText("\n".join(others))
                self.general_error.show()
            first = self.field_errors[mine[0].field][0]
            first.setFocus()
            return
        except PermissionDenied as exc:
            self.refused.emit(self.tr("Not allowed: {0}").format(str(exc)))
            self.reject()
            return
        except Exception as exc:  # noqa: BLE001 - every failure reaches the user
            if (problem := write_problem(exc)) is not None:  # the disk: said here, what was typed kept
                self.general_error.setText(problem)
                self.general_error.show()
                self.adjustSize()  # room for the message's lines
                return
            show_error(self, exc)
            return
        self.result_info = info
        self.decided.emit(info)
        self.accept()

    def retranslate(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setToolTip(self.tr("Ctrl+Enter"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))



class DecisionDialog(_ActionDialog):
    """Approve or reject a waiting offer, with a comment (required to reject)."""

    def __init__(self, env: UiEnv, offer: OfferInfo, *, decision: str, parent: QWidget | None = None) -> None:
        super().__init__(env, offer, parent)
        self.setObjectName("decision_dialog")
        self.decision = decision
        self.comment = QPlainTextEdit()
        self.comment.setObjectName("decision_comment")
        self.comment.setTabChangesFocus(True)
        self.comment.setFixedHeight(90)
        self.comment_error = error_label("comment_error")
        self.field_errors["comment"] = (self.comment, self.comment_error)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.comment_label = QLabel()
        self.comment_label.setBuddy(self.comment)
        lay = QVBoxLayout(self)
        lay.addWidget(self.intro)
        lay.addWidget(self.comment_label)
        lay.addWidget(self.comment)
        lay.addWidget(self.comment_error)
        lay.addWidget(self.general_error)
        lay.addWidget(self.buttons)
        self.resize(440, 0)
        self.retranslate()
        self.comment.setFocus()

    def _act(self) -> Callable[[], OfferInfo]:
        ctx, offer_id, comment = self.env.ctx, self.offer.id, self.comment.toPlainText()
        if self.decision == APPROVE:
            return lambda: offer_service.approve(ctx, offer_id=offer_id, comment=comment.strip() or None)
        return lambda: offer_service.reject(ctx, offer_id=offer_id, comment=comment)

    def retranslate(self) -> None:
        super().retranslate()
        approve = self.decision == APPROVE
        title = self.tr("Approve offer {0}") if approve else self.tr("Reject offer {0}")
        self.setWindowTitle(title.format(self.offer.number))
        self.intro.setText(self.tr("{0} — version {1}").format(self.offer.title, self.offer.version_no))
        self.comment_label.setText(self.tr("&Comment (optional):") if approve
                                   else self.tr("&Reason for rejecting (required):"))
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("&Approve") if approve else self.tr("&Reject"))


class OutcomeDialog(_ActionDialog):
    """The customer accepted (won) or declined (lost) a sent offer; optionally move the
    customer's stage in the same write. Won suggests the next ladder stage, lost no change."""

    def __init__(self, env: UiEnv, offer: OfferInfo, customer: Customer, *, won: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(env, offer, parent)
        self.setObjectName("outcome_dialog")
        self.customer, self.won = customer, won
        self.stages = list_stages(env.ctx)
        self.stage = QComboBox()
        self.stage.setObjectName("outcome_stage")
        self.stage_error = error_label("stage_error")
        self.reason = QLineEdit()
        self.reason.setObjectName("outcome_reason")
        self.reason_error = error_label("reason_error")
        self.field_errors["reason"] = (self.reason, self.reason_error)
        self.field_errors["stage_code"] = (self.stage, self.stage_error)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.stage_label, self.reason_label = QLabel(), QLabel()
        self.stage_label.setBuddy(self.stage)
        self.reason_label.setBuddy(self.reason)
        form = QFormLayout()
        form.addRow(self.stage_label, self.stage)
        form.addRow("", self.stage_error)
        form.addRow(self.reason_label, self.reason)
        form.addRow("", self.reason_error)
        lay = QVBoxLayout(self)
        lay.addWidget(self.intro)
        lay.addLayout(form)
        lay.addWidget(self.general_error)
        lay.addWidget(self.buttons)
        self.retranslate()
        suggestion = suggested_stage(self.stages, customer.stage_code) if won else None
        index = self.stage.findData(suggestion) if suggestion else 0
        self.stage.setCurrentIndex(max(index, 0))
        self.resize(460, 0)
        self.reason.setFocus()

    def chosen_stage(self) -> str | None:
        code = self.stage.currentData()
        return str(code) if code else None

    def _act(self) -> Callable[[], OfferInfo]:
        mark: Callable[..., OfferInfo] = offer_service.mark_won if self.won else offer_service.mark_lost
        ctx, offer_id, stage, reason = self.env.ctx, self.offer.id, self.chosen_stage(), self.reason.text().strip()
        return lambda: mark(ctx, offer_id=offer_id, move_stage_to=stage, reason=reason or None)

    def retranslate(self) -> None:
        super().retranslate()
        title = self.tr("Offer {0} won") if self.won else self.tr("Offer {0} lost")
        self.setWindowTitle(title.format(self.offer.number))
        current = next((s for s in self.stages if s.code == self.customer.stage_code), None)
        self.intro.setText(self.tr("{0} — current stage: {1}").format(
            self.customer.name, label(current) if current else "—"))
        self.stage_label.setText(self.tr("Move the customer to &stage:"))
        self.reason_label.setText(self.tr("R&eason:"))
        self.reason.setPlaceholderText(self.tr("e.g. contract signed") if self.won
                                       else self.tr("e.g. a competitor's price"))
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Mark &won") if self.won else self.tr("Mark &lost"))
        keep = self.stage.currentData() if self.stage.count() else None
        self.stage.clear()
        self.stage.addItem(self.tr("No change"), None)
        for s in self.stages:
            if s.code != self.customer.stage_code:
                self.stage.addItem(label(s), s.code)
        if keep:
            self.stage.setCurrentIndex(max(self.stage.findData(keep), 0))


