"""Handing a customer over (workbench/services/handover.py): the team lead or HQ only, to a
member of the lead's team; journaled so that it syncs."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from workbench.domain.errors import PermissionDenied, ValidationError
from workbench.services import customers, handover
from workbench.services.context import Context
from workbench.services.users import create_user
from workbench.store import models as m


def test_only_the_owners_lead_or_hq_hands_a_customer_over(ctx: Context) -> None:
    with ctx.store.write() as s:
        s.get(m.User, ctx.user_id).team = "西湖"  # type: ignore[union-attr]
    li = create_user(ctx.store, name="李经理", role="manager")
    lead = Context(ctx.store, create_user(ctx.store, name="赵主管", role="team_lead").id)
    outsider = create_user(ctx.store, name="钱经理", role="manager")
    other_lead = Context(ctx.store, create_user(ctx.store, name="孙主管", role="team_lead").id)
    hq = Context(ctx.store, create_user(ctx.store, name="总部", role="hq").id)
    with ctx.store.write() as s:
        for uid, team in ((li.id, "西湖"), (lead.user_id, "西湖"), (outsider.id, "拱墅"), (other_lead.user_id, "拱墅")):
            s.get(m.User, uid).team = team  # type: ignore[union-attr]
    c = customers.create_customer(ctx, values={"name": "西湖区人民医院", "industry_code": "healthcare"})

    with pytest.raises(PermissionDenied):
        handover.hand_over(ctx, customer_id=c.id, to_user_id=li.id)  # the owner, a manager
    with pytest.raises(PermissionDenied):
        handover.hand_over(other_lead, customer_id=c.id, to_user_id=outsider.id)  # another team's lead
    with pytest.raises(ValidationError) as err:
        handover.hand_over(lead, customer_id=c.id, to_user_id=outsider.id)
    assert err.value.fields == ("owner_id",)
    with pytest.raises(ValidationError):
        handover.hand_over(lead, customer_id=c.id, to_user_id="no-such-user")

    moved = handover.hand_over(lead, customer_id=c.id, to_user_id=li.id)
    assert moved.owner_id == li.id
    with ctx.store.read() as s:
        entry = s.scalars(select(m.JournalEntry).where(m.JournalEntry.table_name == "customers")
                          .order_by(m.JournalEntry.seq.desc())).first()
    assert entry is not None and "owner_id" in entry.fields
    assert handover.hand_over(hq, customer_id=c.id, to_user_id=outsider.id).owner_id == outsider.id
