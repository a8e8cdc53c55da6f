"""The morning agenda: follow-ups due and overdue, follow-ups planned, competitor contracts ending.

One read, one snapshot, bounded work, so that it stays fast on a store holding a whole
team's 100,000 customers and a million visits. Two ways to find the rows:

- owner first (an owner of up to OWNER_FIRST_MAX customers, the usual case): walk the
  owner's customers (``ix_customers_owner``), keep those whose derived ``next_follow_up``
  (kept by :func:`workbench.services.visits.refresh_derived`) falls in the window, and read
  their visits (``ix_visits_customer``). The counts are exact.
- date first (the whole team, or an owner of more customers): walk the partial index
  ``ix_visits_follow_up`` (open follow-ups by date) or ``ix_customers_contract_end`` in date
  order, look the customer's owner up, and stop after ``limit + 1`` rows. A list that was
  cut gives a count that is only a lower bound (``counts.at_least``; the page shows "200+"):
  counting exactly would mean reading every open follow-up of the team.

Each way is right where the other is slow: date first on a team store for a user owning few
customers would skip the colleagues' rows, nearly all of them; owner first for an owner of
60,000 customers would read them all.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import ColumnElement, false, func, literal_column, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import UnaryExpression
from sqlalchemy.sql.operators import custom_op

from workbench.services.context import Context
from workbench.store import models as m

#: How far ahead the "planned" section looks (days after today).
PLANNED_DAYS = 7
#: Up to this many customers, an owner's agenda is read owner first (see the module doc).
OWNER_FIRST_MAX = 5000


@dataclass(frozen=True, slots=True)
class FollowUp:
    """An open follow-up of a visit. ``days_overdue`` is negative for one still to come."""

    visit_id: str
    visit_version: int
    customer_id: str
    customer_name: str
    visit_kind: str
    visit_date: date
    follow_up_date: date
    next_step: str | None
    days_overdue: int


@dataclass(frozen=True, slots=True)
class ContractEnd:
    """A customer whose contract with a competitor ends soon: an opportunity."""

    customer_id: str
    customer_name: str
    competitors: str | None
    current_provider: str | None
    contract_end: date
    days_left: int


@dataclass(frozen=True, slots=True)
class AgendaCounts:
    overdue: int
    due_today: int
    planned: int  # open follow-ups in the days after today (the "this week" counter)
    contracts_ending: int
    #: names of the counts above that are lower bounds: their list was cut at ``limit``
    at_least: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Agenda:
    today: date
    owner_id: str | None
    planned_days: int
    horizon_days: int
    due: tuple[FollowUp, ...]  # overdue, the latest first, then due today
    planned: tuple[FollowUp, ...]  # after today, within planned_days, soonest first
    contracts: tuple[ContractEnd, ...]  # within horizon_days, soonest first
    counts: AgendaCounts

    @property
    def due_total(self) -> int:
        return self.counts.overdue + self.counts.due_today


def _unindexed(column: Any) -> ColumnElement[Any]:
    """``+column``: SQLite's idiom for "do not drive the query by an index on this column".

    SQLite has no statistics on a user's store and, left alone, prefers any equality
    (``owner_id = ?``, ``deleted = 0`` of ix_customers_sort) over a date range; each plan
    below says which index leads by leaving only that one usable.
    """
    return UnaryExpression(column, operator=custom_op("+"), type_=column.type)


#: Ties (one day) in the order rows were entered: the index's own order, so that a walk can
#: stop after ``limit`` rows instead of sorting a whole day of a team's follow-ups.
_VISIT_ROWID: ColumnElement[Any] = literal_column("visits.rowid")


def _few_customers(s: Session, owner_id: str) -> bool:
    few = select(m.Customer.num).where(m.Customer.owner_id == owner_id).limit(OWNER_FIRST_MAX + 1).subquery()
    return (s.scalar(select(func.count()).select_from(few)) or 0) <= OWNER_FIRST_MAX


def _follow_ups(s: Session, today: date, cond: list[ColumnElement[bool]], limit: int | None) -> list[FollowUp]:
    day = m.Visit.follow_up_date
    query = (
        select(m.Visit.id, m.Visit.version, m.Visit.customer_id, m.Customer.name, m.Visit.kind,
               m.Visit.occurred_at, day, m.Visit.next_step)
        .join(m.Customer, m.Customer.id == m.Visit.customer_id)
        # ``= 0`` as written (not ``IS 0``, as ``is_(False)`` would say): SQLite uses the
        # partial index ix_visits_follow_up only when the query repeats its WHERE terms.
        .where(m.Visit.follow_up_done == false(), m.Visit.deleted == false(),
               _unindexed(m.Customer.deleted) == false(), *cond)
        .order_by(day, _VISIT_ROWID).limit(limit))
    return [FollowUp(visit_id=r.id, visit_version=r.version, customer_id=r.customer_id, customer_name=r.name,
                     visit_kind=r.kind, visit_date=r.occurred_at.date(), follow_up_date=r.follow_up_date,
                     next_step=r.next_step, days_overdue=(today - r.follow_up_date).days)
            for r in s.execute(query)]


def _date_first(s: Session, today: date, after: date | None, until: date, owner_id: str | None,
                limit: int) -> list[FollowUp]:
    """Open follow-ups dated in (after, until], walking the follow-up index; at most ``limit``."""
    day = m.Visit.follow_up_date
    cond = [day <= until]
    if after is not None:
        cond.append(day > after)
    if owner_id is not None:
        cond.append(_unindexed(m.Customer.owner_id) == owner_id)
    return _follow_ups(s, today, cond, limit)


def _owner_first_follow_ups(s: Session, today: date, until: date, owner_id: str) -> list[FollowUp]:
    """All the owner's open follow-ups dated up to ``until``, walking the owner's customers."""
    return _follow_ups(s, today, [m.Customer.owner_id == owner_id,
                                  _unindexed(m.Customer.next_follow_up) <= until,
                                  _unindexed(m.Visit.follow_up_date) <= until], None)


def _contracts(s: Session, *, today: date, horizon_days: int, owner_id: str | None, owner_first: bool,
               limit: int | None) -> list[ContractEnd]:
    end = m.Customer.competitor_contract_end
    window = (today, today + timedelta(days=horizon_days))
    cond: list[ColumnElement[bool]] = [_unindexed(m.Customer.deleted) == false()]
    if owner_first:  # the owner's customers, whichever their end dates
        cond += [m.Customer.owner_id == owner_id, _unindexed(end).between(*window)]
    else:
        cond.append(end.between(*window))
        if owner_id is not None:
            cond.append(_unindexed(m.Customer.owner_id) == owner_id)
    rows = s.execute(
        select(m.Customer.id, m.Customer.name, m.Customer.competitors, m.Customer.current_provider, end)
        .where(*cond).order_by(end, m.Customer.num).limit(limit))
    return [ContractEnd(customer_id=r.id, customer_name=r.name, competitors=r.competitors,
                        current_provider=r.current_provider, contract_end=r.competitor_contract_end,
                        days_left=(r.competitor_contract_end - today).days)
            for r in rows]


def agenda(
    ctx: Context, *, today: date, owner_id: str | None, horizon_days: int,
    planned_days: int = PLANNED_DAYS, limit: int = 200,
) -> Agenda:
    """What needs doing, for ``owner_id``'s customers or, when it is None, the whole team's.

    The due list holds up to ``limit`` overdue follow-ups and then up to ``limit`` due today;
    the planned and contract lists up to ``limit`` each. The counts are exact, except those
    named in ``counts.at_least`` (read date first and cut at ``limit``).
    """
    planned_days, horizon_days = max(planned_days, 0), max(horizon_days, 0)
    yesterday, until = today - timedelta(days=1), today + timedelta(days=planned_days)
    with ctx.store.read() as s:
        owner_first = owner_id is not None and _few_customers(s, owner_id)
        if owner_first and owner_id is not None:
            every = _owner_first_follow_ups(s, today, until, owner_id)
            overdue = [f for f in every if f.days_overdue > 0]
            due_today = [f for f in every if f.days_overdue == 0]
            planned = [f for f in every if f.days_overdue < 0]
            contracts = _contracts(s, today=today, horizon_days=horizon_days, owner_id=owner_id,
                                   owner_first=True, limit=None)
        else:
            overdue = _date_first(s, today, None, yesterday, owner_id, limit + 1)
            due_today = _date_first(s, today, yesterday, today, owner_id, limit + 1)
            planned = _date_first(s, today, today, until, owner_id, limit + 1) if planned_days else []
            contracts = _contracts(s, today=today, horizon_days=horizon_days, owner_id=owner_id,
                                   owner_first=False, limit=limit + 1)
    lists: dict[str, Sequence[object]] = {"overdue": overdue, "due_today": due_today, "planned": planned,
                                          "contracts_ending": contracts}
    cut = frozenset(k for k, v in lists.items() if len(v) > limit and not owner_first)
    counts = AgendaCounts(**{k: limit if k in cut else len(v) for k, v in lists.items()}, at_least=cut)
    return Agenda(today=today, owner_id=owner_id, planned_days=planned_days, horizon_days=horizon_days,
                  due=tuple(overdue[:limit] + due_today[:limit]), planned=tuple(planned[:limit]),
                  contracts=tuple(contracts[:limit]), counts=counts)
