from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select
from test_catalogue_store import add_book

from workbench.domain.errors import PermissionDenied, StaleEditError, ValidationError
from workbench.services import customers, offers, stages
from workbench.services.context import Context
from workbench.services.users import create_user
from workbench.store import models as m

TODAY = date(2026, 12, 1)
EXAMPLES = Path(__file__).resolve().parents[2] / "docs" / "examples"


def example(name: str) -> dict[str, Any]:
    return json.loads((EXAMPLES / f"{name}.json").read_text("utf-8"), parse_float=Decimal)


def one_line(percent: str, product: str = "MOB-58") -> dict[str, Any]:
    return {"customer": {"industry": "banking"},
            "lines": [{"product": product, "quantity": 10, "term_months": 12, "manual_discount_percent": percent}]}


def count(ctx: Context, model: type) -> int:
    with ctx.store.read() as s:
        return s.scalar(select(func.count()).select_from(model)) or 0


def journaled(ctx: Context, table: str) -> int:
    with ctx.store.read() as s:
        return s.scalar(select(func.count()).select_from(m.JournalEntry).where(m.JournalEntry.table_name == table)) or 0


@pytest.fixture
def customer(ctx: Context):
    return customers.create_customer(ctx, values={"name": "某市商业银行西湖支行", "industry_code": "banking",
                                                  "mobile_lines": 160})


@pytest.fixture
def lead(ctx: Context) -> Context:
    return Context(ctx.store, create_user(ctx.store, name="王主管", role="team_lead").id)


@pytest.fixture
def hq(ctx: Context) -> Context:
    return Context(ctx.store, create_user(ctx.store, name="总部", role="hq").id)


def test_the_seed_scheme_offer_round_trips(ctx: Context, customer) -> None:
    doc = example("bank-branch-bundle")
    info = offers.create_offer(ctx, customer_id=customer.id, title="西湖支行综合方案", offer=doc, today=TODAY)
    device = offers.device_code(ctx.store.device_id)
    assert info.number == f"FA-20261201-{device}-0001" and info.version_no == 1 and not info.frozen
    assert info.state == "draft" and info.authority == "within"
    assert info.monthly_total == Decimal("20770.00")
    detail = offers.get_offer(ctx, offer_id=info.id)
    assert detail.offer["lines"] == json.loads(json.dumps(doc["lines"], default=str), parse_float=Decimal)
    assert detail.quote is not None
    tiers = {s["code"]: s["prestore"] for s in detail.quote["schemes"]}
    assert tiers == {"NETAGE-T1-NEW": "139.00", "NETAGE-T1-OLD": "109.00", "NETAGE-T2": "99.00"}
    assert detail.quote["totals"]["monthly_recurring"] == str(info.monthly_total)
    assert [(e.from_state, e.to_state) for e in detail.events] == [(None, "draft")]
    assert offers.list_offers(ctx, customer_id=customer.id) == [info]
    second = offers.create_offer(ctx, customer_id=customer.id, title="第二个", offer=doc, today=TODAY)
    assert second.number == f"FA-20261201-{device}-0002"


def test_offer_numbers_made_offline_on_two_laptops_differ(tmp_path: Path) -> None:
    from workbench.services.users import current_user
    from workbench.store.engine import open_store

    numbers = []
    for name in ("laptop-a", "laptop-b"):
        store = open_store(tmp_path / f"{name}.sqlite")
        try:
            ctx = Context(store, current_user(store).id)
            cust = customers.create_customer(ctx, values={"name": "某市商业银行", "industry_code": "banking"})
            numbers.append(offers.create_offer(ctx, customer_id=cust.id, title="方案", offer=one_line("0"),
                                               today=TODAY).number)
            assert len(numbers[-1]) <= 24 and numbers[-1].endswith("-0001")
        finally:
            store.close()
    assert numbers[0] != numbers[1]


def test_missing_customer_facts_come_from_the_customer(ctx: Context, customer) -> None:
    doc = {"lines": [{"product": "MOB-58", "quantity": 5}]}
    info = offers.create_offer(ctx, customer_id=customer.id, title="简单方案", offer=doc, today=TODAY)
    facts = offers.get_offer(ctx, offer_id=info.id).offer["customer"]
    assert facts == {"industry": "banking", "name": "某市商业银行西湖支行", "mobile_lines": 160}


def test_approval_by_authority(ctx: Context, lead: Context, hq: Context, customer) -> None:
    tl = offers.create_offer(ctx, customer_id=customer.id, title="22%", offer=one_line("22"), today=TODAY)
    assert (tl.state, tl.authority) == ("needs_approval", "needs_team_lead")
    with pytest.raises(ValidationError):
        offers.mark_sent(ctx, offer_id=tl.id)  # not before approval
    with pytest.raises(PermissionDenied):
        offers.approve(ctx, offer_id=tl.id)  # a manager cannot approve
    approved = offers.approve(lead, offer_id=tl.id, comment="同意")
    assert approved.state == "approved"
    events = offers.get_offer(ctx, offer_id=tl.id).events
    assert (events[-1].to_state, events[-1].by_user_id, events[-1].comment) == ("approved", lead.user_id, "同意")

    deep = offers.create_offer(ctx, customer_id=customer.id, title="30%", offer=one_line("30"), today=TODAY)
    assert (deep.state, deep.authority) == ("needs_approval", "needs_hq")
    with pytest.raises(PermissionDenied):
        offers.approve(lead, offer_id=deep.id)
    with pytest.raises(ValidationError) as err:
        offers.reject(hq, offer_id=deep.id, comment="")
    assert err.value.fields == ("comment",)
    rejected = offers.reject(hq, offer_id=deep.id, comment="低于区域指导价")
    assert rejected.state == "rejected"
    with pytest.raises(ValidationError):
        offers.approve(hq, offer_id=deep.id)  # only from needs_approval


def test_a_team_lead_prices_within_their_own_authority(lead: Context, customer) -> None:
    info = offers.create_offer(lead, customer_id=customer.id, title="主管方案", offer=one_line("22"), today=TODAY)
    assert (info.state, info.authority) == ("draft", "within")


def test_sent_is_frozen_and_a_revision_makes_version_two(ctx: Context, customer) -> None:
    info = offers.create_offer(ctx, customer_id=customer.id, title="冻结", offer=one_line("5"), today=TODAY)
    draft = offers.revise_offer(ctx, offer_id=info.id, offer=one_line("6"), today=TODAY, expected_version=1)
    assert draft.version_no == 1  # a draft is replaced in place
    sent = offers.mark_sent(ctx, offer_id=info.id)
    assert sent.state == "sent" and sent.frozen
    with ctx.store.read() as s:
        v1_quote = s.scalar(select(m.OfferVersion.quote_json).where(m.OfferVersion.offer_id == info.id))
    add_book(ctx, "catalogue", "2026.2", date(2026, 11, 1), {"MOB-58": "60.00"})  # HQ changes the prices
    with pytest.raises(StaleEditError):
        offers.revise_offer(ctx, offer_id=info.id, offer=one_line("6"), today=TODAY, expected_version=2)
    v2 = offers.revise_offer(ctx, offer_id=info.id, offer=one_line("6"), today=TODAY, expected_version=1)
    assert (v2.version_no, v2.state, v2.frozen) == (2, "draft", False)
    first = offers.get_offer(ctx, offer_id=info.id, version_no=1)
    assert first.frozen and first.state == "sent" and first.version_nos == (1, 2)
    with ctx.store.read() as s:
        assert s.scalar(select(m.OfferVersion.quote_json).where(
            m.OfferVersion.offer_id == info.id, m.OfferVersion.version_no == 1)) == v1_quote
    second = offers.get_offer(ctx, offer_id=info.id)
    assert first.quote is not None and second.quote is not None
    assert first.quote["lines"][0]["list_unit"] == "58.00" and second.quote["lines"][0]["list_unit"] == "60.00"
    assert second.quote["catalogue_version"] == "2026.2"


def test_won_moves_the_stage_in_the_same_call(ctx: Context, customer) -> None:
    info = offers.create_offer(ctx, customer_id=customer.id, title="赢单", offer=one_line("0"), today=TODAY)
    with pytest.raises(ValidationError):
        offers.mark_won(ctx, offer_id=info.id)  # only once sent
    offers.mark_sent(ctx, offer_id=info.id)
    won = offers.mark_won(ctx, offer_id=info.id, move_stage_to="fill", reason="签约")
    assert won.state == "won" and won.frozen
    assert customers.get_customer(ctx, customer_id=customer.id).stage_code == "fill"
    assert stages.stage_history(ctx, customer_id=customer.id)[-1].reason == "签约"


def test_lost_with_an_undefined_stage_changes_nothing(ctx: Context, customer) -> None:
    info = offers.create_offer(ctx, customer_id=customer.id, title="丢单", offer=one_line("0"), today=TODAY)
    offers.mark_sent(ctx, offer_id=info.id)
    with pytest.raises(ValidationError):
        offers.mark_lost(ctx, offer_id=info.id, move_stage_to="no_such_stage")
    assert offers.get_offer(ctx, offer_id=info.id).state == "sent"
    assert offers.mark_lost(ctx, offer_id=info.id).state == "lost"


@pytest.mark.parametrize(("doc", "field"), [
    ({"customer": {"industry": "banking"}, "lines": [{"product": "NOPE", "quantity": 1}]}, "lines[0].product"),
    ({"customer": {"industry": "banking"}, "lines": [{"product": "MOB-58", "quantity": -3}]}, "lines[0].quantity"),
    ({"customer": {"industry": "banking"}, "lines": [{"product": "MOB-58", "quantity": 1, "term_months": 6}]},
     "lines[0].term_months"),
    ({"customer": {"industry": "banking"}, "lines": [{"product": "MOB-58", "quantitiy": 1}]}, "lines[0].quantitiy"),
    (one_line("33"), "lines[0].manual_discount_percent"),
])
def test_bad_offers_are_refused_by_field_and_nothing_saved(ctx: Context, customer, doc: dict[str, Any],
                                                           field: str) -> None:
    before = count(ctx, m.JournalEntry)
    with pytest.raises(ValidationError) as err:
        offers.create_offer(ctx, customer_id=customer.id, title="坏方案", offer=doc, today=TODAY)
    assert field in err.value.fields
    assert count(ctx, m.Offer) == 0 and count(ctx, m.OfferVersion) == 0 and count(ctx, m.OfferEvent) == 0
    assert count(ctx, m.JournalEntry) == before


def test_a_refused_revision_keeps_the_version(ctx: Context, customer) -> None:
    info = offers.create_offer(ctx, customer_id=customer.id, title="保留", offer=one_line("5"), today=TODAY)
    with pytest.raises(ValidationError):
        offers.revise_offer(ctx, offer_id=info.id, offer=one_line("40"), today=TODAY, expected_version=1)
    assert offers.get_offer(ctx, offer_id=info.id).offer == json.loads(json.dumps(
        {**one_line("5"), "title": "保留", "customer": {"industry": "banking", "name": "某市商业银行西湖支行",
                                                         "mobile_lines": 160}}), parse_float=Decimal)


def test_every_write_journals(ctx: Context, lead: Context, customer) -> None:
    info = offers.create_offer(ctx, customer_id=customer.id, title="日志", offer=one_line("22"), today=TODAY)
    assert (journaled(ctx, "offers"), journaled(ctx, "offer_versions"), journaled(ctx, "offer_events")) == (1, 1, 1)
    offers.approve(lead, offer_id=info.id)
    assert (journaled(ctx, "offers"), journaled(ctx, "offer_versions"), journaled(ctx, "offer_events")) == (2, 2, 2)
    offers.mark_sent(ctx, offer_id=info.id)
    offers.revise_offer(ctx, offer_id=info.id, offer=one_line("1"), today=TODAY, expected_version=1)
    assert (journaled(ctx, "offers"), journaled(ctx, "offer_versions"), journaled(ctx, "offer_events")) == (4, 4, 4)
    with ctx.store.read() as s:
        actors = set(s.scalars(select(m.JournalEntry.actor_id).where(m.JournalEntry.table_name == "offer_events")))
    assert actors == {ctx.user_id, lead.user_id}
    assert len(offers.get_offer(ctx, offer_id=info.id).events) == 4
