"""The HTTP contract (SQLite is enough): protocol header, sizes, gzip, JSON errors."""

from __future__ import annotations

import gzip
import json
import uuid

import pytest

from .harness import HEADERS, Server, customer_fields


def test_health_needs_no_header_and_lists_the_protocols(lite: Server) -> None:
    answer = lite.http.get("/v1/health")
    assert answer.status_code == 200
    assert answer.json()["protocols"] == [1] and answer.json()["server_id"]


@pytest.mark.parametrize("value", [None, "0", "2", "one"])
def test_a_missing_or_unsupported_protocol_is_refused(lite: Server, value: str | None) -> None:
    d = lite.device("王经理")
    headers = {"Authorization": f"Bearer {d.token}"}
    if value is not None:
        headers["Workbench-Protocol"] = value
    answer = lite.http.get("/v1/pull", headers=headers)
    assert answer.status_code == 400
    body = answer.json()
    assert body["error"] == "protocol" and body["message"] and body["message_zh"]


def test_an_oversized_body_is_413(lite: Server) -> None:
    d = lite.device("王经理")
    big = b'{"device_id": "x", "entries": [], "pad": "' + b"x" * (8 * 1024 * 1024) + b'"}'
    answer = lite.http.post("/v1/push", headers={**d.auth, "Content-Type": "application/json"}, content=big)
    assert answer.status_code == 413 and answer.json()["error"] == "too_large"
    bomb = gzip.compress(big)  # small on the wire, too big once inflated
    answer = lite.http.post("/v1/push", headers={**d.auth, "Content-Encoding": "gzip"}, content=bomb)
    assert answer.status_code == 413


def test_more_than_a_thousand_entries_is_413(lite: Server) -> None:
    d = lite.device("王经理")
    entries = [d.entry("customers", str(uuid.uuid4()), "update", {}) for _ in range(1001)]
    assert d.push_raw(entries).status_code == 413


@pytest.mark.parametrize("content", [b"{not json", b"\xff\xfe", b"[1, 2]", b'{"device_id": 3}'])
def test_malformed_bodies_are_4xx_with_a_reason(lite: Server, content: bytes) -> None:
    d = lite.device("王经理")
    answer = lite.http.post("/v1/push", headers=d.auth, content=content)
    assert answer.status_code == 400
    assert set(answer.json()) >= {"error", "message", "message_zh"}


def test_malformed_entries_and_queries_are_400(lite: Server) -> None:
    d = lite.device("王经理")
    bad = d.entry("customers", "x", "upsert", {})
    assert d.push_raw([bad]).status_code == 400
    for params in ({"after": "-1"}, {"limit": "5000"}, {"after": "abc"}):
        assert lite.http.get("/v1/pull", headers=d.auth, params=params).status_code == 400
    corrupt = lite.http.post("/v1/push", headers={**d.auth, "Content-Encoding": "gzip"}, content=b"nope")
    assert corrupt.status_code == 400
    assert lite.http.post("/v1/enrol", headers=HEADERS, json={"code": 5}).status_code == 400


def test_gzip_both_ways(lite: Server) -> None:
    d = lite.device("王经理")
    cid = str(uuid.uuid4())
    body = {"device_id": d.device_id, "entries": [d.entry("customers", cid, "insert", customer_fields(cid))]}
    answer = lite.http.post("/v1/push", headers={**d.auth, "Content-Encoding": "gzip"},
                            content=gzip.compress(json.dumps(body).encode()))
    assert answer.status_code == 200 and answer.json()["results"][0]["status"] == "applied"
    for n in range(30):
        x = str(uuid.uuid4())
        d.one("customers", x, "insert", customer_fields(x, notes=f"第{n}个"))
    page = lite.http.get("/v1/pull", headers={**d.auth, "Accept-Encoding": "gzip"})
    assert page.headers.get("content-encoding") == "gzip" and len(page.json()["rows"]) > 30


def test_unknown_paths_answer_json(lite: Server) -> None:
    answer = lite.http.get("/v2/nothing", headers=HEADERS)
    assert answer.status_code == 404 and answer.json()["error"] == "not_found"


def test_pull_pages_in_sequence_order(lite: Server) -> None:
    d = lite.device("王经理")
    for _ in range(7):
        cid = str(uuid.uuid4())
        d.one("customers", cid, "insert", customer_fields(cid))
    seqs, after = [], 0
    while True:
        page = lite.http.get("/v1/pull", headers=d.auth, params={"after": after, "limit": 3}).json()
        seqs += [r["seq"] for r in page["rows"]]
        assert page["cursor"] >= after
        after = page["cursor"]
        if not page["more"]:
            break
    assert seqs == sorted(seqs) and len(seqs) == len(set(seqs)) == 8  # 7 customers and the user
