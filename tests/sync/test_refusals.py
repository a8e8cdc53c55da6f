"""What the server refused stays in sight until the user acts: listed with the reason and the
customer it concerns; "send again" after a fix journals the record's current state anew and
the next sync applies it; "dismiss" keeps it, among the dismissed."""

from __future__ import annotations

from tests.sync.team import Laptop, Team
from workbench.services import customers, refusals, team_sync
from workbench.store import models as m

BANK = {"name": "中国工商银行杭州西湖支行", "industry_code": "banking", "shared": True}


def _refused_edit(team: Team) -> tuple[Laptop, Laptop, str]:
    """B edits a shared customer offline while its owner A makes it private: B's edit is
    refused (B may no longer see it)."""
    a, b = team.laptop("王经理"), team.laptop("李经理")
    c = customers.create_customer(a.ctx, values=BANK)
    a.sync()
    b.sync()
    customers.update_customer(a.ctx, customer_id=c.id, changes={"shared": False})
    a.sync()
    customers.update_customer(b.ctx, customer_id=c.id, changes={"notes": "乙的备注"})
    assert b.sync().refused == 1
    return a, b, c.id


def test_a_refusal_is_listed_fixed_and_sent_again(team: Team) -> None:
    a, b, cid = _refused_edit(team)
    [r] = refusals.list_refusals(b.ctx)
    assert (r.table, r.row_id, r.customer_id, r.customer_name) == ("customers", cid, cid, BANK["name"])
    assert r.code == "missing_row" and r.zh and r.en and r.fields == ("notes",)
    with b.store.read() as s:  # it left B's view: forgotten, the refusal still names it
        assert s.get(m.Customer, cid) is None
    assert team_sync.status(b.ctx).refused == 1

    customers.update_customer(a.ctx, customer_id=cid, changes={"shared": True})  # the fix: shared again
    a.sync()
    assert refusals.resend(b.ctx, seqs=[r.seq]) == 1
    assert refusals.list_refusals(b.ctx) == [] and team_sync.status(b.ctx).refused == 0
    [done] = refusals.list_refusals(b.ctx, include_done=True)
    assert done.status == "resent"  # nothing refused disappears
    assert b.sync().refused == 0
    a.sync()
    assert customers.get_customer(a.ctx, customer_id=cid).notes == "乙的备注"


def test_a_dismissed_refusal_is_kept_among_the_dismissed(team: Team) -> None:
    _, b, _ = _refused_edit(team)
    [r] = refusals.list_refusals(b.ctx)
    assert refusals.dismiss(b.ctx, seqs=[r.seq]) == 1
    assert refusals.list_refusals(b.ctx) == []
    assert [x.status for x in refusals.list_refusals(b.ctx, include_done=True)] == ["dismissed"]
