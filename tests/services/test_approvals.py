"""The Approvals queue and decisions that arrived (workbench/services/approvals.py)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import select

from workbench.services import approvals, customers, offers
from workbench.services.context import Context
from workbench.services.users import create_user
from workbench.store import models as m

TODAY = date(2026, 12, 1)


def one_line(percent: str) -> dict[str, object]:
    return {"customer": {"industry": "banking"},
            "lines": [{"product": "MOB-58", "quantity": 10, "term_months": 12, "manual_discount_percent": percent}]}


def test_the_queue_puts_what_the_user_may_decide_first(ctx: Context) -> None:
    lead = Context(ctx.store, create_user(ctx.store, name="王主管", role="team_lead").id)
    hq = Context(ctx.store, create_user(ctx.store, name="总部", role="hq").id)
    other = Context(ctx.store, create_user(ctx.store, name="李经理", role="manager").id)
    mine = customers.create_customer(ctx, values={"name": "某市商业银行西湖支行", "industry_code": "banking"})
    theirs = customers.create_customer(other, values={"name": "西湖区人民医院", "industry_code": "banking"})
    tl = offers.create_offer(ctx, customer_id=mine.id, title="22%", offer=one_line("22"), today=TODAY)
    deep = offers.create_offer(other, customer_id=theirs.id, title="30%", offer=one_line("30"), today=TODAY)
    offers.create_offer(ctx, customer_id=mine.id, title="within", offer=one_line("5"), today=TODAY)  # not waiting

    as_lead = approvals.waiting(lead)
    assert [(w.number, w.mine_to_decide) for w in as_lead] == [(tl.number, True), (deep.number, False)]
    first = as_lead[0]
    assert first.customer_name == "某市商业银行西湖支行" and first.level == "needs_team_lead"
    assert first.measured_percent == Decimal("22.00") and first.limit_percent < first.measured_percent
    assert "22" in first.why_en and first.why_zh and first.asked_at is not None
    assert first.monthly_total == tl.monthly_total and first.version_no == 1
    assert approvals.count_mine_to_decide(lead) == 1

    as_hq = approvals.waiting(hq)
    assert {w.number for w in as_hq if w.mine_to_decide} == {tl.number, deep.number}
    assert [w.number for w in approvals.waiting(ctx)] == [tl.number]  # a manager: their own, to follow
    assert not approvals.waiting(ctx)[0].mine_to_decide
    assert approvals.count_mine_to_decide(ctx) == 0

    offers.approve(lead, offer_id=tl.id, comment="同意")
    assert [w.number for w in approvals.waiting(lead)] == [deep.number]


def test_decisions_in_names_what_someone_else_decided_on_my_offers(ctx: Context) -> None:
    lead = Context(ctx.store, create_user(ctx.store, name="王主管", role="team_lead").id)
    mine = customers.create_customer(ctx, values={"name": "某市商业银行西湖支行", "industry_code": "banking"})
    a = offers.create_offer(ctx, customer_id=mine.id, title="A", offer=one_line("22"), today=TODAY)
    b = offers.create_offer(ctx, customer_id=mine.id, title="B", offer=one_line("23"), today=TODAY)
    offers.approve(lead, offer_id=a.id, comment="同意")
    offers.reject(lead, offer_id=b.id, comment="价格过低")
    with ctx.store.read() as s:
        events = list(s.scalars(select(m.OfferEvent.id)))
    got = approvals.decisions_in(ctx, events)
    assert [(d.number, d.to_state, d.by_name, d.comment) for d in got] == [
        (a.number, "approved", "王主管", "同意"), (b.number, "rejected", "王主管", "价格过低")]
    assert approvals.decisions_in(lead, events) == []  # the lead's own decisions, not my customers
    assert approvals.decisions_in(ctx, []) == []
