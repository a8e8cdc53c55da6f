"""services.backups on real files: an online backup while a writer keeps writing, the
daily rotation with a fixed clock, the folder (default or chosen), and a restore that never
throws away unsynced work unless forced and keeps the replaced store beside."""

from __future__ import annotations

import sqlite3
import threading
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from workbench.services import backups, customers, visits
from workbench.services.context import Context
from workbench.services.search import search_customers
from workbench.services.users import user_context
from workbench.store.engine import backup_copy, open_store
from workbench.sync.outbox import Answer, next_batch, record_answers

BANK = {"name": "中国工商银行杭州西湖支行", "industry_code": "banking"}


def _rows(path: Path, sql: str) -> int:
    con = sqlite3.connect(path)
    try:
        return int(con.execute(sql).fetchone()[0])
    finally:
        con.close()


def _clock(at: datetime):  # type: ignore[no-untyped-def]
    return lambda: at


def test_an_online_backup_under_a_running_writer_is_whole_and_consistent(ctx: Context) -> None:
    c = customers.create_customer(ctx, values=BANK)
    for n in range(30):
        customers.create_customer(ctx, values={"name": f"杭州第{n}中学", "industry_code": "education"})
    stop, written, errors = threading.Event(), [0], []
    first_writes = threading.Event()

    def writer() -> None:
        try:
            while not stop.is_set():
                visits.log_visit(ctx, customer_id=c.id, values={
                    "occurred_at": datetime(2026, 11, 1, 9) + timedelta(minutes=written[0]), "kind": "phone",
                    "outcome": "备份期间写入的拜访"})
                written[0] += 1
                if written[0] == 20:
                    first_writes.set()
        except Exception as exc:  # the test fails below with it
            errors.append(exc)
            first_writes.set()

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        assert first_writes.wait(60)
        taken = []
        for n in range(3):  # three backups (three days: rotation keeps one a day) while the writer writes
            before = written[0]
            info = backups.take_backup(ctx.store.path, now=_clock(datetime(2026, 12, 1 + n, 9)))
            taken.append((before, info, written[0]))
    finally:
        stop.set()
        thread.join(60)
    assert not errors, errors
    assert written[0] > taken[0][0]  # the writer went on
    for before, info, after in taken:
        assert info.path.parent == backups.default_folder() and info.path.exists()
        assert not info.path.with_name(info.path.name + "-wal").exists()  # one self-contained file
        con = sqlite3.connect(info.path)
        try:
            assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            assert con.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
            n_visits = con.execute("SELECT count(*) FROM visits").fetchone()[0]
            journaled = con.execute("SELECT count(*) FROM journal WHERE table_name = 'visits'").fetchone()[0]
        finally:
            con.close()
        # A snapshot of committed transactions: every visit with its journal entry, no half write.
        assert n_visits == journaled and before <= n_visits <= after + 1
        assert info.customers == 31 and info.size == info.path.stat().st_size
    listed = backups.list_backups(ctx.store.path)
    assert [b.path for b in listed] == [i.path for _, i, _ in reversed(taken)]
    assert all(b.kind == "daily" and b.customers == 31 for b in listed)


def test_rotation_keeps_seven_daily_and_four_weekly(store_path: Path, tmp_path: Path) -> None:
    folder = tmp_path / "usb"
    folder.mkdir()
    (folder / "notes.txt").write_text("mine")  # not a backup: never touched
    other = folder / "demo-20261101-090000.sqlite"  # another store's backup: never touched
    other.write_bytes(b"x")
    day = date(2026, 10, 1)
    while day <= date(2026, 12, 3):
        if day not in (date(2026, 11, 29), date(2026, 11, 30)):  # the laptop stayed shut that weekend
            backups.take_backup(store_path, folder=folder, now=_clock(datetime.combine(day, datetime.min.time())
                                                                    .replace(hour=9)))
        day += timedelta(days=1)
    backups.take_backup(store_path, folder=folder, now=_clock(datetime(2026, 12, 3, 14, 30)))
    names = sorted(p.name for p in folder.iterdir())
    assert names == sorted([
        "notes.txt", other.name,
        "s-20261203-143000.sqlite",  # the newest of today, not the morning's
        "s-20261202-090000.sqlite", "s-20261201-090000.sqlite", "s-20261128-090000.sqlite",
        "s-20261127-090000.sqlite", "s-20261126-090000.sqlite", "s-20261125-090000.sqlite",  # 7 days with one
        "s-20261124-090000.sqlite",  # weekly: the rest of ISO week 48
        "s-20261122-090000.sqlite", "s-20261115-090000.sqlite", "s-20261108-090000.sqlite",  # weeks 47, 46, 45
    ])


def test_kept_is_the_rule_alone() -> None:
    stamps = [datetime(2026, 12, 3, h) for h in (8, 9)] + [datetime(2026, 12, 1, 9)]
    assert backups.kept(stamps, daily=1, weekly=1) == {datetime(2026, 12, 3, 9), datetime(2026, 12, 1, 9)}
    assert backups.kept([]) == set()


def test_a_backup_is_taken_at_most_once_a_day(store_path: Path) -> None:
    morning = datetime(2026, 12, 3, 8, 15)
    first = backups.backup_if_due(store_path, now=_clock(morning))
    assert first is not None and first.taken_at == morning
    assert backups.backup_if_due(store_path, now=_clock(morning.replace(hour=18))) is None
    tomorrow = backups.backup_if_due(store_path, now=_clock(morning + timedelta(days=1)))
    assert tomorrow is not None and len(backups.list_backups(store_path)) == 2


def test_the_chosen_folder_is_used_and_never_created(store_path: Path, tmp_path: Path) -> None:
    usb = tmp_path / "usb"
    with pytest.raises(backups.BackupError):
        backups.choose_folder(usb)  # not there
    usb.mkdir()
    backups.choose_folder(usb)
    assert backups.chosen_folder() == usb.resolve()
    info = backups.take_backup(store_path)
    assert info.path.parent == usb.resolve()
    usb_gone = tmp_path / "unplugged"
    usb_gone.mkdir()
    backups.choose_folder(usb_gone)
    usb_gone.rmdir()  # the stick was pulled out
    with pytest.raises(backups.BackupError) as refused:
        backups.backup_if_due(store_path)
    assert "unplugged" in refused.value.en and "不存在" in refused.value.zh
    assert not usb_gone.exists()  # not made on the laptop's disk instead
    backups.choose_folder(None)
    assert backups.backup_folder() == backups.default_folder()


def test_a_killed_backup_leaves_nothing_that_looks_like_one(store_path: Path) -> None:
    folder = backups.default_folder()
    folder.mkdir(parents=True)
    (folder / "s-20261203-090000.sqlite.partial").write_bytes(b"SQLite format 3\x00 cut short")
    assert backups.list_backups(store_path) == []
    backups.take_backup(store_path, now=_clock(datetime(2026, 12, 3, 10)))
    assert sorted(p.name for p in folder.iterdir()) == ["s-20261203-100000.sqlite"]


def test_the_copies_taken_before_migrations_are_listed_too(store_path: Path) -> None:
    copy = backup_copy(store_path, "before-0009")
    listed = backups.list_backups(store_path)
    assert [(b.path, b.kind, b.customers) for b in listed] == [(copy, "migration", 1)]


def test_restore_refuses_to_lose_unsynced_work_unless_forced(store_path: Path) -> None:
    backup = backups.take_backup(store_path, now=_clock(datetime(2026, 12, 1, 9)))
    store = open_store(store_path)
    customers.create_customer(user_context(store), values={"name": "浙江大学医学院附属第一医院",
                                                           "industry_code": "healthcare"})
    store.close()
    with pytest.raises(backups.RestoreRefused) as refused:
        backups.restore(store_path, backup.path)
    assert refused.value.lost == 2 and "2" in refused.value.zh  # the customer and its stage event
    assert "holds 2 changes not synced" in str(refused.value) and "(s)" not in str(refused.value)
    assert _rows(store_path, "SELECT count(*) FROM customers") == 2  # untouched
    aside = backups.restore(store_path, backup.path, force=True, now=_clock(datetime(2026, 12, 3, 9)))
    assert aside == store_path.with_name("s.sqlite.replaced-20261203-090000")
    assert _rows(aside, "SELECT count(*) FROM customers") == 2  # the replaced store is kept whole
    assert _rows(store_path, "SELECT count(*) FROM customers") == 1
    reopened = open_store(store_path)
    assert [r.name for r in search_customers(user_context(reopened), query="").rows] == [BANK["name"]]
    reopened.close()


def test_restore_goes_ahead_when_nothing_unsynced_would_be_lost(store_path: Path) -> None:
    backup = backups.take_backup(store_path, now=_clock(datetime(2026, 12, 1, 9)))  # its entries are pending
    store = open_store(store_path)
    customers.create_customer(user_context(store), values={"name": "杭州市西湖区人民政府",
                                                           "industry_code": "government"})
    # The server answered everything: the new customer is on the server, a pull brings it back.
    record_answers(store, [Answer(e["seq"], "applied", 1) for e in next_batch(store)])
    store.close()
    assert backups.unsynced_lost(store_path, backup.path) == 0
    assert backups.restore(store_path, backup.path) is not None


def test_a_backup_restores_onto_a_new_laptop(store_path: Path, tmp_path: Path) -> None:
    backup = backups.take_backup(store_path, now=_clock(datetime(2026, 12, 1, 9)))
    fresh = tmp_path / "new laptop" / "data" / "workbench.sqlite"
    assert backups.restore(fresh, backup.path) is None  # nothing was there to keep
    reopened = open_store(fresh)
    assert [r.name for r in search_customers(user_context(reopened), query="").rows] == [BANK["name"]]
    reopened.close()


def test_a_file_that_is_not_a_backup_is_refused(store_path: Path, tmp_path: Path) -> None:
    text = tmp_path / "notes.sqlite"
    text.write_text("not a store", encoding="utf-8")
    foreign = tmp_path / "other.sqlite"
    sqlite3.connect(foreign).execute("CREATE TABLE t (x)").connection.commit()
    before = store_path.read_bytes()
    for bad in (text, foreign, tmp_path / "missing.sqlite"):
        with pytest.raises(backups.BackupError):
            backups.restore(store_path, bad, force=True)
    assert store_path.read_bytes() == before and not list(tmp_path.glob("s.sqlite.replaced-*"))


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    path = tmp_path / "s.sqlite"
    store = open_store(path)
    customers.create_customer(user_context(store), values=BANK)
    store.close()
    return path
