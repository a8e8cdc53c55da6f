"""The Offers tab's actions on the selected offer: approve / reject, won / lost, mark sent
(each pushed on the undo stack once made) and the proposal sheet (current version, or the
one stored for any version from the right-click menu). Mixed into ``OffersTab``."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QPoint, Qt
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

from workbench.domain.errors import ValidationError
from workbench.services import customers
from workbench.services import offers as offer_service
from workbench.services.offers import OfferInfo
from workbench.services.proposals import ProposalRecord
from workbench.ui.env import apply
from workbench.ui.errors import show_error, write_problem
from workbench.ui.offers.format import text
from workbench.ui.offers.outcome_dialog import APPROVE, DecisionDialog, OutcomeDialog
from workbench.ui.offers.state_undo import OfferStateChange
from workbench.ui.proposals.launch import open_proposal, stored_proposals_menu

if TYPE_CHECKING:
    from PySide6.QtWidgets import QLabel, QPushButton, QTableWidget

    from workbench.services.dto import Customer
    from workbench.ui.env import UiEnv
    from workbench.ui.proposals.preview import ProposalPreview


#: States from which an offer may be marked sent.
SENDABLE = frozenset({offer_service.DRAFT, offer_service.APPROVED})


class OfferActions:
    """What the actions need of the tab (OffersTab defines each)."""

    env: UiEnv
    customer: Customer | None
    offers: list[OfferInfo]
    error: QLabel
    table: QTableWidget
    proposal_button: QPushButton
    proposal_shown: ProposalPreview | None

    def current_offer(self) -> OfferInfo | None:
        raise NotImplementedError

    def _refused(self, message: str) -> None:
        raise NotImplementedError

    def _update_buttons(self) -> None:
        raise NotImplementedError

    @property
    def widget(self) -> QWidget:
        """The tab itself, as the parent of dialogs and menus."""
        assert isinstance(self, QWidget)
        return self
    def decide(self, decision: str) -> None:
        """Approve or reject the selected offer (a small dialog asks for the comment)."""
        current = self.current_offer()
        if current is None or current.state != offer_service.NEEDS_APPROVAL:
            return
        self.error.hide()
        dialog = DecisionDialog(self.env, current, decision=decision, parent=self.widget)

        def decided(after: OfferInfo) -> None:
            comment = dialog.comment.toPlainText().strip()
            if decision == APPROVE:
                self._undoable(current, after, lambda: offer_service.approve(
                    self.env.ctx, offer_id=current.id, comment=comment or None))
            else:
                self._undoable(current, after, lambda: offer_service.reject(
                    self.env.ctx, offer_id=current.id, comment=comment))

        dialog.decided.connect(decided)
        self._open_action(dialog)

    def close_offer(self, *, won: bool) -> None:
        """Mark the selected sent offer won or lost, optionally moving the customer's stage."""
        current = self.current_offer()
        if current is None or self.customer is None or current.state != offer_service.SENT:
            return
        self.error.hide()
        try:
            dialog = OutcomeDialog(self.env, current, self.customer, won=won, parent=self.widget)
        except Exception as exc:  # noqa: BLE001 - every failure reaches the user
            show_error(self.widget, exc)
            return
        before_stage = customers.get_customer(self.env.ctx, customer_id=current.customer_id).stage_code

        def decided(after: OfferInfo) -> None:
            reason = dialog.reason.text().strip() or None
            after_stage = customers.get_customer(self.env.ctx, customer_id=current.customer_id).stage_code
            stage = (before_stage, after_stage) if after_stage != before_stage else None  # the move made, if any
            act = offer_service.mark_won if won else offer_service.mark_lost
            self._undoable(current, after, lambda: act(self.env.ctx, offer_id=current.id,
                                                       move_stage_to=stage[1] if stage else None,
                                                       reason=reason), stage)

        dialog.decided.connect(decided)
        self._open_action(dialog)

    def _undoable(self, before: OfferInfo, after: OfferInfo, again: Callable[[], object],
                  stage: tuple[str, str] | None = None) -> None:
        """Put a state change just made on the undo stack (Ctrl+Z takes it back)."""
        OfferStateChange(self.env, before=before, after=after, again=again, stage=stage).push_made()

    def _open_action(self, dialog: DecisionDialog | OutcomeDialog) -> None:
        dialog.refused.connect(self._refused)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def show_proposal(self) -> None:
        """Produce the selected offer's proposal in the background and preview it."""
        current = self.current_offer()
        if current is None:
            return
        self.error.hide()
        self.proposal_button.setEnabled(False)

        op = open_proposal(self.env, self.widget, offer_id=current.id, on_refused=self._refused,
                           on_shown=self._proposal_shown)
        op.finished.connect(self._update_buttons)

    def _proposals_menu(self, pos: QPoint) -> None:
        """Right-click on an offer: the proposals stored for each of its versions."""
        current = self.current_offer()
        if current is not None:
            self.proposals_menu(current.id).popup(self.table.viewport().mapToGlobal(pos))

    def proposals_menu(self, offer_id: str) -> QMenu:
        return stored_proposals_menu(self.env, self.widget, offer_id=offer_id, on_refused=self._refused,
                                     on_shown=self._proposal_shown)

    def _proposal_shown(self, preview: ProposalPreview, record: ProposalRecord) -> None:
        self.proposal_shown = preview
        preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if not record.frozen:  # printed or saved: handed over? then the version is frozen as sent
            asked: list[bool] = []

            def handed_over(*_args: object) -> None:
                if not asked:
                    asked.append(True)
                    self._offer_handed_over(preview, record)

            preview.printed.connect(handed_over)
            preview.saved.connect(handed_over)

    def _offer_handed_over(self, preview: ProposalPreview, record: ProposalRecord) -> None:
        """Offer to mark sent, only if the offer is still exactly what the proposal printed."""
        try:
            offer = offer_service.get_offer(self.env.ctx, offer_id=record.offer_id)
        except Exception:  # noqa: BLE001 - deleted meanwhile: nothing to mark
            return
        printed = json.loads(json.dumps(offer.quote, default=str)) == record.content.quote
        if offer.version_no != record.version_no or offer.state not in SENDABLE or not printed:
            return
        if self.ask_mark_sent(preview, offer):
            self.mark_sent(offer)

    def ask_mark_sent(self, parent: QWidget, offer: OfferInfo) -> bool:
        """Ask whether the printed or saved proposal went to the client (tests replace this)."""
        answer = QMessageBox.question(
            parent, QCoreApplication.translate("OffersTab", "Mark as sent?"),
            QCoreApplication.translate(
                "OffersTab", "Was this proposal handed to the client? Marking offer {0} as sent freezes version {1}: "
                "this proposal is kept exactly as it is.").format(offer.number, offer.version_no))
        return answer == QMessageBox.StandardButton.Yes

    def mark_sent(self, offer: OfferInfo | None = None) -> None:
        """Mark the given (default: the selected) offer as sent; undoable."""
        current = offer or self.current_offer()
        if current is None:
            return
        self.error.hide()
        try:
            after = apply(self.env, lambda: offer_service.mark_sent(self.env.ctx, offer_id=current.id))
        except ValidationError as exc:  # e.g. beyond authority and not yet approved
            self.error.setText("\n".join(text(e) for e in exc.errors))
            self.error.show()
            return
        except Exception as exc:  # noqa: BLE001 - every failure reaches the user
            if (problem := write_problem(exc)) is not None:  # the disk: said in the tab, not a box
                self.error.setText(problem)
                self.error.show()
                return
            show_error(self.widget, exc)
            return
        self._undoable(current, after, lambda: offer_service.mark_sent(self.env.ctx, offer_id=current.id))
