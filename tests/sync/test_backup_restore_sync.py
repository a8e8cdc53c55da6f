"""A laptop restored from its daily backup (services.backups) and synced again: the rewound
store is recognised by the server (its journal reuses sequence numbers: the device takes a new
identity), the pull brings back what the server holds and the backup lacked, nothing is lost
or applied twice, and the team converges."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest

from tests.sync.team import Laptop, Team, snapshot
from tests.sync.test_team_sync import BANK
from workbench.services import backups, customers, visits
from workbench.store.engine import open_store
from workbench.sync.outbox import pending_count


@pytest.fixture
def team(make_team: Callable[[str], Team], tmp_path: Path) -> Team:
    return make_team(f"sqlite:///{tmp_path / 'server.sqlite'}")


def server_visits(laptop: Laptop) -> int:
    page = laptop.client().pull(after=0, limit=2000)
    return sum(1 for r in page["rows"] if r["table"] == "visits")


def _visit(laptop: Laptop, customer_id: str, day: int, outcome: str = "") -> None:
    visits.log_visit(laptop.ctx, customer_id=customer_id, values={
        "occurred_at": datetime(2026, 11, day, 9), "kind": "phone", "outcome": outcome or f"11月{day}日"})


def _restore(laptop: Laptop, backup: Path) -> None:
    """What File ▸ Restore from backup… does: the store closed, the backup put in its place, opened again."""
    laptop.store.close()
    backups.restore(laptop.store.path, backup)
    laptop.store = open_store(laptop.store.path)


def test_restore_then_sync_recognises_the_rewound_device_and_loses_nothing(team: Team) -> None:
    a, b = team.laptop("王经理"), team.laptop("李经理")
    c = customers.create_customer(a.ctx, values=BANK)
    a.sync()
    old_device = a.store.device_id
    backup = backups.take_backup(a.store.path, now=lambda: datetime(2026, 11, 20, 8))
    for day in (21, 22, 23):  # typed after the backup, synced: on the server only, once the disk dies
        _visit(a, c.id, day)
    customers.update_customer(a.ctx, customer_id=c.id, changes={"region": "杭州市西湖区"})
    a.sync()
    _restore(a, backup.path)  # allowed: everything since the backup is on the server
    assert len(visits.list_visits(a.ctx, customer_id=c.id)) == 0
    first = a.sync()  # nothing typed yet: the pull alone brings the rest back
    assert first.pushed == 0 and first.refused == 0
    assert len(visits.list_visits(a.ctx, customer_id=c.id)) == 3
    assert customers.get_customer(a.ctx, customer_id=c.id).region == "杭州市西湖区"
    _visit(a, c.id, 24, "恢复后的新拜访")  # its journal entry reuses a sequence number already pushed
    second = a.sync()
    assert second.rekeyed and a.store.device_id != old_device  # the rewound device was recognised
    assert second.refused == 0 and second.conflicts == 0 and pending_count(a.store) == 0
    assert server_visits(a) == 4  # three from before the restore, one after: none lost, none twice
    b.sync()
    assert len(visits.list_visits(b.ctx, customer_id=c.id)) == 4
    assert snapshot(a.store) == snapshot(b.store)


def test_entries_pending_in_the_backup_and_pushed_since_are_not_applied_twice(team: Team) -> None:
    a, b = team.laptop("王经理"), team.laptop("李经理")
    c = customers.create_customer(a.ctx, values=BANK)
    a.sync()
    _visit(a, c.id, 21)
    _visit(a, c.id, 22)  # not yet synced when the backup is taken
    backup = backups.take_backup(a.store.path, now=lambda: datetime(2026, 11, 22, 18))
    assert pending_count(a.store) > 0
    a.sync()  # the live store pushes them, then the disk dies
    _restore(a, backup.path)
    assert pending_count(a.store) > 0  # the backup still holds them as pending
    again = a.sync()
    assert again.duplicates == again.pushed > 0 and again.refused == 0  # recognised, not re-applied
    assert server_visits(a) == 2
    _visit(a, c.id, 25)  # the live store had pushed nothing beyond the backup: its next seq is new
    after = a.sync()
    assert not after.rekeyed and after.refused == 0 and server_visits(a) == 3
    b.sync()
    assert snapshot(a.store) == snapshot(b.store)


def test_restoring_over_unsynced_work_is_refused_and_forcing_keeps_it_beside(team: Team) -> None:
    a = team.laptop("王经理")
    c = customers.create_customer(a.ctx, values=BANK)
    a.sync()
    backup = backups.take_backup(a.store.path, now=lambda: datetime(2026, 11, 20, 8))
    _visit(a, c.id, 21, "离线记录, 尚未同步")
    a.store.close()
    with pytest.raises(backups.RestoreRefused) as refused:
        backups.restore(a.store.path, backup.path)
    assert refused.value.lost and refused.value.lost > 0
    a.store = open_store(a.store.path)
    assert len(visits.list_visits(a.ctx, customer_id=c.id)) == 1  # untouched
    a.store.close()
    aside = backups.restore(a.store.path, backup.path, force=True)
    assert aside is not None
    kept = open_store(aside)  # the replaced store, unsynced visit and all, is still there to open
    try:
        assert pending_count(kept) > 0
    finally:
        kept.close()
    a.store = open_store(a.store.path)
    assert a.sync().refused == 0 and server_visits(a) == 0
