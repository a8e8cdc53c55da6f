"""Taking back offer state changes: each reversible change, the value check, permissions,
the stage moved back with a won offer, and the unfreezing of a version taken back from sent."""

from __future__ import annotations

from datetime import date

import pytest

from workbench.domain.errors import PermissionDenied, StaleEditError, ValidationError
from workbench.services import customers, offers, stages
from workbench.services.context import Context
from workbench.services.offer_undo import revert_state
from workbench.services.users import create_user

TODAY = date(2026, 12, 1)
DEEP = {"lines": [{"product": "MOB-58", "quantity": 40, "term_months": 12, "manual_discount_percent": "25"}]}
PLAIN = {"lines": [{"product": "MOB-58", "quantity": 40, "term_months": 12}]}


@pytest.fixture
def customer(ctx: Context):
    return customers.create_customer(ctx, values={"name": "某区实验中学", "industry_code": "education"})


@pytest.fixture
def lead(ctx: Context) -> Context:
    return Context(ctx.store, create_user(ctx.store, name="赵堃", role="team_lead").id)


def state(ctx: Context, offer_id: str) -> tuple[str, bool]:
    d = offers.get_offer(ctx, offer_id=offer_id)
    return d.state, d.frozen


def test_an_approval_is_taken_back_by_an_approver_only(ctx: Context, customer, lead: Context) -> None:
    info = offers.create_offer(ctx, customer_id=customer.id, title="方案", offer=DEEP, today=TODAY)
    offers.approve(lead, offer_id=info.id, comment="同意")
    with pytest.raises(PermissionDenied):
        revert_state(ctx, offer_id=info.id, version_no=1, from_state="approved", to_state="needs_approval")
    back = revert_state(lead, offer_id=info.id, version_no=1, from_state="approved", to_state="needs_approval")
    assert back.state == "needs_approval"
    events = offers.get_offer(ctx, offer_id=info.id).events
    assert [(e.from_state, e.to_state, e.comment) for e in events][-1] == ("approved", "needs_approval", "undone")


def test_sent_taken_back_unfreezes_the_version(ctx: Context, customer) -> None:
    info = offers.create_offer(ctx, customer_id=customer.id, title="方案", offer=PLAIN, today=TODAY)
    offers.mark_sent(ctx, offer_id=info.id)
    assert state(ctx, info.id) == ("sent", True)
    revert_state(ctx, offer_id=info.id, version_no=1, from_state="sent", to_state="draft")
    assert state(ctx, info.id) == ("draft", False)
    again = offers.revise_offer(ctx, offer_id=info.id, offer=PLAIN, today=TODAY, expected_version=1)
    assert again.version_no == 1  # open again: edited in place, no new version


def test_won_with_a_stage_move_is_taken_back_whole(ctx: Context, customer) -> None:
    info = offers.create_offer(ctx, customer_id=customer.id, title="方案", offer=PLAIN, today=TODAY)
    offers.mark_sent(ctx, offer_id=info.id)
    before = customers.get_customer(ctx, customer_id=customer.id).stage_code
    offers.mark_won(ctx, offer_id=info.id, move_stage_to="leverage", reason="签约")
    revert_state(ctx, offer_id=info.id, version_no=1, from_state="won", to_state="sent",
                 stage_back=("leverage", before))
    assert state(ctx, info.id) == ("sent", True)
    assert customers.get_customer(ctx, customer_id=customer.id).stage_code == before
    history = stages.stage_history(ctx, customer_id=customer.id)
    assert [(h.to_code, h.reason) for h in history][-2:] == [("leverage", "签约"), (before, "undone")]


def test_a_change_made_meanwhile_is_kept(ctx: Context, customer, lead: Context) -> None:
    info = offers.create_offer(ctx, customer_id=customer.id, title="方案", offer=PLAIN, today=TODAY)
    offers.mark_sent(ctx, offer_id=info.id)
    offers.mark_lost(ctx, offer_id=info.id, move_stage_to="prospect")
    stages.move_stage(ctx, customer_id=customer.id, to_code="approach", reason="又约上了",
                      expected_version=customers.get_customer(ctx, customer_id=customer.id).version)
    with pytest.raises(StaleEditError):  # the customer moved on: the stage is not put back
        revert_state(ctx, offer_id=info.id, version_no=1, from_state="lost", to_state="sent",
                     stage_back=("prospect", "target_market"))
    assert state(ctx, info.id) == ("lost", True)  # nothing half-done
    with pytest.raises(StaleEditError):  # the offer is not in the state the undo expects
        revert_state(ctx, offer_id=info.id, version_no=1, from_state="won", to_state="sent")
    with pytest.raises(ValidationError):  # not a change an undo can take back
        revert_state(ctx, offer_id=info.id, version_no=1, from_state="lost", to_state="draft")


def test_sent_is_not_taken_back_once_its_proposal_was_produced(ctx: Context, customer) -> None:
    from workbench.services import proposals

    info = offers.create_offer(ctx, customer_id=customer.id, title="方案", offer=PLAIN, today=TODAY)
    offers.mark_sent(ctx, offer_id=info.id)
    proposals.produce_proposal(ctx, offer_id=info.id, today=TODAY)
    with pytest.raises(ValidationError) as refused:
        revert_state(ctx, offer_id=info.id, version_no=1, from_state="sent", to_state="draft")
    assert refused.value.errors[0].field == "state" and "revise" in refused.value.errors[0].en
    assert state(ctx, info.id) == ("sent", True)
