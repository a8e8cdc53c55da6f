"""A push applies its transactions one after the other: a batch leaves the server as the same
transactions pushed one at a time do (the push keeps what it writes in memory and writes it at
the end, so later entries must see earlier ones: duplicates, renumbering, a refused
transaction forgotten, sharing that re-sequences rows inserted in the same push)."""

from __future__ import annotations

import json
import random
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.pgcluster import PgCluster
from workbench.domain.credit_code import generate_credit_code
from workbench.server import db
from workbench.server.app import create_app

from .harness import AT, Device, Server, customer_fields

BOOKKEEPING = {"updated_at", "created_at", "kept_at", "other_at", "id"}


def _urls(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> list[str]:
    if backend == "sqlite":
        return [f"sqlite:///{tmp_path / f'server{n}.sqlite'}" for n in (1, 2)]
    cluster: PgCluster = request.getfixturevalue("pg_cluster")
    return [cluster.url(cluster.create_database()) for _ in (1, 2)]


@pytest.fixture(params=["sqlite", "postgresql"])
def servers(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[list[Server]]:
    urls = _urls(request.param, tmp_path, request)
    clients = [TestClient(create_app(url), base_url="http://testserver") for url in urls]
    for c in clients:
        c.__enter__()
    yield [Server(url, c) for url, c in zip(urls, clients, strict=True)]
    for url, c in zip(urls, clients, strict=True):
        c.__exit__(None, None, None)
        db.dispose(url)


class Ids:
    def __init__(self) -> None:
        self.ids: dict[str, str] = {}

    def __getattr__(self, name: str) -> str:
        return self.ids.setdefault(name, str(uuid.uuid4()))


def _setup(server: Server, i: Ids) -> tuple[Device, Device, dict[str, str]]:
    m, n = server.device("王经理"), server.device("李经理")
    # n's private customer, n's shared customer edited by n once (version 2 of notes)
    assert n.one("customers", i.cn, "insert", customer_fields(i.cn))["status"] == "applied"
    assert n.one("customers", i.cs, "insert", customer_fields(i.cs, shared=True))["status"] == "applied"
    assert n.one("customers", i.cs, "update", {"notes": "李"}, base=1)["status"] == "applied"
    names = {m.user_id: "M", n.user_id: "N", m.device_id: "DM", n.device_id: "DN"}
    return m, n, names


def _batch(m: Device, i: Ids, code: str) -> list[dict[str, Any]]:
    tx = Ids()
    contact = {"customer_id": i.c1, "name": "张三", "created_at": AT, "updated_at": AT, "version": 1,
               "deleted": False}
    visit = {"id": i.v1, "customer_id": i.c1, "occurred_at": AT, "kind": "onsite", "objective": "拜访",
             "created_at": AT, "updated_at": AT, "version": 1, "deleted": False}
    e = m.entry
    return [
        e("customers", i.c1, "insert", customer_fields(i.c1, credit_code=code), tx=tx.t1),
        e("contacts", i.p1, "insert", {**contact, "id": i.p1}, tx=tx.t1),
        e("visits", i.v1, "insert", visit, tx=tx.t1),
        e("visit_contacts", f"{i.v1}:{i.p1}", "insert", {"visit_id": i.v1, "contact_id": i.p1},
          tx=tx.t1),
        # the same credit code again, in the same push
        e("customers", i.c2, "insert", customer_fields(i.c2, credit_code=code), tx=tx.t2),
        # refused as a whole: the second entry writes n's private customer
        e("contacts", i.p2, "insert", {**contact, "id": i.p2}, tx=tx.t3),
        e("customers", i.cn, "update", {"notes": "我的"}, base=1, tx=tx.t3),
        # so p2 is not there for a later transaction
        e("visit_contacts", f"{i.v1}:{i.p2}", "insert", {"visit_id": i.v1, "contact_id": i.p2},
          tx=tx.t4),
        e("customers", i.c1, "update", {"notes": "备注"}, base=1, tx=tx.t5),
        e("visit_contacts", f"{i.v1}:{i.p1}", "delete", {}, tx=tx.t5),
        e("visit_contacts", f"{i.v1}:{i.p1}", "insert", {"visit_id": i.v1, "contact_id": i.p1},
          tx=tx.t6),
        e("customers", i.c1, "update", {"shared": True}, base=2, tx=tx.t7),
        e("offers", i.o1, "insert", {"id": i.o1, "customer_id": i.c1, "number": "BJ-2026-0001",
                                     "title": "专线+云", "current_version": 1, "state": "draft"},
          tx=tx.t8),
        e("offer_versions", i.ov1, "insert", {"id": i.ov1, "offer_id": i.o1, "version_no": 1,
                                              "offer_json": "{}", "state": "draft", "frozen": False},
          tx=tx.t8),
        e("offer_versions", i.ov2, "insert", {"id": i.ov2, "offer_id": i.o1, "version_no": 1,
                                              "offer_json": "{}", "state": "draft", "frozen": False},
          tx=tx.t9),
        e("offers", i.o1, "update", {"current_version": 1}, base=1, tx=tx.t9),
        # a clash with n's edit of the shared customer, and a clean edit
        e("customers", i.cs, "update", {"notes": "王", "address": "西湖区"}, base=1, tx=tx.t10),
        e("contacts", i.p1, "update", {"deleted": True}, base=1, tx=tx.t11),
        e("contacts", i.p9, "update", {"name": "无"}, base=1, tx=tx.t12),  # no such row
    ]


def _state(server: Server, reader: Device, names: dict[str, str]) -> dict[str, Any]:
    def norm(value: Any) -> Any:
        text = json.dumps(value, sort_keys=True, ensure_ascii=False)
        for raw, name in names.items():
            text = text.replace(raw, name)
        return json.loads(text)

    rows, conflicts = {}, []
    for (table, row), r in reader.pull_all().items():
        data = {k: v for k, v in r["data"].items() if k not in BOOKKEEPING}
        if table == "conflicts":
            conflicts.append(norm({**data, "row_id": r["data"]["row_id"], "version": r["version"]}))
        elif table != "users":
            rows[(table, row)] = norm({"data": data, "version": r["version"], "deleted": r["deleted"]})
    conflicts.sort(key=lambda c: json.dumps(c, sort_keys=True))
    return {"rows": rows, "conflicts": conflicts}


def test_a_batch_applies_like_its_transactions_one_at_a_time(servers: list[Server]) -> None:
    i, code = Ids(), generate_credit_code(random.Random(3))
    whole, parts = servers
    m1, _, names1 = _setup(whole, i)
    m2, _, names2 = _setup(parts, i)
    hq1, hq2 = whole.device("总部", role="hq", team=None), parts.device("总部", role="hq", team=None)
    names1[hq1.user_id], names2[hq2.user_id] = "HQ", "HQ"
    batch = _batch(m1, i, code)
    at_once = m1.push(*batch)
    one_by_one: list[dict[str, Any]] = []
    groups: dict[str, list[dict[str, Any]]] = {}
    for entry in batch:
        groups.setdefault(entry["tx"], []).append(entry)
    for group in groups.values():
        one_by_one += m2.push(*group)

    def outcome(r: dict[str, Any]) -> tuple[Any, ...]:
        reason = r["reason"]
        return (r["seq"], r["status"], r["version"], len(r["conflicts"]),
                reason and reason.get("code"))

    assert [outcome(r) for r in at_once] == [outcome(r) for r in one_by_one]
    statuses = [r["status"] for r in at_once]
    assert statuses.count("conflict") == 3 and statuses.count("refused") == 4, statuses
    assert _state(whole, hq1, names1) == _state(parts, hq2, names2)
    # every row the batch touched has its own number, above what the server held before
    seqs = [r["seq"] for r in hq1.pull_all().values()]
    assert len(seqs) == len(set(seqs))
    # and a replay of the batch changes nothing
    assert [r["duplicate"] for r in m1.push(*batch)] == [True] * len(batch)
