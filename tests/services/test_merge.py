"""Merging duplicate customers (one credit code created on two laptops) and settling an edit
that raced a delete: through a real team, a real server (SQLite, in process) and real syncs,
nothing of either customer is lost and every laptop ends with one live customer."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from tests.sync.conftest import make_team  # noqa: F401 - the fixture
from tests.sync.team import Laptop, Team, edit_races_delete, snapshot
from workbench.domain.credit_code import generate_credit_code
from workbench.domain.errors import ValidationError
from workbench.services import contacts, customers, merge, offers, stages, visits
from workbench.services.changes import collecting
from workbench.store import models as m

CODE = generate_credit_code(random.Random(11))
OFFER = {"lines": [{"product": "MOB-58", "quantity": 10}]}
TODAY = date(2026, 11, 24)


@pytest.fixture
def team(make_team: Callable[..., Team], tmp_path: Path) -> Team:  # noqa: F811 - make_team is a fixture
    return make_team(f"sqlite:///{tmp_path / 'server.sqlite'}")


def _fill(laptop: Laptop, *, name: str, contact: str, region: str | None = None,
          notes: str | None = None) -> str:
    values = {"name": name, "industry_code": "banking", "shared": True, "credit_code": CODE}
    values |= {k: v for k, v in (("region", region), ("notes", notes)) if v is not None}
    c = customers.create_customer(laptop.ctx, values=values)
    k = contacts.add_contact(laptop.ctx, customer_id=c.id, values={"name": contact, "mobile": "13800138000"})
    visits.log_visit(laptop.ctx, customer_id=c.id, move_to_stage="approach", values={
        "occurred_at": datetime(2026, 11, 20, 9, 30), "kind": "onsite", "contact_ids": [k.id],
        "follow_up_date": date(2026, 12, 1)})
    offers.create_offer(laptop.ctx, customer_id=c.id, title=f"{contact}的方案", offer=OFFER, today=TODAY)
    return c.id


def duplicated(team: Team) -> tuple[Laptop, Laptop, str, str]:
    """Two managers create one bank offline (same credit code), each with a contact, a visit
    that moved the stage and an offer; both sync: the second push makes the conflict."""
    a, b = team.laptop("王经理"), team.laptop("李经理")
    first = _fill(a, name="中国工商银行杭州西湖支行", contact="王喆", notes="甲的备注")
    second = _fill(b, name="工商银行西湖支行", contact="李堃", region="西湖区", notes="乙的备注")
    for laptop in (a, b, a):
        assert laptop.sync().refused == 0
    return a, b, first, second


def _live(laptop: Laptop, model: type, customer_id: str | None = None) -> int:
    with laptop.store.read() as s:
        q = select(func.count()).select_from(model).where(model.deleted.is_(False))  # type: ignore[attr-defined]
        if customer_id is not None:
            q = q.where(model.customer_id == customer_id)  # type: ignore[attr-defined]
        return int(s.scalar(q) or 0)


def test_the_duplicate_reads_as_two_customers_with_what_they_hold(team: Team) -> None:
    a, b, first, second = duplicated(team)
    for laptop in (a, b):
        [line] = merge.describe_conflicts(laptop.ctx)
        assert line.kind == "duplicate_customer" and line.mergeable
        assert line.kept.customer is not None and line.other.customer is not None
        assert (line.kept.customer.id, line.other.customer.id) == (first, second)  # the first holds the code
        assert (line.kept.customer.contacts, line.kept.customer.visits, line.kept.customer.offers) == (1, 1, 1)
        assert (line.kept.by, line.other.by) == ("王经理", "李经理")
        assert line.customer_name == "工商银行西湖支行"


def test_a_merge_keeps_everything_of_both_and_syncs_to_every_laptop(team: Team) -> None:
    a, b, first, second = duplicated(team)
    tables = (m.Contact, m.Visit, m.Offer)
    before = {t: _live(b, t) for t in tables}
    assert before == {m.Contact: 2, m.Visit: 2, m.Offer: 2}
    history = (_live(b, m.StageEvent, first), _live(b, m.StageEvent, second))
    [line] = merge.describe_conflicts(b.ctx)

    with collecting() as got:
        kept = merge.merge_customers(b.ctx, keep_id=first, other_id=second, conflict_id=line.id)
    assert got.changes.touches("customers", "contacts", "visits", "offers", "conflicts")
    assert {first, second} <= got.changes.customers
    assert kept.id == first
    assert (kept.region, kept.name) == ("西湖区", "中国工商银行杭州西湖支行")  # empty field filled, name kept
    assert kept.notes == "甲的备注\n\n乙的备注"

    for laptop in (b, a, b):
        assert laptop.sync().refused == 0
    for laptop in (a, b):
        assert {t: _live(laptop, t) for t in tables} == before  # nothing lost...
        assert {t: _live(laptop, t, first) for t in tables} == before  # ...all on the kept one
        assert _live(laptop, m.StageEvent, first) == sum(history)
        assert _live(laptop, m.StageEvent, second) == 0
        with laptop.store.read() as s:
            live = s.scalars(select(m.Customer.id).where(m.Customer.credit_code == CODE,
                                                         m.Customer.deleted.is_(False))).all()
            assert live == [first]
            assert s.scalar(select(m.Customer.next_follow_up).where(m.Customer.id == first)) == date(2026, 12, 1)
        assert merge.describe_conflicts(laptop.ctx) == []
        [done] = merge.describe_conflicts(laptop.ctx, status="resolved")
        assert done.resolution == {"merge": {"keep": first, "other": second}}
        assert done.resolved_by == "李经理"
        names = {c.name for c in contacts.list_contacts(laptop.ctx, customer_id=first)}
        assert names == {"王喆", "李堃"}
        assert len(stages.stage_history(laptop.ctx, customer_id=first)) == sum(history)
    assert snapshot(a.store) == snapshot(b.store)


def test_merging_the_other_way_keeps_the_second(team: Team) -> None:
    a, b, first, second = duplicated(team)
    [line] = merge.describe_conflicts(a.ctx)
    merge.merge_customers(a.ctx, keep_id=second, other_id=first, conflict_id=line.id)
    for laptop in (a, b):
        assert laptop.sync().refused == 0
    for laptop in (a, b):
        assert {t: _live(laptop, t, second) for t in (m.Contact, m.Visit, m.Offer)} == {
            m.Contact: 2, m.Visit: 2, m.Offer: 2}
        assert customers.get_customer(laptop.ctx, customer_id=second).notes == "乙的备注\n\n甲的备注"


def test_a_merge_is_refused_whole_for_other_customers_or_twice(team: Team) -> None:
    a, b, first, second = duplicated(team)
    [line] = merge.describe_conflicts(b.ctx)
    stranger = customers.create_customer(b.ctx, values={"name": "杭州市第一人民医院", "industry_code": "healthcare"})
    with pytest.raises(ValidationError):
        merge.merge_customers(b.ctx, keep_id=first, other_id=stranger.id, conflict_id=line.id)
    assert _live(b, m.Contact, second) == 1  # nothing moved
    merge.merge_customers(b.ctx, keep_id=first, other_id=second, conflict_id=line.id)
    with pytest.raises(ValidationError):
        merge.merge_customers(b.ctx, keep_id=first, other_id=second, conflict_id=line.id)


def test_accepting_the_delete_of_an_edit_delete_conflict(team: Team) -> None:
    a, b, cid, _ = edit_races_delete(team, {"name": "中国银行杭州分行", "industry_code": "banking", "shared": True})
    [line] = merge.describe_conflicts(b.ctx)
    assert (line.kind, line.record_name, line.kept.value, line.other.value) == ("edit_delete", "王喆", False, True)
    merge.accept_delete(b.ctx, conflict_id=line.id)
    for laptop in (b, a):
        laptop.sync()
    for laptop in (a, b):
        assert contacts.list_contacts(laptop.ctx, customer_id=cid) == []
        assert merge.describe_conflicts(laptop.ctx) == []
