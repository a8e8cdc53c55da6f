"""Relationship stages: the ladder and the history of moves (never overwritten)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import false, select, true
from sqlalchemy.orm import Session

from workbench.domain import limits
from workbench.domain import validation as v
from workbench.services import dto
from workbench.services.context import Context, apply_changes, insert_row
from workbench.services.customers import check_stage, check_version
from workbench.services.customers import load as load_customer
from workbench.store import models as m


def list_stages(ctx: Context, *, include_inactive: bool = False) -> list[dto.StageInfo]:
    with ctx.store.read() as s:
        q = select(m.StageDef).order_by(m.StageDef.position)
        if not include_inactive:
            q = q.where(m.StageDef.active == true())
        return [dto.StageInfo.of(r) for r in s.scalars(q)]


def record_move(
    s: Session, ctx: Context, customer: m.Customer, to_code: str, *, reason: str | None,
    visit_id: str | None, at: datetime | None = None,
) -> m.StageEvent | None:
    """Within the caller's transaction: the event and the customer's current stage."""
    check_stage(s, to_code)
    if customer.stage_code == to_code:
        return None
    reason = v.clean_text(reason, field="reason", max_len=limits.MEDIUM_TEXT)
    at = at or datetime.now().replace(microsecond=0)  # event times are local wall-clock
    event = m.StageEvent(customer_id=customer.id, from_code=customer.stage_code, to_code=to_code,
                         occurred_at=at, by_user_id=ctx.user_id, reason=reason, visit_id=visit_id)
    insert_row(s, ctx, event, "stage_events")
    apply_changes(s, ctx, customer, "customers", {"stage_code": to_code, "stage_changed_at": at})
    return event


def move_stage(
    ctx: Context, *, customer_id: str, to_code: str, reason: str | None = None,
    expected_version: int | None = None,
) -> dto.StageEvent | None:
    """Move a customer to ``to_code``; None when it is already there."""
    with ctx.store.write() as s:
        customer = load_customer(s, customer_id)
        check_version(customer, "customer", expected_version)
        event = record_move(s, ctx, customer, to_code, reason=reason, visit_id=None)
        return None if event is None else dto.StageEvent.of(event)


def stage_history(ctx: Context, *, customer_id: str) -> list[dto.StageEvent]:
    with ctx.store.read() as s:
        rows = s.scalars(
            select(m.StageEvent)
            .where(m.StageEvent.customer_id == customer_id, m.StageEvent.deleted == false())
            .order_by(m.StageEvent.created_at, m.StageEvent.occurred_at)  # the recorded chain
        )
        return [dto.StageEvent.of(r) for r in rows]
