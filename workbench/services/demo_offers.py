"""A demo offer on the demo store, for ``workbench proposal --demo`` and the screenshots.

Picks the first banking customer (by number) that has a key person and need-payoff notes
from visits, and gives it a ten-line offer with the seed's prestore schemes and one discount
beyond the manager's authority, approved by the store's team lead (when it has one, as demo
stores do); the same call again returns the same offer.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import exists, false, select

from workbench.domain.errors import NotFoundError
from workbench.proposals.sample import sample_offer
from workbench.services import offers
from workbench.services.context import Context
from workbench.store import models as m

DEMO_TITLE = "员工通信与网点组网一体化方案(演示)"


def demo_customer_id(ctx: Context) -> str:
    with ctx.store.read() as s:
        has_key = exists().where(m.Contact.customer_id == m.Customer.id, m.Contact.is_key_person,
                                 m.Contact.deleted == false())
        has_needs = exists().where(m.Visit.customer_id == m.Customer.id, m.Visit.spin_need_payoff.is_not(None),
                                   m.Visit.deleted == false())
        found = s.scalar(select(m.Customer.id).where(m.Customer.industry_code == "banking",
                                                     m.Customer.deleted == false(), has_key, has_needs)
                         .order_by(m.Customer.num).limit(1))
    if found is None:
        raise NotFoundError("customer", "banking customer with a key person and visit notes")
    return found


def demo_offer(ctx: Context, *, today: date) -> str:
    """The id of the demo offer (made on first call)."""
    customer_id = demo_customer_id(ctx)
    with ctx.store.read() as s:
        found = s.scalar(select(m.Offer.id).where(m.Offer.customer_id == customer_id, m.Offer.title == DEMO_TITLE,
                                                  m.Offer.deleted == false()))
    if found is not None:
        return found
    document = sample_offer(10)
    document.pop("customer")  # the demo customer's own facts are used
    document["title"] = DEMO_TITLE
    document["lines"][4]["manual_discount_percent"] = "10"  # the internet line: beyond 20 %, team lead
    made = offers.create_offer(ctx, customer_id=customer_id, title=DEMO_TITLE, offer=document, today=today)
    with ctx.store.read() as s:
        lead = s.scalar(select(m.User).where(m.User.role == "team_lead", m.User.deleted == false())
                        .order_by(m.User.name).limit(1))
        lead_id, lead_name = (lead.id, lead.name) if lead is not None else (None, "")
    if made.state == offers.NEEDS_APPROVAL and lead_id is not None:
        offers.approve(Context(ctx.store, lead_id, lead_name), offer_id=made.id, comment="同意, 重点客户")
    return made.id


def find_offer(ctx: Context, key: str) -> str:
    """An offer's id from its id or its number (FA-...)."""
    with ctx.store.read() as s:
        found = s.scalar(select(m.Offer.id).where((m.Offer.id == key) | (m.Offer.number == key),
                                                  m.Offer.deleted == false()))
    if found is None:
        raise NotFoundError("offer", key)
    return found
