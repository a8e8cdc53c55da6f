"""Taking back an offer's state change (the undo of approve, reject, sent, won, lost).

An undo is itself a recorded change: an event "undone" from the state reached back to the
state it came from, and, for an outcome that moved the customer, a stage move back. Judged by
value like every undo (workbench/ui/undo.py): refused when the offer (or the customer's
stage) no longer holds what the change wrote.
"""

from __future__ import annotations

from sqlalchemy import false, select

from workbench.domain.errors import FieldError, StaleEditError, ValidationError
from workbench.services.context import Context
from workbench.services.customers import load as load_customer
from workbench.services.offers import (
    APPROVED,
    DRAFT,
    LOST,
    NEEDS_APPROVAL,
    REJECTED,
    SENT,
    WON,
    OfferInfo,
    _info,
    _load,
    _require_approver,
    _set_state,
    _version,
)
from workbench.services.stages import record_move
from workbench.store import models as m

#: The state changes an undo may take back: from the state reached, to the states it came from.
REVERSIBLE = {APPROVED: frozenset({NEEDS_APPROVAL}), REJECTED: frozenset({NEEDS_APPROVAL}),
              SENT: frozenset({DRAFT, APPROVED}), WON: frozenset({SENT}), LOST: frozenset({SENT})}


def revert_state(ctx: Context, *, offer_id: str, version_no: int, from_state: str, to_state: str,
                 stage_back: tuple[str, str] | None = None) -> OfferInfo:
    """Take back a state change (an undo): the offer's current version must still be
    ``version_no`` in ``from_state`` (StaleEditError otherwise: the newer state is kept).
    Undoing "sent" unfreezes the version. ``stage_back`` = (stage the change moved the
    customer to, stage it came from): the customer is moved back in the same transaction,
    only if still there. Recorded as events and stage moves like any change ("undone").
    "Sent" is not taken back once the version's proposal was produced: the sheet may be in
    the client's hands and must never change (revise the offer instead: a new version)."""
    if to_state not in REVERSIBLE.get(from_state, frozenset()):
        raise ValidationError(FieldError("state", f"不能从 {from_state} 撤回到 {to_state}",
                                         f"{from_state} cannot be taken back to {to_state}"))
    with ctx.store.write() as s:
        row = _load(s, offer_id)
        version = _version(s, row)
        if version.version_no != version_no or version.state != from_state:
            raise StaleEditError("offer", offer_id, version_no, version.version_no)
        if from_state in (APPROVED, REJECTED):
            _require_approver(s, ctx, version, "take back a decision on it")
        if from_state == SENT and s.scalar(select(m.Proposal.id).where(
                m.Proposal.offer_id == offer_id, m.Proposal.version_no == version_no, m.Proposal.deleted == false())):
            raise ValidationError(FieldError(
                "state", "该版本的建议书已生成, 可能已在客户手中: 不能撤回“已提交”; 如需改动请修改方案 (生成新版本)",
                "this version's proposal was produced and may be in the client's hands: 'sent' cannot be taken "
                "back; revise the offer instead (a new version)"))
        if stage_back is not None:
            customer = load_customer(s, row.customer_id)
            if customer.stage_code != stage_back[0]:
                raise StaleEditError("customer", customer.id, customer.version, customer.version)
            record_move(s, ctx, customer, stage_back[1], reason="undone", visit_id=None)
        _set_state(s, ctx, row, version, to_state, "undone", **({"frozen": False} if from_state == SENT else {}))
        return _info(row, version)
