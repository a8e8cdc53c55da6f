"""Who may see and write what (docs/sync-protocol.md, "Visibility and authority").

A row hangs from a customer (or from nobody: the global tables). A manager sees and writes
their own customers and the shared ones, a team lead the team's (and the shared ones), HQ all.
Only HQ writes industries, stage definitions and price books; no device writes users; a
conflict is written only to resolve it. The actor is always the token's user.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import ColumnElement, Connection, and_, or_, select, true

from workbench.server import store
from workbench.server.errors import ApiError, Refused, forbidden
from workbench.server.schema import rows, server_users
from workbench.server.store import PushRows, StoredRow
from workbench.server.tables import GLOBAL_TABLES, HQ_TABLES, PARENT, has_column

RESOLUTION_FIELDS = frozenset({"status", "resolution", "resolved_by", "resolved_at", "note"})


@dataclass
class Actor:
    user_id: str
    role: str
    team: str | None
    device_id: str
    members: set[str] = field(default_factory=set)  # the lead's team (the lead included)

    @property
    def hq(self) -> bool:
        return self.role == "hq"


def load_actor(conn: Connection, user_id: str, device_id: str) -> Actor:
    u = store.user(conn, user_id)
    if u is None:
        raise ApiError(401, "auth", "the device's user no longer exists", "设备的用户已不存在")
    members = store.team_members(conn, u.team) if u.role == "team_lead" else set()
    return Actor(u.id, u.role, u.team, device_id, members | {u.id})


def may_write_customer(actor: Actor, customer: StoredRow) -> bool:
    if actor.hq or customer.shared or customer.owner_id == actor.user_id:
        return True
    return actor.role == "team_lead" and customer.owner_id in actor.members


def may_own(view: PushRows, actor: Actor, owner_id: str) -> bool:
    """May ``actor`` make ``owner_id`` a customer's owner?"""
    if actor.hq:
        return view.user(owner_id) is not None
    if actor.role == "team_lead":
        return owner_id in actor.members
    return owner_id == actor.user_id


def customer_of(view: PushRows, table: str, row_id: str, fields: dict[str, Any],
                existing: StoredRow | None) -> str | None:
    """The customer a row hangs from, from its (new) data."""
    if table == "customers":
        return row_id
    if table == "conflicts":
        return existing.customer_id if existing else None
    link = PARENT.get(table)
    if link is None:
        return None
    column, parent = link
    value = fields.get(column, existing.data.get(column) if existing else None)
    if value is None:
        return None
    if parent == "customers":
        return str(value)
    row = view.get(parent, str(value))
    if row is None:
        raise Refused("missing_reference", f"{column}: no {parent} row {value}",
                      f"{column}：服务器上没有此{parent}记录 {value}", column)
    return row.customer_id


def _customer(view: PushRows, customer_id: str) -> StoredRow:
    row = view.get("customers", customer_id)
    if row is None:
        raise Refused("missing_reference", f"customer_id: no customer {customer_id}",
                      f"customer_id：服务器上没有此客户 {customer_id}", "customer_id")
    return row


def _denied(what: str) -> Refused:
    return forbidden(f"you may not write {what}", f"您无权修改{what}")


def missing_row(table: str, row_id: str) -> Refused:
    return Refused("missing_row", f"the server has no {table} row {row_id}", f"服务器上没有此记录 {row_id}")


def _unseen_reference(table: str, fields: dict[str, Any], existing: StoredRow | None) -> Refused:
    """What a reference to a customer the actor may not see is answered: exactly what a
    reference to a row that does not exist would be, so that a refusal never tells that
    something exists."""
    link = PARENT.get(table)
    if link is not None and link[1] != "customers" and fields.get(link[0]) is not None:
        column, parent = link
        value = fields[column]
        return Refused("missing_reference", f"{column}: no {parent} row {value}",
                       f"{column}：服务器上没有此{parent}记录 {value}", column)
    customer_id = fields.get("customer_id", existing.customer_id if existing else None)
    return Refused("missing_reference", f"customer_id: no customer {customer_id}",
                   f"customer_id：服务器上没有此客户 {customer_id}", "customer_id")


def authorise(view: PushRows, actor: Actor, table: str, op: str, row_id: str,
              fields: dict[str, Any], existing: StoredRow | None) -> str | None:
    """Refuse what the actor may not write; fill in the owner the server decides. Returns the
    customer the row hangs from."""
    if table == "users":
        raise Refused("read_only", "devices do not write users", "设备不能修改用户", None)
    if table in HQ_TABLES:
        if not actor.hq:
            raise _denied(table)
        return None
    if table == "conflicts":
        if op != "update" or existing is None or not set(fields) <= RESOLUTION_FIELDS:
            raise forbidden("a conflict is written only to resolve it", "冲突记录只能被处理")
        if existing.customer_id is not None and not actor.hq:
            if not may_write_customer(actor, _customer(view, existing.customer_id)):
                raise missing_row(table, row_id)  # a conflict the actor cannot see
        elif existing.customer_id is None and not actor.hq:
            raise _denied("this conflict")
        if "status" in fields:
            fields["resolved_by"] = actor.user_id
        return existing.customer_id
    customer_id = customer_of(view, table, row_id, fields, existing)
    if table == "customers":
        _authorise_customer(view, actor, op, row_id, fields, existing)
        return customer_id
    if customer_id is None:
        raise Refused("missing_reference", "the row hangs from no customer", "记录不属于任何客户")
    if existing is not None and existing.customer_id is not None and not may_write_customer(
            actor, _customer(view, str(existing.customer_id))):
        # a row of an unseen customer: answered as a row that does not exist (a contact met
        # is named by its visit: answered as a visit that does not exist)
        if table == "visit_contacts":
            raise _unseen_reference(table, fields, existing)
        raise missing_row(table, row_id) if op != "insert" else _denied("this customer's records")
    if not may_write_customer(actor, _customer(view, customer_id)):
        raise _unseen_reference(table, fields, existing)
    if existing is None:
        for column in ("owner_id", "by_user_id"):
            if has_column(table, column) and (column in fields or column == "owner_id"):
                fields[column] = actor.user_id
    elif fields.get("owner_id", existing.owner_id) != existing.owner_id:
        raise forbidden("the owner of a record does not change", "记录的所有者不能更改", "owner_id")
    return customer_id


def _authorise_customer(view: PushRows, actor: Actor, op: str, row_id: str, fields: dict[str, Any],
                        existing: StoredRow | None) -> None:
    if existing is None:
        owner = fields.get("owner_id") or actor.user_id
        if not may_own(view, actor, str(owner)):
            raise forbidden("you may not create a customer for this owner",
                            "您不能为此所有者创建客户", "owner_id")
        fields["owner_id"] = owner
        return
    if not may_write_customer(actor, existing):
        raise missing_row("customers", row_id) if op != "insert" else _denied("this customer")
    owner_changes = fields.get("owner_id", existing.owner_id) != existing.owner_id
    share_changes = "shared" in fields and bool(fields["shared"]) != existing.shared
    if owner_changes or share_changes:
        manages = actor.hq or existing.owner_id == actor.user_id or (
            actor.role == "team_lead" and existing.owner_id in actor.members)
        if not manages:
            raise forbidden("only the owner, their team lead or HQ changes owner or sharing",
                            "只有所有者、其主管或总部可以更改所有者或共享",
                            "owner_id" if owner_changes else "shared")
    if owner_changes and not may_own(view, actor, str(fields["owner_id"])):
        raise forbidden("you may not give the customer to this owner", "您不能将客户转给此人",
                        "owner_id")


def visible(actor: Actor, r: Any = rows, c: Any = None) -> ColumnElement[bool]:
    """SQL: the rows ``r`` (joined to their customer ``c``) the actor may see."""
    if actor.hq:
        return true()
    assert c is not None
    mine: list[ColumnElement[bool]] = [
        and_(r.c.customer_id.is_(None), r.c.table_name.in_(GLOBAL_TABLES)),
        c.c.owner_id == actor.user_id,
        c.c.shared.is_(True),
    ]
    if actor.role == "team_lead" and actor.team:
        mine.append(c.c.owner_id.in_(select(server_users.c.id)
                                     .where(server_users.c.team == actor.team)))
    return or_(*mine)
