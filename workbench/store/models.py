"""SQLAlchemy 2 typed models of the local store.

Every row that syncs carries a UUID key, created/updated times (UTC), a per-row version,
a tombstone flag (deletes are soft) and an owner. Inputs are validated again here
(``@validates`` and CHECK constraints): a row the domain refuses cannot be stored even by
code that bypasses the services.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, validates

from workbench.domain import limits
from workbench.domain import validation as v
from workbench.domain.enums import (
    BehaviourStyle,
    CuteRole,
    RiskLevel,
    Role,
    ScoreKind,
    ValueGrade,
    VisitKind,
)
from workbench.store.base import (  # noqa: F401 - re-exported: m.utcnow, m.new_id, m.Base...
    LOCAL_CLOCK,
    NAMING,
    Base,
    SyncColumns,
    _enum_check,
    _enum_value,
    localnow,
    new_id,
    utcnow,
)


class Meta(Base):
    """Device-local key/value facts (the device id); never synced."""

    __tablename__ = "meta"
    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class User(Base):
    __tablename__ = "users"
    __table_args__ = (_enum_check("role", Role),)
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    name: Mapped[str] = mapped_column(String(limits.PERSON_NAME))
    role: Mapped[str] = mapped_column(String(12))
    team: Mapped[str | None] = mapped_column(String(limits.SHORT_TEXT))
    phone: Mapped[str | None] = mapped_column(String(limits.PHONE))
    email: Mapped[str | None] = mapped_column(String(limits.EMAIL))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False, server_default=text("0"))

    @validates("role")
    def _v_role(self, key: str, value: str) -> str:
        return _enum_value(Role, value, key)


class Industry(Base):
    """An industry with the seed's hints; editable defaults (HQ data, synced down later)."""

    __tablename__ = "industries"
    code: Mapped[str] = mapped_column(String(20), primary_key=True)
    name_zh: Mapped[str] = mapped_column(String(limits.SHORT_TEXT))
    name_en: Mapped[str] = mapped_column(String(limits.SHORT_TEXT))
    is_key: Mapped[bool] = mapped_column(Boolean)
    price_sensitive: Mapped[bool] = mapped_column(Boolean)
    decides_on_references: Mapped[bool] = mapped_column(Boolean)
    loyalty: Mapped[str] = mapped_column(String(12))
    motive: Mapped[str] = mapped_column(String(20))
    position: Mapped[int] = mapped_column(Integer)
    version: Mapped[int] = mapped_column(Integer, default=1)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class StageDef(Base):
    """A relationship stage; the default ladder is ``domain.enums.STAGES`` (客户挖掘五步法), editable."""

    __tablename__ = "stage_defs"
    code: Mapped[str] = mapped_column(String(20), primary_key=True)
    name_zh: Mapped[str] = mapped_column(String(limits.SHORT_TEXT))
    name_en: Mapped[str] = mapped_column(String(limits.SHORT_TEXT))
    position: Mapped[int] = mapped_column(Integer)
    group_zh: Mapped[str] = mapped_column(String(limits.SHORT_TEXT))
    group_en: Mapped[str] = mapped_column(String(limits.SHORT_TEXT))
    side: Mapped[bool] = mapped_column(Boolean, default=False)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    version: Mapped[int] = mapped_column(Integer, default=1)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class Customer(SyncColumns, Base):
    """A group customer (集团客户): an organisation.

    ``num`` is a local integer key (rowid alias) used by the search index; ``id`` is the
    UUID that syncs.
    """

    __tablename__ = "customers"
    __table_args__ = (
        CheckConstraint(f"length(name) BETWEEN 1 AND {limits.ORG_NAME}", name="name_len"),
        CheckConstraint("credit_code IS NULL OR length(credit_code) = 18", name="credit_code_len"),
        CheckConstraint("employees IS NULL OR employees >= 0", name="employees_nonneg"),
        CheckConstraint("mobile_lines IS NULL OR mobile_lines >= 0", name="lines_nonneg"),
        _enum_check("value_grade", ValueGrade, nullable=True),
        _enum_check("churn_risk", RiskLevel, nullable=True),
        # Not unique: two managers may create one company offline; the services refuse a
        # duplicate on this device and the server records a duplicate_customer conflict.
        Index("ix_customers_credit_code_live", "credit_code",
              sqlite_where=text("credit_code IS NOT NULL AND deleted = 0")),
        Index("ix_customers_stage", "stage_code"),
        Index("ix_customers_stage_moved", "stage_code", "stage_changed_at"),  # pipeline columns
        Index("ix_customers_owner_follow_up", "owner_id", "next_follow_up"),  # Today
        Index("ix_customers_owner_contract_end", "owner_id", "competitor_contract_end"),
        Index("ix_customers_industry", "industry_code"),
        Index("ix_customers_owner", "owner_id"),
        Index("ix_customers_follow_up", "next_follow_up"),
        Index("ix_customers_contract_end", "competitor_contract_end"),
        Index("ix_customers_sort", "deleted", "sort_key"),  # covers the browse order
        Index("ix_customers_dashboard", "owner_id", "stage_code", "value_grade", "last_visit_at",
              "next_follow_up", "id", sqlite_where=text("deleted = 0")),  # the dashboard, from the index alone
    )
    num: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    id: Mapped[str] = mapped_column(String(36), unique=True, default=new_id)
    name: Mapped[str] = mapped_column(String(limits.ORG_NAME))
    short_name: Mapped[str | None] = mapped_column(String(limits.SHORT_NAME))
    credit_code: Mapped[str | None] = mapped_column(String(18))
    industry_code: Mapped[str] = mapped_column(String(20), ForeignKey("industries.code"))
    region: Mapped[str | None] = mapped_column(String(limits.SHORT_TEXT))
    address: Mapped[str | None] = mapped_column(String(limits.ADDRESS))
    employees: Mapped[int | None] = mapped_column(Integer)
    mobile_lines: Mapped[int | None] = mapped_column(Integer)
    value_grade: Mapped[str | None] = mapped_column(String(2))
    churn_risk: Mapped[str | None] = mapped_column(String(8))
    current_provider: Mapped[str | None] = mapped_column(String(limits.SHORT_TEXT))
    competitors: Mapped[str | None] = mapped_column(String(limits.MEDIUM_TEXT))
    competitor_contract_end: Mapped[date | None] = mapped_column(Date)
    # Per-customer overrides of the industry's hints; NULL means "use the industry default".
    price_sensitive: Mapped[bool | None] = mapped_column(Boolean)
    decides_on_references: Mapped[bool | None] = mapped_column(Boolean)
    loyalty: Mapped[str | None] = mapped_column(String(12))
    motive: Mapped[str | None] = mapped_column(String(20))
    stage_code: Mapped[str] = mapped_column(String(20), ForeignKey("stage_defs.code"))
    stage_changed_at: Mapped[datetime | None] = mapped_column(DateTime, info=LOCAL_CLOCK)
    shared: Mapped[bool] = mapped_column(Boolean, default=False)
    notes: Mapped[str | None] = mapped_column(Text)
    # Derived, kept by the services: the earliest open follow-up and the last visit.
    next_follow_up: Mapped[date | None] = mapped_column(Date)
    last_visit_at: Mapped[datetime | None] = mapped_column(DateTime, info=LOCAL_CLOCK)
    # Derived: the name's full pinyin, the order customers are listed in.
    sort_key: Mapped[str] = mapped_column(String(limits.ORG_NAME * 8), default="")

    @validates("name")
    def _v_name(self, key: str, value: str) -> str:
        return v.clean_text(value, field=key, max_len=limits.ORG_NAME, required=True)  # type: ignore[return-value]

    @validates("short_name")
    def _v_short(self, key: str, value: str | None) -> str | None:
        return v.clean_text(value, field=key, max_len=limits.SHORT_NAME)

    @validates("credit_code")
    def _v_code(self, key: str, value: str | None) -> str | None:
        return None if value in (None, "") else v.validate_credit_code(value, field=key)  # type: ignore[arg-type]

    @validates("value_grade")
    def _v_grade(self, key: str, value: str | None) -> str | None:
        return _enum_value(ValueGrade, value, key)

    @validates("churn_risk")
    def _v_risk(self, key: str, value: str | None) -> str | None:
        return _enum_value(RiskLevel, value, key)

    @validates("employees", "mobile_lines")
    def _v_counts(self, key: str, value: int | None) -> int | None:
        return v.check_int_range(value, field=key, minimum=0, maximum=limits.MAX_HEADCOUNT)


class Contact(SyncColumns, Base):
    """A person at a customer (联系人 / 关键人)."""

    __tablename__ = "contacts"
    __table_args__ = (
        CheckConstraint(f"length(name) BETWEEN 1 AND {limits.PERSON_NAME}", name="name_len"),
        _enum_check("cute_role", CuteRole, nullable=True),
        _enum_check("behaviour_style", BehaviourStyle, nullable=True),
        CheckConstraint("closeness BETWEEN 0 AND 10", name="closeness_range"),
        CheckConstraint("trust BETWEEN 0 AND 10", name="trust_range"),
        CheckConstraint("favour BETWEEN 0 AND 10", name="favour_range"),
        Index("ix_contacts_customer", "customer_id"),
    )
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    customer_id: Mapped[str] = mapped_column(String(36), ForeignKey("customers.id"))
    name: Mapped[str] = mapped_column(String(limits.PERSON_NAME))
    title: Mapped[str | None] = mapped_column(String(limits.SHORT_TEXT))
    department: Mapped[str | None] = mapped_column(String(limits.SHORT_TEXT))
    mobile: Mapped[str | None] = mapped_column(String(limits.PHONE))
    phone: Mapped[str | None] = mapped_column(String(limits.PHONE))
    email: Mapped[str | None] = mapped_column(String(limits.EMAIL))
    cute_role: Mapped[str | None] = mapped_column(String(12))
    behaviour_style: Mapped[str | None] = mapped_column(String(12))
    closeness: Mapped[int] = mapped_column(Integer, default=0)
    trust: Mapped[int] = mapped_column(Integer, default=0)
    favour: Mapped[int] = mapped_column(Integer, default=0)
    is_key_person: Mapped[bool] = mapped_column(Boolean, default=False)
    is_liaison: Mapped[bool] = mapped_column(Boolean, default=False)
    birthday: Mapped[date | None] = mapped_column(Date)
    # JSON list of {"label": str, "month": int, "day": int}: anniversaries, festivals...
    care_dates: Mapped[str | None] = mapped_column(Text)
    notes: Mapped[str | None] = mapped_column(Text)

    @validates("name")
    def _v_name(self, key: str, value: str) -> str:
        return v.clean_text(value, field=key, max_len=limits.PERSON_NAME, required=True)  # type: ignore[return-value]

    @validates("mobile", "phone")
    def _v_phone(self, key: str, value: str | None) -> str | None:
        return None if value in (None, "") else v.normalize_phone(value, field=key)  # type: ignore[arg-type]

    @validates("email")
    def _v_email(self, key: str, value: str | None) -> str | None:
        return None if value in (None, "") else v.validate_email(value, field=key)  # type: ignore[arg-type]

    @validates("cute_role")
    def _v_role(self, key: str, value: str | None) -> str | None:
        return _enum_value(CuteRole, value, key)

    @validates("behaviour_style")
    def _v_style(self, key: str, value: str | None) -> str | None:
        return _enum_value(BehaviourStyle, value, key)

    @validates("closeness", "trust", "favour")
    def _v_score(self, key: str, value: int) -> int:
        return v.check_score(value, field=key)


class ContactScore(SyncColumns, Base):
    """One reading of a relationship score (history; insert-only)."""

    __tablename__ = "contact_scores"
    __table_args__ = (
        _enum_check("kind", ScoreKind),
        CheckConstraint("value BETWEEN 0 AND 10", name="value_range"),
        Index("ix_contact_scores_contact", "contact_id", "recorded_at"),
    )
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    contact_id: Mapped[str] = mapped_column(String(36), ForeignKey("contacts.id"))
    kind: Mapped[str] = mapped_column(String(12))
    value: Mapped[int] = mapped_column(Integer)
    recorded_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    note: Mapped[str | None] = mapped_column(String(limits.MEDIUM_TEXT))
    visit_id: Mapped[str | None] = mapped_column(String(36), ForeignKey("visits.id"))


class Visit(SyncColumns, Base):
    """A customer visit (拜访记录) with the course's SPIN notes. Insert-mostly."""

    __tablename__ = "visits"
    __table_args__ = (
        _enum_check("kind", VisitKind),
        CheckConstraint("duration_min IS NULL OR duration_min BETWEEN 0 AND 1440", name="duration_range"),
        CheckConstraint("follow_up_date IS NULL OR follow_up_date >= date(occurred_at)", name="follow_up_after"),
        Index("ix_visits_customer", "customer_id", "occurred_at"),
        Index("ix_visits_follow_up", "follow_up_date", sqlite_where=text("follow_up_done = 0 AND deleted = 0")),
        Index("ix_visits_occurred", "occurred_at"),
        Index("ix_visits_customer_open_follow_up", "customer_id", "follow_up_date",
              sqlite_where=text("follow_up_done = 0 AND deleted = 0")),
        Index("ix_visits_live_occurred", "occurred_at", "owner_id", "customer_id",
              sqlite_where=text("deleted = 0")),  # the dashboard's visits per week
    )
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    customer_id: Mapped[str] = mapped_column(String(36), ForeignKey("customers.id"))
    occurred_at: Mapped[datetime] = mapped_column(DateTime, info=LOCAL_CLOCK)  # wall-clock of the visit
    duration_min: Mapped[int | None] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(12))
    place: Mapped[str | None] = mapped_column(String(limits.SHORT_TEXT))
    objective: Mapped[str | None] = mapped_column(String(limits.MEDIUM_TEXT))
    spin_situation: Mapped[str | None] = mapped_column(Text)
    spin_problem: Mapped[str | None] = mapped_column(Text)
    spin_implication: Mapped[str | None] = mapped_column(Text)
    spin_need_payoff: Mapped[str | None] = mapped_column(Text)
    needs: Mapped[str | None] = mapped_column(Text)
    competitor_notes: Mapped[str | None] = mapped_column(Text)
    outcome: Mapped[str | None] = mapped_column(Text)
    next_step: Mapped[str | None] = mapped_column(String(limits.MEDIUM_TEXT))
    follow_up_date: Mapped[date | None] = mapped_column(Date)
    follow_up_done: Mapped[bool] = mapped_column(Boolean, default=False)

    @validates("kind")
    def _v_kind(self, key: str, value: str) -> str:
        return _enum_value(VisitKind, value, key)

    @validates("duration_min")
    def _v_duration(self, key: str, value: int | None) -> int | None:
        return v.check_int_range(value, field=key, minimum=0, maximum=1440)

    @validates("follow_up_date")
    def _v_follow(self, key: str, value: date | None) -> date | None:
        if value is not None and self.occurred_at is not None:
            v.check_follow_up(self.occurred_at.date(), value, field=key)
        return value


class VisitContact(Base):
    """Contacts met at a visit (part of the visit's record)."""

    __tablename__ = "visit_contacts"
    visit_id: Mapped[str] = mapped_column(String(36), ForeignKey("visits.id"), primary_key=True)
    contact_id: Mapped[str] = mapped_column(String(36), ForeignKey("contacts.id"), primary_key=True)


class StageEvent(SyncColumns, Base):
    """A change of relationship stage. History: inserted, never updated."""

    __tablename__ = "stage_events"
    __table_args__ = (Index("ix_stage_events_customer", "customer_id", "occurred_at"),)
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    customer_id: Mapped[str] = mapped_column(String(36), ForeignKey("customers.id"))
    from_code: Mapped[str | None] = mapped_column(String(20), ForeignKey("stage_defs.code"))
    to_code: Mapped[str] = mapped_column(String(20), ForeignKey("stage_defs.code"))
    occurred_at: Mapped[datetime] = mapped_column(DateTime, default=localnow, info=LOCAL_CLOCK)
    by_user_id: Mapped[str | None] = mapped_column(String(36), ForeignKey("users.id"))
    reason: Mapped[str | None] = mapped_column(String(limits.MEDIUM_TEXT))
    visit_id: Mapped[str | None] = mapped_column(String(36), ForeignKey("visits.id"))


class JournalEntry(Base):
    """The change journal: one entry per written row, in the writing transaction.

    ``fields`` is JSON ``{field: value}`` of what changed, in the wire encoding of
    ``workbench.store.payload`` (an insert or a tombstone carries the whole row);
    ``base_version`` is the row's *server* version the device last saw (0: never synced),
    ``new_version`` the local version written. The sync outbox reads this.
    """

    __tablename__ = "journal"
    # AUTOINCREMENT: a sequence number is never reused, even after pushed entries are pruned
    # (the server de-duplicates on (device, seq)).
    __table_args__ = (Index("ix_journal_unpushed", "seq", sqlite_where=text("pushed_at IS NULL")),
                      {"sqlite_autoincrement": True})
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    device_id: Mapped[str] = mapped_column(String(36))
    table_name: Mapped[str] = mapped_column(String(40))
    row_id: Mapped[str] = mapped_column(String(36))
    op: Mapped[str] = mapped_column(String(8))
    base_version: Mapped[int] = mapped_column(Integer)
    new_version: Mapped[int] = mapped_column(Integer)
    fields: Mapped[str] = mapped_column(Text)
    actor_id: Mapped[str | None] = mapped_column(String(36))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    pushed_at: Mapped[datetime | None] = mapped_column(DateTime)
    # The write transaction (one service call) the entry belongs to: applied all or nothing.
    tx_id: Mapped[str] = mapped_column(String(36), default="")
    # The server's answer once pushed: applied / conflict / refused, and a refusal's reason.
    push_status: Mapped[str | None] = mapped_column(String(12))
    push_reason: Mapped[str | None] = mapped_column(Text)
    __mapper_args__ = {"eager_defaults": False}


class Draft(Base):
    """A form typed but not yet saved (a visit...): device-local like ``meta``.

    Never synced and never journaled: it exists so that nothing typed is lost to a crash
    or an accidental close before the user saves or discards it. ``payload`` is the
    form's values as JSON; ``updated_at`` is naive UTC.
    """

    __tablename__ = "drafts"
    __table_args__ = (Index("ix_drafts_kind_customer", "kind", "customer_id", "updated_at"),)
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    kind: Mapped[str] = mapped_column(String(20))
    customer_id: Mapped[str | None] = mapped_column(String(36))
    payload: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


# Bundle offers live in their own module; re-exported so that ``m.Offer`` etc. keep working.
from workbench.store.offer_models import (  # noqa: E402, F401
    OFFER_STATES,
    PRICE_BOOK_KINDS,
    Offer,
    OfferEvent,
    OfferVersion,
    PriceBook,
    Proposal,
)
from workbench.store.sync_models import Conflict, RowSync  # noqa: E402, F401
