"""The morning agenda, on hand-made customers and visits around 2026-11-24 (a Tuesday)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from workbench.domain.enums import Role
from workbench.services import customers, visits
from workbench.services import today as today_service
from workbench.services.context import Context
from workbench.services.today import agenda
from workbench.services.users import create_user
from workbench.store import models as m

TODAY = date(2026, 11, 24)


def day(offset: int) -> date:
    return TODAY + timedelta(days=offset)


def customer(ctx: Context, name: str, **values: object) -> str:
    return customers.create_customer(ctx, values={"name": name, "industry_code": "healthcare", **values}).id


def visit(ctx: Context, customer_id: str, *, follow_up: int, visited: int | None = None,
          next_step: str | None = None) -> str:
    """A visit ``visited`` days from today (default: the follow-up day or earlier) with a follow-up."""
    when = day(min(follow_up, 0) - 3 if visited is None else visited)
    return visits.log_visit(ctx, customer_id=customer_id, values={
        "occurred_at": datetime.combine(when, datetime.min.time()).replace(hour=10), "kind": "onsite",
        "next_step": next_step, "follow_up_date": day(follow_up)}).id


@pytest.fixture(autouse=True, params=["owner_first", "date_first"])
def plan(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Every test runs both ways of reading an owner's agenda: they must agree."""
    if request.param == "date_first":
        monkeypatch.setattr(today_service, "OWNER_FIRST_MAX", 0)
    return str(request.param)


@pytest.fixture
def other(ctx: Context) -> Context:
    colleague = create_user(ctx.store, name="王磊", role=Role.MANAGER)
    return Context(ctx.store, colleague.id, colleague.name)


def mine(ctx: Context, **kw: object):  # noqa: ANN201
    return agenda(ctx, today=TODAY, owner_id=ctx.user_id, horizon_days=60, **kw)  # type: ignore[arg-type]


def test_due_lists_overdue_by_lateness_then_today_with_what_the_user_reads(ctx: Context) -> None:
    a, b, c = customer(ctx, "杭州市第一人民医院"), customer(ctx, "杭州海关"), customer(ctx, "浙江大学")
    v_today = visit(ctx, a, follow_up=0, visited=-2, next_step="送报价单")
    v_late3 = visit(ctx, b, follow_up=-3, visited=-10, next_step="约技术负责人演示")
    v_late10 = visit(ctx, c, follow_up=-10, visited=-20)
    got = mine(ctx)
    assert [f.visit_id for f in got.due] == [v_late10, v_late3, v_today]
    late3 = got.due[1]
    assert (late3.customer_id, late3.customer_name, late3.next_step) == (b, "杭州海关", "约技术负责人演示")
    assert (late3.visit_date, late3.follow_up_date, late3.days_overdue) == (day(-10), day(-3), 3)
    assert got.due[0].next_step is None and got.due[2].days_overdue == 0
    assert (got.counts.overdue, got.counts.due_today) == (2, 1) and got.due_total == 3


def test_planned_holds_the_next_seven_days_only(ctx: Context) -> None:
    a = customer(ctx, "杭州市第一人民医院")
    tomorrow = visit(ctx, a, follow_up=1, visited=0)
    week = visit(ctx, a, follow_up=7, visited=0)
    visit(ctx, a, follow_up=8, visited=0)  # beyond the week
    visit(ctx, a, follow_up=0, visited=0)  # due today: not planned
    got = mine(ctx)
    assert [f.visit_id for f in got.planned] == [tomorrow, week]
    assert [f.days_overdue for f in got.planned] == [-1, -7]
    assert got.counts.planned == 2 and len(got.due) == 1


def test_done_and_deleted_follow_ups_and_deleted_customers_are_left_out(ctx: Context) -> None:
    a, gone = customer(ctx, "杭州市第一人民医院"), customer(ctx, "已删除的客户")
    done = visit(ctx, a, follow_up=-1)
    visits.update_visit(ctx, visit_id=done, changes={"follow_up_done": True})
    deleted = visit(ctx, a, follow_up=-2)
    with ctx.store.write() as s:  # no service deletes a visit yet: a tombstone written by hand
        row = s.get(m.Visit, deleted)
        assert row is not None
        row.deleted = True
    visit(ctx, gone, follow_up=-1)
    customers.delete_customer(ctx, customer_id=gone)
    kept = visit(ctx, a, follow_up=0)
    visits.log_visit(ctx, customer_id=a, values={"occurred_at": datetime(2026, 11, 1, 9), "kind": "phone"})
    got = mine(ctx)
    assert [f.visit_id for f in got.due] == [kept]
    assert got.counts == got.counts.__class__(overdue=0, due_today=1, planned=0, contracts_ending=0)


def test_other_owners_customers_only_for_the_whole_team(ctx: Context, other: Context) -> None:
    a = customer(ctx, "杭州市第一人民医院", competitors="中国移动(专线)", competitor_contract_end=day(5))
    b = customer(other, "宁波市教育局", competitors="中国电信(宽带)", competitor_contract_end=day(3))
    mine_v = visit(ctx, a, follow_up=-1)
    theirs = visit(other, b, follow_up=-5)
    planned_theirs = visit(other, b, follow_up=2, visited=0)
    assert [f.visit_id for f in mine(ctx).due] == [mine_v]
    assert [c.customer_id for c in mine(ctx).contracts] == [a]
    assert mine(ctx).planned == ()
    team = agenda(ctx, today=TODAY, owner_id=None, horizon_days=60)
    assert [f.visit_id for f in team.due] == [theirs, mine_v]
    assert [f.visit_id for f in team.planned] == [planned_theirs]
    assert [c.customer_id for c in team.contracts] == [b, a]
    assert (team.counts.overdue, team.counts.planned, team.counts.contracts_ending) == (2, 1, 2)


def test_a_visit_logged_by_a_colleague_on_my_customer_is_mine(ctx: Context, other: Context) -> None:
    a = customer(ctx, "杭州市第一人民医院")
    v = visit(other, a, follow_up=0)
    assert [f.visit_id for f in mine(ctx).due] == [v]
    assert agenda(other, today=TODAY, owner_id=other.user_id, horizon_days=60).due == ()


def test_contracts_ending_within_the_horizon_soonest_first(ctx: Context) -> None:
    ids = {}
    for name, offset in [("末日", 60), ("今日到期", 0), ("太远", 61), ("已过期", -1), ("下周", 7)]:
        ids[name] = customer(ctx, name, competitors="中国移动(互联网专线), 中国电信(宽带)",
                             current_provider="mobile", competitor_contract_end=day(offset))
    customer(ctx, "无合同")
    got = mine(ctx)
    assert [c.customer_name for c in got.contracts] == ["今日到期", "下周", "末日"]
    first = got.contracts[0]
    assert (first.customer_id, first.days_left, first.contract_end) == (ids["今日到期"], 0, TODAY)
    assert (first.competitors, first.current_provider) == ("中国移动(互联网专线), 中国电信(宽带)", "mobile")
    assert got.counts.contracts_ending == 3
    assert [c.days_left for c in agenda(ctx, today=TODAY, owner_id=ctx.user_id, horizon_days=7).contracts] == [0, 7]


def test_limit_cuts_the_lists_and_says_which_counts_are_lower_bounds(ctx: Context, plan: str) -> None:
    a = customer(ctx, "杭州市第一人民医院", competitor_contract_end=day(3))
    for k in range(5):
        visit(ctx, a, follow_up=-k - 1)
    today = [visit(ctx, a, follow_up=0) for _ in range(3)]
    got = mine(ctx, limit=2)
    assert [f.days_overdue for f in got.due] == [5, 4, 0, 0]
    assert [f.visit_id for f in got.due[2:]] == today[:2]  # one day: in the order they were entered
    if plan == "owner_first":  # the owner's rows were all read: the counts are exact
        assert (got.counts.overdue, got.counts.due_today, got.counts.at_least) == (5, 3, frozenset())
    else:  # read date first and cut: "2+"
        assert (got.counts.overdue, got.counts.due_today) == (2, 2)
        assert got.counts.at_least == {"overdue", "due_today"}
    assert got.counts.contracts_ending == 1 and "contracts_ending" not in got.counts.at_least
    team = agenda(ctx, today=TODAY, owner_id=None, horizon_days=60, limit=2)
    assert team.counts.at_least == {"overdue", "due_today"} and len(team.due) == 4


def test_empty_store_gives_an_empty_agenda(ctx: Context) -> None:
    got = mine(ctx)
    assert (got.due, got.planned, got.contracts) == ((), (), ())
    assert got.counts == got.counts.__class__(0, 0, 0, 0)


def _plans(ctx: Context, owner_id: str | None) -> list[str]:
    from sqlalchemy import event

    plans: list[str] = []

    def explain(conn, cursor, statement, parameters, context, executemany):  # noqa: ANN001, ANN202
        if not statement.lstrip().upper().startswith("SELECT"):
            return
        raw = conn.connection.dbapi_connection
        plans.append(" | ".join(r[-1] for r in raw.execute("EXPLAIN QUERY PLAN " + statement, parameters)))

    event.listen(ctx.store.read_engine, "before_cursor_execute", explain)
    try:
        agenda(ctx, today=TODAY, owner_id=owner_id, horizon_days=60)
    finally:
        event.remove(ctx.store.read_engine, "before_cursor_execute", explain)
    return plans


def test_the_indexes_each_plan_walks(ctx: Context, plan: str) -> None:
    """SQLite, with no statistics, must lead with the index each plan is built on."""
    a = customer(ctx, "杭州市第一人民医院", competitor_contract_end=day(3))
    visit(ctx, a, follow_up=0)
    plans = _plans(ctx, ctx.user_id)
    if plan == "owner_first":
        assert len(plans) == 3, plans  # how many customers, then follow-ups, then contracts
        assert "ix_customers_owner" in plans[0]
        assert plans[1].startswith("SEARCH customers USING INDEX ix_customers_owner"), plans[1]
        assert "SEARCH visits USING INDEX ix_visits_customer" in plans[1], plans[1]
        assert plans[2].startswith("SEARCH customers USING INDEX ix_customers_owner"), plans[2]
    else:
        assert len(plans) == 5, plans
        for p in plans[1:4]:
            assert p.startswith("SEARCH visits USING INDEX ix_visits_follow_up"), p
            assert "customers USING INDEX sqlite_autoindex_customers_1 (id=?)" in p and "TEMP B-TREE" not in p, p
        assert plans[4].startswith("SEARCH customers USING INDEX ix_customers_contract_end"), plans[4]
        assert "TEMP B-TREE" not in plans[4], plans[4]
    team = _plans(ctx, None)
    assert len(team) == 4 and all("ix_customers_owner" not in p and "SCAN" not in p for p in team), team
