"""Encrypting a plain store on request (services/encryption.py) and the backups of an
encrypted store (services/backups.py), on real files; the keyring is a real ``keyring``
backend in memory (tests/store/keyring_memory.py)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.store.keyring_memory import MemoryKeyring, memory_keyring_installed
from workbench.services import backups, contacts, customers
from workbench.services.context import Context
from workbench.services.encryption import AlreadyEncrypted, StoreInUse, encrypt_store
from workbench.services.search import search_customers
from workbench.services.users import current_user
from workbench.store import keys
from workbench.store.connect import SQLITE_MAGIC, connect, is_encrypted
from workbench.store.engine import Store, open_store
from workbench.store.opening import Problem, StoreError, check_store, open_existing

PLANTED = {"name": "澜沧翡翠矿业集团有限公司", "short_name": "澜沧翡翠", "industry_code": "banking"}
NEEDLES = [PLANTED["name"].encode(), "滕霁川".encode(), b"lancang", b"lcfc", b"87654321"]


@pytest.fixture
def ring(monkeypatch: pytest.MonkeyPatch) -> Iterator[MemoryKeyring]:
    with memory_keyring_installed(monkeypatch) as found:
        yield found


def _plant(store: Store) -> None:
    ctx = Context(store, current_user(store).id)
    c = customers.create_customer(ctx, values=PLANTED)
    contacts.add_contact(ctx, customer_id=c.id, values={"name": "滕霁川", "mobile": "13987654321"})


def _plain_store(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with monkeypatch.context() as mp:
        mp.setenv("WORKBENCH_ENCRYPT", "0")
        store = open_store(path)
        _plant(store)
        store.close()


def _bytes(path: Path) -> bytes:
    return b"".join(p.read_bytes() for p in (path, path.with_name(path.name + "-wal")) if p.exists())


def _found(path: Path, query: str) -> list[str]:
    store = open_existing(path)
    try:
        return [r.name for r in search_customers(Context(store, current_user(store).id), query=query).rows]
    finally:
        store.close()


def _index_rows(path: Path) -> int:
    con = connect(path)
    try:
        # The FTS5 indexes' own pages (their content tables are search_docs and search_keys).
        return sum(int(con.execute(f"SELECT count(*) FROM {t}").fetchone()[0])
                   for t in ("search_fts_data", "keys_fts_data", "search_docs", "search_keys"))
    finally:
        con.close()


def test_a_plain_store_is_encrypted_with_its_search_index(tmp_path: Path, ring: MemoryKeyring,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "s.sqlite"
    _plain_store(path, monkeypatch)
    assert all(n in _bytes(path) for n in NEEDLES)  # plain: the name is there to find
    indexed = _index_rows(path)
    store = open_existing(path)
    device = store.device_id
    store.close()

    done = encrypt_store(path)

    assert done.key_source == "keyring" and done.rows > 0 and is_encrypted(path)
    assert not any(n in _bytes(path) for n in NEEDLES)
    assert done.backup.read_bytes().startswith(SQLITE_MAGIC) and done.backup in done.plain_backups
    keys.forget()  # as a new process
    assert _index_rows(path) == indexed > 0  # the FTS index came across, not rebuilt
    assert _found(path, "lcfc") == [PLANTED["name"]] and _found(path, "87654321") == [PLANTED["name"]]
    assert check_store(path) == (["ok"], 0)
    again = open_existing(path)
    assert again.device_id == device  # the same laptop to the sync server
    again.close()
    assert not path.with_name(path.name + ".encrypting").exists()
    with pytest.raises(AlreadyEncrypted):
        encrypt_store(path)


def test_encrypting_with_a_passphrase_where_there_is_no_keyring(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "s.sqlite"
    _plain_store(path, monkeypatch)
    monkeypatch.setenv("WORKBENCH_NO_KEYRING", "1")
    monkeypatch.delenv("WORKBENCH_PASSPHRASE", raising=False)
    keys.forget()
    before = path.read_bytes()
    with pytest.raises(StoreError) as e:  # no keyring, no passphrase: nothing done
        encrypt_store(path)
    assert e.value.problem is Problem.NO_KEY and path.read_bytes() == before
    assert not list(tmp_path.glob("*.bak"))
    monkeypatch.setenv("WORKBENCH_PASSPHRASE", "山高水长 2026")
    assert encrypt_store(path).key_source == "passphrase"
    keys.forget()
    assert _found(path, "澜沧") == [PLANTED["name"]]


def test_a_store_the_program_holds_is_not_encrypted(tmp_path: Path, ring: MemoryKeyring,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "s.sqlite"
    _plain_store(path, monkeypatch)
    path.with_name("s.sqlite.lock").write_text(f"{os.getpid()}\nworkbench\nhost\n", "utf-8")
    with pytest.raises(StoreInUse) as e:
        encrypt_store(path)
    assert "quit it first" in e.value.en and path.read_bytes().startswith(SQLITE_MAGIC)
    path.with_name("s.sqlite.lock").write_text("999999999\nworkbench\nhost\n", "utf-8")  # left by a crash
    assert encrypt_store(path).tables > 0


def test_a_backup_of_an_encrypted_store_stays_encrypted(tmp_path: Path, ring: MemoryKeyring) -> None:
    path = tmp_path / "s.sqlite"
    store = open_store(path)
    _plant(store)
    store.close()
    usb = tmp_path / "usb"
    usb.mkdir()
    info = backups.take_backup(path, folder=usb)
    assert is_encrypted(info.path) and not any(n in info.path.read_bytes() for n in NEEDLES)
    assert info.customers == 1  # read with the store's key
    keys.forget()
    assert _found(info.path, "lcfc") == [PLANTED["name"]]  # the backup opens as a store
    assert [b.customers for b in backups.list_backups(path, folder=usb)] == [1]

    # Typed after the backup, never synced: the restore is refused, then forced.
    again = open_existing(path)
    ctx = Context(again, current_user(again).id)
    customers.create_customer(ctx, values={"name": "招商银行昆明分行", "industry_code": "banking"})
    again.close()
    with pytest.raises(backups.RestoreRefused) as e:
        backups.restore(path, info.path)
    assert e.value.lost == 2  # the customer and its first stage: read across both keys (ATTACH ... KEY)
    aside = backups.restore(path, info.path, force=True)
    assert aside is not None and is_encrypted(path) and _found(path, "招商") == []


def test_a_backup_without_its_key_is_listed_without_a_count(tmp_path: Path, ring: MemoryKeyring) -> None:
    path = tmp_path / "s.sqlite"
    store = open_store(path)
    _plant(store)
    store.close()
    info = backups.take_backup(path)
    keys.forget()
    ring.secrets.clear()  # the keyring lost its key: the backup is there, unreadable
    assert [(b.path, b.customers) for b in backups.list_backups(path)] == [(info.path, None)]
    with pytest.raises(backups.BackupError) as e:
        backups.check_backup(info.path)
    assert "no key" in e.value.en
