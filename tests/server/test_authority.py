"""Who sees and writes what, over SQLite and PostgreSQL; tokens."""

from __future__ import annotations

import uuid

from workbench.server.admin import revoke_device

from .harness import HEADERS, Device, Server, assert_answered_as_missing, customer_fields


def test_a_manager_neither_pulls_nor_writes_another_managers_customer(server: Server, a: Device) -> None:
    other = server.device("赵经理", team="滨江")
    cid, _ = other.new_customer()
    k = str(uuid.uuid4())
    other.one("contacts", k, "insert", {"id": k, "customer_id": cid, "name": "王喆"})
    seen = a.pull_all()
    assert ("customers", cid) not in seen and ("contacts", k) not in seen
    assert {t for t, _ in seen} == {"users"}  # users are seen by all
    ghost = str(uuid.uuid4())  # an id nobody has: the unseen customer must answer like it
    r = a.one("customers", cid, "update", {"notes": "偷改"}, base=1)
    assert_answered_as_missing(r, a.one("customers", ghost, "update", {"notes": "偷改"}, base=1), cid, ghost)
    k2, k3 = str(uuid.uuid4()), str(uuid.uuid4())
    r = a.one("contacts", k2, "insert", {"id": k2, "customer_id": cid, "name": "李四"})
    assert_answered_as_missing(r, a.one("contacts", k3, "insert", {"id": k3, "customer_id": ghost, "name": "李四"}),
                               cid, ghost)
    r = a.one("contacts", k, "update", {"name": "李四"}, base=1)
    assert_answered_as_missing(r, a.one("contacts", k3, "update", {"name": "李四"}, base=1), k, k3)


def test_shared_customers_are_seen_and_written_by_everyone(server: Server, a: Device, b: Device) -> None:
    cid, _ = a.new_customer(shared=True)
    assert ("customers", cid) in b.pull_all()
    assert b.one("customers", cid, "update", {"notes": "乙"}, base=1)["status"] == "applied"
    r = b.one("customers", cid, "update", {"shared": False}, base=2)  # only its owner unshares
    assert r["reason"]["code"] == "forbidden"


def test_a_team_lead_sees_the_team_and_hq_sees_all(server: Server, a: Device) -> None:
    lead = server.device("张主管", role="lead", team="西湖")
    other_lead = server.device("钱主管", role="lead", team="滨江")
    hq = server.device("总部", role="hq", team=None)
    cid, _ = a.new_customer()
    assert ("customers", cid) in lead.pull_all() and ("customers", cid) in hq.pull_all()
    assert ("customers", cid) not in other_lead.pull_all()
    assert lead.one("customers", cid, "update", {"value_grade": "A"}, base=1)["status"] == "applied"
    assert other_lead.one("customers", cid, "update", {"value_grade": "B"}, base=2)["status"] == "refused"


def test_sharing_a_customer_later_brings_down_everything_it_holds(server: Server, a: Device, b: Device) -> None:
    cid, _ = a.new_customer()
    k = str(uuid.uuid4())
    a.one("contacts", k, "insert", {"id": k, "customer_id": cid, "name": "王喆"})
    cursor = b.server.http.get("/v1/pull", headers=b.auth, params={"after": 0}).json()["cursor"]
    a.one("customers", cid, "update", {"shared": True}, base=1)
    later = b.pull_all(after=cursor)
    assert ("customers", cid) in later and ("contacts", k) in later


def test_the_owner_is_the_pushing_user_not_the_payload(server: Server, a: Device, b: Device) -> None:
    cid = str(uuid.uuid4())
    r = a.one("customers", cid, "insert", customer_fields(cid, owner_id=b.user_id))
    assert (r["reason"]["code"], r["reason"]["field"]) == ("forbidden", "owner_id")
    fields = customer_fields(cid)
    assert a.one("customers", cid, "insert", fields)["status"] == "applied"
    assert a.pull_all()[("customers", cid)]["data"]["owner_id"] == a.user_id
    k = str(uuid.uuid4())
    a.one("contacts", k, "insert", {"id": k, "customer_id": cid, "name": "王喆", "owner_id": b.user_id})
    assert a.pull_all()[("contacts", k)]["data"]["owner_id"] == a.user_id


def test_only_hq_writes_price_books_and_nobody_writes_users(server: Server, a: Device) -> None:
    hq = server.device("总部", role="hq", team=None)
    pid = str(uuid.uuid4())
    book = {"id": pid, "kind": "catalogue", "book_version": "2027.1", "valid_from": "2027-01-01",
            "body": "{}", "published_at": "2026-12-01T00:00:00+00:00"}
    r = a.one("price_books", pid, "insert", book)
    assert (r["status"], r["reason"]["code"]) == ("refused", "forbidden")
    assert hq.one("price_books", pid, "insert", book)["status"] == "applied"
    assert ("price_books", pid) in a.pull_all()  # and everyone receives it
    r = hq.one("users", a.user_id, "update", {"role": "hq"}, base=1)
    assert r["reason"]["code"] == "read_only"


def test_a_conflict_is_written_only_to_resolve_it(server: Server, a: Device, b: Device) -> None:
    cid, _ = a.new_customer(shared=True)
    a.one("customers", cid, "update", {"notes": "甲"}, base=1)
    conflict_id = b.one("customers", cid, "update", {"notes": "乙"}, base=1)["conflicts"][0]
    r = b.one("conflicts", conflict_id, "update", {"kept_value": '"乙"'}, base=1)
    assert r["reason"]["code"] == "forbidden"
    r = b.one("conflicts", conflict_id, "update", {"status": "resolved", "resolution": "kept",
                                                   "resolved_by": a.user_id}, base=1)
    assert r["status"] == "applied"
    data = a.pull_all()[("conflicts", conflict_id)]["data"]
    assert (data["status"], data["resolved_by"]) == ("resolved", b.user_id)
    fake = str(uuid.uuid4())
    assert b.one("conflicts", fake, "insert", {"id": fake, "table_name": "customers", "row_id": cid,
                                               "kind": "field"})["status"] == "refused"


def test_forged_and_revoked_tokens_are_refused(server: Server, a: Device) -> None:
    forged = server.http.get("/v1/pull", headers={**HEADERS, "Authorization": "Bearer forged"})
    assert forged.status_code == 401 and forged.json()["error"] == "auth"
    assert server.http.get("/v1/pull", headers=HEADERS).status_code == 401
    assert server.http.get("/v1/pull", headers=a.auth).status_code == 200
    revoke_device(server.db_url, a.device_id)
    assert server.http.get("/v1/pull", headers=a.auth).status_code == 401
    assert a.push_raw([]).status_code == 401


def test_a_push_names_the_tokens_own_device(server: Server, a: Device, b: Device) -> None:
    answer = server.http.post("/v1/push", headers=a.auth, json={"device_id": b.device_id, "entries": []})
    assert answer.status_code == 403 and answer.json()["error"] == "device_mismatch"


def test_an_enrolment_code_works_once(server: Server) -> None:
    from workbench.server.admin import add_user

    _, code = add_user(server.db_url, name="孙经理", role="manager", team="西湖")
    body = {"code": code, "device_id": str(uuid.uuid4()), "device_name": "laptop"}
    first = server.http.post("/v1/enrol", headers=HEADERS, json=body)
    assert first.status_code == 200
    assert set(first.json()) == {"token", "user", "server_id", "policy_key"}  # the key books are signed with
    assert first.json()["user"]["role"] == "manager"
    again = server.http.post("/v1/enrol", headers=HEADERS, json={**body, "device_id": str(uuid.uuid4())})
    assert again.status_code == 401
    wrong = server.http.post("/v1/enrol", headers=HEADERS, json={**body, "code": "AAAA-BBBB-CCCC-DDDD"})
    assert wrong.status_code == 401


def test_a_new_identity_keeps_the_token(server: Server, a: Device) -> None:
    new_id = str(uuid.uuid4())
    answer = server.http.post("/v1/devices/rekey", headers=a.auth, json={"new_device_id": new_id})
    assert answer.status_code == 200
    a.device_id = new_id
    a.seqs = iter(range(1, 100))  # type: ignore[assignment]
    cid = str(uuid.uuid4())
    assert a.one("customers", cid, "insert", customer_fields(cid))["status"] == "applied"
