"""The offer builder in a dialog, for one customer: a new offer or the next edit of one.

Saving calls ``services.offers``: ``create_offer`` for a new offer, ``revise_offer`` for an
existing one (a frozen version, sent / won / lost, is kept and the save makes the next
version). After a save the bus says the customer changed and the dialog closes.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QLabel, QVBoxLayout, QWidget

from workbench.services import offers as offer_service
from workbench.services.catalogue import current_price_books
from workbench.services.dto import Customer
from workbench.services.users import list_users
from workbench.ui.env import UiEnv, apply
from workbench.ui.i18n import Retranslating
from workbench.ui.offers.builder import OfferBuilder
from workbench.ui.offers.format import money
from workbench.ui.screen_fit import fit_to_screen


def state_label(state: str) -> str:
    """An offer state (``services.offers``) in words, in the language in force."""
    return {
        offer_service.DRAFT: QCoreApplication.translate("OfferState", "draft"),
        offer_service.NEEDS_APPROVAL: QCoreApplication.translate("OfferState", "needs approval"),
        offer_service.APPROVED: QCoreApplication.translate("OfferState", "approved"),
        offer_service.REJECTED: QCoreApplication.translate("OfferState", "rejected"),
        offer_service.SENT: QCoreApplication.translate("OfferState", "sent"),
        offer_service.WON: QCoreApplication.translate("OfferState", "won"),
        offer_service.LOST: QCoreApplication.translate("OfferState", "lost"),
    }.get(state, state)


def current_role(env: UiEnv) -> str:
    """The role of the user working on this device ("manager" when unknown)."""
    user = next((u for u in list_users(env.ctx.store) if u.id == env.ctx.user_id), None)
    return str(user.role) if user is not None else "manager"


class OfferDialog(Retranslating, QDialog):
    def __init__(self, env: UiEnv, customer: Customer, *, offer_id: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("offer_dialog")
        self.env, self.customer = env, customer
        self.result_info: offer_service.OfferInfo | None = None
        self.detail = offer_service.get_offer(env.ctx, offer_id=offer_id) if offer_id else None
        catalogue, policy = current_price_books(env.ctx, today=env.today())
        document: dict[str, Any] | None = dict(self.detail.offer) if self.detail else None
        self.builder = OfferBuilder(env, customer=customer, catalogue=catalogue, policy=policy, today=env.today(),
                                    offer=document, save=self._save, role=current_role(env), parent=self)
        self.version_label = QLabel()
        self.version_label.setObjectName("offer_version_note")
        self.version_label.setWordWrap(True)
        self.version_label.setVisible(self.detail is not None)
        if self.detail is not None and self.detail.frozen:
            self.version_label.setStyleSheet("background: #fff4e5; color: #8a4b00; padding: 4px;")
        lay = QVBoxLayout(self)
        lay.addWidget(self.version_label)
        lay.addWidget(self.builder, 1)
        self.builder.saved.connect(self._saved)
        fit_to_screen(self, 1400, 860)
        self.retranslate()

    # --- saving ---------------------------------------------------------------------------
    def _save(self, offer: dict[str, Any]) -> offer_service.OfferInfo:
        ctx, today = self.env.ctx, self.env.today()
        if self.detail is None:
            title = str(offer.get("title") or "").strip() or self._default_title()
            info = apply(self.env, lambda: offer_service.create_offer(
                ctx, customer_id=self.customer.id, title=title, offer=offer, today=today))
        else:
            if not str(offer.get("title") or "").strip():
                offer = {**offer, "title": self.detail.title}
            detail = self.detail
            info = apply(self.env, lambda: offer_service.revise_offer(
                ctx, offer_id=detail.id, offer=offer, today=today, expected_version=detail.current_version_no))
        self.result_info = info
        return info

    def _saved(self, _info: object) -> None:
        self.accept()

    def _default_title(self) -> str:
        return self.tr("Offer for {0}").format(self.customer.short_name or self.customer.name)

    # --- texts ----------------------------------------------------------------------------
    def retranslate(self) -> None:
        d = self.detail
        if d is None:
            self.setWindowTitle(self.tr("New offer — {0}").format(self.customer.name))
            return
        self.setWindowTitle(self.tr("Offer {0} — {1}").format(d.number, self.customer.name))
        if d.frozen:
            note = self.tr("Version {0} ({1}, frozen): saving makes version {2}.").format(
                d.version_no, state_label(d.state), max(d.version_nos or (d.version_no,)) + 1)
        else:
            note = self.tr("Version {0} ({1}): saving replaces this version.").format(
                d.version_no, state_label(d.state))
            note += self._repriced_note()
        self.version_label.setText(note)

    def _repriced_note(self) -> str:
        """An open offer priced on other price books than those in force now: what changes."""
        d, now = self.detail, self.builder.quote
        if d is None or d.quote is None:
            return ""
        was = (d.quote.get("catalogue_version"), d.quote.get("policy_version"))
        books = (self.builder.catalogue.version, self.builder.policy.version)
        if was == books:
            return ""
        text = " " + self.tr("It was priced on catalogue {0} / policy {1}; the books in force now are {2} / {3}.").format(
            *was, *books)
        if now is not None:
            text += " " + self.tr("Monthly total then {0}, re-priced now {1}; saving keeps the new prices.").format(
                money(Decimal(str(d.quote["totals"]["monthly_recurring"]))), money(now.totals.monthly_recurring))
        return text

