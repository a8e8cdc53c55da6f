"""Faults between a laptop and the server: an answer lost after the server committed, a batch
delivered twice, a device clock a day off, a crash between push and pull, a restored backup."""

from __future__ import annotations

import shutil
from datetime import datetime, timedelta

import pytest
from sqlalchemy import func, select

from tests.sync.team import URL, Laptop, Team, conflicts, faulty, snapshot
from tests.sync.test_team_sync import BANK
from workbench.services import customers, visits
from workbench.store import models as m
from workbench.store.engine import backup_copy, open_store
from workbench.sync.client import ServerClient, SyncError
from workbench.sync.outbox import next_batch, pending_count
from workbench.sync.tokens import load_token


def server_visits(laptop: Laptop) -> int:
    """Visits the server holds for this user, as a fresh device of theirs would pull them."""
    page = laptop.client().pull(after=0, limit=2000)
    return sum(1 for r in page["rows"] if r["table"] == "visits")


def test_an_answer_lost_after_the_commit_is_retried_harmlessly(team: Team) -> None:
    a = team.laptop("王经理")
    c = customers.create_customer(a.ctx, values=BANK)
    for day in range(5):
        visits.log_visit(a.ctx, customer_id=c.id, values={"occurred_at": datetime(2026, 11, 20 + day, 9),
                                                          "kind": "phone"})
    with pytest.raises(SyncError) as lost:
        a.sync(http=faulty(team, drop="/v1/push"))
    assert lost.value.code == "offline"
    assert pending_count(a.store) > 0  # the device does not know: its entries are kept
    again = a.sync()
    assert again.duplicates == again.pushed > 0 and again.refused == 0  # recognised, not re-applied
    assert server_visits(a) == 5
    assert pending_count(a.store) == 0


def test_a_batch_delivered_twice_changes_nothing(team: Team) -> None:
    a = team.laptop("王经理")
    customers.create_customer(a.ctx, values=BANK)
    batch = next_batch(a.store)
    client = a.client()
    first = client.push(device_id=a.store.device_id, entries=batch)
    cursor_after_first = client.pull(after=0)["cursor"]
    second = client.push(device_id=a.store.device_id, entries=batch)
    assert [r["status"] for r in second["results"]] == [r["status"] for r in first["results"]]
    assert all(r["duplicate"] for r in second["results"])
    assert client.pull(after=0)["cursor"] == cursor_after_first  # no new server sequence


def test_a_lost_pull_answer_moves_no_cursor(team: Team) -> None:
    a, b = team.laptop("王经理"), team.laptop("李经理")
    customers.create_customer(a.ctx, values=BANK)
    a.sync()
    with pytest.raises(SyncError):
        b.sync(http=faulty(team, drop="/v1/pull"))
    with b.store.read() as s:
        assert s.scalar(select(func.count()).select_from(m.Customer)) == 0
    b.sync()
    assert snapshot(a.store) == snapshot(b.store)


def test_a_clock_a_day_off_does_not_decide_a_conflict(team: Team, monkeypatch: pytest.MonkeyPatch) -> None:
    a, b = team.laptop("王经理"), team.laptop("李经理")
    c = customers.create_customer(a.ctx, values=BANK)
    a.sync()
    b.sync()
    customers.update_customer(a.ctx, customer_id=c.id, changes={"notes": "甲"})
    a.sync()
    import workbench.services.context as context

    fast = context.utcnow() + timedelta(days=1)
    monkeypatch.setattr(context, "utcnow", lambda: fast)  # b's clock is a day fast
    customers.update_customer(b.ctx, customer_id=c.id, changes={"notes": "乙"})
    b.sync()
    a.sync()
    assert customers.get_customer(a.ctx, customer_id=c.id).notes == "甲"  # versions decide, not clocks
    assert [x.field for x in conflicts(a.store)] == ["notes"]


def test_a_crash_between_push_and_pull_loses_nothing(team: Team) -> None:
    a, b = team.laptop("王经理"), team.laptop("李经理")
    c = customers.create_customer(b.ctx, values=BANK)
    b.sync()
    customers.create_customer(a.ctx, values={**BANK, "name": "中国银行杭州分行"})
    client = a.client()
    from workbench.sync.engine import SyncSummary, _push

    _push(a.store, client, SyncSummary())  # pushed, then the laptop dies before pulling
    a.store.close()
    a.store = open_store(a.store.path)
    a.sync()
    assert customers.get_customer(a.ctx, customer_id=c.id).name == BANK["name"]
    b.sync()
    assert snapshot(a.store) == snapshot(b.store)


def test_a_restored_backup_takes_a_new_identity_and_loses_nothing(team: Team) -> None:
    a = team.laptop("王经理")
    c = customers.create_customer(a.ctx, values=BANK)
    a.sync()
    backup = backup_copy(a.store.path, "nightly")  # SQLite's online backup, as the app takes it
    for day in range(3):  # work done after the backup, synced
        visits.log_visit(a.ctx, customer_id=c.id, values={"occurred_at": datetime(2026, 11, 20 + day, 9),
                                                          "kind": "phone"})
    a.sync()
    # The disk dies; the backup comes back and new work is typed on it: its journal reuses seqs.
    token_owner = a.store.device_id
    a.store.close()
    for leftover in (a.store.path.with_name(a.store.path.name + x) for x in ("-wal", "-shm")):
        leftover.unlink(missing_ok=True)
    shutil.copy(backup, a.store.path)
    a.store = open_store(a.store.path)
    assert load_token(token_owner)
    visits.log_visit(a.ctx, customer_id=c.id, values={"occurred_at": datetime(2026, 12, 1, 9), "kind": "onsite",
                                                      "outcome": "恢复后的新拜访"})
    summary = a.sync()
    assert summary.rekeyed and summary.refused == 0 and a.store.device_id != token_owner
    assert server_visits(a) == 4  # three from before the restore, one after: none lost, none twice
    assert len(visits.list_visits(a.ctx, customer_id=c.id)) == 4  # and the pull brought the three back
    assert ServerClient(URL, load_token(a.store.device_id), http=team.http).health()
