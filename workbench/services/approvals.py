"""Offers waiting for a decision, and decisions that arrived (docs/architecture.md, "Sync").

``waiting`` is the Approvals queue: on a lead's laptop (which holds the team's customers once
synced) the offers waiting for approval, those the lead may decide first; on HQ's what needs
HQ first; on a manager's laptop their own offers waiting for someone else. Each with the
quote's verdict (the deepest discount, the limit it passed, the rule in both languages).
``decisions_in`` tells a manager which of the rows a sync pulled are a decision someone else
made on one of their offers, for the status bar and the Offers tab.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import false, select
from sqlalchemy.orm import aliased

from workbench.pricing.authority import may_decide
from workbench.services.context import Context
from workbench.store import models as m

WAITING = "needs_approval"
DECIDED = ("approved", "rejected")


@dataclass(frozen=True, slots=True)
class Waiting:
    """One offer waiting for approval, at its current version."""

    offer_id: str
    number: str
    title: str
    version_no: int
    customer_id: str
    customer_name: str
    owner_name: str
    level: str  # needs_team_lead / needs_hq
    measured_percent: Decimal  # the deepest effective discount of any line
    limit_percent: Decimal  # the pricing role's own limit it passed
    why_zh: str  # the rule that required approval
    why_en: str
    monthly_total: Decimal
    term_total: Decimal
    asked_at: datetime | None  # when it was priced into waiting (local wall clock)
    mine_to_decide: bool  # may the user of this laptop approve or reject it?


@dataclass(frozen=True, slots=True)
class Decision:
    """A decision on one of my offers, made on another laptop."""

    offer_id: str
    number: str
    customer_id: str
    customer_name: str
    to_state: str  # approved / rejected
    by_name: str
    comment: str | None


def _role(ctx: Context, s: Any) -> str:
    user = s.get(m.User, ctx.user_id)
    return user.role if user is not None else "manager"


def _quote(version: m.OfferVersion) -> dict[str, Any]:
    try:
        return dict(json.loads(version.quote_json or "{}"))
    except ValueError:
        return {}


def waiting(ctx: Context) -> list[Waiting]:
    """The Approvals queue: what this user may decide first (oldest request first), then the
    rest they can see waiting (a manager: their own offers)."""
    owner = aliased(m.User)
    with ctx.store.read() as s:
        role = _role(ctx, s)
        q = (select(m.Offer, m.OfferVersion, m.Customer.name, owner.name)
             .join(m.OfferVersion, (m.OfferVersion.offer_id == m.Offer.id)
                   & (m.OfferVersion.version_no == m.Offer.current_version))
             .join(m.Customer, m.Customer.id == m.Offer.customer_id)
             .outerjoin(owner, owner.id == m.Customer.owner_id)
             .where(m.Offer.state == WAITING, m.Offer.deleted == false(), m.Customer.deleted == false()))
        if role == "manager":
            q = q.where(m.Customer.owner_id == ctx.user_id)
        rows = s.execute(q).all()
        asked = _asked_at(s, [o.id for o, *_ in rows])
        out = []
        for offer, version, customer_name, owner_name in rows:
            quote = _quote(version)
            authority, totals = quote.get("authority", {}), quote.get("totals", {})
            level = str(authority.get("level") or "needs_hq")
            why = authority.get("why") or {}
            out.append(Waiting(
                offer.id, offer.number, offer.title, version.version_no, offer.customer_id, customer_name,
                owner_name or "", level, Decimal(str(authority.get("measured_percent", "0"))),
                Decimal(str(authority.get("limit_percent", "0"))), str(why.get("zh", "")), str(why.get("en", "")),
                Decimal(str(totals.get("monthly_recurring", "0"))), Decimal(str(totals.get("over_term", "0"))),
                asked.get(offer.id), role != "manager" and may_decide(role, level)))
    return sorted(out, key=lambda w: (not w.mine_to_decide, w.asked_at or datetime.max, w.number))


def _asked_at(s: Any, offer_ids: list[str]) -> dict[str, datetime]:
    out: dict[str, datetime] = {}
    for start in range(0, len(offer_ids), 500):
        chunk = offer_ids[start:start + 500]
        q = (select(m.OfferEvent.offer_id, m.OfferEvent.occurred_at)
             .where(m.OfferEvent.offer_id.in_(chunk), m.OfferEvent.to_state == WAITING))
        for offer_id, at in s.execute(q):
            if offer_id not in out or at > out[offer_id]:
                out[offer_id] = at
    return out


def count_mine_to_decide(ctx: Context) -> int:
    return sum(1 for w in waiting(ctx) if w.mine_to_decide)


def decisions_in(ctx: Context, event_ids: Iterable[str]) -> list[Decision]:
    """Among these offer events (the rows a pull brought), the approvals and rejections made
    by someone else on offers of customers this user owns."""
    ids = sorted(set(event_ids))
    if not ids:
        return []
    by = aliased(m.User)
    out: list[Decision] = []
    with ctx.store.read() as s:
        for start in range(0, len(ids), 500):
            q = (select(m.OfferEvent, m.Offer.number, m.Offer.customer_id, m.Customer.name, by.name)
                 .join(m.Offer, m.Offer.id == m.OfferEvent.offer_id)
                 .join(m.Customer, m.Customer.id == m.Offer.customer_id)
                 .outerjoin(by, by.id == m.OfferEvent.by_user_id)
                 .where(m.OfferEvent.id.in_(ids[start:start + 500]), m.OfferEvent.to_state.in_(DECIDED),
                        m.Customer.owner_id == ctx.user_id, m.OfferEvent.by_user_id != ctx.user_id)
                 .order_by(m.OfferEvent.occurred_at, m.Offer.number))
            for event, number, customer_id, customer_name, by_name in s.execute(q):
                out.append(Decision(event.offer_id, number, customer_id, customer_name, event.to_state,
                                    by_name or "", event.comment))
    return out
