"""A customer handed to another manager leaves the laptops that may no longer see it, with
everything that hangs from it; it stays where it may be seen (the new owner, the team lead),
comes back when handed back, and nobody who never saw it hears of it
(workbench/server/departures.py, workbench/sync/forget.py)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import func, select, text

from tests.sync.team import Laptop, Team
from workbench.services import contacts, customers, handover, offers, visits
from workbench.services.search import search_customers
from workbench.services.users import user_context
from workbench.store import models as m

TODAY = date(2026, 12, 1)


def held(laptop: Laptop, customer_id: str) -> dict[str, int]:
    """How many rows of each kind this laptop holds for the customer."""
    with laptop.store.read() as s:
        offers_q = select(m.Offer.id).where(m.Offer.customer_id == customer_id)
        visits_q = select(m.Visit.id).where(m.Visit.customer_id == customer_id)
        return {
            "customers": s.scalar(select(func.count()).where(m.Customer.id == customer_id)) or 0,
            "contacts": s.scalar(select(func.count()).where(m.Contact.customer_id == customer_id)) or 0,
            "visits": s.scalar(select(func.count()).select_from(visits_q.subquery())) or 0,
            "visit_contacts": s.scalar(select(func.count()).select_from(m.VisitContact)
                                       .where(m.VisitContact.visit_id.in_(visits_q))) or 0,
            "offers": s.scalar(select(func.count()).select_from(offers_q.subquery())) or 0,
            "offer_versions": s.scalar(select(func.count()).select_from(m.OfferVersion)
                                       .where(m.OfferVersion.offer_id.in_(offers_q))) or 0,
            "row_sync": s.scalar(select(func.count()).select_from(m.RowSync)
                                 .where(m.RowSync.row_id == customer_id)) or 0,
            "search": s.scalar(text("SELECT count(*) FROM search_docs d JOIN customers c ON c.num = d.num "
                                    "WHERE c.id = :c"), {"c": customer_id}) or 0,
        }


def test_a_customer_handed_to_another_manager_leaves_the_old_laptop(team: Team) -> None:
    wang = team.laptop("王经理")
    li = team.laptop("李经理")
    lead = team.laptop("赵主管", role="team_lead")
    other_team = team.laptop("钱经理", team="拱墅")
    bank = customers.create_customer(wang.ctx, values={"name": "某市商业银行西湖支行", "industry_code": "banking"})
    k = contacts.add_contact(wang.ctx, customer_id=bank.id, values={"name": "王喆", "title": "行长"})
    visits.log_visit(wang.ctx, customer_id=bank.id,
                        values={"occurred_at": datetime(2026, 11, 30, 10, 0), "kind": "onsite",
                                "contact_ids": [k.id], "outcome": "了解需求"})
    offers.create_offer(wang.ctx, customer_id=bank.id, title="方案", offer={
        "customer": {"industry": "banking"}, "lines": [{"product": "MOB-58", "quantity": 10}]}, today=TODAY)
    mine = customers.create_customer(wang.ctx, values={"name": "西湖区人民医院", "industry_code": "banking"})
    for laptop in (wang, li, lead, other_team):
        laptop.sync()
    before = held(wang, bank.id)
    assert before["customers"] == 1 and before["visit_contacts"] == 1 and before["search"] == 1
    assert held(lead, bank.id)["customers"] == 1 and held(li, bank.id)["customers"] == 0

    li_id = user_context(li.store).user_id
    handover.hand_over(lead.ctx, customer_id=bank.id, to_user_id=li_id)  # the lead reassigns
    lead.sync()
    summary = wang.sync()
    assert summary.refused == 0
    assert all(v == 0 for v in held(wang, bank.id).values()), held(wang, bank.id)
    assert all(r.id != bank.id for r in search_customers(wang.ctx, query="西湖支行").rows)
    assert held(wang, mine.id)["customers"] == 1  # only the one handed over goes

    li.sync()
    lead.sync()
    other_team.sync()
    assert held(li, bank.id) == {**before, "row_sync": 1}  # the new owner has it all
    assert held(lead, bank.id)["customers"] == 1 and held(lead, bank.id)["visit_contacts"] == 1
    assert held(other_team, bank.id)["customers"] == 0

    handover.hand_over(lead.ctx, customer_id=bank.id, to_user_id=user_context(wang.store).user_id)
    lead.sync()
    wang.sync()
    li.sync()
    assert held(wang, bank.id)["customers"] == 1 and held(wang, bank.id)["visit_contacts"] == 1  # handed back
    assert held(li, bank.id)["customers"] == 0
    assert customers.get_customer(wang.ctx, customer_id=bank.id).name == "某市商业银行西湖支行"


def test_unsharing_tells_only_those_who_held_it(team: Team) -> None:
    wang = team.laptop("王经理")
    li = team.laptop("李经理")
    newcomer = team.laptop("孙经理")
    shared = customers.create_customer(wang.ctx, values={"name": "西湖区教育局", "industry_code": "government",
                                                        "shared": True})
    wang.sync()
    li.sync()
    assert held(li, shared.id)["customers"] == 1
    customers.update_customer(wang.ctx, customer_id=shared.id, changes={"shared": False})
    wang.sync()
    li.sync()
    assert held(li, shared.id)["customers"] == 0
    assert held(wang, shared.id)["customers"] == 1  # the owner keeps it

    from workbench.sync.apply import cursor

    start = cursor(newcomer.store)
    page = newcomer.client().pull(after=0, limit=2000)
    assert start == 0 and shared.id in page["gone"]  # it was shared: the newcomer could see it then
    newcomer.sync()
    assert held(newcomer, shared.id)["customers"] == 0
