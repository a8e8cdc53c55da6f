"""Reads and checks for the customer page: everything about one customer, and a form's
pre-check (so a refused field is shown beside the field before an undoable edit is pushed).

Pure Python over the other service modules; no Qt.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from workbench.domain.errors import FieldError, ValidationError
from workbench.services import contacts, customers, dto, fields, stages, users, visits
from workbench.services.context import Context


@dataclass(frozen=True, slots=True)
class CustomerPage:
    """One customer with its contacts, score histories, visits and stage history."""

    customer: dto.Customer
    industry: dto.IndustryInfo | None
    stages: Mapping[str, dto.StageInfo]  # by code, inactive ones included (old events name them)
    users: Mapping[str, dto.UserInfo]  # by id
    contacts: tuple[dto.Contact, ...]
    scores: Mapping[str, tuple[dto.ScoreReading, ...]]  # by contact id, oldest first
    visits: tuple[dto.Visit, ...]  # newest first
    stage_events: tuple[dto.StageEvent, ...]  # oldest first

    def contact_name(self, contact_id: str) -> str | None:
        return next((c.name for c in self.contacts if c.id == contact_id), None)

    def user_name(self, user_id: str | None) -> str | None:
        user = self.users.get(user_id or "")
        return user.name if user is not None else None


def load_page(ctx: Context, *, customer_id: str, visit_limit: int = 200) -> CustomerPage:
    """Everything the customer page shows; raises NotFoundError for a deleted customer."""
    customer = customers.get_customer(ctx, customer_id=customer_id)
    industry = next((i for i in customers.industries(ctx) if i.code == customer.industry_code), None)
    people = tuple(contacts.list_contacts(ctx, customer_id=customer_id))
    return CustomerPage(
        customer=customer,
        industry=industry,
        stages={s.code: s for s in stages.list_stages(ctx, include_inactive=True)},
        users={u.id: u for u in users.list_users(ctx.store)},
        contacts=people,
        scores={c.id: tuple(contacts.score_history(ctx, contact_id=c.id)) for c in people},
        visits=tuple(visits.list_visits(ctx, customer_id=customer_id, limit=visit_limit)),
        stage_events=tuple(stages.stage_history(ctx, customer_id=customer_id)),
    )


def trend(history: Sequence[dto.ScoreReading], kind: str) -> int:
    """+1 / -1 / 0: how the last reading of ``kind`` compares with the one before it
    (0 also when there is only one reading)."""
    values = [r.value for r in history if r.kind == kind]
    if len(values) < 2 or values[-1] == values[-2]:
        return 0
    return 1 if values[-1] > values[-2] else -1


def check_customer_values(
    ctx: Context, *, values: Mapping[str, Any], customer_id: str | None = None
) -> dict[str, Any]:
    """Clean ``values`` as create/update would, including the credit code being free;
    returns the cleaned values or raises ValidationError naming every bad field. Writes nothing."""
    errors: list[FieldError] = []
    clean: dict[str, Any] = {}
    try:
        clean = fields.clean(fields.CUSTOMER, values, required=("name", "industry_code") if customer_id is None else ())
    except ValidationError as exc:
        errors.extend(exc.errors)
    if "credit_code" in values and not any(e.field == "credit_code" for e in errors):
        code = fields.CUSTOMER["credit_code"](values["credit_code"], "credit_code")
        if code:
            with ctx.store.read() as s:
                try:
                    customers.check_credit_code_free(s, code, customer_id)
                except ValidationError as exc:
                    errors.extend(exc.errors)
    if errors:
        raise ValidationError(errors)
    return clean


def check_contact_values(values: Mapping[str, Any], *, new: bool) -> dict[str, Any]:
    """Clean a contact form's values as add/update would (no store access)."""
    return fields.clean(fields.CONTACT, values, required=("name",) if new else ())
