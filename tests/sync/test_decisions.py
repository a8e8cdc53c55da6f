"""Deciding an offer across laptops, and the server's own check of who decides
(workbench/server/decisions.py): a manager asks, the lead approves on their own laptop, the
manager's laptop learns it; a decision pushed by a manager, or made on content revised since,
is refused whole and nothing of it is stored."""

from __future__ import annotations

from datetime import date

from tests.sync.team import Laptop, Team
from workbench.services import customers, offers
from workbench.services.context import Context
from workbench.services.users import user_context

TODAY = date(2026, 12, 1)


def one_line(percent: str) -> dict[str, object]:
    return {"customer": {"industry": "banking"},
            "lines": [{"product": "MOB-58", "quantity": 10, "term_months": 12, "manual_discount_percent": percent}]}


def _asked(team: Team) -> tuple[Laptop, Laptop, offers.OfferInfo]:
    manager = team.laptop("王经理")
    lead = team.laptop("赵主管", role="team_lead")
    c = customers.create_customer(manager.ctx, values={"name": "某市商业银行西湖支行", "industry_code": "banking"})
    asked = offers.create_offer(manager.ctx, customer_id=c.id, title="西湖支行方案", offer=one_line("25"), today=TODAY)
    assert asked.state == "needs_approval" and asked.authority == "needs_team_lead"
    manager.sync()
    lead.sync()
    return manager, lead, asked


def _refused(laptop: Laptop) -> list[str]:
    from workbench.services import refusals

    return [r.en for r in refusals.list_refusals(laptop.ctx)]


def test_the_lead_approves_on_their_laptop_and_the_manager_sees_it(team: Team) -> None:
    manager, lead, asked = _asked(team)
    assert user_context(lead.store).user_id != user_context(manager.store).user_id
    offers.approve(lead.ctx, offer_id=asked.id, comment="同意，重点客户")
    summary = lead.sync()
    assert summary.refused == 0
    manager.sync()
    got = offers.get_offer(manager.ctx, offer_id=asked.id)
    assert got.state == "approved"
    decided = [e for e in got.events if e.to_state == "approved"]
    assert len(decided) == 1 and decided[0].comment == "同意，重点客户"
    offers.mark_sent(manager.ctx, offer_id=asked.id)  # approved: it may go to the client now
    assert manager.sync().refused == 0


def test_a_manager_cannot_approve_through_the_server(team: Team) -> None:
    manager, lead, asked = _asked(team)
    lead_id = user_context(lead.store).user_id
    # the manager's laptop knows the lead (users come down from the server): a forged
    # decision in the lead's name passes the local check but is pushed from the manager's device
    forged = Context(manager.store, lead_id, "赵主管")
    offers.approve(forged, offer_id=asked.id, comment="自己批")
    summary = manager.sync()
    assert summary.refused >= 1
    assert any("only the team lead or HQ" in r for r in _refused(manager))
    lead.sync()
    assert offers.get_offer(lead.ctx, offer_id=asked.id).state == "needs_approval"


def test_an_approval_of_a_version_revised_meanwhile_is_refused(team: Team) -> None:
    manager, lead, asked = _asked(team)
    offers.revise_offer(manager.ctx, offer_id=asked.id, offer=one_line("28"), today=TODAY,
                        expected_version=asked.version_no)  # deeper, still the lead's to decide
    manager.sync()
    offers.approve(lead.ctx, offer_id=asked.id, comment="同意")  # on the 25 % the lead read
    summary = lead.sync()
    assert summary.refused >= 1
    assert any("revised after you read it" in r for r in _refused(lead))
    manager.sync()
    got = offers.get_offer(manager.ctx, offer_id=asked.id)
    assert got.state == "needs_approval"
    assert not [e for e in got.events if e.to_state == "approved"]
