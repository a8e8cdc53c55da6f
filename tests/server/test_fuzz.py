"""Random and malformed requests (hypothesis, and schemathesis over an OpenAPI description
of the protocol) against the in-process server over SQLite: never a 5xx, a 4xx with
``{"error", "message", "message_zh"}`` or a 200 whose refused entries stored nothing, and no
internals (stack traces, file paths, SQL) in any body.

The app's own ``openapi()`` names the five routes but no parameters or bodies (the handlers
read the request themselves), so the schema given to schemathesis is that one with the bodies
and query parameters of docs/sync-protocol.md filled in.
"""

from __future__ import annotations

import copy
import json
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workbench.server import db
from workbench.server.app import create_app
from workbench.server.tables import SYNCED_TABLES, columns

from .harness import AT, HEADERS, Device, Server, customer_fields
from .test_hostile import no_internals, snapshot

FUZZ = settings(max_examples=120, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                       HealthCheck.data_too_large])

HOSTILE_TEXT = [
    "'; DROP TABLE rows; --", "' OR '1'='1", "1; DELETE FROM devices", "x\x00y", "\ud800", "\udfff",
    "A" * 100_000, "%", "_", "%:%", "../../etc/passwd", "${jndi:ldap://x/a}", "<script>alert(1)</script>",
    "9" * 4000, "1e309", "NaN", "-0", "2026-13-45T99:99:99+25:00", "0001-01-01T00:00:00+14:00",
    "9999-12-31T23:59:59-14:00", "2026-12-03T06:00:00", "2026-12-03", "JVBERi0=", "====", "\u202e",
    "中国工商银行" * 40, "",
]
scalars = (st.none() | st.booleans() | st.integers() | st.integers(min_value=-(2**80), max_value=2**80)
           | st.just(10**4000) | st.floats(allow_nan=True, allow_infinity=True)
           | st.text(max_size=30) | st.sampled_from(HOSTILE_TEXT))
json_values = st.recursive(
    scalars, lambda kids: st.lists(kids, max_size=4)
    | st.dictionaries(st.text(max_size=8) | st.sampled_from(["id", "seq", "fields", "deleted"]), kids,
                      max_size=4),
    max_leaves=12)


def dumps(value: Any) -> bytes:
    """JSON as a hostile client writes it: NaN and Infinity literals, lone surrogates escaped."""
    return json.dumps(value, allow_nan=True).encode("ascii")


def check_answer(answer: Any) -> None:
    assert answer.status_code < 500, answer.text[:500]
    no_internals(answer.text)
    body = answer.json()
    if answer.status_code >= 400:
        assert {"error", "message", "message_zh"} <= set(body), body


@pytest.fixture
def fuzzed(sqlite_url: str) -> Iterator[tuple[Server, Device, dict[str, str]]]:
    """A server over SQLite with one manager holding a small tree the fuzz aims at."""
    with TestClient(create_app(sqlite_url), base_url="http://testserver",
                    raise_server_exceptions=False) as http:
        s = Server(sqlite_url, http)
        d = s.device("王经理")
        other = s.device("赵经理", team="滨江")
        cid, _ = d.new_customer()
        k, v, o = (str(uuid.uuid4()) for _ in range(3))
        d.push(d.entry("contacts", k, "insert", {"id": k, "customer_id": cid, "name": "王喆"}),
               d.entry("visits", v, "insert", {"id": v, "customer_id": cid, "kind": "onsite",
                                                "occurred_at": AT}),
               d.entry("offers", o, "insert", {"id": o, "customer_id": cid, "number": "BJ-1",
                                                "title": "t", "current_version": 1, "state": "draft"}))
        theirs, _ = other.new_customer()
        yield s, d, {"customers": cid, "contacts": k, "visits": v, "offers": o, "theirs": theirs,
                     "visit_contacts": f"{v}:{k}"}
    db.dispose(sqlite_url)


@st.composite
def entries(draw: st.DrawFn, ids: dict[str, str]) -> dict[str, Any]:
    """An entry: mostly well formed around the device's own rows, with junk anywhere."""
    table = draw(st.sampled_from(SYNCED_TABLES) | st.sampled_from(["rows", "devices", "sqlite_master",
                                                                    "customers; --", ""]))
    known = [ids.get(table, "")] if table in ids else []
    row = draw(st.sampled_from(known + [ids["theirs"], str(uuid.uuid4()), "x" * 81, "a:b"])
               | st.text(min_size=1, max_size=40))
    names = list(columns(table)) if table in SYNCED_TABLES else ["id"]
    good_fields = st.dictionaries(st.sampled_from(names) | st.text(max_size=10),
                                  json_values | st.sampled_from(list(ids.values())), max_size=5)
    if table == "customers":
        good_fields = st.builds(lambda extra, r=row: {**customer_fields(r), **extra}, good_fields)
    entry: dict[str, Any] = {
        "seq": None,  # a fresh one at send time
        "tx": draw(st.none() | st.just("t1") | st.text(max_size=5)),
        "table": table, "row": row,
        "op": draw(st.sampled_from(["insert", "update", "delete"])),
        "base_version": draw(st.integers(0, 3)),
        "fields": draw(good_fields),
        "at": draw(st.none() | st.just(AT) | st.sampled_from(HOSTILE_TEXT[17:22])),
    }
    for key in draw(st.lists(st.sampled_from(list(entry) + ["extra"]), max_size=2)):
        entry[key] = draw(json_values)  # one or two fields replaced by junk (or dropped below)
    for key in draw(st.lists(st.sampled_from(list(entry)), max_size=1)):
        entry.pop(key, None)
    if isinstance(entry.get("op"), list | dict):  # a known 500: test_an_unhashable_op_is_a_400
        entry["op"] = "upsert"
    return entry


def _send(s: Server, d: Device, body: Any) -> Any:
    return s.http.post("/v1/push", headers={**d.auth, "Content-Type": "application/json"},
                       content=dumps(body))


def test_random_push_bodies_are_4xx_and_store_nothing(fuzzed: tuple[Server, Device, dict[str, str]]) -> None:
    s, d, _ = fuzzed

    @FUZZ
    @given(body=json_values | st.fixed_dictionaries({"device_id": st.just(d.device_id) | json_values,
                                                      "entries": json_values}))
    def run(body: Any) -> None:
        before = snapshot(s)
        answer = _send(s, d, body)
        check_answer(answer)
        if answer.status_code != 200:
            assert snapshot(s) == before
        else:  # only an empty list of entries can be well formed here
            assert answer.json()["results"] == [] and snapshot(s) == before

    run()


def test_random_entries_never_5xx_and_refused_ones_store_nothing(
        fuzzed: tuple[Server, Device, dict[str, str]]) -> None:
    s, d, ids = fuzzed

    @FUZZ
    @given(batch=st.lists(entries(ids), min_size=1, max_size=4))
    def run(batch: list[dict[str, Any]]) -> None:
        for e in batch:
            if "seq" in e and e["seq"] is None:
                e["seq"] = next(d.seqs)
        before, _ = snapshot(s)
        answer = _send(s, d, {"device_id": d.device_id, "entries": batch})
        check_answer(answer)
        after, _ = snapshot(s)
        if answer.status_code != 200:
            assert after == before
            return
        results = answer.json()["results"]
        assert len(results) == len(batch)
        for r in results:
            assert r["status"] in ("applied", "conflict", "refused"), r
            if r["status"] == "refused":
                assert r["reason"]["code"] and r["reason"]["message"] and r["reason"]["message_zh"]
        if all(r["status"] == "refused" for r in results):
            assert after == before
        for e, r in zip(batch, results, strict=True):
            if r["status"] == "refused" and (e["table"], e["row"]) not in before:
                assert (e["table"], e["row"]) not in after
        # What was stored pulls and serialises (no NaN, no bytes) for the owner.
        page = s.http.get("/v1/pull", headers=d.auth, params={"after": 0, "limit": 2000})
        assert page.status_code == 200, page.text[:300]

    run()


def test_deep_nesting_huge_numbers_and_surrogates_are_400(lite: Server) -> None:
    d = lite.device("王经理")
    before = snapshot(lite)
    deep = b'{"device_id": "x", "entries": ' + b"[" * 200_000 + b"]" * 200_000 + b"}"
    for content in [deep, b'{"device_id": "\\ud800", "entries": []}', b'{"entries": [], "device_id": 1' +
                    b"0" * 5000 + b"}", b'{"device_id": NaN, "entries": Infinity}',
                    b'{"device_id": "a", "entries": [], "device_id": 5}', b"\xef\xbb\xbf{}", b"",
                    b"null", b'"' + b"x" * 1000 + b'"']:
        answer = lite.http.post("/v1/push", headers={**d.auth, "Content-Type": "application/json"},
                                content=content)
        assert 400 <= answer.status_code < 500, (content[:60], answer.text)
        no_internals(answer.text)
    assert snapshot(lite) == before


@pytest.mark.parametrize("op", [[], ["insert"], {}, {"op": "insert"}])
def test_an_unhashable_op_is_a_400_not_a_500(sqlite_url: str, op: Any) -> None:
    with TestClient(create_app(sqlite_url), raise_server_exceptions=False) as http:
        d = Server(sqlite_url, http).device("王经理")
        entry = {**d.entry("customers", str(uuid.uuid4()), "insert", {}), "op": op}
        answer = d.push_raw([entry])  # {"seq": 1, ..., "op": [], ...}
    db.dispose(sqlite_url)
    assert answer.status_code == 400, answer.text


def test_random_pull_queries_are_never_5xx(lite: Server) -> None:
    d = lite.device("王经理")
    # after >= 2**63 is a known 500 (test_hostile.test_a_huge_pull_cursor_is_a_400_not_a_500).
    safe_ints = st.integers(min_value=-(2**70), max_value=2**63 - 1).map(str)

    def overflows(value: str) -> bool:
        try:
            return int(value) >= 2**63
        except ValueError:
            return False

    params = st.dictionaries(st.sampled_from(["after", "limit", "x"]),
                             (safe_ints | st.text(max_size=12) | st.sampled_from(HOSTILE_TEXT[:4]))
                             .filter(lambda v: not overflows(v)), max_size=3)

    @FUZZ
    @given(params=params)
    def run(params: dict[str, str]) -> None:
        answer = lite.http.get("/v1/pull", headers=d.auth, params=params)
        check_answer(answer)

    run()


# --------------------------------------------------------------------------------------------
# schemathesis over the app's OpenAPI schema, completed from docs/sync-protocol.md

ENTRY_SCHEMA = {
    "type": "object",
    "required": ["seq", "table", "row", "op", "fields"],
    "properties": {
        "seq": {"type": "integer", "minimum": 0},
        "tx": {"type": "string"},
        "table": {"type": "string", "enum": list(SYNCED_TABLES)},
        "row": {"type": "string", "minLength": 1, "maxLength": 80},
        "op": {"type": "string", "enum": ["insert", "update", "delete"]},
        "base_version": {"type": "integer", "minimum": 0},
        "fields": {"type": "object"},
        "at": {"type": "string", "format": "date-time"},
    },
}
BODIES = {
    ("/v1/push", "post"): {"type": "object", "required": ["device_id", "entries"],
                           "properties": {"device_id": {"type": "string"},
                                          "entries": {"type": "array", "items": ENTRY_SCHEMA,
                                                      "maxItems": 5}}},
    ("/v1/enrol", "post"): {"type": "object", "required": ["code", "device_id"],
                            "properties": {"code": {"type": "string"},
                                           "device_id": {"type": "string", "maxLength": 64},
                                           "device_name": {"type": "string"}}},
    ("/v1/devices/rekey", "post"): {"type": "object", "required": ["new_device_id"],
                                    "properties": {"new_device_id": {"type": "string"}}},
}
PULL_PARAMETERS = [
    {"name": "after", "in": "query", "required": False, "schema": {"type": "integer", "minimum": 0,
                                                                    "maximum": 2**63 - 1}},
    {"name": "limit", "in": "query", "required": False, "schema": {"type": "integer", "minimum": 1,
                                                                    "maximum": 2000}},
]


def protocol_schema(app: Any) -> dict[str, Any]:
    schema = copy.deepcopy(app.openapi())
    for (path, method), body in BODIES.items():
        schema["paths"][path][method]["requestBody"] = {
            "required": True, "content": {"application/json": {"schema": body}}}
    schema["paths"]["/v1/pull"]["get"]["parameters"] = PULL_PARAMETERS
    return schema


def _overflows(value: Any) -> bool:
    try:
        return int(value) >= 2**63
    except (TypeError, ValueError):
        return False


def _fuzz_operation(http: TestClient, operation: Any, strategy: Any, headers: dict[str, str],
                    device_id: str, seen: set[tuple[str, int]]) -> None:
    @settings(max_examples=25, deadline=None, derandomize=True, database=None,
              suppress_health_check=list(HealthCheck))
    @given(case=strategy)
    def run(case: Any) -> None:
        kwargs = case.as_transport_kwargs(base_url="http://testserver", headers=headers)
        if operation.path == "/v1/push" and isinstance(case.body, dict):
            body = dict(case.body)  # mostly this device, so the entries get looked at
            if isinstance(body.get("device_id"), str):
                body["device_id"] = device_id
            kwargs["json"] = body
            kwargs.pop("data", None)
        if operation.path == "/v1/pull" and _overflows((case.query or {}).get("after")):
            return  # a known 500: test_hostile.test_a_huge_pull_cursor_is_a_400_not_a_500
        answer = http.request(kwargs["method"], operation.path,
                              **{k: v for k, v in kwargs.items()
                                 if k in ("headers", "params", "json", "content")})
        seen.add((operation.path, answer.status_code))
        assert answer.status_code < 500, (case.as_curl_command(), answer.text[:300])
        no_internals(answer.text)

    run()


def test_schemathesis_cases_never_5xx(sqlite_url: str) -> None:
    schemathesis = pytest.importorskip("schemathesis")
    from schemathesis import GenerationMode

    app = create_app(sqlite_url)
    with TestClient(app, base_url="http://testserver", raise_server_exceptions=False) as http:
        d = Server(sqlite_url, http).device("王经理")
        schema = schemathesis.openapi.from_dict(protocol_schema(app))
        headers = {**HEADERS, "Authorization": f"Bearer {d.token}"}
        seen: set[tuple[str, int]] = set()
        for result in schema.get_all_operations():
            operation = result.ok()
            if operation.path == "/v1/devices/rekey":
                continue  # a successful rekey moves the token: covered in test_hostile
            modes = [GenerationMode.POSITIVE]
            if operation.path != "/v1/health":  # nothing there to get wrong
                modes.append(GenerationMode.NEGATIVE)
            for mode in modes:
                _fuzz_operation(http, operation, operation.as_strategy(generation_mode=mode),
                                headers, d.device_id, seen)
    db.dispose(sqlite_url)
    assert {p for p, _ in seen} == {"/v1/health", "/v1/enrol", "/v1/push", "/v1/pull"}
    assert any(status == 200 for p, status in seen if p == "/v1/push")
