"""The dashboard's figures (services/dashboard.py) against SQL written independently here.

Two stores: one built through the services with known data (owners, stages, grades, visits
in chosen weeks, follow-ups, offers in every state, a deleted customer and a deleted visit
that must count nowhere), and the generated demo store (real volumes, mixed data). Each
figure is also opened as the customer list behind it (``*_filters``), which must hold
exactly the customers the figure counts.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import update

from workbench.services import customers, dashboard, offers, stages, visits
from workbench.services.context import Context
from workbench.services.search import matching_nums
from workbench.services.users import create_user, user_context
from workbench.services.visits import refresh_derived
from workbench.store import models as m
from workbench.store.engine import open_store

TODAY = date(2026, 12, 2)  # a Wednesday
MONDAY = date(2026, 11, 30)


def one_line(percent: str = "0", quantity: int = 10) -> dict[str, Any]:
    return {"customer": {"industry": "banking"},
            "lines": [{"product": "MOB-58", "quantity": quantity, "term_months": 12,
                       "manual_discount_percent": percent}]}


def at(day: date, hour: int = 10) -> datetime:
    return datetime(day.year, day.month, day.day, hour, 0)


class Known:
    """What the hand-built store holds, as the test wrote it."""

    def __init__(self, ctx: Context) -> None:
        self.me = ctx
        self.colleague = Context(ctx.store, create_user(ctx.store, name="王芳", role="manager").id)
        mk = self._customer
        self.a1 = mk(ctx, "杭州银行西湖支行", "A", "approach")
        self.a2 = mk(ctx, "浙江省人民医院", "A", "build")
        self.b1 = mk(ctx, "杭州海关", "B", "approach")
        self.c1 = mk(ctx, "西湖区教育局", "C", "prospect")
        self.n1 = mk(ctx, "未分级的公司", None, "target_market")
        self.x1 = mk(self.colleague, "宁波港集团", "A", "approach")
        self.gone = mk(ctx, "已删除的客户", "A", "approach")
        v = self._visit
        v(ctx, self.a1, MONDAY - timedelta(days=7), follow_up=TODAY - timedelta(days=3))  # last week, overdue
        v(ctx, self.a1, MONDAY)  # this week
        v(ctx, self.a2, MONDAY - timedelta(days=70))  # quiet (60 days)
        v(ctx, self.b1, TODAY, follow_up=TODAY)  # this week, due today
        v(ctx, self.b1, MONDAY - timedelta(days=14), follow_up=TODAY - timedelta(days=1))  # overdue too
        v(self.colleague, self.b1, MONDAY - timedelta(days=14))  # a colleague's visit at my customer
        v(self.colleague, self.x1, MONDAY - timedelta(days=7), follow_up=TODAY - timedelta(days=2))
        v(ctx, self.c1, MONDAY - timedelta(days=7 * 11))  # the oldest week shown
        v(ctx, self.c1, MONDAY - timedelta(days=7 * 12))  # one week too old
        v(ctx, self.gone, MONDAY, follow_up=TODAY - timedelta(days=1))  # counts nowhere
        dropped = v(ctx, self.c1, MONDAY)  # deleted below: counts nowhere
        self.offers: list[tuple[str, str, Decimal]] = []
        self._offer(ctx, self.a1, "draft")
        self._offer(ctx, self.a1, "sent", quantity=20)
        self._offer(ctx, self.b1, "won")
        self._offer(ctx, self.b1, "lost")
        self._offer(ctx, self.c1, "won", quantity=3)
        self._offer(self.colleague, self.x1, "sent")
        self._offer(ctx, self.gone, "sent")
        customers.delete_customer(ctx, customer_id=self.gone)
        with ctx.store.write() as s:  # a tombstone, as a pull from the server applies it
            s.execute(update(m.Visit).where(m.Visit.id == dropped).values(deleted=True))
            refresh_derived(s, customers.load(s, self.c1))

    def value(self, cid: str, *states: str) -> Decimal:
        return sum((v for c, st, v in self.offers if c == cid and st in states), Decimal(0))

    @staticmethod
    def _customer(ctx: Context, name: str, grade: str | None, stage: str) -> str:
        cid = customers.create_customer(ctx, values={"name": name, "industry_code": "banking",
                                                     "value_grade": grade}).id
        stages.move_stage(ctx, customer_id=cid, to_code=stage)
        return cid

    @staticmethod
    def _visit(ctx: Context, cid: str, day: date, follow_up: date | None = None) -> str:
        values: dict[str, Any] = {"occurred_at": at(day), "kind": "onsite", "follow_up_date": follow_up}
        return visits.log_visit(ctx, customer_id=cid, values=values).id

    def _offer(self, ctx: Context, cid: str, state: str, quantity: int = 10) -> None:
        info = offers.create_offer(ctx, customer_id=cid, title="方案", offer=one_line(quantity=quantity), today=TODAY)
        if state != "draft":
            offers.mark_sent(ctx, offer_id=info.id)
        if state == "won":
            offers.mark_won(ctx, offer_id=info.id)
        elif state == "lost":
            offers.mark_lost(ctx, offer_id=info.id)
        self.offers.append((cid, state, info.term_total))


@pytest.fixture
def known(ctx: Context) -> Known:
    return Known(ctx)


# --- independent SQL -------------------------------------------------------------------------

def _rows(path: Path, sql: str, *params: object) -> list[tuple[Any, ...]]:
    con = sqlite3.connect(path)
    try:
        return con.execute(sql, params).fetchall()
    finally:
        con.close()


def live_customers(path: Path, owner: str | None) -> list[tuple[Any, ...]]:
    """(id, stage, grade, last visit day or None, earliest open follow-up or None), derived
    from the visits themselves, not from the derived columns the service reads."""
    rows = _rows(path, "SELECT id, stage_code, value_grade, owner_id FROM customers WHERE deleted = 0")
    visits_of: dict[str, list[tuple[str, str | None, int]]] = {}
    for cid, occurred, follow, done in _rows(
            path, "SELECT customer_id, occurred_at, follow_up_date, follow_up_done FROM visits WHERE deleted = 0"):
        visits_of.setdefault(cid, []).append((occurred, follow, done))
    out = []
    for cid, stage, grade, who in rows:
        if owner is not None and who != owner:
            continue
        vs = visits_of.get(cid, [])
        last = max((date.fromisoformat(o[:10]) for o, _, _ in vs), default=None)
        open_dates = [date.fromisoformat(f) for _, f, done in vs if f and not done]
        out.append((cid, stage, grade, last, min(open_dates, default=None)))
    return out


def expected_visits_per_week(path: Path, owner: str | None, first: date, weeks: int) -> list[int]:
    counts: Counter[date] = Counter()
    live = {r[0] for r in _rows(path, "SELECT id FROM customers WHERE deleted = 0")}
    for cid, occurred, who in _rows(path, "SELECT customer_id, occurred_at, owner_id FROM visits WHERE deleted = 0"):
        day = date.fromisoformat(occurred[:10])
        if cid in live and (owner is None or who == owner):
            counts[day - timedelta(days=day.weekday())] += 1
    return [counts[first + timedelta(days=7 * i)] for i in range(weeks)]


def expected_offers(path: Path, owner: str | None) -> dict[str, tuple[int, Decimal, set[str]]]:
    """state -> (offers, value of the current versions, customers)."""
    import json

    out: dict[str, tuple[int, Decimal, set[str]]] = {}
    for state, cid, quote in _rows(
            path, "SELECT o.state, o.customer_id, v.quote_json FROM offers o JOIN customers c ON c.id = o.customer_id"
            " LEFT JOIN offer_versions v ON v.offer_id = o.id AND v.version_no = o.current_version"
            " WHERE o.deleted = 0 AND c.deleted = 0" + (" AND c.owner_id = ?" if owner else ""),
            *([owner] if owner else [])):
        value = Decimal(json.loads(quote)["totals"]["over_term"]) if quote else Decimal(0)
        n, total, who = out.get(state, (0, Decimal(0), set()))
        out[state] = (n + 1, total + value, who | {cid})
    return out


def check_against_sql(ctx: Context, owner: str | None, today: date) -> dashboard.Dashboard:
    d = dashboard.dashboard(ctx, today=today, owner_id=owner)
    path = ctx.store.path
    live = live_customers(path, owner)
    assert d.customers == len(live)
    assert {f.code: f.customers for f in d.stages if f.customers} == dict(Counter(r[1] for r in live))
    cut = today - timedelta(days=d.quiet_days)
    quiet = Counter(r[2] for r in live if r[3] is None or r[3] < cut)
    assert dict(d.quiet_by_grade) == {g: quiet.get(g, 0) for g in (*dashboard.GRADES, None)}
    assert d.overdue.customers == sum(1 for r in live if r[4] is not None and r[4] < today)
    assert d.due_today.customers == sum(1 for r in live if r[4] == today)
    ids = {r[0] for r in live}
    follow = [date.fromisoformat(f) for cid, f in _rows(
        path, "SELECT customer_id, follow_up_date FROM visits WHERE deleted = 0 AND follow_up_done = 0"
        " AND follow_up_date IS NOT NULL") if cid in ids]
    assert d.overdue.follow_ups == sum(1 for f in follow if f < today)
    assert d.due_today.follow_ups == sum(1 for f in follow if f == today)
    first = d.weeks[0].start
    assert first.weekday() == 0 and d.weeks[-1].start <= today < d.weeks[-1].end
    assert [w.visits for w in d.weeks] == expected_visits_per_week(path, owner, first, len(d.weeks))
    want = expected_offers(path, owner)
    for f in d.offer_states:
        n, value, _ = want.get(f.state, (0, Decimal(0), set()))
        assert (f.offers, f.value) == (n, value), f.state
    open_value = sum((want[s][1] for s in dashboard.OPEN_STATES if s in want), Decimal(0))
    assert sum((f.open_value for f in d.stages), Decimal(0)) == open_value
    quiet_ids = [q.customer_id for q in d.quiet]
    assert len(quiet_ids) == min(dashboard.QUIET_LISTED, sum(quiet.values()))
    grade_rank: dict[str | None, int] = {g: i for i, g in enumerate(dashboard.GRADES)}
    keys = [(grade_rank.get(q.value_grade, 9), q.last_visit is not None, q.last_visit or date.min) for q in d.quiet]
    assert keys == sorted(keys)
    return d


def list_count(ctx: Context, filters: Any) -> int:
    return len(matching_nums(ctx, query="", filters=filters))


# --- the hand-built store ---------------------------------------------------------------------

def test_known_figures_for_me(ctx: Context, known: Known) -> None:
    d = check_against_sql(ctx, ctx.user_id, TODAY)
    by_stage = {f.code: f for f in d.stages}
    assert by_stage["approach"].customers == 2 and by_stage["build"].customers == 1  # not the deleted one
    assert by_stage["approach"].open_offers == 2  # a1's draft and sent; b1's are closed
    assert by_stage["approach"].open_value == known.value(known.a1, "draft", "sent") > 0
    assert [w.visits for w in d.weeks[-3:]] == [1, 1, 2]  # b1 two weeks ago, a1 last week, this week a1 + b1
    assert d.weeks[0].visits == 1 and d.weeks[0].start == MONDAY - timedelta(days=7 * 11)
    assert (d.overdue.follow_ups, d.overdue.customers) == (2, 2)  # a1 and b1, not the deleted customer
    assert (d.due_today.follow_ups, d.due_today.customers) == (1, 0)  # b1's earliest open one is overdue
    assert (d.offers_in("won").offers, d.offers_in("lost").offers) == (2, 1)
    assert d.win_rate == pytest.approx(2 / 3)
    assert dict(d.quiet_by_grade) == {"A": 1, "B": 0, "C": 1, "D": 0, None: 1}  # a2 (70 days), c1, n1 (never)
    assert [q.customer_id for q in d.quiet] == [known.a2, known.c1, known.n1]
    assert d.quiet[0].days_quiet == (TODAY - (MONDAY - timedelta(days=70))).days


def test_known_figures_for_the_team(ctx: Context, known: Known) -> None:
    d = check_against_sql(ctx, None, TODAY)
    assert {f.code: f.customers for f in d.stages}["approach"] == 3  # x1, the colleague's, too
    sent = d.offers_in("sent")
    assert (sent.offers, sent.value) == (2, known.value(known.a1, "sent") + known.value(known.x1, "sent"))
    assert (d.overdue.follow_ups, d.overdue.customers) == (3, 3)
    assert [w.visits for w in d.weeks[-3:]] == [2, 2, 2]


def test_each_figure_opens_exactly_its_customers(ctx: Context, known: Known) -> None:
    for owner in (ctx.user_id, None):
        d = dashboard.dashboard(ctx, today=TODAY, owner_id=owner)
        for f in d.stages:
            assert list_count(ctx, d.stage_filters(f.code)) == f.customers, f.code
        for grade, n in d.quiet_by_grade:
            if grade is not None:
                assert list_count(ctx, d.quiet_filters(grade)) == n, grade
        assert list_count(ctx, d.quiet_filters()) == d.quiet_total
        assert list_count(ctx, d.quiet_filters(ungraded=True)) == dict(d.quiet_by_grade)[None]
        assert list_count(ctx, d.overdue_filters()) == d.overdue.customers
        assert list_count(ctx, d.due_today_filters()) == d.due_today.customers
        want = expected_offers(ctx.store.path, owner)
        for state in dashboard.OFFER_STATES:
            assert list_count(ctx, d.offer_filters(state)) == len(want.get(state, (0, 0, set()))[2]), state
        with_open = set().union(*(want[s][2] for s in dashboard.OPEN_STATES if s in want))
        assert list_count(ctx, d.open_offer_filters()) == len(with_open)
        decided = set().union(*(want[s][2] for s in ("won", "lost") if s in want))
        assert list_count(ctx, d.decided_offer_filters()) == len(decided)
    mine = dashboard.dashboard(ctx, today=TODAY, owner_id=ctx.user_id)
    this_week = mine.weeks[-1]
    assert list_count(ctx, mine.week_filters(this_week)) == 2  # a1 and b1 (c1's visit was deleted)
    two_ago = mine.weeks[-3]
    assert list_count(ctx, mine.week_filters(two_ago)) == 1  # b1: my visit there, the colleague's not counted twice


def test_an_empty_store_has_zeros_and_no_win_rate(ctx: Context) -> None:
    d = dashboard.dashboard(ctx, today=TODAY, owner_id=None)
    assert d.customers == 0 and d.win_rate is None and d.quiet == ()
    assert len(d.weeks) == dashboard.WEEKS and all(w.visits == 0 for w in d.weeks)
    assert [f.code for f in d.stages] == [s.code for s in stages.list_stages(ctx)]


# --- the generated store ------------------------------------------------------------------------

@pytest.mark.parametrize("mine", [True, False])
def test_demo_store_figures_equal_sql(demo_store_path: Path, tmp_path: Path, mine: bool) -> None:
    import shutil

    path = tmp_path / "demo.sqlite"
    shutil.copy(demo_store_path, path)  # opening migrates: never the shared file
    store = open_store(path)
    try:
        ctx = user_context(store)
        last = _rows(path, "SELECT max(occurred_at) FROM visits")[0][0]
        today = date.fromisoformat(last[:10]) - timedelta(days=20)  # visits after "today" too
        owner = _rows(path, "SELECT owner_id FROM customers GROUP BY owner_id ORDER BY count(*) DESC")[0][0]
        d = check_against_sql(ctx, owner if mine else None, today)
        assert d.customers > 100 and sum(w.visits for w in d.weeks) > 100
        assert d.overdue.follow_ups > 0 and d.quiet_total > 0
        for f in d.stages[:3]:
            assert list_count(ctx, d.stage_filters(f.code)) == f.customers
        assert list_count(ctx, d.quiet_filters("A")) == dict(d.quiet_by_grade)["A"]
    finally:
        store.close()
