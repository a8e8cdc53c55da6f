"""The dashboard's figures: one read, every figure aggregated in SQL.

For the user's own customers (``owner_id``) or, when it is None, the whole team's:

- the pipeline funnel: live customers per stage, with their open offers (draft, awaiting
  approval, approved, rejected or sent: not yet won or lost) and those offers' value;
- visits per week (Monday to Sunday) for the last ``WEEKS`` weeks, this week last: the
  visits the user logged (a visit's ``owner_id``), or the whole team's;
- offers by state with their value, and the win rate (won / (won + lost), all time);
- open follow-ups overdue and due today, with how many customers they are at;
- customers going quiet: no visit in ``quiet_days`` days (or none ever), by value grade,
  and the most valuable of them, the longest silent first.

An offer's value is its current version's total over the term, as priced
(``quote_json`` ``totals.over_term``, a decimal string); SQL sums it in whole fen (exact
integers), never as floats of yuan. Every figure says which customers are behind it as a
:class:`workbench.store.search.Filters` (``filters_for``), so the screen opens the customer
list filtered to exactly them.

Every figure is read from an index (migration 0008), never from the wide rows: one scan of
``ix_customers_dashboard`` (stage, grade, last visit and next follow-up of the live
customers, one GROUP BY), a count over a range of ``ix_visits_live_occurred`` per week, the
open follow-ups of the customers whose next one is due, and the offers (few). SQLite has no
statistics on a user's store, so the plans name their index (``INDEXED BY``); the benchmark
(``python -m benchmarks dashboard``) times the whole call on the 100,000-customer store.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from workbench.services.context import Context
from workbench.store import models as m
from workbench.store.search import Filters

#: Weeks of visits shown (this week and the ones before it).
WEEKS = 12
#: Default silence after which a customer counts as going quiet.
QUIET_DAYS = 60
#: How many quiet customers are listed by name.
QUIET_LISTED = 12
#: Offer states that are still open (not won or lost), in the order the screen shows states.
OPEN_STATES = ("draft", "needs_approval", "approved", "rejected", "sent")
OFFER_STATES = (*OPEN_STATES, "won", "lost")
#: Value grades, most valuable first; None (no grade) comes last.
GRADES = ("A", "B", "C", "D")

_FEN = Decimal("0.01")


@dataclass(frozen=True, slots=True)
class StageFigure:
    code: str
    customers: int
    open_offers: int
    open_value: Decimal


@dataclass(frozen=True, slots=True)
class WeekFigure:
    start: date  # a Monday
    visits: int

    @property
    def end(self) -> date:
        """The Monday after (exclusive)."""
        return self.start + timedelta(days=7)


@dataclass(frozen=True, slots=True)
class OfferStateFigure:
    state: str
    offers: int
    value: Decimal


@dataclass(frozen=True, slots=True)
class FollowUpFigure:
    follow_ups: int  # open follow-ups (visits)
    customers: int  # the customers they are at (as the customer list counts them)


@dataclass(frozen=True, slots=True)
class QuietCustomer:
    customer_id: str
    name: str
    value_grade: str | None
    stage_code: str
    last_visit: date | None  # None: never visited
    days_quiet: int | None


@dataclass(frozen=True, slots=True)
class Dashboard:
    today: date
    owner_id: str | None
    quiet_days: int
    customers: int
    stages: tuple[StageFigure, ...]  # every stage of ``stage_codes``, in that order
    weeks: tuple[WeekFigure, ...]  # oldest first
    offer_states: tuple[OfferStateFigure, ...]  # OFFER_STATES order
    overdue: FollowUpFigure
    due_today: FollowUpFigure
    quiet_by_grade: tuple[tuple[str | None, int], ...]  # GRADES order, then None
    quiet: tuple[QuietCustomer, ...]

    def offers_in(self, state: str) -> OfferStateFigure:
        return next(f for f in self.offer_states if f.state == state)

    @property
    def win_rate(self) -> float | None:
        """Won of decided (won + lost), 0..1; None before any offer was decided."""
        won, lost = self.offers_in("won").offers, self.offers_in("lost").offers
        return won / (won + lost) if won + lost else None

    @property
    def quiet_total(self) -> int:
        return sum(n for _, n in self.quiet_by_grade)

    # --- the list behind each figure ---------------------------------------------------------
    def stage_filters(self, code: str) -> Filters:
        return Filters(owner_id=self.owner_id, stage_code=code)

    def week_filters(self, week: WeekFigure) -> Filters:
        return Filters(visited_by=self.owner_id, visited_from=week.start, visited_to=week.end)

    def offer_filters(self, state: str) -> Filters:
        return Filters(owner_id=self.owner_id, offer_states=(state,))

    def open_offer_filters(self) -> Filters:
        """Customers with an offer still open (the funnel's open offers)."""
        return Filters(owner_id=self.owner_id, offer_states=OPEN_STATES)

    def decided_offer_filters(self) -> Filters:
        """Customers with an offer won or lost (behind the win rate)."""
        return Filters(owner_id=self.owner_id, offer_states=("won", "lost"))

    def overdue_filters(self) -> Filters:
        return Filters(owner_id=self.owner_id, follow_up_due_on=self.today - timedelta(days=1))

    def due_today_filters(self) -> Filters:
        return Filters(owner_id=self.owner_id, follow_up_due_on=self.today, follow_up_from=self.today)

    def quiet_filters(self, grade: str | None = None, *, ungraded: bool = False) -> Filters:
        """Quiet customers of one grade (``None``: of every grade; ``ungraded``: of none)."""
        return Filters(owner_id=self.owner_id, value_grade=None if ungraded else grade, ungraded=ungraded,
                       quiet_before=self.today - timedelta(days=self.quiet_days))


def week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _fen_to_yuan(fen: int | None) -> Decimal:
    return (Decimal(fen or 0) / 100).quantize(_FEN)


# The queries are SQL text: they name their index (``INDEXED BY``), which SQLAlchemy's
# SQLite dialect cannot say. With no statistics on a user's store SQLite would rather take
# ``deleted = ?`` of ix_customers_sort and read every wide row of the table. Dates are
# compared as the store writes them (ISO text): a date sorts before every time of its day,
# as in the customer list's filters (store.search.Filters), so both count the same rows.

def _owner(column: str, owner_id: str | None) -> str:
    return f" AND {column} = :owner" if owner_id is not None else ""


def _customers_pass(s: Session, p: dict[str, Any]) -> tuple[dict[str, int], dict[str | None, int], int, int]:
    """One scan of ix_customers_dashboard: per stage, quiet per grade, follow-up customers."""
    rows = s.execute(text(
        "SELECT stage_code, value_grade, count(*),"
        " sum(last_visit_at IS NULL OR last_visit_at < :quiet_before),"
        " sum(next_follow_up < :today), sum(next_follow_up = :today)"
        " FROM customers INDEXED BY ix_customers_dashboard"
        f" WHERE deleted = 0{_owner('owner_id', p['owner'])} GROUP BY stage_code, value_grade"), p)
    stages: dict[str, int] = {}
    grades: dict[str | None, int] = {}
    overdue = due = 0
    for stage, grade, n, n_quiet, n_overdue, n_due in rows:
        stages[stage] = stages.get(stage, 0) + n
        grades[grade] = grades.get(grade, 0) + (n_quiet or 0)
        overdue += n_overdue or 0
        due += n_due or 0
    return stages, grades, overdue, due


def _offers(s: Session, p: dict[str, Any]) -> list[tuple[str, str, int, int]]:
    """(customer stage, offer state, offers, value in fen) of live offers of live customers.

    Offers lead (CROSS JOIN keeps SQLite's join order): they are few beside the customers,
    each reached by its id. The value is the current version's total over the term, a
    decimal string, summed as whole fen."""
    rows = s.execute(text(
        "SELECT c.stage_code, o.state, count(*),"
        " sum(coalesce(CAST(round((SELECT json_extract(v.quote_json, '$.totals.over_term') FROM offer_versions v"
        "   WHERE v.offer_id = o.id AND v.version_no = o.current_version AND v.deleted = 0"
        "   ORDER BY v.updated_at DESC LIMIT 1) * 100) AS INTEGER), 0))"
        " FROM offers o CROSS JOIN customers c"
        f" WHERE c.id = o.customer_id AND o.deleted = 0 AND c.deleted = 0{_owner('c.owner_id', p['owner'])}"
        " GROUP BY c.stage_code, o.state"), p)
    return [(stage, state, n, fen or 0) for stage, state, n, fen in rows]


def _visits_in(s: Session, p: dict[str, Any], start: date, end: date) -> int:
    """Live visits of live customers in [start, end), logged by the owner when given: a count
    over a range of ix_visits_live_occurred, the (few) deleted customers' visits left out."""
    return s.scalar(text(  # type: ignore[no-any-return]
        "SELECT count(*) FROM visits INDEXED BY ix_visits_live_occurred"
        " WHERE deleted = 0 AND occurred_at >= :start AND occurred_at < :end"
        f"{_owner('owner_id', p['owner'])}"
        " AND customer_id NOT IN (SELECT id FROM customers WHERE deleted = 1)"),
        {**p, "start": start.isoformat(), "end": end.isoformat()}) or 0


_DUE = "SELECT sum(v.follow_up_date < :today), sum(v.follow_up_date = :today)"
# ``= 0`` as written: SQLite uses a partial index only when the query repeats its terms.
_OPEN = "v.follow_up_done = 0 AND v.deleted = 0 AND v.follow_up_date <= :today"


def _open_follow_ups(s: Session, p: dict[str, Any]) -> tuple[int, int]:
    """Open follow-ups dated before today, and today.

    The team's: a count over a range of the open-follow-up index by date (no row read),
    less those of the (few) deleted customers. An owner's: the partial index by customer,
    for the customers whose next follow-up (the earliest open one) is due, listed from
    ix_customers_dashboard."""
    if p["owner"] is None:
        every = s.execute(text(f"{_DUE} FROM visits v INDEXED BY ix_visits_follow_up WHERE {_OPEN}"), p).one()
        gone = s.execute(text(
            f"{_DUE} FROM customers c INDEXED BY ix_customers_sort"
            " CROSS JOIN visits v INDEXED BY ix_visits_customer_open_follow_up"
            f" WHERE c.deleted = 1 AND v.customer_id = c.id AND {_OPEN}"), p).one()
        return (every[0] or 0) - (gone[0] or 0), (every[1] or 0) - (gone[1] or 0)
    row = s.execute(text(
        f"{_DUE} FROM visits v INDEXED BY ix_visits_customer_open_follow_up WHERE {_OPEN} AND v.customer_id IN"
        " (SELECT id FROM customers INDEXED BY ix_customers_dashboard"
        "  WHERE deleted = 0 AND owner_id = :owner AND next_follow_up <= :today)"), p).one()
    return row[0] or 0, row[1] or 0


_GRADE_ORDER = "CASE value_grade " + " ".join(f"WHEN '{g}' THEN {i}" for i, g in enumerate(GRADES)) + \
    f" ELSE {len(GRADES)} END, last_visit_at IS NOT NULL, last_visit_at, num"


def _quiet_list(s: Session, p: dict[str, Any], today: date) -> list[QuietCustomer]:
    """The quiet customers of the best grades, the longest silent (never visited first):
    ordered on the index alone, then only those rows read."""
    rows = s.execute(text(
        "SELECT id, name, value_grade, stage_code, last_visit_at FROM customers WHERE num IN"
        " (SELECT num FROM customers INDEXED BY ix_customers_dashboard"
        f"  WHERE deleted = 0{_owner('owner_id', p['owner'])}"
        "   AND (last_visit_at IS NULL OR last_visit_at < :quiet_before)"
        f"  ORDER BY {_GRADE_ORDER} LIMIT :limit)"
        f" ORDER BY {_GRADE_ORDER}"), p)
    out = []
    for cid, name, grade, stage, last_at in rows:
        last = date.fromisoformat(last_at[:10]) if last_at else None
        out.append(QuietCustomer(customer_id=cid, name=name, value_grade=grade, stage_code=stage,
                                 last_visit=last, days_quiet=(today - last).days if last else None))
    return out


def dashboard(ctx: Context, *, today: date, owner_id: str | None, stage_codes: Sequence[str] | None = None,
              quiet_days: int = QUIET_DAYS, weeks: int = WEEKS, quiet_listed: int = QUIET_LISTED) -> Dashboard:
    """Every figure of the dashboard, from one consistent snapshot of the store; the funnel
    in the order of ``stage_codes`` (default: the active stages' order)."""
    quiet_days = max(quiet_days, 1)
    quiet_before = today - timedelta(days=quiet_days)
    first = week_start(today) - timedelta(days=7 * (weeks - 1))
    starts = [first + timedelta(days=7 * i) for i in range(weeks)]
    p: dict[str, Any] = {"owner": owner_id, "today": today.isoformat(), "quiet_before": quiet_before.isoformat(),
                         "limit": quiet_listed}
    with ctx.store.read() as s:
        if stage_codes is None:
            stage_codes = list(s.scalars(select(m.StageDef.code).where(m.StageDef.active.is_(True))
                                         .order_by(m.StageDef.position)))
        per_stage, quiet, overdue_customers, due_customers = _customers_pass(s, p)
        offers = _offers(s, p)
        visits = [_visits_in(s, p, day, day + timedelta(days=7)) for day in starts]
        overdue, due = _open_follow_ups(s, p)
        quiet_list = _quiet_list(s, p, today)
    open_by_stage: dict[str, list[int]] = {}
    by_state: dict[str, list[int]] = {}
    for stage, state, n, fen in offers:
        if state in OPEN_STATES:
            acc = open_by_stage.setdefault(stage, [0, 0])
            acc[0] += n
            acc[1] += fen
        acc = by_state.setdefault(state, [0, 0])
        acc[0] += n
        acc[1] += fen
    codes = list(stage_codes) + sorted(set(per_stage) - set(stage_codes))  # a stage retired since
    return Dashboard(
        today=today, owner_id=owner_id, quiet_days=quiet_days, customers=sum(per_stage.values()),
        stages=tuple(StageFigure(code, per_stage.get(code, 0), open_by_stage.get(code, [0, 0])[0],
                                 _fen_to_yuan(open_by_stage.get(code, [0, 0])[1])) for code in codes),
        weeks=tuple(WeekFigure(day, n) for day, n in zip(starts, visits, strict=True)),
        offer_states=tuple(OfferStateFigure(st, by_state.get(st, [0, 0])[0], _fen_to_yuan(by_state.get(st, [0, 0])[1]))
                           for st in OFFER_STATES),
        overdue=FollowUpFigure(overdue, overdue_customers), due_today=FollowUpFigure(due, due_customers),
        quiet_by_grade=tuple((g, quiet.get(g, 0)) for g in (*GRADES, None)),
        quiet=tuple(quiet_list),
    )
