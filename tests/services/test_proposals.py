"""Producing proposal sheets from the store: content gathered from the customer, the frozen
record kept byte for byte once sent, refusals. The PDF itself is checked in tests/proposals."""

from __future__ import annotations

import base64
import json
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import func, select
from test_catalogue_store import add_book

from workbench.domain.errors import StaleEditError, ValidationError
from workbench.services import contacts, customers, offers, proposals, visits
from workbench.services.catalogue import clear_cache
from workbench.services.context import Context
from workbench.services.users import create_user
from workbench.store import models as m

TODAY = date(2026, 12, 1)
LINES = {"lines": [{"product": "MOB-58", "quantity": 40, "term_months": 36},
                   {"product": "BB-1000M", "quantity": 1, "term_months": 36}]}


@pytest.fixture
def customer(ctx: Context):
    c = customers.create_customer(ctx, values={"name": "招商银行深圳科技园支行", "industry_code": "banking",
                                               "address": "深圳市南山区科苑路 15 号", "mobile_lines": 160})
    contacts.add_contact(ctx, customer_id=c.id, values={"name": "张昇", "title": "运维主管", "cute_role": "technical"})
    contacts.add_contact(ctx, customer_id=c.id, values={"name": "王喆", "title": "信息科技部总经理",
                                                        "mobile": "13912345678", "is_key_person": True})
    for day, note in ((3, "专线断线直接影响柜面业务, 需要 99.9% 可用"), (10, "员工手机费希望统一付费"),
                      (20, "员工手机费希望统一付费")):
        visits.log_visit(ctx, customer_id=c.id, values={"occurred_at": datetime(2026, 11, day, 10, 0),
                                                        "kind": "onsite", "spin_need_payoff": note})
    return c


def proposal_rows(ctx: Context) -> int:
    with ctx.store.read() as s:
        return s.scalar(select(func.count()).select_from(m.Proposal)) or 0


def test_a_proposal_gathers_the_customer_key_person_needs_and_quote(ctx: Context, customer) -> None:
    info = offers.create_offer(ctx, customer_id=customer.id, title="员工通信与组网方案", offer=LINES, today=TODAY)
    record = proposals.produce_proposal(ctx, offer_id=info.id, today=TODAY)
    assert record.pdf.startswith(b"%PDF") and record.pages >= 1 and not record.missing and not record.frozen
    c = record.content
    assert c.number == f"{info.number}-V1" and c.customer_name == "招商银行深圳科技园支行" and c.industry == "银行"
    assert c.key_person is not None and (c.key_person.name, c.key_person.phone) == ("王喆", "13912345678")
    assert c.needs == ("员工手机费希望统一付费", "专线断线直接影响柜面业务, 需要 99.9% 可用")  # newest first, once
    assert [item.product for item in c.solution] == ["MOB-58", "BB-1000M"]
    detail = offers.get_offer(ctx, offer_id=info.id)
    assert c.quote == json.loads(json.dumps(detail.quote, default=str))
    assert c.state == "draft" and c.approval == "方案优惠在客户经理权限之内"
    assert (c.valid_until - c.issued_on).days == 30
    again = proposals.get_proposal(ctx, offer_id=info.id)
    assert again is not None and again.pdf == record.pdf and again.content == c


def test_producing_again_replaces_an_open_versions_record(ctx: Context, customer) -> None:
    info = offers.create_offer(ctx, customer_id=customer.id, title="方案", offer=LINES, today=TODAY)
    first = proposals.produce_proposal(ctx, offer_id=info.id, today=TODAY)
    offers.revise_offer(ctx, offer_id=info.id, offer={"lines": LINES["lines"][:1]}, today=TODAY, expected_version=1)
    second = proposals.produce_proposal(ctx, offer_id=info.id, today=TODAY)
    assert proposal_rows(ctx) == 1 and second.id == first.id and second.pdf != first.pdf
    assert [item.product for item in second.content.solution] == ["MOB-58"]
    with ctx.store.read() as s:
        ops = s.scalars(select(m.JournalEntry.op).where(m.JournalEntry.table_name == "proposals")).all()
        fields = json.loads(s.scalars(select(m.JournalEntry.fields).where(
            m.JournalEntry.table_name == "proposals").order_by(m.JournalEntry.seq)).all()[-1])
    # the bytes travel with their hash (base64 on the wire), so a lead's laptop can open them
    assert ops == ["insert", "update"] and fields["pdf_sha256"] == second.pdf_sha256
    assert base64.b64decode(fields["pdf"]) == second.pdf


def test_a_sent_proposal_never_changes_even_when_prices_do(ctx: Context, customer) -> None:
    info = offers.create_offer(ctx, customer_id=customer.id, title="方案", offer=LINES, today=TODAY)
    sent = proposals.produce_proposal(ctx, offer_id=info.id, today=TODAY)
    offers.mark_sent(ctx, offer_id=info.id)
    add_book(ctx, "catalogue", "2027.1", date(2027, 1, 1), {"MOB-58": "68.00"})
    clear_cache()
    later = date(2027, 2, 1)
    reopened = proposals.produce_proposal(ctx, offer_id=info.id, today=later)
    assert reopened.frozen and reopened.pdf == sent.pdf and reopened.content.issued_on == TODAY
    offers.revise_offer(ctx, offer_id=info.id, offer=LINES, today=later, expected_version=1)
    v2 = proposals.produce_proposal(ctx, offer_id=info.id, today=later)
    assert v2.version_no == 2 and v2.content.quote["lines"][0]["list_unit"] == "68.00"
    v1 = proposals.get_proposal(ctx, offer_id=info.id, version_no=1)
    assert v1 is not None and v1.pdf == sent.pdf and v1.content.quote["lines"][0]["list_unit"] == "58.00"
    assert proposal_rows(ctx) == 2
    listed = proposals.list_proposals(ctx, offer_id=info.id)
    assert [(p.version_no, p.frozen, p.issued_on) for p in listed] == [(2, False, later), (1, True, TODAY)]


def test_a_rejected_offer_is_not_printed(ctx: Context, customer) -> None:
    deep = {"lines": [{"product": "MOB-58", "quantity": 40, "term_months": 12, "manual_discount_percent": "25"}]}
    info = offers.create_offer(ctx, customer_id=customer.id, title="方案", offer=deep, today=TODAY)
    lead = Context(ctx.store, create_user(ctx.store, name="朱镕基", role="team_lead").id)
    offers.reject(lead, offer_id=info.id, comment="优惠过大")
    with pytest.raises(ValidationError) as refused:
        proposals.produce_proposal(ctx, offer_id=info.id, today=TODAY)
    assert refused.value.errors[0].field == "state" and proposal_rows(ctx) == 0


def test_an_approved_offer_names_its_approver(ctx: Context, customer) -> None:
    deep = {"lines": [{"product": "MOB-58", "quantity": 40, "term_months": 12, "manual_discount_percent": "25"}]}
    info = offers.create_offer(ctx, customer_id=customer.id, title="方案", offer=deep, today=TODAY)
    lead = Context(ctx.store, create_user(ctx.store, name="朱镕基", role="team_lead").id)
    offers.approve(lead, offer_id=info.id, comment="同意")
    record = proposals.produce_proposal(ctx, offer_id=info.id, today=TODAY)
    assert record.content.state == "approved" and record.content.approval is not None
    assert record.content.approval.startswith("营销主管 朱镕基 于 ") and record.content.approval.endswith("审批通过")


def test_an_offer_changed_while_rendering_is_refused_whole(ctx: Context, customer, monkeypatch) -> None:
    import workbench.proposals.render as render

    info = offers.create_offer(ctx, customer_id=customer.id, title="方案", offer=LINES, today=TODAY)
    real = render.render_proposal

    def revise_meanwhile(content, *args, **kwargs):
        offers.revise_offer(ctx, offer_id=info.id, offer={"lines": LINES["lines"][:1]}, today=TODAY,
                            expected_version=1)
        return real(content, *args, **kwargs)

    monkeypatch.setattr(render, "render_proposal", revise_meanwhile)
    with pytest.raises(StaleEditError):
        proposals.produce_proposal(ctx, offer_id=info.id, today=TODAY)
    assert proposal_rows(ctx) == 0


def test_two_productions_of_a_sent_version_keep_the_first(ctx: Context, customer, monkeypatch) -> None:
    import workbench.proposals.render as render

    info = offers.create_offer(ctx, customer_id=customer.id, title="方案", offer=LINES, today=TODAY)
    offers.mark_sent(ctx, offer_id=info.id)  # sent before any proposal was produced
    real = render.render_proposal
    inner: list[proposals.ProposalRecord] = []

    def another_produces_meanwhile(content, *args, **kwargs):
        if not inner:  # the other production (another window) completes first, a day later
            monkeypatch.setattr(render, "render_proposal", real)
            inner.append(proposals.produce_proposal(ctx, offer_id=info.id, today=date(2026, 12, 2)))
        return real(content, *args, **kwargs)

    monkeypatch.setattr(render, "render_proposal", another_produces_meanwhile)
    outer = proposals.produce_proposal(ctx, offer_id=info.id, today=TODAY)
    assert outer.pdf == inner[0].pdf and outer.content.issued_on == date(2026, 12, 2)
    stored = proposals.get_proposal(ctx, offer_id=info.id)
    assert stored is not None and stored.pdf == inner[0].pdf and proposal_rows(ctx) == 1
    with ctx.store.read() as s:
        ops = s.scalars(select(m.JournalEntry.op).where(m.JournalEntry.table_name == "proposals")).all()
    assert ops == ["insert"]  # the frozen record was never overwritten


def test_the_terms_follow_the_offers_own_term(ctx: Context, customer) -> None:
    two_years = {"lines": [{"product": "MOB-58", "quantity": 40, "term_months": 24},
                           {"product": "WLAN-AP", "quantity": 2, "term_months": 12}]}
    info = offers.create_offer(ctx, customer_id=customer.id, title="两年方案", offer=two_years, today=TODAY)
    terms = proposals.produce_proposal(ctx, offer_id=info.id, today=TODAY).content.terms
    assert "两年" in terms[0].text and "自动续期" in terms[0].text
    one_off = offers.create_offer(ctx, customer_id=customer.id, title="一次性项目",
                                  offer={"lines": [{"product": "ICT-STD", "quantity": 1}]}, today=TODAY)
    terms = proposals.produce_proposal(ctx, offer_id=one_off.id, today=TODAY).content.terms
    assert "一次性项目" in terms[0].text and "自动续期" not in terms[0].text


def test_producing_again_unchanged_keeps_the_document_and_its_date(ctx: Context, customer) -> None:
    info = offers.create_offer(ctx, customer_id=customer.id, title="方案", offer=LINES, today=TODAY)
    first = proposals.produce_proposal(ctx, offer_id=info.id, today=TODAY)
    again = proposals.produce_proposal(ctx, offer_id=info.id, today=date(2026, 12, 5))
    assert again.pdf == first.pdf and again.issued_on == TODAY
    contacts.add_contact(ctx, customer_id=customer.id, values={"name": "李堃", "title": "行长", "is_key_person": True,
                                                               "cute_role": "economic"})
    changed = proposals.produce_proposal(ctx, offer_id=info.id, today=date(2026, 12, 5))
    assert changed.pdf != first.pdf and changed.issued_on == date(2026, 12, 5)


def test_a_proposal_made_before_a_revision_in_place_is_not_the_sent_record(ctx: Context, customer) -> None:
    info = offers.create_offer(ctx, customer_id=customer.id, title="方案", offer=LINES, today=TODAY)
    before = proposals.produce_proposal(ctx, offer_id=info.id, today=TODAY)
    more = {"lines": [{"product": "MOB-58", "quantity": 80, "term_months": 36}]}
    offers.revise_offer(ctx, offer_id=info.id, offer=more, today=TODAY, expected_version=1)
    offers.mark_sent(ctx, offer_id=info.id)
    sent = proposals.produce_proposal(ctx, offer_id=info.id, today=TODAY)
    quote = offers.get_offer(ctx, offer_id=info.id).quote
    assert sent.pdf != before.pdf and sent.frozen
    assert sent.content.quote == json.loads(json.dumps(quote, default=str))  # the sent version's quote
    assert proposals.produce_proposal(ctx, offer_id=info.id, today=date(2027, 3, 1)).pdf == sent.pdf


def test_an_approval_undone_or_revised_away_is_not_claimed(ctx: Context, customer) -> None:
    from workbench.services.offer_undo import revert_state

    deep = {"lines": [{"product": "MOB-58", "quantity": 40, "term_months": 12, "manual_discount_percent": "25"}]}
    info = offers.create_offer(ctx, customer_id=customer.id, title="方案", offer=deep, today=TODAY)
    lead = Context(ctx.store, create_user(ctx.store, name="朱镕基", role="team_lead").id)
    offers.approve(lead, offer_id=info.id)
    assert "审批通过" in (proposals.produce_proposal(ctx, offer_id=info.id, today=TODAY).content.approval or "")
    revert_state(lead, offer_id=info.id, version_no=1, from_state="approved", to_state="needs_approval")
    undone = proposals.produce_proposal(ctx, offer_id=info.id, today=TODAY).content
    assert undone.state == "needs_approval" and undone.approval == "需营销主管审批, 尚未审批"
    offers.approve(lead, offer_id=info.id)
    offers.revise_offer(ctx, offer_id=info.id, offer=deep, today=TODAY, expected_version=1)  # back to waiting
    revised = proposals.produce_proposal(ctx, offer_id=info.id, today=TODAY).content
    assert revised.state == "needs_approval" and "审批通过" not in (revised.approval or "")


def test_an_expired_open_proposal_is_produced_anew(ctx: Context, customer) -> None:
    info = offers.create_offer(ctx, customer_id=customer.id, title="方案", offer=LINES, today=TODAY)
    first = proposals.produce_proposal(ctx, offer_id=info.id, today=TODAY)
    late = first.content.valid_until + timedelta(days=1)
    again = proposals.produce_proposal(ctx, offer_id=info.id, today=late)
    assert again.issued_on == late and again.content.valid_until > late
