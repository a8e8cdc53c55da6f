"""Handing a customer to another manager (客户移交): the owner's team lead gives the customer,
with everything that hangs from it, to a member of the team; HQ to anyone. A manager does not
give customers away (the server refuses it too: workbench/server/authz.may_own).

A journaled write like any edit, so it syncs; the server checks it again
(workbench/server/authz.py) and the laptops that may no longer see the customer forget it at
their next sync (docs/sync-protocol.md, "Departures").
"""

from __future__ import annotations

from workbench.domain.errors import FieldError, PermissionDenied, ValidationError
from workbench.services import dto
from workbench.services.context import Context, apply_changes
from workbench.services.customers import _to_dto, check_version, load
from workbench.store import models as m


def hand_over(ctx: Context, *, customer_id: str, to_user_id: str,
              expected_version: int | None = None) -> dto.Customer:
    """Make ``to_user_id`` the customer's owner. PermissionDenied unless the acting user leads
    the owner's team or is HQ; ValidationError naming ``owner_id`` for an unknown user or one
    outside the lead's team."""
    with ctx.store.write() as s:
        row = load(s, customer_id)
        check_version(row, "customer", expected_version)
        me = s.get(m.User, ctx.user_id)
        owner = s.get(m.User, row.owner_id) if row.owner_id else None
        to = s.get(m.User, to_user_id)
        if me is None:
            raise PermissionDenied(f"unknown user {ctx.user_id}")
        leads_owner = me.role == "team_lead" and owner is not None and owner.team == me.team
        if not (me.role == "hq" or leads_owner):
            raise PermissionDenied("only the owner's team lead or HQ hands a customer over")
        if to is None or to.deleted:
            raise ValidationError(FieldError("owner_id", "没有此用户", "no such user"))
        if me.role != "hq" and to.team != me.team:
            raise ValidationError(FieldError("owner_id", "只能移交给本团队的成员", "only to a member of your team"))
        apply_changes(s, ctx, row, "customers", {"owner_id": to.id})
        return _to_dto(s, row)
