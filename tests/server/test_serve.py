"""The real thing: ``workbench-server serve --workers 2`` over PostgreSQL, driven over HTTP."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from workbench.server.admin import add_user

from .harness import HEADERS, customer_fields

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def served(pg_db_url: str, tmp_path: Path) -> Iterator[str]:
    """A real ``workbench-server serve --workers 2`` process (the benchmark's own harness)."""
    from benchmarks.sync_setup import served as serve

    with serve(pg_db_url, tmp_path / "serve.log", workers=2) as server:
        yield server.url


def test_enrol_push_pull_over_real_http(served: str, pg_db_url: str) -> None:
    _, code_a = add_user(pg_db_url, name="王经理", role="manager", team="西湖")
    _, code_b = add_user(pg_db_url, name="李经理", role="manager", team="西湖")
    with httpx.Client(base_url=served, headers=HEADERS, timeout=10) as http:
        tokens = {}
        for name, code in (("a", code_a), ("b", code_b)):
            device = str(uuid.uuid4())
            answer = http.post("/v1/enrol", json={"code": code, "device_id": device, "device_name": name})
            assert answer.status_code == 200, answer.text
            tokens[name] = (device, {"Authorization": f"Bearer {answer.json()['token']}"})
        device_a, auth_a = tokens["a"]
        device_b, auth_b = tokens["b"]
        ids = [str(uuid.uuid4()) for _ in range(20)]
        entries = [{"seq": n, "tx": str(uuid.uuid4()), "table": "customers", "row": cid, "op": "insert",
                    "base_version": 0, "fields": customer_fields(cid, shared=True),
                    "at": "2026-12-03T06:00:00+00:00"} for n, cid in enumerate(ids, 1)]
        for _ in range(2):  # the second is a replay: every answer a duplicate, whichever worker
            answer = http.post("/v1/push", headers=auth_a, json={"device_id": device_a, "entries": entries})
            assert answer.status_code == 200, answer.text
        assert all(r["duplicate"] for r in answer.json()["results"])
        # many requests across both workers: every one sees the same database
        for _ in range(6):
            page = http.get("/v1/pull", headers={**auth_b, "Accept-Encoding": "gzip"},
                            params={"after": 0, "limit": 2000})
            assert page.status_code == 200
            assert {r["row"] for r in page.json()["rows"] if r["table"] == "customers"} == set(ids)
        assert http.post("/v1/push", headers=auth_b, json={"device_id": device_b, "entries": [{
            **entries[0], "op": "update", "base_version": 1, "fields": {"notes": "乙"}}]}).json()[
            "results"][0]["status"] == "applied"
        assert http.get("/v1/pull", headers=HEADERS).status_code == 401
