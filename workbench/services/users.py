"""Local users and roles (the sync issue brings real identities from the server)."""

from __future__ import annotations

from sqlalchemy import false, select

from workbench.domain import limits
from workbench.domain import validation as v
from workbench.domain.enums import Role
from workbench.services import dto
from workbench.services.context import Context
from workbench.store import models as m
from workbench.store.engine import Store
from workbench.store.models import Meta, utcnow


def create_user(store: Store, *, name: str, role: Role | str, team: str | None = None) -> dto.UserInfo:
    name = v.clean_text(name, field="name", max_len=limits.PERSON_NAME, required=True) or ""
    with store.write() as s:
        user = m.User(name=name, role=Role(role).value, team=team, created_at=utcnow(), updated_at=utcnow())
        s.add(user)
        s.flush()
        return dto.UserInfo.of(user)


def list_users(store: Store) -> list[dto.UserInfo]:
    with store.read() as s:
        return [dto.UserInfo.of(u) for u in s.scalars(select(m.User).where(m.User.deleted == false()).order_by(m.User.name))]


#: The name the first start gives this device's user; the English UI shows it as "Me".
DEFAULT_USER_NAME = "我"


def current_user(store: Store, *, default_name: str = DEFAULT_USER_NAME) -> dto.UserInfo:
    """This device's user; the first start creates a local account manager.

    Looked up, and if need be created and recorded, in one write transaction, so two
    processes starting on a new store agree on one user.
    """
    with store.read() as s:
        uid = s.scalar(select(Meta.value).where(Meta.key == "current_user"))
        user = s.get(m.User, uid) if uid else None
        if user is not None:
            return dto.UserInfo.of(user)
    with store.write() as s:
        uid = s.scalar(select(Meta.value).where(Meta.key == "current_user"))
        user = s.get(m.User, uid) if uid else None
        if user is None:
            user = m.User(name=default_name, role=Role.MANAGER.value, created_at=utcnow(), updated_at=utcnow())
            s.add(user)
            s.flush()
            s.merge(Meta(key="current_user", value=user.id))
        return dto.UserInfo.of(user)


def set_current_user(store: Store, *, user_id: str) -> None:
    with store.write() as s:
        row = s.get(Meta, "current_user")
        if row is None:
            s.add(Meta(key="current_user", value=user_id))
        else:
            row.value = user_id


def user_context(store: Store) -> Context:
    """The context every service call of this device runs in: the store and its user."""
    user = current_user(store)
    return Context(store, user.id, user.name)
