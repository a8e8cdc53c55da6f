"""De-duplication, all-or-nothing transactions and re-validation, over SQLite and PostgreSQL."""

from __future__ import annotations

import random
import uuid

from workbench.domain.validation import generate_credit_code

from .harness import AT, Device, Server, customer_fields


def test_a_replayed_batch_changes_nothing(server: Server, a: Device) -> None:
    cid = str(uuid.uuid4())
    batch = [a.entry("customers", cid, "insert", customer_fields(cid)),
             a.entry("customers", cid, "update", {"notes": "x"}, base=1)]
    first = a.push(*batch)
    before = a.pull_all()
    second = a.push(*batch)
    assert all(r["duplicate"] for r in second) and not any(r["duplicate"] for r in first)
    assert [(r["status"], r["version"]) for r in second] == [(r["status"], r["version"]) for r in first]
    assert a.pull_all() == before  # no new version, no new sequence


def test_a_partly_seen_batch_applies_only_the_new_entries(a: Device) -> None:
    cid = str(uuid.uuid4())
    e1 = a.entry("customers", cid, "insert", customer_fields(cid))
    a.push(e1)
    e2 = a.entry("customers", cid, "update", {"notes": "x"}, base=1)
    r1, r2 = a.push(e1, e2)
    assert (r1["duplicate"], r2["duplicate"], r2["status"], r2["version"]) == (True, False, "applied", 2)


def test_the_same_seq_with_other_content_is_a_device_clash(server: Server, a: Device) -> None:
    cid = str(uuid.uuid4())
    e1 = a.entry("customers", cid, "insert", customer_fields(cid))
    a.push(e1)
    other = str(uuid.uuid4())
    fresh = a.entry("customers", other, "insert", customer_fields(other))
    clash = {**e1, "fields": {**e1["fields"], "notes": "restored backup"}}
    answer = a.push_raw([fresh, clash])
    assert answer.status_code == 409
    assert answer.json()["error"] == "device_clash" and answer.json()["seq"] == e1["seq"]
    assert ("customers", other) not in a.pull_all()  # nothing from the batch applied


def test_one_refused_entry_refuses_its_whole_transaction(server: Server, a: Device) -> None:
    cid, k = str(uuid.uuid4()), str(uuid.uuid4())
    tx = str(uuid.uuid4())
    good = a.entry("customers", cid, "insert", customer_fields(cid), tx=tx)
    bad = a.entry("contacts", k, "insert", {"id": k, "customer_id": cid, "name": "王喆",
                                            "email": "not an address"}, tx=tx)
    other = str(uuid.uuid4())
    alone = a.entry("customers", other, "insert", customer_fields(other))
    r_good, r_bad, r_alone = a.push(good, bad, alone)
    assert r_good["status"] == r_bad["status"] == "refused"
    assert r_good["reason"]["code"] == "transaction_refused"
    assert (r_bad["reason"]["code"], r_bad["reason"]["field"]) == ("invalid", "email")
    assert r_bad["reason"]["message_zh"]
    assert r_alone["status"] == "applied"
    rows = a.pull_all()
    assert ("customers", cid) not in rows and ("contacts", k) not in rows
    assert ("customers", other) in rows
    assert a.push(good, bad)[0]["duplicate"]  # the refusal is recorded like any answer


def refusal(device: Device, table: str, op: str, fields: dict[str, object], row: str | None = None,
            base: int = 0) -> dict[str, object]:
    r = device.one(table, row or str(uuid.uuid4()), op, fields, base=base)
    assert r["status"] == "refused", r
    return dict(r["reason"])


def test_a_wrong_credit_code_check_character_is_refused(a: Device) -> None:
    good = generate_credit_code(random.Random(3))
    wrong = good[:17] + next(c for c in "0123456789ABCDEFGHJKLMNPQRTUWXY" if c != good[17])
    cid = str(uuid.uuid4())
    reason = refusal(a, "customers", "insert", customer_fields(cid, credit_code=wrong), row=cid)
    assert (reason["code"], reason["field"]) == ("invalid", "credit_code")


def test_an_unknown_column_is_refused(a: Device) -> None:
    cid = str(uuid.uuid4())
    reason = refusal(a, "customers", "insert", customer_fields(cid, colour="red"), row=cid)
    assert (reason["code"], reason["field"]) == ("unknown_column", "colour")


def test_a_naive_date_time_is_refused(a: Device) -> None:
    cid, _ = a.new_customer()
    vid = str(uuid.uuid4())
    reason = refusal(a, "visits", "insert", {"id": vid, "customer_id": cid, "kind": "phone",
                                             "occurred_at": "2026-11-20T09:30:00"}, row=vid)
    assert (reason["code"], reason["field"]) == ("invalid", "occurred_at")


def test_required_columns_and_references_are_checked(a: Device) -> None:
    cid = str(uuid.uuid4())
    fields = customer_fields(cid)
    del fields["industry_code"]
    assert refusal(a, "customers", "insert", fields, row=cid)["field"] == "industry_code"
    k = str(uuid.uuid4())
    reason = refusal(a, "contacts", "insert", {"id": k, "customer_id": str(uuid.uuid4()), "name": "王喆"},
                     row=k)
    assert reason["code"] == "missing_reference"
    assert refusal(a, "customers", "update", {"notes": "x"})["code"] == "missing_row"


def test_domain_rules_of_the_app_apply(a: Device) -> None:
    cid, _ = a.new_customer()
    assert refusal(a, "customers", "update", {"employees": -3}, row=cid, base=1)["field"] == "employees"
    assert refusal(a, "customers", "update", {"name": "  "}, row=cid, base=1)["field"] == "name"
    assert refusal(a, "customers", "update", {"stage_code": "nowhere"}, row=cid, base=1)["field"] == "stage_code"
    vid = str(uuid.uuid4())
    reason = refusal(a, "visits", "insert", {"id": vid, "customer_id": cid, "kind": "phone",
                                             "occurred_at": "2026-11-20T09:30:00+08:00",
                                             "follow_up_date": "2026-11-01", "created_at": AT}, row=vid)
    assert reason["field"] == "follow_up_date"
    assert refusal(a, "meta", "insert", {"key": "x"})["code"] == "unknown_table"


def test_values_a_database_would_choke_on_are_refused_not_500(server: Server, a: Device) -> None:
    cid, _ = a.new_customer()
    vid = str(uuid.uuid4())
    reason = refusal(a, "visits", "insert", {"id": vid, "customer_id": cid, "kind": "phone",
                                             "occurred_at": "9999-12-31T23:00:00-05:00"}, row=vid)
    assert reason["field"] == "occurred_at"
    long_id = "c" * 60
    assert refusal(a, "customers", "insert", customer_fields(long_id), row=long_id)["code"] == "invalid"
    answer = server.http.post("/v1/push", headers={**a.auth, "Content-Type": "application/json"},
                              content=b'{"device_id": "x", "entries": [], "s": "\\ud800"}')
    assert answer.status_code == 400
    huge = a.entry("customers", cid, "update", {"notes": "x"})
    assert a.push_raw([{**huge, "seq": 2**70}]).status_code == 400
