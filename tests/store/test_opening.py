"""Opening an existing store (store/opening.py): nothing is created, and every way a file
is wrong is one typed StoreError with an English and a Chinese message."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from tests.store.damage import DAMAGES, copy_store, overwrite_page, page_size
from workbench.store.engine import open_store
from workbench.store.migrations import HEAD_REVISION
from workbench.store.opening import (
    Problem,
    StoreError,
    check_store,
    classify,
    migrate_existing,
    open_existing,
)

EXPECTED = {
    "not_sqlite": Problem.NOT_A_STORE,
    "truncated": Problem.TRUNCATED,
    "garbage_schema": Problem.DAMAGED,
    "empty": Problem.EMPTY,
    "directory": Problem.NOT_A_FILE,
}


@pytest.mark.parametrize("where", ["missing.sqlite", "no/such/folder/missing.sqlite"])
def test_a_missing_store_is_never_created(tmp_path: Path, where: str) -> None:
    path = tmp_path / where
    with pytest.raises(StoreError) as e:
        open_existing(path)
    assert e.value.problem is Problem.MISSING and e.value.en.startswith(f"no store at {path}")
    assert e.value.zh and str(e.value) == f"{e.value.en} / {e.value.zh}" and "\n" not in str(e.value)
    assert list(tmp_path.rglob("*")) == []  # no file, no folder


@pytest.mark.parametrize("damage", sorted(DAMAGES))
def test_each_damage_is_named(tmp_path: Path, demo_store_path: Path, damage: str) -> None:
    path = copy_store(demo_store_path, tmp_path / "s.sqlite")
    DAMAGES[damage](path)
    for attempt in (open_existing, check_store):
        with pytest.raises(StoreError) as e:
            attempt(path)  # type: ignore[operator]
        assert e.value.problem is EXPECTED[damage], (attempt, e.value)
    assert str(path) in e.value.en and e.value.zh
    assert not path.with_name("s.sqlite-wal").exists()  # nothing written beside it


def test_damage_says_which_backup_to_restore(tmp_path: Path, demo_store_path: Path) -> None:
    path = copy_store(demo_store_path, tmp_path / "s.sqlite")
    backup = copy_store(path, tmp_path / "s.sqlite.before-0007-20260101-000000.bak")
    DAMAGES["truncated"](path)
    with pytest.raises(StoreError) as e:
        open_existing(path)
    assert f"restore the copy {backup}" in e.value.en and "副本" in e.value.zh


def test_a_garbage_page_is_found_by_the_check_and_refused_by_migrate(tmp_path: Path) -> None:
    from alembic import command

    from workbench.store.migrations.runner import config

    path = tmp_path / "old.sqlite"
    command.upgrade(config(path), "0006")  # a store one migration behind
    con = sqlite3.connect(path)
    con.executemany("INSERT INTO meta (key, value) VALUES (?, ?)", [(f"k{i}", "x" * 300) for i in range(200)])
    con.commit()
    con.close()
    overwrite_page(path, path.stat().st_size // page_size(path))  # the last page: meta rows
    before = path.read_bytes()
    try:
        lines, _ = check_store(path)
        assert lines != ["ok"]
    except StoreError as e:  # SQLite may stop the check itself at the garbage
        assert e.problem is Problem.DAMAGED
    with pytest.raises(StoreError) as e:
        migrate_existing(path)
    assert e.value.problem is Problem.DAMAGED and "integrity check" in e.value.en
    with pytest.raises(StoreError):
        open_existing(path)  # opening would migrate it: refused the same way
    assert path.read_bytes() == before and not list(tmp_path.glob("*.bak"))  # untouched, no copy


def test_sqlite_failures_are_classified(tmp_path: Path) -> None:
    path = tmp_path / "x.sqlite"
    path.write_bytes(b"x")
    cases = {
        "file is not a database": Problem.NOT_A_STORE,
        "database disk image is malformed": Problem.DAMAGED,
        "attempt to write a readonly database": Problem.READ_ONLY,
        "unable to open database file": Problem.UNREADABLE,
    }
    for text, problem in cases.items():
        err = classify(sqlite3.DatabaseError(text), path)
        assert err is not None and err.problem is problem
    from sqlalchemy.exc import DatabaseError

    wrapped = DatabaseError("SELECT 1", None, sqlite3.DatabaseError("database disk image is malformed"))
    assert (err := classify(wrapped, path)) is not None and err.problem is Problem.DAMAGED
    assert classify(sqlite3.OperationalError("database is locked"), path) is None
    assert classify(ValueError("no"), path) is None


def test_a_read_only_store_reads_and_refuses_writes(tmp_path: Path, demo_store_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    from sqlalchemy import func, select

    from workbench.store import opening
    from workbench.store.models import Customer

    path = copy_store(demo_store_path, tmp_path / "s.sqlite")
    device = open_store(path)
    device_id = device.device_id
    device.close()
    # root may write anything, so the file's read-only state is reported by os.access
    real_access = os.access
    monkeypatch.setattr(opening.os, "access",
                        lambda p, mode: False if mode == os.W_OK else real_access(p, mode))
    store = open_existing(path)
    try:
        assert store.read_only and store.device_id == device_id
        with store.read() as s:
            assert s.scalar(select(func.count()).select_from(Customer)) == 400
        with pytest.raises(StoreError) as e, store.write():
            pass
        assert e.value.problem is Problem.READ_ONLY and "read-only" in e.value.en and "只读" in e.value.zh
    finally:
        store.close()
    assert migrate_existing(path) is None  # at head: nothing to migrate, nothing refused


def test_a_good_store_opens_as_before(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite"
    open_store(path).close()
    store = open_existing(path)
    assert not store.read_only
    store.close()
    assert check_store(path) == (["ok"], 0)
    con = sqlite3.connect(path)
    assert con.execute("SELECT version_num FROM alembic_version").fetchone() == (HEAD_REVISION,)
    con.close()
