"""A big team server, seeded fast and honestly: a small laptop store is pushed through the real
API once, then its server-side rows are copied in PostgreSQL ``copies - 1`` times with new ids
(COPY), so the server holds what ``copies`` times as many pushed customers would leave there.

A copy ``k`` of the seed maps every id of a customer-scoped row (customers, contacts, visits,
their contacts met, stage events, conflicts...) to ``uuid5(NS, "k:old")`` wherever it appears
(row ids, ``customer_id``, the top-level values of the row's data), gives each customer a new
valid credit code (the same division), and takes new server sequence numbers in the seed's
order (the counter row moves on as a push would move it). Owner, sharing, versions and field
versions stay: the copies belong to the seed's manager, as pushed rows would. The device's
de-duplication records (``device_ops``) are copied with its journal numbers moved past the
seed's. Global rows (users, industries, stage definitions, price books) are not copied.

``copy_entry`` makes the same copy of a pushed journal entry: tests/sync/test_sync_seed.py
pushes copies through the API beside the SQL copies and compares the two servers and a fresh
device's pull of each, so this seeding cannot drift from the protocol silently.
"""

from __future__ import annotations

import copy
import json
import random
import uuid
from typing import Any

from workbench.domain.credit_code import generate_credit_code
from workbench.server.tables import GLOBAL_TABLES
from workbench.server.wire import canonical, sha256
from workbench.sync.client import ServerClient

NS = uuid.UUID("6f1c0c1e-5b8a-4e43-9d0e-3c1f7a2b9e11")


def new_id(k: int, old: str) -> str:
    return str(uuid.uuid5(NS, f"{k}:{old}"))


def new_code(k: int, old: str) -> str:
    """A valid credit code of the same division, one per (copy, code)."""
    return generate_credit_code(random.Random(f"{k}:{old}"), division=old[2:8])


def _map_row_id(k: int, table: str, row_id: str, ids: set[str]) -> str:
    if table == "visit_contacts":
        visit, _, contact = row_id.partition(":")
        return f"{new_id(k, visit) if visit in ids else visit}:{new_id(k, contact) if contact in ids else contact}"
    return new_id(k, row_id) if row_id in ids else row_id


def copy_data(k: int, table: str, data: dict[str, Any], ids: set[str]) -> dict[str, Any]:
    """A row's data (or an entry's fields) in copy ``k``."""
    out = {key: new_id(k, value) if isinstance(value, str) and value in ids else value
           for key, value in data.items()}
    if table == "customers" and isinstance(out.get("credit_code"), str):
        out["credit_code"] = new_code(k, out["credit_code"])
    return out


def entry_ids(batches: list[list[dict[str, Any]]]) -> set[str]:
    """The ids of the customer-scoped rows pushed entries name."""
    ids: set[str] = set()
    for batch in batches:
        for e in batch:
            if e["table"] in GLOBAL_TABLES:
                continue
            ids.update(e["row"].split(":") if e["table"] == "visit_contacts" else [e["row"]])
    return ids


def copy_entry(k: int, entry: dict[str, Any], ids: set[str], span: int) -> dict[str, Any]:
    """A pushed journal entry in copy ``k``: the same change to the copied rows, under a
    journal number ``span * k`` further on."""
    out = copy.deepcopy(entry)
    out["seq"] = entry["seq"] + span * k
    out["row"] = _map_row_id(k, entry["table"], entry["row"], ids)
    out["fields"] = copy_data(k, entry["table"], entry["fields"], ids)
    if entry.get("tx"):
        out["tx"] = f"{entry['tx']}:{k}"
    return out


class RecordingClient(ServerClient):
    """A client that keeps every batch it pushes (the seed's entries, to push copies of)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.batches: list[list[dict[str, Any]]] = []

    def push(self, *, device_id: str, entries: list[dict[str, Any]]) -> dict[str, Any]:
        self.batches.append(copy.deepcopy(entries))
        return super().push(device_id=device_id, entries=entries)


def push_copies(client: ServerClient, device_id: str, batches: list[list[dict[str, Any]]],
                copies: int) -> None:
    """The reference: copies 1..copies-1 of the seed pushed through the API, batch by batch."""
    ids = entry_ids(batches)
    span = max(e["seq"] for b in batches for e in b) + 1
    for k in range(1, copies):
        for batch in batches:
            answer = client.push(device_id=device_id, entries=[copy_entry(k, e, ids, span) for e in batch])
            refused = [r for r in answer["results"] if r["status"] == "refused"]
            if refused:
                raise RuntimeError(f"a copied push was refused: {refused[:3]}")


def _conninfo(db_url: str) -> str:
    return db_url.replace("postgresql+psycopg://", "postgresql://")


COLUMNS = ("table_name", "row_id", "data", "version", "deleted", "seq", "customer_id", "owner_id",
           "shared", "natural_key", "field_versions", "updated_at")


def replicate(db_url: str, copies: int) -> int:
    """Copy the server's customer-scoped rows ``copies - 1`` times (PostgreSQL); returns the
    rows added. The server should be idle: nothing else takes sequence numbers meanwhile."""
    import psycopg

    with psycopg.connect(_conninfo(db_url)) as con:
        seed = con.execute(f"SELECT {', '.join(COLUMNS)} FROM rows WHERE table_name <> ALL(%s) ORDER BY seq",
                           (sorted(GLOBAL_TABLES),)).fetchall()
        ops = con.execute("SELECT device_id, seq, hash, result, created_at FROM device_ops ORDER BY device_id, seq"
                          ).fetchall()
        if not seed or copies <= 1:
            return 0
        ids = {r[1] for r in seed if r[0] != "visit_contacts"}
        added = len(seed) * (copies - 1)
        # the numbers a push of that many rows would take, in one step (the counter row locked)
        (top,) = con.execute("UPDATE sync_counter SET value = value + %s WHERE id = 1 RETURNING value",
                             (added,)).fetchone()  # type: ignore[misc]
        seq = int(top) - added
        span = max((int(o[1]) for o in ops), default=0) + 1
        with con.cursor().copy(f"COPY rows ({', '.join(COLUMNS)}) FROM STDIN") as out:
            for k in range(1, copies):
                for (table, row_id, data, version, deleted, _, customer_id, owner_id, shared,
                     natural_key, field_versions, updated_at) in seed:
                    seq += 1
                    new = copy_data(k, table, json.loads(data), ids)
                    key = new.get("credit_code") if table == "customers" and natural_key else natural_key
                    if table in ("offer_versions", "proposals") and natural_key:
                        key = f"{new['offer_id']}:{new.get('version_no')}"
                    out.write_row((table, _map_row_id(k, table, row_id, ids), canonical(new), version,
                                   deleted, seq, new_id(k, customer_id) if customer_id in ids else customer_id,
                                   owner_id, shared, key, field_versions, updated_at))
        with con.cursor().copy("COPY device_ops (device_id, seq, hash, result, created_at) FROM STDIN") as out:
            for k in range(1, copies):
                for device_id, op_seq, digest, result, created_at in ops:
                    answer = json.loads(result)
                    answer["seq"] = int(op_seq) + span * k
                    answer["conflicts"] = [new_id(k, c) for c in answer.get("conflicts") or []]
                    out.write_row((device_id, answer["seq"], sha256(f"{digest}:{k}"), canonical(answer),
                                   created_at))
        con.commit()
    with psycopg.connect(_conninfo(db_url), autocommit=True) as con:
        con.execute("ANALYZE rows")
        con.execute("ANALYZE device_ops")
    return added
