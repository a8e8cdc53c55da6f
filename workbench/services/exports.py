"""Exports: the weekly visit report (周报) and the customer list as shown.

Two steps, so that a screen can show the figures before writing a file::

    report = weekly_report(ctx, week_of=date(2026, 11, 25), owner_id=None)  # the whole team
    write_weekly_xlsx(report, "周报.xlsx")                 # visits, summary, stage moves, overdue
    write_weekly_pdf(report, "周报.pdf")                   # landscape A4, 第 N 页 / 共 M 页
    listing = customer_list(ctx, query="银行", filters=Filters(industry_code="banking"))
    write_customers_xlsx(listing, "客户.xlsx")

The week runs Monday to Sunday (the one holding ``week_of``), on the local wall clock event
times are stored in. ``owner_id`` None is the whole team (everything this store holds);
otherwise the report is one manager's: activity is counted for whoever did it (a visit for the
manager who logged it, a stage move or an offer event for who made it), the overdue follow-ups
for the manager's customers, as the Today screen lists them.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import ColumnElement, false, func, select
from sqlalchemy.orm import Session

from workbench.domain.enums import VisitKind
from workbench.domain.errors import NotFoundError
from workbench.services import dto, exports_model
from workbench.services.context import Context
from workbench.services.customers import rows_by_num
from workbench.services.exports_model import (
    CustomerList,
    CustomerListRow,
    ManagerWeek,
    OfferFigures,
    OverdueFollowUp,
    ReportVisit,
    StageMove,
    WeeklyReport,
    week_of,
)
from workbench.services.search import Filters, matching_nums
from workbench.store import models as m
from workbench.store.offer_models import Offer, OfferEvent, OfferVersion
from workbench.store.search import NO_FILTERS

__all__ = [
    "CustomerList", "CustomerListRow", "ManagerWeek", "OfferFigures", "OverdueFollowUp", "ReportVisit",
    "StageMove", "WeeklyReport", "customer_list", "weekly_report", "week_of", "write_customers_xlsx",
    "write_weekly_pdf", "write_weekly_xlsx",
]

_CHUNK = 500  # values per IN (...)
_UNKNOWN = "(未指定)"  # a row without an owner


def _chunks(values: Sequence[Any]) -> Iterable[Sequence[Any]]:
    for i in range(0, len(values), _CHUNK):
        yield values[i : i + _CHUNK]


def _names(s: Session, key: Any, label: Any) -> dict[str, str]:
    return {k: v for k, v in s.execute(select(key, label))}


def _user_names(s: Session) -> dict[str, str]:
    return _names(s, m.User.id, m.User.name)


def _in_week(column: Any, start: date, end: date) -> list[ColumnElement[bool]]:
    first = datetime.combine(start, datetime.min.time())
    after = datetime.combine(end + timedelta(days=1), datetime.min.time())
    return [column >= first, column < after]


def _contacts_met(s: Session, visit_ids: Sequence[str]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = defaultdict(list)
    for chunk in _chunks(visit_ids):
        rows = s.execute(
            select(m.VisitContact.visit_id, m.Contact.name, m.Contact.title)
            .join(m.Contact, m.Contact.id == m.VisitContact.contact_id)
            .where(m.VisitContact.visit_id.in_(chunk), m.Contact.deleted == false())
            .order_by(m.VisitContact.visit_id, m.Contact.is_key_person.desc(), m.Contact.name))
        for vid, name, title in rows:
            out[vid].append(f"{name}({title})" if title else name)
    return out


def _visits(s: Session, start: date, end: date, owner_id: str | None, users: dict[str, str],
            industries: dict[str, str]) -> list[ReportVisit]:
    who = func.coalesce(m.Visit.owner_id, m.Customer.owner_id)
    cond = [*_in_week(m.Visit.occurred_at, start, end), m.Visit.deleted == false(), m.Customer.deleted == false()]
    if owner_id is not None:
        cond.append(who == owner_id)
    rows = s.execute(
        select(m.Visit, m.Customer.name, m.Customer.industry_code, who.label("who"))
        .join(m.Customer, m.Customer.id == m.Visit.customer_id)
        .where(*cond).order_by(m.Visit.occurred_at, m.Customer.sort_key, m.Visit.id)).all()
    met = _contacts_met(s, [r[0].id for r in rows])
    out = []
    for visit, customer, industry, who_id in rows:
        out.append(ReportVisit(
            visit_id=visit.id, occurred_at=visit.occurred_at, manager_id=who_id,
            manager=users.get(who_id, _UNKNOWN) if who_id else _UNKNOWN,
            customer_id=visit.customer_id, customer=customer, industry=industries.get(industry, industry),
            contacts=tuple(met.get(visit.id, ())), kind=VisitKind(visit.kind).zh,
            situation=visit.spin_situation or "", problem=visit.spin_problem or "",
            implication=visit.spin_implication or "", need_payoff=visit.spin_need_payoff or "",
            outcome=visit.outcome or "", next_step=visit.next_step or "", follow_up_date=visit.follow_up_date,
            follow_up_done=visit.follow_up_done))
    return out


def _managers(visits: Sequence[ReportVisit], start: date) -> tuple[ManagerWeek, ...]:
    per: dict[tuple[str, str | None], list[int]] = {}
    for v in visits:
        days = per.setdefault((v.manager, v.manager_id), [0] * 7)
        days[(v.occurred_at.date() - start).days] += 1
    return tuple(ManagerWeek(user_id=uid, name=name, per_day=tuple(days))
                 for (name, uid), days in sorted(per.items(), key=lambda kv: (-sum(kv[1]), kv[0][0])))


def _stage_moves(s: Session, start: date, end: date, owner_id: str | None, users: dict[str, str],
                 stages: dict[str, str]) -> list[StageMove]:
    who = func.coalesce(m.StageEvent.by_user_id, m.StageEvent.owner_id, m.Customer.owner_id)
    # A customer entering the ladder (created in a form, imported: no stage before) is not a
    # move; an import of a few hundred customers would otherwise fill the lead's list.
    cond = [*_in_week(m.StageEvent.occurred_at, start, end), m.StageEvent.deleted == false(),
            m.StageEvent.from_code.is_not(None), m.Customer.deleted == false()]
    if owner_id is not None:
        cond.append(who == owner_id)
    rows = s.execute(
        select(m.StageEvent.occurred_at, m.StageEvent.customer_id, m.Customer.name, m.StageEvent.from_code,
               m.StageEvent.to_code, m.StageEvent.reason, who.label("who"))
        .join(m.Customer, m.Customer.id == m.StageEvent.customer_id)
        .where(*cond).order_by(m.StageEvent.occurred_at, m.StageEvent.id))
    return [StageMove(occurred_at=r.occurred_at, customer_id=r.customer_id, customer=r.name,
                      from_stage=stages.get(r.from_code, r.from_code),
                      to_stage=stages.get(r.to_code, r.to_code), reason=r.reason or "",
                      manager=users.get(r.who, _UNKNOWN) if r.who else _UNKNOWN)
            for r in rows]


def _totals(quote_json: str | None) -> tuple[Decimal, Decimal]:
    if not quote_json:
        return Decimal(0), Decimal(0)
    totals = json.loads(quote_json, parse_float=Decimal).get("totals", {})
    return Decimal(totals.get("monthly_recurring", 0)), Decimal(totals.get("over_term", 0))


def _offers(s: Session, start: date, end: date, owner_id: str | None) -> tuple[OfferFigures, ...]:
    """Offers made (their first version's event), sent and won in the week, with their values
    as priced at the version the event concerns."""
    who = func.coalesce(OfferEvent.by_user_id, OfferEvent.owner_id, Offer.owner_id)
    cond = [*_in_week(OfferEvent.occurred_at, start, end), OfferEvent.deleted == false(), Offer.deleted == false()]
    if owner_id is not None:
        cond.append(who == owner_id)
    rows = s.execute(
        select(OfferEvent.offer_id, OfferEvent.from_state, OfferEvent.to_state, OfferVersion.quote_json)
        .join(Offer, Offer.id == OfferEvent.offer_id)
        .outerjoin(OfferVersion, (OfferVersion.offer_id == OfferEvent.offer_id)
                   & (OfferVersion.version_no == OfferEvent.version_no))
        .where(*cond).order_by(OfferEvent.occurred_at))
    seen: dict[str, set[str]] = {"made": set(), "sent": set(), "won": set()}
    sums: dict[str, list[Decimal]] = {k: [Decimal("0.00"), Decimal("0.00")] for k in seen}
    for offer_id, from_state, to_state, quote in rows:
        kind = "made" if from_state is None else to_state if to_state in ("sent", "won") else None
        if kind is None or offer_id in seen[kind]:
            continue
        seen[kind].add(offer_id)
        monthly, term = _totals(quote)
        sums[kind][0] += monthly
        sums[kind][1] += term
    labels = {"made": "新建方案", "sent": "已发送", "won": "已中标"}
    return tuple(OfferFigures(kind=k, label=labels[k], count=len(seen[k]), monthly_total=sums[k][0],
                              term_total=sums[k][1]) for k in ("made", "sent", "won"))


def _overdue(s: Session, today: date, owner_id: str | None, users: dict[str, str]) -> list[OverdueFollowUp]:
    cond = [m.Visit.follow_up_done == false(), m.Visit.deleted == false(), m.Visit.follow_up_date < today,
            m.Customer.deleted == false()]
    if owner_id is not None:
        cond.append(m.Customer.owner_id == owner_id)
    rows = s.execute(
        select(m.Visit.customer_id, m.Customer.name, m.Customer.owner_id, m.Visit.occurred_at,
               m.Visit.follow_up_date, m.Visit.next_step)
        .join(m.Customer, m.Customer.id == m.Visit.customer_id)
        .where(*cond).order_by(m.Visit.follow_up_date, m.Customer.sort_key))
    return [OverdueFollowUp(customer_id=r.customer_id, customer=r.name,
                            manager=users.get(r.owner_id, _UNKNOWN) if r.owner_id else _UNKNOWN,
                            visit_date=r.occurred_at.date(), follow_up_date=r.follow_up_date,
                            days_overdue=(today - r.follow_up_date).days, next_step=r.next_step or "")
            for r in rows]


def weekly_report(ctx: Context, *, week_of: date, owner_id: str | None, today: date | None = None) -> WeeklyReport:
    """The week (Monday to Sunday) holding ``week_of``, for ``owner_id`` or (None) the whole
    team; follow-ups overdue are those open and due before ``today`` (default: the real date)."""
    start, end = exports_model.week_of(week_of)
    today = today or date.today()
    with ctx.store.read() as s:
        users = _user_names(s)
        if owner_id is not None and owner_id not in users:
            raise NotFoundError("user", owner_id)
        industries = _names(s, m.Industry.code, m.Industry.name_zh)
        stages = _names(s, m.StageDef.code, m.StageDef.name_zh)
        visits = _visits(s, start, end, owner_id, users, industries)
        moves = _stage_moves(s, start, end, owner_id, users, stages)
        offers = _offers(s, start, end, owner_id)
        overdue = _overdue(s, today, owner_id, users)
    return WeeklyReport(
        week_start=start, week_end=end, owner_id=owner_id,
        scope=users[owner_id] if owner_id is not None else "全组", today=today,
        visits=tuple(visits), managers=_managers(visits, start), stage_moves=tuple(moves),
        stage_moves_to=tuple(Counter(mv.to_stage for mv in moves).most_common()), offers=offers,
        overdue=tuple(overdue))


def customer_list(ctx: Context, *, query: str = "", filters: Filters = NO_FILTERS, order_by: str | None = None,
                  descending: bool = False) -> CustomerList:
    """Every customer the list screen shows for ``query`` and ``filters``, in its order (the
    search's rank, or a column of ``services.search.SORTABLE``), with labels instead of codes."""
    nums = matching_nums(ctx, query=query, filters=filters, order_by=order_by, descending=descending)
    rows: list[CustomerListRow] = []
    with ctx.store.read() as s:
        users = _user_names(s)
        industries = _names(s, m.Industry.code, m.Industry.name_zh)
        stages = _names(s, m.StageDef.code, m.StageDef.name_zh)
        for chunk in _chunks(nums):
            rows.extend(_list_row(r, users, industries, stages) for r in rows_by_num(s, chunk))
    return CustomerList(query=query, filters=filters, rows=tuple(rows),
                        industry=industries.get(filters.industry_code or "", filters.industry_code or ""),
                        stage=stages.get(filters.stage_code or "", filters.stage_code or ""),
                        owner=users.get(filters.owner_id or "", filters.owner_id or ""))


def _list_row(r: dto.CustomerRow, users: dict[str, str], industries: dict[str, str],
              stages: dict[str, str]) -> CustomerListRow:
    return CustomerListRow(
        id=r.id, name=r.name, short_name=r.short_name or "", industry=industries.get(r.industry_code, r.industry_code),
        stage=stages.get(r.stage_code, r.stage_code), region=r.region or "", value_grade=r.value_grade or "",
        manager=users.get(r.owner_id, "") if r.owner_id else "", next_follow_up=r.next_follow_up,
        last_visit=r.last_visit_at.date() if r.last_visit_at else None)


def write_weekly_xlsx(report: WeeklyReport, out: Any) -> Any:
    """The report as an .xlsx at ``out`` (overwritten); returns its path."""
    from workbench.services.exports_xlsx import write_weekly_xlsx as write

    return write(report, out)


def write_customers_xlsx(listing: CustomerList, out: Any) -> Any:
    """The customer list as an .xlsx at ``out`` (overwritten); returns its path."""
    from workbench.services.exports_xlsx import write_customers_xlsx as write

    return write(listing, out)


def write_weekly_pdf(report: WeeklyReport, out: Any) -> Any:
    """The report as a PDF at ``out`` (overwritten); returns the :class:`RenderedReport`."""
    from workbench.services.exports_pdf import write_weekly_pdf as write

    return write(report, out)
