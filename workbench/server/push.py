"""``POST /v1/push``: de-duplication on (device, seq), transactions all or nothing, the merge,
and server sequence numbers taken at the end, in commit order."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Engine, insert, select

from workbench.server.apply import PushState, apply_entry, prefetch
from workbench.server.authz import load_actor
from workbench.server.db import is_postgres, transaction, utcnow
from workbench.server.departures import record_departures
from workbench.server.errors import TRANSACTION_REFUSED, ApiError, Refused, bad_request
from workbench.server.schema import device_ops, devices
from workbench.server.wire import canonical, digest

MAX_ENTRIES = 1000
OPS = frozenset({"insert", "update", "delete"})

# Test hook: called inside the push transaction after it has taken its sequence numbers and
# before it commits (tests/server/test_commit_order.py holds a push open here).
after_numbers: Callable[[Connection], None] | None = None


def _entry(raw: Any, n: int) -> dict[str, Any]:
    def need(ok: bool, what: str) -> None:
        if not ok:
            raise bad_request(f"entry {n}: {what}", f"第{n}项更改格式无效：{what}")

    need(isinstance(raw, dict), "an entry is an object")
    seq, fields = raw.get("seq"), raw.get("fields")
    need(isinstance(seq, int) and not isinstance(seq, bool) and 0 <= seq < 2**62,
         "seq is a whole number")
    for key in ("table", "row"):
        need(isinstance(raw.get(key), str) and 0 < len(raw[key]) <= 80, f"{key} is a short text")
    need(isinstance(raw.get("op"), str) and raw.get("op") in OPS, "op is insert, update or delete")
    base = raw.get("base_version", 0)
    need(isinstance(base, int) and not isinstance(base, bool) and 0 <= base < 2**62,
         "base_version is a whole number")
    need(isinstance(fields, dict), "fields is an object")
    tx = raw.get("tx")
    need(tx is None or isinstance(tx, str), "tx is a text")
    at = raw.get("at")
    if at is not None:
        try:
            need(isinstance(at, str) and datetime.fromisoformat(at).tzinfo is not None,
                 "at is an instant with its offset")
        except ValueError:
            need(False, "at is an instant with its offset")
    return raw


def parse_push(body: Any) -> tuple[str, list[dict[str, Any]]]:
    if not isinstance(body, dict):
        raise bad_request("the body is a JSON object")
    device_id, entries = body.get("device_id"), body.get("entries")
    if not isinstance(device_id, str) or not isinstance(entries, list):
        raise bad_request("device_id and entries are required", "缺少 device_id 或 entries")
    if len(entries) > MAX_ENTRIES:
        raise ApiError(413, "too_large", f"at most {MAX_ENTRIES} entries per push",
                       f"每次最多上传{MAX_ENTRIES}项更改")
    parsed = [_entry(e, n) for n, e in enumerate(entries, 1)]
    if len({e["seq"] for e in parsed}) != len(parsed):
        raise bad_request("a seq appears twice in the batch", "同一批次中序号重复")
    return device_id, parsed


def _recorded(conn: Connection, device_id: str, seqs: list[int]) -> dict[int, tuple[str, str]]:
    out: dict[int, tuple[str, str]] = {}
    for start in range(0, len(seqs), 500):
        chunk = seqs[start:start + 500]
        q = select(device_ops.c.seq, device_ops.c.hash, device_ops.c.result).where(
            device_ops.c.device_id == device_id, device_ops.c.seq.in_(chunk))
        out.update({int(s): (h, r) for s, h, r in conn.execute(q)})
    return out


def _lock_device(conn: Connection, device_id: str) -> Any:
    q = select(devices).where(devices.c.id == device_id)
    if is_postgres(conn):
        q = q.with_for_update()
    device = conn.execute(q).first()
    if device is None or device.revoked_at is not None:
        raise ApiError(401, "auth", "this device was revoked", "此设备已被吊销")
    return device


def _result(seq: int, status: str, *, version: int | None = None, reason: Any = None,
            conflicts: list[str] | None = None) -> dict[str, Any]:
    return {"seq": seq, "status": status, "version": version, "reason": reason,
            "conflicts": conflicts or [], "duplicate": False}


def _apply_tx(state: PushState, group: list[dict[str, Any]]) -> dict[int, dict[str, Any]]:
    """One device transaction: all of it or none of it (what it wrote stays in memory until
    the push ends, so a refused one is forgotten: ``PushRows.rollback``)."""
    touched, renumbered = dict(state.touched), dict(state.renumbered)
    departed = len(state.departures)
    state.rows.begin()
    out: dict[int, dict[str, Any]] = {}
    for entry in group:
        try:
            done = apply_entry(state, entry)
        except Refused as refused:
            state.rows.rollback()
            state.touched, state.renumbered = touched, renumbered
            del state.departures[departed:]
            return {e["seq"]: (_result(e["seq"], "refused", reason=refused.reason())
                               if e is entry else
                               _result(e["seq"], "refused", reason=TRANSACTION_REFUSED))
                    for e in group}
        out[entry["seq"]] = _result(entry["seq"], done.status, version=done.version,
                                    conflicts=done.conflicts)
    state.rows.commit()
    return out


def _push(conn: Connection, device_id: str, entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    device = _lock_device(conn, device_id)
    hashes = {e["seq"]: digest(e) for e in entries}
    recorded = _recorded(conn, device_id, list(hashes))
    for e in entries:
        seen = recorded.get(e["seq"])
        if seen is not None and seen[0] != hashes[e["seq"]]:
            raise ApiError(409, "device_clash",
                           "this device identity was reused (a copied store or a restored backup)",
                           "设备标识被重复使用（复制的数据库或恢复的备份）", seq=e["seq"])
    groups: dict[str, list[dict[str, Any]]] = {}
    for e in entries:
        if e["seq"] not in recorded:
            groups.setdefault(e.get("tx") or f"seq:{e['seq']}", []).append(e)
    results: dict[int, dict[str, Any]] = {}
    if groups:
        state = PushState(conn, load_actor(conn, device.user_id, device_id))
        prefetch(state, [e for group in groups.values() for e in group])
        for group in groups.values():
            results.update(_apply_tx(state, group))
        state.rows.flush(list(state.touched))
        record_departures(conn, state.departures)
        now = utcnow()
        conn.execute(insert(device_ops), [
            {"device_id": device_id, "seq": seq, "hash": hashes[seq], "result": canonical(r),
             "created_at": now} for seq, r in results.items()])
    if after_numbers is not None:
        after_numbers(conn)
    for seq, (_, result) in recorded.items():
        results[seq] = {**json.loads(result), "duplicate": True}
    return [results[e["seq"]] for e in entries]


def push(engine: Engine, device_id: str, entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Apply a batch from an authenticated device; one result per entry, in order."""
    return transaction(engine, lambda conn: _push(conn, device_id, entries))
