"""How the conflicts screen words a conflict: the table and the field in the language in force,
and a value as a person reads it (a date, yes or no, an enum's label, a number), never JSON."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QDate, QDateTime, QObject, QTime

from workbench.domain.enums import (
    BehaviourStyle,
    CuteRole,
    Loyalty,
    Motive,
    RiskLevel,
    ValueGrade,
    VisitKind,
)
from workbench.services.merge import ConflictLine, CustomerSide
from workbench.ui.labels import label, stage_name, ui_locale

ENUMS: dict[str, Any] = {"value_grade": ValueGrade, "churn_risk": RiskLevel, "loyalty": Loyalty,
                         "motive": Motive, "cute_role": CuteRole, "behaviour_style": BehaviourStyle,
                         "kind": VisitKind}
LONG = 60  # characters of a value shown in the list (the detail shows it whole)


class ConflictTexts(QObject):
    """Words of the conflicts screen; ``industries`` and ``stages`` are code -> DTO infos."""

    def __init__(self, industries: dict[str, Any] | None = None, stages: dict[str, Any] | None = None) -> None:
        super().__init__()
        self.industries = industries or {}
        self.stages = stages or {}

    def table(self, table: str) -> str:
        return {
            "customers": self.tr("Customer"), "contacts": self.tr("Contact"), "visits": self.tr("Visit"),
            "offers": self.tr("Offer"), "offer_versions": self.tr("Offer version"),
            "proposals": self.tr("Proposal"), "stage_events": self.tr("Stage move"),
        }.get(table, table)

    def field(self, line: ConflictLine) -> str:
        if line.kind == "duplicate_customer":
            return self.tr("Same credit code")
        if line.kind == "edit_delete":
            return self.tr("Edited and deleted")
        names = {
            "name": self.tr("Name"), "short_name": self.tr("Short name"), "credit_code": self.tr("Credit code"),
            "industry_code": self.tr("Industry"), "region": self.tr("Region"), "address": self.tr("Address"),
            "employees": self.tr("Employees"), "mobile_lines": self.tr("Mobile lines"),
            "value_grade": self.tr("Value grade"), "churn_risk": self.tr("Churn risk"),
            "current_provider": self.tr("Current provider"), "competitors": self.tr("Competitors"),
            "competitor_contract_end": self.tr("Competitor's contract ends"),
            "price_sensitive": self.tr("Price sensitive"), "decides_on_references": self.tr("Decides on references"),
            "loyalty": self.tr("Loyalty"), "motive": self.tr("Motive"), "shared": self.tr("Shared with the team"),
            "notes": self.tr("Notes"), "stage_code": self.tr("Stage"), "title": self.tr("Title"),
            "department": self.tr("Department"), "mobile": self.tr("Mobile"), "phone": self.tr("Phone"),
            "email": self.tr("Email"), "cute_role": self.tr("Buying role"),
            "behaviour_style": self.tr("Behaviour style"), "closeness": self.tr("Closeness"),
            "trust": self.tr("Trust"), "favour": self.tr("Personal favour"), "is_key_person": self.tr("Key person"),
            "is_liaison": self.tr("Liaison"), "birthday": self.tr("Birthday"), "care_dates": self.tr("Care dates"),
            "occurred_at": self.tr("Time of the visit"), "duration_min": self.tr("Duration (minutes)"),
            "place": self.tr("Place"), "objective": self.tr("Objective"), "outcome": self.tr("Outcome"),
            "next_step": self.tr("Next step"), "follow_up_date": self.tr("Follow-up date"),
            "follow_up_done": self.tr("Follow-up done"), "needs": self.tr("Needs"),
            "version_no": self.tr("Version number"), "state": self.tr("State"),
        }
        return names.get(line.field or "", line.field or "")

    def record(self, line: ConflictLine) -> str:
        """The record in words: "Contact 王喆", "Visit 2026/11/20 09:30", "Customer"."""
        what = self.table(line.table_name)
        if line.record_name:
            return f"{what} {line.record_name}"
        if line.record_at is not None:
            return f"{what} {self.when(line.record_at, utc=False)}"
        return what

    def customer(self, line: ConflictLine) -> str:
        return line.customer_name or self.tr("(a customer this laptop does not hold)")

    def when(self, at: datetime | None, *, utc: bool = True) -> str:
        """A time in the local zone (bookkeeping times are stored as naive UTC)."""
        if at is None:
            return ""
        local = at.replace(tzinfo=UTC).astimezone() if utc else at
        moment = QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute))
        return ui_locale().toString(moment, ui_locale().dateTimeFormat(ui_locale().FormatType.ShortFormat))

    def side_customer(self, side: CustomerSide | None) -> str:
        if side is None:
            return self.tr("a customer of another team")
        return self.tr("{0} ({1} contacts, {2} visits, {3} offers)").format(
            side.name, side.contacts, side.visits, side.offers)

    def value(self, line: ConflictLine, value: Any, *, short: bool = False, side: CustomerSide | None = None) -> str:
        if line.kind == "duplicate_customer":
            return self.side_customer(side)
        if line.kind == "edit_delete":
            return self.tr("Deleted") if value else self.tr("Kept, with the edit")
        text = self._plain(line.field or "", value)
        if short and len(text) > LONG:
            text = text[:LONG - 1].replace("\n", " ") + "…"
        return text.replace("\n", " ") if short else text

    def _plain(self, field: str, value: Any) -> str:
        locale = ui_locale()
        if value is None or value == "":
            return self.tr("(empty)")
        if isinstance(value, bool):
            return self.tr("Yes") if value else self.tr("No")
        if isinstance(value, datetime):
            return self.when(value, utc=False)
        if isinstance(value, date):
            return locale.toString(QDate(value.year, value.month, value.day), locale.FormatType.ShortFormat)
        if isinstance(value, Decimal):
            return str(value)
        if isinstance(value, int):
            return locale.toString(value)
        if field in ENUMS:
            try:
                return label(ENUMS[field](value))
            except ValueError:
                return str(value)
        if field == "industry_code" and value in self.industries:
            return label(self.industries[value])
        if field == "stage_code" and value in self.stages:
            return stage_name(self.stages[value])
        return str(value)

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Customer"), self.tr("Record"), self.tr("Field"), self.tr("★ Kept (provisional)"),
                self.tr("Other value"), self.tr("Who"), self.tr("When"), self.tr("Status"))

    def status(self, line: ConflictLine) -> str:
        if line.status == "open":
            return self.tr("Open")
        return self.tr("Resolved by {0}").format(self.who(line.resolved_by))

    def who(self, name: str | None) -> str:
        return name or self.tr("the server")
