"""Undo for offer state changes: approve, reject, mark sent, won, lost (Ctrl+Z).

The change itself is made by its dialog or button (errors beside the fields), then pushed
here as already done: the first redo does nothing. Undo takes it back through
``services.offer_undo.revert_state`` (an "undone" event, the stage moved back for an outcome
that moved it); redo makes the change again through the same service call as the first time.
Judged by value: when the offer or the customer moved on meanwhile, the command says so and
is dropped, the newer state kept.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from workbench.services.offer_undo import revert_state
from workbench.services.offers import OfferInfo
from workbench.ui.env import UiEnv
from workbench.ui.offers.dialog import state_label
from workbench.ui.undo import ServiceCommand


class OfferStateChange(ServiceCommand):
    """``before`` is the offer as it was; ``after`` as the change left it; ``again`` makes the
    change once more (redo); ``stage`` = (from, to) when the change moved the customer."""

    def __init__(self, env: UiEnv, *, before: OfferInfo, after: OfferInfo, again: Callable[[], object],
                 stage: tuple[str, str] | None = None) -> None:
        super().__init__(env, QCoreApplication.translate("undo", "Offer {0}: {1}").format(
            after.number, state_label(after.state)), after.customer_id)
        self.offer_id, self.version_no = after.id, after.version_no
        self.from_state, self.to_state = before.state, after.state
        self.again, self.stage = again, stage
        self._done = True  # pushed after the change was made

    def redo(self) -> None:
        if self._done:
            return
        self._done = True
        self._guard(self.again)

    def undo(self) -> None:
        self._done = False
        stage_back = None if self.stage is None else (self.stage[1], self.stage[0])
        self._guard(lambda: revert_state(self.env.ctx, offer_id=self.offer_id, version_no=self.version_no,
                                         from_state=self.to_state, to_state=self.from_state,
                                         stage_back=stage_back))
