"""A hypothesis state machine: three managers and a lead edit shared customers at random,
sync, lose answers, crash and replay batches. Whatever the order, every laptop converges to the
server's state, no acknowledged value disappears without a conflict record or someone having
seen it, and replaying a batch changes nothing."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule
from sqlalchemy import select

from tests.sync.team import Laptop, Team, conflicts, faulty, snapshot
from workbench.services import customers, visits
from workbench.store import models as m
from workbench.store.engine import open_store
from workbench.sync.client import SyncError
from workbench.sync.outbox import _wire

FIELDS = ("region", "notes", "address")
VALUES = ("西湖", "上城", "滨江", "拱墅", "钱塘")


@dataclass
class Write:
    device: str
    row: str
    field: str
    value: str
    seen: str | None


@dataclass
class Model:
    customers: list[str] = field(default_factory=list)
    writes: list[Write] = field(default_factory=list)
    visits: set[str] = field(default_factory=set)


def make_machine(make_team: Callable[[str], Team], db_url: Callable[[], str]) -> type[RuleBasedStateMachine]:
    class TeamSync(RuleBasedStateMachine):
        @initialize()
        def team_up(self) -> None:
            self.team = make_team(db_url())
            self.devices: list[Laptop] = [self.team.laptop(f"经理{i}") for i in range(3)]
            self.devices.append(self.team.laptop("主管", role="team_lead"))
            self.model = Model()

        def device(self, i: int) -> Laptop:
            return self.devices[i % len(self.devices)]

        @rule(i=st.integers(0, 3), n=st.integers(0, 999))
        def create_customer(self, i: int, n: int) -> None:
            c = customers.create_customer(self.device(i).ctx, values={
                "name": f"杭州测试单位{n}号", "industry_code": "education", "shared": True})
            self.model.customers.append(c.id)

        @precondition(lambda self: self.model.customers)
        @rule(i=st.integers(0, 3), k=st.integers(0, 99), f=st.sampled_from(FIELDS), value=st.sampled_from(VALUES))
        def edit(self, i: int, k: int, f: str, value: str) -> None:
            laptop = self.device(i)
            cid = self.model.customers[k % len(self.model.customers)]
            with laptop.store.read() as s:
                row = s.scalar(select(m.Customer).where(m.Customer.id == cid))
            if row is None or row.deleted:
                return  # not pulled to this laptop yet
            seen = getattr(row, f)
            value = f"{value}{len(self.model.writes)}"  # unique: 'seen' names exactly one write
            customers.update_customer(laptop.ctx, customer_id=cid, changes={f: value})
            self.model.writes.append(Write(laptop.name, cid, f, value, seen))

        @precondition(lambda self: self.model.customers)
        @rule(i=st.integers(0, 3), j=st.integers(1, 3), k=st.integers(0, 99), f=st.sampled_from(FIELDS),
              value=st.sampled_from(VALUES))
        def race(self, i: int, j: int, k: int, f: str, value: str) -> None:
            """Two laptops change the same field of one customer, neither having seen the other."""
            self.edit(i, k, f, value)
            self.edit(i + j, k, f, value)

        @rule()
        def everyone_syncs(self) -> None:
            for laptop in self.devices:
                laptop.sync()

        @precondition(lambda self: self.model.customers)
        @rule(i=st.integers(0, 3), k=st.integers(0, 99), day=st.integers(1, 28))
        def visit(self, i: int, k: int, day: int) -> None:
            laptop = self.device(i)
            cid = self.model.customers[k % len(self.model.customers)]
            with laptop.store.read() as s:
                if s.scalar(select(m.Customer.id).where(m.Customer.id == cid)) is None:
                    return
            v = visits.log_visit(laptop.ctx, customer_id=cid, values={
                "occurred_at": datetime(2026, 11, day, 10), "kind": "phone"})
            self.model.visits.add(v.id)

        @rule(i=st.integers(0, 3))
        def sync(self, i: int) -> None:
            self.device(i).sync()

        @rule(i=st.integers(0, 3), path=st.sampled_from(["/v1/push", "/v1/pull"]))
        def sync_losing_an_answer(self, i: int, path: str) -> None:
            try:
                self.device(i).sync(http=faulty(self.team, drop=path))
            except SyncError as exc:
                assert exc.code == "offline"

        @rule(i=st.integers(0, 3))
        def replay_everything_acknowledged(self, i: int) -> None:
            laptop = self.device(i)
            with laptop.store.read() as s:
                done = [_wire(e) for e in s.scalars(select(m.JournalEntry).where(
                    m.JournalEntry.pushed_at.is_not(None), m.JournalEntry.device_id == laptop.store.device_id,
                    m.JournalEntry.push_status != "legacy").order_by(m.JournalEntry.seq).limit(200))]
            if not done:
                return
            client = laptop.client()
            before = client.pull(after=0, limit=1)["cursor"]
            answer = client.push(device_id=laptop.store.device_id, entries=done)
            assert all(r["duplicate"] for r in answer["results"])
            assert client.pull(after=0, limit=1)["cursor"] == before

        @rule(i=st.integers(0, 3))
        def crash_and_restart(self, i: int) -> None:
            laptop = self.device(i)
            laptop.store.close()
            laptop.store = open_store(laptop.store.path)

        @invariant()
        def nothing_pending_is_ever_dropped(self) -> None:
            for laptop in getattr(self, "devices", []):
                with laptop.store.read() as s:
                    for e in s.scalars(select(m.JournalEntry).where(m.JournalEntry.push_status == "refused")):
                        raise AssertionError(f"refused: {e.table_name} {e.push_reason}")

        def teardown(self) -> None:
            if not hasattr(self, "devices"):
                return
            for _ in range(2):
                for laptop in self.devices:
                    laptop.sync()
            first = snapshot(self.devices[0].store)
            for laptop in self.devices[1:]:
                assert snapshot(laptop.store) == first, laptop.name
            assert self.model.visits <= set(first["visits"])  # every visit typed anywhere
            self.check_no_silent_loss(first)

        def check_no_silent_loss(self, state: dict[str, dict[str, object]]) -> None:
            found = conflicts(self.devices[0].store)
            in_conflict: dict[tuple[str, str], set[str]] = {}
            pairs = set()
            for c in found:
                key = (c.row_id, c.field or "")
                values = {json.loads(c.kept_value or "null"), json.loads(c.other_value or "null")}
                in_conflict.setdefault(key, set()).update(v for v in values if v is not None)
                pair = (key, c.kept_value, c.other_value, c.other_by)
                pairs.add(pair)
            assert len(pairs) == len(found)  # one record per clash, never the same one twice
            for w in self.model.writes:
                final = state["customers"][w.row][w.field]  # type: ignore[index]
                if final == w.value or w.value in in_conflict.get((w.row, w.field), set()):
                    continue
                seen_by_someone = any(o is not w and o.row == w.row and o.field == w.field and o.seen == w.value
                                      for o in self.model.writes)
                later_own = any(o.device == w.device and o.row == w.row and o.field == w.field
                                and self.model.writes.index(o) > self.model.writes.index(w)
                                for o in self.model.writes)
                assert seen_by_someone or later_own, f"lost without a trace: {w}"

    return TeamSync


@pytest.mark.slow
def test_random_team_work_converges_without_loss(make_team, tmp_path) -> None:
    counter = iter(range(10_000))
    machine = make_machine(make_team, lambda: f"sqlite:///{tmp_path / f'server-{next(counter)}.sqlite'}")
    machine.TestCase.settings = settings(max_examples=12, stateful_step_count=25, deadline=None,
                                         suppress_health_check=list(HealthCheck))
    machine.TestCase().runTest()


@pytest.mark.slow
def test_random_team_work_converges_on_postgresql(make_team, pg_cluster) -> None:
    machine = make_machine(make_team, lambda: pg_cluster.url(pg_cluster.create_database()))
    machine.TestCase.settings = settings(max_examples=3, stateful_step_count=20, deadline=None,
                                         suppress_health_check=list(HealthCheck))
    machine.TestCase().runTest()
