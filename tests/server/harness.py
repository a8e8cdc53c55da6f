"""A server in process (FastAPI TestClient) and devices that speak the protocol by hand:
entries built here in the wire form, so each test shows exactly what travels."""

from __future__ import annotations

import itertools
import uuid
from dataclasses import dataclass, field
from typing import Any

from fastapi.testclient import TestClient

from workbench.server.admin import add_user

HEADERS = {"Workbench-Protocol": "1"}
AT = "2026-12-03T06:00:00+00:00"


def customer_fields(customer_id: str, **extra: Any) -> dict[str, Any]:
    return {"id": customer_id, "name": "中国工商银行杭州西湖支行", "industry_code": "banking",
            "stage_code": "target_market", "shared": False, "created_at": AT, "updated_at": AT,
            "version": 1, "deleted": False, **extra}


@dataclass
class Device:
    server: Server
    user_id: str
    device_id: str
    token: str
    seqs: itertools.count[int] = field(default_factory=lambda: itertools.count(1))

    @property
    def auth(self) -> dict[str, str]:
        return {**HEADERS, "Authorization": f"Bearer {self.token}"}

    def entry(self, table: str, row: str, op: str, fields: dict[str, Any], *, base: int = 0,
              tx: str | None = None) -> dict[str, Any]:
        return {"seq": next(self.seqs), "tx": tx or str(uuid.uuid4()), "table": table, "row": row,
                "op": op, "base_version": base, "fields": fields, "at": AT}

    def push_raw(self, entries: list[dict[str, Any]]) -> Any:
        return self.server.http.post("/v1/push", headers=self.auth,
                                     json={"device_id": self.device_id, "entries": entries})

    def push(self, *entries: dict[str, Any]) -> list[dict[str, Any]]:
        answer = self.push_raw(list(entries))
        assert answer.status_code == 200, answer.text
        return list(answer.json()["results"])

    def one(self, table: str, row: str, op: str, fields: dict[str, Any], *, base: int = 0) -> dict[str, Any]:
        return self.push(self.entry(table, row, op, fields, base=base))[0]

    def pull_all(self, after: int = 0) -> dict[tuple[str, str], dict[str, Any]]:
        out: dict[tuple[str, str], dict[str, Any]] = {}
        while True:
            page = self.server.http.get("/v1/pull", headers=self.auth,
                                        params={"after": after, "limit": 500}).json()
            for r in page["rows"]:
                out[(r["table"], r["row"])] = r
            after = page["cursor"]
            if not page["more"]:
                return out

    def new_customer(self, **extra: Any) -> tuple[str, dict[str, Any]]:
        cid = str(uuid.uuid4())
        return cid, self.one("customers", cid, "insert", customer_fields(cid, **extra))


@dataclass
class Server:
    db_url: str
    http: TestClient

    def device(self, name: str, *, role: str = "manager", team: str | None = "西湖") -> Device:
        user_id, code = add_user(self.db_url, name=name, role=role, team=team)
        device_id = str(uuid.uuid4())
        answer = self.http.post("/v1/enrol", headers=HEADERS,
                                json={"code": code, "device_id": device_id, "device_name": name})
        assert answer.status_code == 200, answer.text
        return Device(self, user_id, device_id, answer.json()["token"])

    def row(self, reader: Device, table: str, row: str) -> dict[str, Any] | None:
        return reader.pull_all().get((table, row))

    def conflicts(self, reader: Device) -> list[dict[str, Any]]:
        return [r["data"] for (t, _), r in reader.pull_all().items() if t == "conflicts"]


def assert_answered_as_missing(answer: dict[str, Any], ghost: dict[str, Any], real: str, fake: str) -> None:
    """A refusal about a row the device may not see reads exactly as the refusal about a row
    that does not exist (``fake`` in ``ghost``): the server never tells that something exists."""
    assert answer["status"] == ghost["status"] == "refused", (answer, ghost)
    mine, theirs = answer["reason"], ghost["reason"]
    assert mine["code"] in ("missing_row", "missing_reference"), mine
    for key in ("code", "field", "message", "message_zh"):
        assert str(mine.get(key)).replace(real, "ID") == str(theirs.get(key)).replace(fake, "ID"), key
