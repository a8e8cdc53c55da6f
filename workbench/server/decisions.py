"""Who may decide an offer, checked again on the server (docs/sync-protocol.md, "Decisions").

A laptop approves or rejects an offer through ``services.offers``, which already refuses a
manager; the server cannot take the laptop's word for it. A pushed change that moves an
offer (or its version) to ``approved`` or ``rejected``, or records such a decision in its
history, is refused unless the pushing user's role may decide what the version's quote
needs (a team lead what needs the team lead, HQ anything). An approval is of the content the
approver read: when the version's document or quote changed after the version the entry
builds on (the manager revised it meanwhile), the decision is refused as stale, so that an
approval never lands on a revision nobody approved. The refusal takes the whole device
transaction with it (the offer's mirror and the event), as any refusal does.
"""

from __future__ import annotations

import json
from typing import Any

from workbench.pricing.authority import APPROVERS, may_decide
from workbench.pricing.quote import NEEDS_TEAM_LEAD
from workbench.server.authz import Actor
from workbench.server.errors import Refused, forbidden
from workbench.server.store import StoredRow

DECIDED = frozenset({"approved", "rejected"})
WAITING = "needs_approval"
CONTENT = ("offer_json", "quote_json")


def _level(quote_json: Any) -> str | None:
    try:
        level = json.loads(quote_json or "{}").get("authority", {}).get("level")
    except (TypeError, ValueError, AttributeError):
        return None
    return str(level) if level is not None else None


def _not_yours() -> Refused:
    return forbidden("only the team lead or HQ approves or rejects an offer",
                     "只有主管或总部可以审批方案", "state")


def check_decision(actor: Actor, table: str, fields: dict[str, Any], existing: StoredRow | None,
                   base: int) -> None:
    """Refuse a decision the actor may not make, or one made on content since revised."""
    if table == "offer_events":
        if existing is None and fields.get("to_state") in DECIDED and actor.role not in APPROVERS[NEEDS_TEAM_LEAD]:
            raise _not_yours()
        return
    if table not in ("offers", "offer_versions"):
        return
    new = fields.get("state")
    old = existing.data.get("state") if existing is not None else None
    if new not in DECIDED or new == old:
        return
    if actor.role not in APPROVERS[NEEDS_TEAM_LEAD]:
        raise _not_yours()
    if old != WAITING:
        raise Refused("stale_decision", f"the offer is {old or 'new'}, not waiting for approval any more",
                      f"该方案当前状态为 {old or '新建'}，已不在待审批状态", "state")
    if table != "offer_versions" or existing is None:
        return
    quote = fields.get("quote_json", existing.data.get("quote_json"))
    if not may_decide(actor.role, _level(quote)):
        raise forbidden("this offer needs HQ's approval", "该方案须由总部审批", "state")
    for key in CONTENT:
        last = existing.field_versions.get(key)
        if last is not None and int(last[0]) > base and last[1] != actor.device_id:
            raise Refused("stale_decision",
                          "the offer was revised after you read it: review the new version and decide again",
                          "审批期间方案已被修改：请查看新版本后重新审批", "state")
