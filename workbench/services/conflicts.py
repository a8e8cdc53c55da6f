"""Conflicts the server recorded (two values of one field, an edit against a delete, two
customers that should be one), and resolving them: one service call, one transaction holding the
chosen value's write and the conflict's resolution, both journaled so that they sync and the
whole team sees the same answer."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select

from workbench.domain.errors import FieldError, NotFoundError, ValidationError
from workbench.services.context import Context, apply_changes
from workbench.store import models as m
from workbench.store.models import utcnow
from workbench.store.payload import decode_fields, model_for

KEPT, OTHER = "kept", "other"


@dataclass(frozen=True, slots=True)
class ConflictInfo:
    id: str
    table_name: str
    row_id: str
    customer_id: str | None
    field: str | None
    kind: str
    kept_value: Any
    other_value: Any
    kept_by: str | None
    other_by: str | None
    status: str
    created_at: datetime

    @classmethod
    def of(cls, row: m.Conflict) -> ConflictInfo:
        def value(text: str | None) -> Any:
            return None if text is None else json.loads(text)

        return cls(row.id, row.table_name, row.row_id, row.customer_id, row.field, row.kind,
                   value(row.kept_value), value(row.other_value), row.kept_by, row.other_by, row.status,
                   row.created_at)


def list_conflicts(ctx: Context, *, status: str | None = "open", customer_id: str | None = None) -> list[ConflictInfo]:
    with ctx.store.read() as s:
        q = select(m.Conflict).where(m.Conflict.deleted.is_(False)).order_by(m.Conflict.created_at)
        if status is not None:
            q = q.where(m.Conflict.status == status)
        if customer_id is not None:
            q = q.where(m.Conflict.customer_id == customer_id)
        return [ConflictInfo.of(r) for r in s.scalars(q)]


def open_count(ctx: Context) -> int:
    """How many conflicts wait for someone to choose."""
    with ctx.store.read() as s:
        return s.scalar(select(func.count()).select_from(m.Conflict).where(
            m.Conflict.deleted.is_(False), m.Conflict.status == "open")) or 0


def resolve_conflict(ctx: Context, *, conflict_id: str, keep: str) -> ConflictInfo:
    """Settle a field conflict: ``kept`` confirms the provisional value, ``other`` writes the
    other one to the row (an ordinary journaled edit). Other kinds (edit against delete,
    duplicate customers) are settled by the edit or merge itself and only marked here."""
    if keep not in (KEPT, OTHER):
        raise ValidationError(FieldError("keep", "请选择保留哪个值", "choose 'kept' or 'other'"))
    with ctx.store.write() as s:
        conflict = s.get(m.Conflict, conflict_id)
        if conflict is None or conflict.deleted:
            raise NotFoundError("conflict", conflict_id)
        if conflict.status != "open":
            raise ValidationError(FieldError("status", "该冲突已处理", "this conflict is already resolved"))
        if keep == OTHER and conflict.kind == "field" and conflict.field:
            model = model_for(conflict.table_name)
            value = decode_fields(model, {conflict.field: json.loads(conflict.other_value or "null")})
            row = (s.scalar(select(m.Customer).where(m.Customer.id == conflict.row_id))
                   if conflict.table_name == "customers" else s.get(model, conflict.row_id))
            if row is None:
                raise NotFoundError(conflict.table_name, conflict.row_id)
            apply_changes(s, ctx, row, conflict.table_name, value)
        apply_changes(s, ctx, conflict, "conflicts", {
            "status": "resolved", "resolution": json.dumps({"keep": keep}), "resolved_by": ctx.user_id,
            "resolved_at": utcnow()})
        return ConflictInfo.of(conflict)
