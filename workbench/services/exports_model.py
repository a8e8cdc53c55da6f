"""What the exports hand back (plain frozen dataclasses) and the week rule."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

from workbench.store.search import Filters

WEEKDAYS = ("周一", "周二", "周三", "周四", "周五", "周六", "周日")


def week_of(day: date) -> tuple[date, date]:
    """The Monday and the Sunday of the week holding ``day``."""
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


@dataclass(frozen=True, slots=True)
class ReportVisit:
    """One visit of the week, as the report prints it (labels, not codes)."""

    visit_id: str
    occurred_at: datetime
    manager_id: str | None
    manager: str
    customer_id: str
    customer: str
    industry: str
    contacts: tuple[str, ...]  # "name(title)", key people first
    kind: str
    situation: str
    problem: str
    implication: str
    need_payoff: str
    outcome: str
    next_step: str
    follow_up_date: date | None
    follow_up_done: bool


@dataclass(frozen=True, slots=True)
class ManagerWeek:
    """A manager's visits of the week, per day Monday to Sunday."""

    user_id: str | None
    name: str
    per_day: tuple[int, ...]

    @property
    def total(self) -> int:
        return sum(self.per_day)


@dataclass(frozen=True, slots=True)
class StageMove:
    occurred_at: datetime
    customer_id: str
    customer: str
    from_stage: str  # a customer's first stage (its creation, an import) is no move: never listed
    to_stage: str
    reason: str
    manager: str


@dataclass(frozen=True, slots=True)
class OfferFigures:
    """Offers made / sent / won in the week (each offer counted once per kind), with the sum
    of their monthly fees and of their totals over the term, as priced."""

    kind: str  # made, sent, won
    label: str
    count: int
    monthly_total: Decimal
    term_total: Decimal


@dataclass(frozen=True, slots=True)
class OverdueFollowUp:
    customer_id: str
    customer: str
    manager: str
    visit_date: date
    follow_up_date: date
    days_overdue: int
    next_step: str


@dataclass(frozen=True, slots=True)
class WeeklyReport:
    week_start: date  # a Monday
    week_end: date  # its Sunday
    owner_id: str | None  # None: the whole team
    scope: str  # the manager's name, or 全组
    today: date  # overdue means open and due before this day
    visits: tuple[ReportVisit, ...]
    managers: tuple[ManagerWeek, ...]  # most visits first
    stage_moves: tuple[StageMove, ...]
    stage_moves_to: tuple[tuple[str, int], ...]  # (stage reached, moves), most first
    offers: tuple[OfferFigures, ...]  # made, sent, won
    overdue: tuple[OverdueFollowUp, ...]  # most overdue first

    @property
    def days(self) -> tuple[date, ...]:
        return tuple(self.week_start + timedelta(days=i) for i in range(7))

    @property
    def per_day(self) -> tuple[int, ...]:
        return tuple(sum(mw.per_day[i] for mw in self.managers) for i in range(7))

    @property
    def title(self) -> str:
        return f"拜访周报 {self.week_start:%Y-%m-%d} 至 {self.week_end:%Y-%m-%d}"


@dataclass(frozen=True, slots=True)
class CustomerListRow:
    id: str
    name: str
    short_name: str
    industry: str
    stage: str
    region: str
    value_grade: str
    manager: str
    next_follow_up: date | None
    last_visit: date | None


@dataclass(frozen=True, slots=True)
class CustomerList:
    query: str
    filters: Filters
    rows: tuple[CustomerListRow, ...]
    industry: str  # the filters' labels ("" when not filtered)
    stage: str
    owner: str
