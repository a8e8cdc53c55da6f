"""Administration, for the CLI and for tests: create the schema, add users with a one-time
enrolment code, list and revoke devices. Every function takes the database URL."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import Connection, insert, select, update

from workbench.domain import limits
from workbench.domain.errors import ValidationError
from workbench.domain.validation import clean_text, normalize_phone, validate_email
from workbench.server import store
from workbench.server.auth import store_code
from workbench.server.db import get_engine, transaction, utcnow
from workbench.server.migrations.runner import upgrade
from workbench.server.schema import devices, server_users
from workbench.server.store import StoredRow
from workbench.server.wire import iso_utc

ROLES = {"manager": "manager", "lead": "team_lead", "team_lead": "team_lead", "hq": "hq"}


class AdminError(Exception):
    """A refused administrative request (the CLI exits 2 with this message)."""


def init_db(db_url: str | None = None) -> str:
    """Create or upgrade the server's schema; returns the URL used."""
    engine = get_engine(db_url)
    upgrade(engine)
    return engine.url.render_as_string(hide_password=True)


def _mirror(conn: Connection, user: Any, version: int) -> None:
    """The user as a row of table ``users`` (the local model's columns), so it pulls down."""
    data = {"id": user.id, "name": user.name, "role": user.role, "team": user.team,
            "phone": user.phone, "email": user.email, "created_at": iso_utc(user.created_at),
            "updated_at": iso_utc(user.updated_at), "version": version, "deleted": False}
    existing = store.get_row(conn, "users", user.id, lock=True)
    row = StoredRow("users", user.id, data, version, False,
                    field_versions={k: [version, "server"] for k in data})
    store.save_row(conn, row, new=existing is None)
    store.assign_seqs(conn, [("users", user.id)])


def _clean(name: str, team: str | None, phone: str | None, email: str | None) -> dict[str, Any]:
    try:
        return {"name": clean_text(name, field="name", max_len=limits.PERSON_NAME, required=True),
                "team": clean_text(team, field="team", max_len=limits.SHORT_TEXT),
                "phone": normalize_phone(phone, field="phone") if phone else None,
                "email": validate_email(email, field="email") if email else None}
    except ValidationError as exc:
        raise AdminError("; ".join(f"{e.field}: {e.en}" for e in exc.errors)) from None


def add_user(db_url: str | None = None, *, name: str, role: str, team: str | None = None,
             phone: str | None = None, email: str | None = None) -> tuple[str, str]:
    """Add a server user; returns ``(user id, one-time enrolment code)``."""
    if role not in ROLES:
        raise AdminError(f"role must be manager, lead or hq, not {role!r}")
    values = _clean(name, team, phone, email)
    if ROLES[role] == "team_lead" and not values["team"]:
        raise AdminError("a team lead needs a --team")

    def run(conn: Connection) -> tuple[str, str]:
        now = utcnow()
        user_id = str(uuid.uuid4())
        conn.execute(insert(server_users).values(id=user_id, role=ROLES[role], created_at=now,
                                                 updated_at=now, **values))
        _mirror(conn, _user(conn, user_id), 1)
        return user_id, store_code(conn, user_id)

    return transaction(get_engine(db_url), run)


def _user(conn: Connection, name_or_id: str) -> Any:
    by_id = conn.execute(select(server_users).where(server_users.c.id == name_or_id)).first()
    if by_id is not None:
        return by_id
    named = conn.execute(select(server_users).where(server_users.c.name == name_or_id)).all()
    if not named:
        raise AdminError(f"no user {name_or_id!r}")
    if len(named) > 1:
        raise AdminError(f"{len(named)} users are called {name_or_id!r}: give the id")
    return named[0]


def new_code(db_url: str | None = None, user: str = "") -> tuple[str, str]:
    """A fresh one-time enrolment code for a user named or identified by ``user``."""
    def run(conn: Connection) -> tuple[str, str]:
        found = _user(conn, user)
        return found.id, store_code(conn, found.id)

    return transaction(get_engine(db_url), run)


def list_devices(db_url: str | None = None) -> list[dict[str, Any]]:
    def run(conn: Connection) -> list[dict[str, Any]]:
        q = (select(devices, server_users.c.name.label("user_name"))
             .select_from(devices.outerjoin(server_users, server_users.c.id == devices.c.user_id))
             .order_by(devices.c.created_at))
        return [{"id": d.id, "name": d.name, "user_id": d.user_id, "user": d.user_name,
                 "created_at": iso_utc(d.created_at),
                 "last_seen_at": iso_utc(d.last_seen_at) if d.last_seen_at else None,
                 "revoked_at": iso_utc(d.revoked_at) if d.revoked_at else None}
                for d in conn.execute(q)]

    return transaction(get_engine(db_url), run, write=False)


def revoke_device(db_url: str | None = None, device_id: str = "") -> None:
    """Refuse the device's token from now on (its next request is a 401)."""
    def run(conn: Connection) -> None:
        found = conn.execute(select(devices.c.revoked_at).where(devices.c.id == device_id)).first()
        if found is None:
            raise AdminError(f"no device {device_id!r}")
        if found.revoked_at is None:
            conn.execute(update(devices).where(devices.c.id == device_id).values(revoked_at=utcnow()))

    transaction(get_engine(db_url), run)
