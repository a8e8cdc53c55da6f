"""Two managers and a team lead edit offline and sync through one server (SQLite and a real
PostgreSQL in process, and a real `workbench-server serve --workers 2` process over PostgreSQL,
reached over loopback HTTP): they end identical, every concurrent same-field edit leaves one
conflict, nothing typed is lost."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime

import pytest
from sqlalchemy import select

from tests.sync.team import Team, conflicts, edit_races_delete, snapshot
from workbench.services import contacts, customers, visits
from workbench.store import models as m


@pytest.fixture(params=["sqlite", "postgresql", "postgresql, 2 workers"])
def team(request: pytest.FixtureRequest, make_team: Callable[..., Team], tmp_path: object) -> Team:
    """Every scenario here also runs through the real server process: requests of one sync
    land on either worker, so nothing may depend on a worker's memory."""
    if request.param == "sqlite":
        return make_team(f"sqlite:///{tmp_path}/server.sqlite")
    url = str(request.getfixturevalue("pg_db_url"))
    return make_team(url, workers=2 if "workers" in request.param else 0)


BANK = {"name": "中国工商银行杭州西湖支行", "industry_code": "banking", "shared": True}


def test_two_managers_and_a_lead_converge(team: Team) -> None:
    a, b, lead = team.laptop("王经理"), team.laptop("李经理"), team.laptop("张主管", role="team_lead")
    c = customers.create_customer(a.ctx, values=BANK)
    k = contacts.add_contact(a.ctx, customer_id=c.id, values={"name": "王喆", "title": "行长"})
    v = visits.log_visit(a.ctx, customer_id=c.id, move_to_stage="approach", values={
        "occurred_at": datetime(2026, 11, 20, 9, 30), "kind": "onsite", "contact_ids": [k.id]})
    first = a.sync()
    assert first.refused == 0 and first.applied == first.pushed > 0
    b.sync()
    lead.sync()
    assert customers.get_customer(b.ctx, customer_id=c.id).stage_code == "approach"
    assert visits.list_visits(lead.ctx, customer_id=c.id)[0].contact_ids == (k.id,)

    # Offline, all three edit: different fields, the same field, contacts met added on both.
    k2 = contacts.add_contact(b.ctx, customer_id=c.id, values={"name": "李堃"})
    customers.update_customer(a.ctx, customer_id=c.id, changes={"region": "西湖区", "notes": "甲的备注"})
    customers.update_customer(b.ctx, customer_id=c.id, changes={"address": "杭州市西湖区文三路 1 号",
                                                                 "notes": "乙的备注"})
    customers.update_customer(lead.ctx, customer_id=c.id, changes={"value_grade": "A"})
    visits.update_visit(b.ctx, visit_id=v.id, changes={"contact_ids": [k.id, k2.id]})
    for laptop in (a, b, lead, a, b, lead):
        laptop.sync()

    got = customers.get_customer(lead.ctx, customer_id=c.id)
    assert (got.region, got.address, got.value_grade) == ("西湖区", "杭州市西湖区文三路 1 号", "A")
    assert got.notes == "甲的备注"  # the first to reach the server is the provisional winner...
    found = [x for x in conflicts(lead.store) if x.field == "notes"]
    assert len(found) == 1  # ...and the other value is kept in one conflict record
    assert {json.loads(found[0].kept_value), json.loads(found[0].other_value)} == {"甲的备注", "乙的备注"}
    assert set(visits.list_visits(a.ctx, customer_id=c.id)[0].contact_ids) == {k.id, k2.id}
    assert snapshot(a.store) == snapshot(b.store) == snapshot(lead.store)


def test_an_edit_racing_a_delete_is_a_conflict_not_a_silent_delete(team: Team) -> None:
    a, b, cid, kid = edit_races_delete(team, BANK)
    alive = {x.id: x for x in contacts.list_contacts(a.ctx, customer_id=cid)}
    assert alive[kid].title == "副行长"
    assert [x.kind for x in conflicts(a.store)] == ["edit_delete"]
    assert snapshot(a.store) == snapshot(b.store)


def test_a_manager_never_receives_another_managers_private_customer(team: Team) -> None:
    a, b = team.laptop("王经理"), team.laptop("李经理")
    mine = customers.create_customer(a.ctx, values={**BANK, "shared": False, "name": "杭州市第一人民医院",
                                                    "industry_code": "healthcare"})
    a.sync()
    b.sync()
    with b.store.read() as s:
        assert s.scalar(select(m.Customer).where(m.Customer.id == mine.id)) is None


def test_nothing_to_do_is_one_cheap_round_trip(team: Team) -> None:
    a = team.laptop("王经理")
    customers.create_customer(a.ctx, values=BANK)
    a.sync()
    again = a.sync()
    assert (again.pushed, again.pending) == (0, 0)


def test_a_resolution_syncs_to_the_whole_team(team: Team) -> None:
    from workbench.services import conflicts as conflict_service

    a, b, lead = team.laptop("王经理"), team.laptop("李经理"), team.laptop("张主管", role="team_lead")
    c = customers.create_customer(a.ctx, values=BANK)
    a.sync()
    b.sync()
    customers.update_customer(a.ctx, customer_id=c.id, changes={"notes": "甲"})
    customers.update_customer(b.ctx, customer_id=c.id, changes={"notes": "乙"})
    for laptop in (a, b, lead):
        laptop.sync()
    [open_one] = conflict_service.list_conflicts(lead.ctx)
    assert (open_one.kept_value, open_one.other_value) == ("甲", "乙")
    conflict_service.resolve_conflict(lead.ctx, conflict_id=open_one.id, keep="other")  # the lead decides
    for laptop in (lead, a, b):
        laptop.sync()
    for laptop in (a, b, lead):
        assert customers.get_customer(laptop.ctx, customer_id=c.id).notes == "乙"
        assert conflict_service.list_conflicts(laptop.ctx) == []
        assert [x.status for x in conflict_service.list_conflicts(laptop.ctx, status=None)] == ["resolved"]
    assert snapshot(a.store) == snapshot(b.store) == snapshot(lead.store)
