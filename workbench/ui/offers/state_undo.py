"""Undo for offer state changes: approve, reject, mark sent, won, lost (Ctrl+Z).

The change itself is made by its dialog or button (errors beside the fields), then pushed
here as already done (``push_made``): the first redo does nothing. Undo takes it back through
``services.offer_undo.revert_state`` (an "undone" event, the stage moved back for an outcome
that moved it); redo makes the change again through the same service call as the first time.
Judged by value both ways: undo only while the offer still holds the state the change wrote
(the service checks), redo only while the offer is as the undo left it (same version, state,
offer document and quote: a revision in place meanwhile refuses it; other state changes of
the same chain, undone and redone in order, do not) and the customer is still at the stage
the undo put back. Otherwise the command says so and is
dropped, the newer state kept.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from workbench.services import customers, offers
from workbench.services.offer_undo import revert_state
from workbench.services.offers import OfferInfo
from workbench.ui.env import UiEnv
from workbench.ui.offers.dialog import state_label
from workbench.ui.undo import ChangedMeanwhile, ServiceCommand


class OfferStateChange(ServiceCommand):
    """``before`` is the offer as it was; ``after`` as the change left it; ``again`` makes the
    change once more (redo); ``stage`` = (from, to) when the change moved the customer."""

    def __init__(self, env: UiEnv, *, before: OfferInfo, after: OfferInfo, again: Callable[[], object],
                 stage: tuple[str, str] | None = None) -> None:
        super().__init__(env, QCoreApplication.translate("undo", "Offer {0}: {1}").format(
            after.number, state_label(after.state)), after.customer_id)
        self.offer_id, self.number, self.version_no = after.id, after.number, after.version_no
        self.from_state, self.to_state = before.state, after.state
        self.again, self.stage = again, stage
        self.reverted: tuple[int, str] | None = None  # (version_no, document and quote) after the undo

    def _do(self) -> None:  # a redo: the first change was made before push_made
        now = offers.get_offer(self.env.ctx, offer_id=self.offer_id)
        if now.state != self.from_state or _content(now) != self.reverted:
            raise ChangedMeanwhile(self.number)
        if self.stage is not None:
            customer = customers.get_customer(self.env.ctx, customer_id=self.customer_id)
            if customer.stage_code != self.stage[0]:
                raise ChangedMeanwhile(customer.name)
        self.again()

    def _undo(self) -> None:
        stage_back = None if self.stage is None else (self.stage[1], self.stage[0])
        revert_state(self.env.ctx, offer_id=self.offer_id, version_no=self.version_no,
                     from_state=self.to_state, to_state=self.from_state, stage_back=stage_back)
        self.reverted = _content(offers.get_offer(self.env.ctx, offer_id=self.offer_id))


def _content(offer: offers.OfferDetail) -> tuple[int, str]:
    """The version and what it offers (document and quote): what a redo must find unchanged."""
    return offer.version_no, json.dumps([offer.offer, offer.quote], sort_keys=True, default=str)
