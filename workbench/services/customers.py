"""Use cases on customers: create, edit, delete (tombstone), restore, read."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import false, select
from sqlalchemy.orm import Session

from workbench.domain.enums import FIRST_STAGE
from workbench.domain.errors import FieldError, NotFoundError, StaleEditError, ValidationError
from workbench.services import dto, fields
from workbench.services.context import Context, apply_changes, insert_row, set_deleted
from workbench.store import models as m
from workbench.store.search_index import reindex_customer


def load(session: Session, customer_id: str, *, live: bool = True) -> m.Customer:
    row = session.scalar(select(m.Customer).where(m.Customer.id == customer_id))
    if row is None or (live and row.deleted):
        raise NotFoundError("customer", customer_id)
    return row


def check_version(row: Any, kind: str, expected: int | None) -> None:
    if expected is not None and row.version != expected:
        raise StaleEditError(kind, row.id, expected, row.version)


def _to_dto(session: Session, row: m.Customer) -> dto.Customer:
    industry = session.get(m.Industry, row.industry_code)
    assert industry is not None
    return dto.Customer.of(row, industry)


def check_credit_code_free(session: Session, code: str | None, own_id: str | None) -> None:
    if not code:
        return
    other = session.execute(
        select(m.Customer.id, m.Customer.name).where(
            m.Customer.credit_code == code, m.Customer.deleted == false(), m.Customer.id != (own_id or "")
        )
    ).first()
    if other is not None:
        raise ValidationError(
            FieldError("credit_code", f"该信用代码已属于客户“{other.name}”", f"already used by customer {other.name!r}")
        )


def check_stage(session: Session, code: str) -> None:
    stage = session.get(m.StageDef, code)
    if stage is None or not stage.active:
        raise ValidationError(FieldError("stage_code", f"未定义的阶段:{code!r}", f"undefined stage {code!r}"))


def create_customer(ctx: Context, *, values: Mapping[str, Any], stage_code: str = FIRST_STAGE) -> dto.Customer:
    """A new customer at ``stage_code``, with its first stage event, in one transaction."""
    clean = fields.clean(fields.CUSTOMER, values, required=("name", "industry_code"))
    with ctx.store.write() as s:
        check_credit_code_free(s, clean.get("credit_code"), None)
        check_stage(s, stage_code)
        now = datetime.now().replace(microsecond=0)  # event times are local wall-clock
        row = m.Customer(**clean, stage_code=stage_code, stage_changed_at=now)
        insert_row(s, ctx, row, "customers")
        event = m.StageEvent(customer_id=row.id, from_code=None, to_code=stage_code, occurred_at=now,
                             by_user_id=ctx.user_id)
        insert_row(s, ctx, event, "stage_events")
        reindex_customer(s, row.id)
        return _to_dto(s, row)


def update_customer(
    ctx: Context, *, customer_id: str, changes: Mapping[str, Any], expected_version: int | None = None
) -> dto.Customer:
    """Edit some fields; refused whole if any field is bad or the row moved on meanwhile."""
    clean = fields.clean(fields.CUSTOMER, changes)
    with ctx.store.write() as s:
        row = load(s, customer_id)
        check_version(row, "customer", expected_version)
        if "credit_code" in clean:
            check_credit_code_free(s, clean["credit_code"], customer_id)
        changed = apply_changes(s, ctx, row, "customers", clean)
        if changed.keys() & {"name", "short_name", "credit_code"}:
            s.flush()
            reindex_customer(s, customer_id)
        return _to_dto(s, row)


def delete_customer(ctx: Context, *, customer_id: str, expected_version: int | None = None) -> int:
    """Tombstone the customer (undoable with :func:`restore_customer`); returns the new version."""
    with ctx.store.write() as s:
        row = load(s, customer_id)
        check_version(row, "customer", expected_version)
        _set_deleted(s, ctx, row, True)
        return row.version


def restore_customer(ctx: Context, *, customer_id: str, expected_version: int | None = None) -> dto.Customer:
    with ctx.store.write() as s:
        row = load(s, customer_id, live=False)
        check_version(row, "customer", expected_version)
        check_credit_code_free(s, row.credit_code, customer_id)
        _set_deleted(s, ctx, row, False)
        return _to_dto(s, row)


def _set_deleted(s: Session, ctx: Context, row: m.Customer, deleted: bool) -> None:
    if set_deleted(s, ctx, row, "customers", deleted):
        reindex_customer(s, row.id)


def get_customer(ctx: Context, *, customer_id: str) -> dto.Customer:
    with ctx.store.read() as s:
        return _to_dto(s, load(s, customer_id))


_ROW_COLUMNS = (
    m.Customer.num, m.Customer.id, m.Customer.name, m.Customer.short_name, m.Customer.industry_code,
    m.Customer.stage_code, m.Customer.region, m.Customer.value_grade, m.Customer.owner_id,
    m.Customer.next_follow_up, m.Customer.last_visit_at,
)


def rows_by_num(session: Session, nums: Sequence[int]) -> list[dto.CustomerRow]:
    """List rows for ``nums``, in the order given (missing ones skipped)."""
    if not nums:
        return []
    found = {r.num: dto.CustomerRow(*r) for r in session.execute(select(*_ROW_COLUMNS).where(m.Customer.num.in_(nums)))}
    return [found[n] for n in nums if n in found]


def customer_rows(ctx: Context, *, nums: Sequence[int]) -> list[dto.CustomerRow]:
    with ctx.store.read() as s:
        return rows_by_num(s, nums)


def industries(ctx: Context) -> list[dto.IndustryInfo]:
    with ctx.store.read() as s:
        return [dto.IndustryInfo.of(i) for i in s.scalars(select(m.Industry).order_by(m.Industry.position))]
