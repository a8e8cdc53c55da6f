"""The merge, over SQLite and PostgreSQL: per field by version, conflicts kept as rows."""

from __future__ import annotations

import json
import random
import uuid

from workbench.domain.validation import generate_credit_code

from .harness import AT, Device, Server, customer_fields


def shared_customer(a: Device, b: Device) -> tuple[str, int]:
    cid, r = a.new_customer(shared=True)
    assert r["status"] == "applied" and r["version"] == 1
    return cid, r["version"]


def test_different_fields_of_one_row_both_win(server: Server, a: Device, b: Device) -> None:
    cid, v = shared_customer(a, b)
    assert a.one("customers", cid, "update", {"region": "西湖区"}, base=v)["status"] == "applied"
    r = b.one("customers", cid, "update", {"address": "文三路 1 号"}, base=v)
    assert (r["status"], r["version"]) == ("applied", 3)
    data = server.row(a, "customers", cid)["data"]  # type: ignore[index]
    assert (data["region"], data["address"], data["version"]) == ("西湖区", "文三路 1 号", 3)
    assert server.conflicts(a) == []


def test_the_same_field_keeps_the_first_and_records_both(server: Server, a: Device, b: Device) -> None:
    cid, v = shared_customer(a, b)
    a.one("customers", cid, "update", {"notes": "甲"}, base=v)
    r = b.one("customers", cid, "update", {"notes": "乙", "region": "西湖区"}, base=v)
    assert r["status"] == "conflict" and len(r["conflicts"]) == 1
    row = server.row(b, "customers", cid)
    assert row["data"]["notes"] == "甲" and row["data"]["region"] == "西湖区"  # type: ignore[index]
    (c,) = server.conflicts(b)
    assert c["id"] == r["conflicts"][0] and c["kind"] == "field" and c["field"] == "notes"
    assert (json.loads(c["kept_value"]), json.loads(c["other_value"])) == ("甲", "乙")
    assert (c["kept_by"], c["other_by"], c["status"], c["customer_id"]) == (a.user_id, b.user_id, "open", cid)
    # b has now seen the winner: its next edit builds on it and is clean
    assert b.one("customers", cid, "update", {"notes": "乙"}, base=row["version"])["status"] == "applied"


def test_an_own_later_edit_never_conflicts(a: Device, b: Device) -> None:
    cid, v = shared_customer(a, b)
    a.one("customers", cid, "update", {"notes": "一"}, base=v)
    assert a.one("customers", cid, "update", {"notes": "二"}, base=v)["status"] == "applied"


def contact(a: Device, cid: str) -> tuple[str, int]:
    k = str(uuid.uuid4())
    r = a.one("contacts", k, "insert", {"id": k, "customer_id": cid, "name": "王喆", "closeness": 0,
                                         "trust": 0, "favour": 0, "is_key_person": False,
                                         "is_liaison": False, "created_at": AT})
    assert r["status"] == "applied", r
    return k, r["version"]


def test_a_delete_after_an_edit_leaves_the_row_alive(server: Server, a: Device, b: Device) -> None:
    cid, _ = shared_customer(a, b)
    k, v = contact(a, cid)
    a.one("contacts", k, "update", {"title": "行长"}, base=v)
    r = b.one("contacts", k, "delete", {"deleted": True}, base=v)
    assert r["status"] == "conflict"
    row = server.row(a, "contacts", k)
    assert row["deleted"] is False and row["data"]["title"] == "行长"  # type: ignore[index]
    (c,) = server.conflicts(a)
    assert (c["kind"], c["kept_by"], c["other_by"]) == ("edit_delete", a.user_id, b.user_id)


def test_an_edit_after_a_delete_brings_the_row_back(server: Server, a: Device, b: Device) -> None:
    cid, _ = shared_customer(a, b)
    k, v = contact(a, cid)
    assert a.one("contacts", k, "delete", {"deleted": True}, base=v)["status"] == "applied"
    r = b.one("contacts", k, "update", {"title": "副行长"}, base=v)
    assert r["status"] == "conflict"
    row = server.row(a, "contacts", k)
    assert row["deleted"] is False and row["data"]["title"] == "副行长"  # type: ignore[index]
    (c,) = server.conflicts(a)
    assert (c["kind"], c["kept_by"], c["other_by"]) == ("edit_delete", b.user_id, a.user_id)


def test_insert_only_history_never_conflicts_and_is_never_changed(server: Server, a: Device, b: Device) -> None:
    cid, _ = shared_customer(a, b)
    k, _ = contact(a, cid)
    s = str(uuid.uuid4())
    score = {"id": s, "contact_id": k, "kind": "trust", "value": 7, "recorded_at": AT}
    assert a.one("contact_scores", s, "insert", score)["status"] == "applied"
    assert b.one("contact_scores", s, "insert", {**score, "value": 3})["status"] == "applied"
    r = b.one("contact_scores", s, "update", {"value": 2}, base=1)
    assert r["status"] == "refused" and r["reason"]["code"] == "insert_only"
    assert server.row(a, "contact_scores", s)["data"]["value"] == 7  # type: ignore[index]
    assert server.conflicts(a) == []


def visit(a: Device, cid: str) -> str:
    vid = str(uuid.uuid4())
    r = a.one("visits", vid, "insert", {"id": vid, "customer_id": cid, "kind": "onsite",
                                         "occurred_at": "2026-11-20T09:30:00+08:00",
                                         "follow_up_done": False})
    assert r["status"] == "applied", r
    return vid


def test_contacts_met_added_on_two_devices_both_survive(server: Server, a: Device, b: Device) -> None:
    cid, _ = shared_customer(a, b)
    k1, _ = contact(a, cid)
    k2, _ = contact(b, cid)
    vid = visit(a, cid)
    assert a.one("visit_contacts", f"{vid}:{k1}", "insert", {"visit_id": vid, "contact_id": k1})["status"] == "applied"
    assert b.one("visit_contacts", f"{vid}:{k2}", "insert", {"visit_id": vid, "contact_id": k2})["status"] == "applied"
    rows = a.pull_all()
    links = {r for (t, r), x in rows.items() if t == "visit_contacts" and not x["deleted"]}
    assert links == {f"{vid}:{k1}", f"{vid}:{k2}"}
    assert rows[("visits", vid)]["data"]["occurred_at"] == "2026-11-20T01:30:00+00:00"  # kept in UTC
    b.one("visit_contacts", f"{vid}:{k1}", "delete", {"visit_id": vid, "contact_id": k1, "deleted": True})
    assert a.pull_all()[("visit_contacts", f"{vid}:{k1}")]["deleted"] is True
    assert server.conflicts(a) == []


def test_a_duplicate_credit_code_keeps_both_and_asks_a_person(server: Server, a: Device, b: Device) -> None:
    code = generate_credit_code(random.Random(7))
    first, r1 = a.new_customer(credit_code=code, shared=True)
    second, r2 = b.new_customer(credit_code=code, shared=True)
    assert r1["status"] == "applied" and r2["status"] == "conflict"
    rows = a.pull_all()
    assert ("customers", first) in rows and ("customers", second) in rows
    (c,) = server.conflicts(a)
    assert (c["kind"], c["row_id"], c["other_row_id"]) == ("duplicate_customer", second, first)
    # an update that makes a third one a duplicate is caught too
    third, _ = a.new_customer(shared=True)
    r3 = a.one("customers", third, "update", {"credit_code": code}, base=1)
    assert r3["status"] == "conflict"


def offer(a: Device, cid: str) -> str:
    oid = str(uuid.uuid4())
    r = a.one("offers", oid, "insert", {"id": oid, "customer_id": cid, "number": "BJ-2026-0001",
                                         "title": "专线+云", "current_version": 1, "state": "draft"})
    assert r["status"] == "applied", r
    return oid


def version_fields(oid: str, vid: str, number: int) -> dict[str, object]:
    return {"id": vid, "offer_id": oid, "version_no": number, "offer_json": "{}", "state": "draft",
            "frozen": False}


def test_two_revisions_numbered_alike_are_renumbered(server: Server, a: Device, b: Device) -> None:
    cid, _ = shared_customer(a, b)
    oid = offer(a, cid)
    v1, v2a, v2b = (str(uuid.uuid4()) for _ in range(3))
    a.one("offer_versions", v1, "insert", version_fields(oid, v1, 1))
    assert a.one("offer_versions", v2a, "insert", version_fields(oid, v2a, 2))["status"] == "applied"
    tx = str(uuid.uuid4())
    p = str(uuid.uuid4())
    results = b.push(
        b.entry("offer_versions", v2b, "insert", version_fields(oid, v2b, 2), tx=tx),
        b.entry("offers", oid, "update", {"current_version": 2}, base=1, tx=tx),
        b.entry("proposals", p, "insert", {
            "id": p, "offer_id": oid, "version_no": 2, "number": "FA-1", "issued_on": "2026-12-03",
            "content_json": "{}", "pdf": "JVBERi0=", "pdf_sha256": "0" * 64, "pages": 1}, tx=tx))
    assert [r["status"] for r in results] == ["conflict", "applied", "applied"]
    rows = a.pull_all()
    assert rows[("offer_versions", v2a)]["data"]["version_no"] == 2
    assert rows[("offer_versions", v2b)]["data"]["version_no"] == 3
    assert rows[("proposals", p)]["data"]["version_no"] == 3  # follows its version
    assert rows[("offers", oid)]["data"]["current_version"] == 3
    (c,) = server.conflicts(a)
    assert (c["kind"], c["row_id"], c["other_row_id"]) == ("version_no", v2b, v2a)
    assert (json.loads(c["kept_value"]), json.loads(c["other_value"])) == (3, 2)


def test_every_applied_change_bumps_version_and_sequence(a: Device) -> None:
    cid, _ = a.new_customer()
    first = a.pull_all()[("customers", cid)]
    a.one("customers", cid, "update", {"notes": "x"}, base=1)
    again = a.pull_all()[("customers", cid)]
    assert again["version"] == first["version"] + 1 and again["seq"] > first["seq"]
    assert again["data"]["updated_at"] != first["data"]["updated_at"]


def test_an_insert_of_a_row_the_server_has_merges_like_an_edit(a: Device) -> None:
    cid, _ = a.new_customer()
    r = a.one("customers", cid, "insert", customer_fields(cid, notes="again"))
    assert (r["status"], r["version"]) == ("applied", 2)


def test_a_credit_code_another_team_serves_is_flagged_without_naming_their_customer(server: Server, a: Device) -> None:
    """Two teams chasing one organisation is worth telling; whose customer it is, is not."""
    rival = server.device("赵经理", team="滨江")
    code = generate_credit_code(random.Random(11))
    theirs, _ = rival.new_customer(credit_code=code)  # private to the other team
    mine, r = a.new_customer(credit_code=code)
    assert r["status"] == "conflict"
    seen = a.pull_all()
    (c,) = [row["data"] for (table, _), row in seen.items() if table == "conflicts"]
    assert (c["kind"], c["row_id"], c["other_row_id"], c["kept_by"]) == ("duplicate_customer", mine, None, None)
    assert theirs not in json.dumps(list(seen.values())) and rival.user_id not in json.dumps(c)
    hq = server.device("总部", role="hq", team=None)
    assert ("customers", theirs) in hq.pull_all()  # HQ finds both by the credit code
