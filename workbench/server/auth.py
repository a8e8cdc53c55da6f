"""Device tokens and enrolment codes (stored as SHA-256 only)."""

from __future__ import annotations

import secrets
from datetime import timedelta
from typing import Any

from sqlalchemy import Connection, Engine, insert, select, update

from workbench.server.db import transaction, utcnow
from workbench.server.errors import ApiError, bad_request, unauthorised
from workbench.server.schema import devices, enrol_codes, server_meta, server_users
from workbench.server.signing import public_key
from workbench.server.wire import sha256

CODE_DAYS = 7
SEEN_EVERY = timedelta(minutes=1)  # last_seen_at is written at most this often


def new_code() -> str:
    """A one-time enrolment code: 16 characters in groups of four, easy to type."""
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    raw = "".join(secrets.choice(alphabet) for _ in range(16))
    return "-".join(raw[i:i + 4] for i in range(0, 16, 4))


def _code_hash(code: str) -> str:
    return sha256(code.strip().upper().replace(" ", ""))


def store_code(conn: Connection, user_id: str) -> str:
    code = new_code()
    now = utcnow()
    conn.execute(insert(enrol_codes).values(code_hash=_code_hash(code), user_id=user_id,
                                            created_at=now, expires_at=now + timedelta(days=CODE_DAYS)))
    return code


def server_id(conn: Connection) -> str:
    return str(conn.scalar(select(server_meta.c.value).where(server_meta.c.key == "server_id")))


def _text(body: dict[str, Any], key: str, limit: int) -> str:
    value = body.get(key)
    if not isinstance(value, str) or not value.strip() or len(value) > limit:
        raise bad_request(f"{key} is required (at most {limit} characters)", f"缺少 {key}")
    return value.strip()


def enrol(engine: Engine, body: Any) -> dict[str, Any]:
    """Exchange a one-time code for a device token (401 for a used, expired or unknown code)."""
    if not isinstance(body, dict):
        raise bad_request("the body is a JSON object")
    code, device_id = _text(body, "code", 64), _text(body, "device_id", 64)
    name = str(body.get("device_name") or "")[:120] or device_id

    def run(conn: Connection) -> dict[str, Any]:
        now = utcnow()
        row = conn.execute(select(enrol_codes).where(enrol_codes.c.code_hash == _code_hash(code))).first()
        if row is None or row.used_at is not None or row.expires_at < now:
            raise ApiError(401, "auth", "this enrolment code is unknown, used or expired",
                           "登记码无效、已使用或已过期")
        user = conn.execute(select(server_users).where(server_users.c.id == row.user_id)).first()
        if user is None:
            raise unauthorised()
        device = conn.execute(select(devices).where(devices.c.id == device_id)).first()
        if device is not None and device.revoked_at is not None:
            raise ApiError(403, "device_revoked", "this device was revoked: use a new device id",
                           "此设备已被吊销")
        if device is not None and device.user_id != user.id:  # never take over someone's device
            raise ApiError(409, "device_taken", "this device id is enrolled by another user",
                           "此设备编号已由其他用户登记")
        token = secrets.token_urlsafe(32)
        values = {"user_id": user.id, "name": name, "token_hash": sha256(token),
                  "last_seen_at": now}
        if device is None:
            conn.execute(insert(devices).values(id=device_id, created_at=now, **values))
        else:
            conn.execute(update(devices).where(devices.c.id == device_id).values(**values))
        conn.execute(update(enrol_codes).where(enrol_codes.c.code_hash == row.code_hash)
                     .values(used_at=now))
        return {"token": token, "server_id": server_id(conn), "policy_key": public_key(conn),
                "user": {"id": user.id, "name": user.name, "role": user.role, "team": user.team}}

    return transaction(engine, run)


def authenticate(engine: Engine, authorization: str | None) -> Any:
    """The device row of a bearer token; 401 when missing, unknown or revoked."""
    if not authorization or not authorization.lower().startswith("bearer "):
        raise unauthorised("a bearer token is required", "需要设备令牌")
    token_hash = sha256(authorization[7:].strip())

    def read(conn: Connection) -> Any:
        return conn.execute(select(devices).where(devices.c.token_hash == token_hash)).first()

    device = transaction(engine, read, write=False)
    if device is None or device.revoked_at is not None:
        raise unauthorised()
    now = utcnow()
    if device.last_seen_at is None or now - device.last_seen_at > SEEN_EVERY:
        transaction(engine, lambda conn: conn.execute(
            update(devices).where(devices.c.id == device.id).values(last_seen_at=now)))
    return device


def rekey(engine: Engine, device: Any, body: Any) -> dict[str, Any]:
    """Move this token to a new device id (a copied or restored store took a new identity)."""
    if not isinstance(body, dict):
        raise bad_request("the body is a JSON object")
    new_id = _text(body, "new_device_id", 64)

    def run(conn: Connection) -> dict[str, Any]:
        if new_id != device.id:
            taken = conn.execute(select(devices.c.id).where(devices.c.id == new_id)).first()
            if taken is not None:
                raise ApiError(409, "device_taken", "that device id is taken", "该设备编号已被占用")
            conn.execute(update(devices).where(devices.c.id == device.id).values(id=new_id))
        return {"device_id": new_id}

    return transaction(engine, run)
