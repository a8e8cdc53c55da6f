"""What the services hand back: plain frozen dataclasses, never ORM objects."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from workbench.store import models as m


@dataclass(frozen=True, slots=True)
class UserInfo:
    id: str
    name: str
    role: str
    team: str | None

    @classmethod
    def of(cls, u: m.User) -> UserInfo:
        return cls(u.id, u.name, u.role, u.team)


@dataclass(frozen=True, slots=True)
class IndustryInfo:
    code: str
    name_zh: str
    name_en: str
    is_key: bool
    price_sensitive: bool
    decides_on_references: bool
    loyalty: str
    motive: str

    @classmethod
    def of(cls, i: m.Industry) -> IndustryInfo:
        return cls(i.code, i.name_zh, i.name_en, i.is_key, i.price_sensitive,
                   i.decides_on_references, i.loyalty, i.motive)


@dataclass(frozen=True, slots=True)
class StageInfo:
    code: str
    name_zh: str
    name_en: str
    position: int
    group_zh: str
    group_en: str
    side: bool

    @classmethod
    def of(cls, s: m.StageDef) -> StageInfo:
        return cls(s.code, s.name_zh, s.name_en, s.position, s.group_zh, s.group_en, s.side)


@dataclass(frozen=True, slots=True)
class CustomerRow:
    """One line of the customer list."""

    num: int
    id: str
    name: str
    short_name: str | None
    industry_code: str
    stage_code: str
    region: str | None
    value_grade: str | None
    owner_id: str | None
    next_follow_up: date | None
    last_visit_at: datetime | None


@dataclass(frozen=True, slots=True)
class Hints:
    """The industry's hints for a customer, with the customer's own overrides applied."""

    price_sensitive: bool
    decides_on_references: bool
    loyalty: str
    motive: str


@dataclass(frozen=True, slots=True)
class Customer:
    id: str
    num: int
    version: int
    name: str
    short_name: str | None
    credit_code: str | None
    industry_code: str
    region: str | None
    address: str | None
    employees: int | None
    mobile_lines: int | None
    value_grade: str | None
    churn_risk: str | None
    current_provider: str | None
    competitors: str | None
    competitor_contract_end: date | None
    price_sensitive: bool | None
    decides_on_references: bool | None
    loyalty: str | None
    motive: str | None
    stage_code: str
    stage_changed_at: datetime | None
    shared: bool
    notes: str | None
    owner_id: str | None
    next_follow_up: date | None
    last_visit_at: datetime | None
    created_at: datetime
    updated_at: datetime
    hints: Hints

    @classmethod
    def of(cls, c: m.Customer, industry: m.Industry) -> Customer:
        hints = Hints(
            price_sensitive=industry.price_sensitive if c.price_sensitive is None else c.price_sensitive,
            decides_on_references=(
                industry.decides_on_references if c.decides_on_references is None else c.decides_on_references
            ),
            loyalty=c.loyalty or industry.loyalty,
            motive=c.motive or industry.motive,
        )
        return cls(
            c.id, c.num, c.version, c.name, c.short_name, c.credit_code, c.industry_code, c.region,
            c.address, c.employees, c.mobile_lines, c.value_grade, c.churn_risk, c.current_provider,
            c.competitors, c.competitor_contract_end, c.price_sensitive, c.decides_on_references,
            c.loyalty, c.motive, c.stage_code, c.stage_changed_at, c.shared, c.notes, c.owner_id,
            c.next_follow_up, c.last_visit_at, c.created_at, c.updated_at, hints,
        )


@dataclass(frozen=True, slots=True)
class Contact:
    id: str
    customer_id: str
    version: int
    name: str
    title: str | None
    department: str | None
    mobile: str | None
    phone: str | None
    email: str | None
    cute_role: str | None
    behaviour_style: str | None
    closeness: int
    trust: int
    favour: int
    is_key_person: bool
    is_liaison: bool
    birthday: date | None
    care_dates: str | None
    notes: str | None

    @classmethod
    def of(cls, c: m.Contact) -> Contact:
        return cls(
            c.id, c.customer_id, c.version, c.name, c.title, c.department, c.mobile, c.phone,
            c.email, c.cute_role, c.behaviour_style, c.closeness, c.trust, c.favour,
            c.is_key_person, c.is_liaison, c.birthday, c.care_dates, c.notes,
        )


@dataclass(frozen=True, slots=True)
class ScoreReading:
    contact_id: str
    kind: str
    value: int
    recorded_at: datetime
    note: str | None


@dataclass(frozen=True, slots=True)
class Visit:
    id: str
    customer_id: str
    version: int
    occurred_at: datetime
    duration_min: int | None
    kind: str
    place: str | None
    objective: str | None
    spin_situation: str | None
    spin_problem: str | None
    spin_implication: str | None
    spin_need_payoff: str | None
    needs: str | None
    competitor_notes: str | None
    outcome: str | None
    next_step: str | None
    follow_up_date: date | None
    follow_up_done: bool
    contact_ids: tuple[str, ...]
    owner_id: str | None

    @classmethod
    def of(cls, v: m.Visit, contact_ids: tuple[str, ...]) -> Visit:
        return cls(
            v.id, v.customer_id, v.version, v.occurred_at, v.duration_min, v.kind, v.place,
            v.objective, v.spin_situation, v.spin_problem, v.spin_implication, v.spin_need_payoff,
            v.needs, v.competitor_notes, v.outcome, v.next_step, v.follow_up_date,
            v.follow_up_done, contact_ids, v.owner_id,
        )


@dataclass(frozen=True, slots=True)
class StageEvent:
    id: str
    customer_id: str
    from_code: str | None
    to_code: str
    occurred_at: datetime
    by_user_id: str | None
    reason: str | None
    visit_id: str | None

    @classmethod
    def of(cls, e: m.StageEvent) -> StageEvent:
        return cls(e.id, e.customer_id, e.from_code, e.to_code, e.occurred_at, e.by_user_id,
                   e.reason, e.visit_id)


@dataclass(frozen=True, slots=True)
class SearchPage:
    query: str
    offset: int
    rows: tuple[CustomerRow, ...]
    total: int
    total_exact: bool
