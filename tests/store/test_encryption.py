"""The encrypted store (store/connect.py, store/keys.py): real SQLCipher files on disk, read
back byte by byte; the keyring is a real ``keyring`` backend kept in memory
(tests/store/keyring_memory.py), the keyring-less paths use real passphrases."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.store.keyring_memory import MemoryKeyring
from workbench.services import contacts, customers
from workbench.services.context import Context
from workbench.services.demo import build_demo_store, demo_complete
from workbench.services.search import search_customers
from workbench.services.users import current_user
from workbench.store import keys
from workbench.store.connect import SQLITE_MAGIC, is_encrypted
from workbench.store.engine import Store, open_store
from workbench.store.keys import ACCOUNT, SERVICE
from workbench.store.opening import Problem, StoreError, check_store, open_existing

PLANTED = {"name": "澜沧翡翠矿业集团有限公司", "short_name": "澜沧翡翠", "industry_code": "banking"}
CONTACT = {"name": "滕霁川", "mobile": "13987654321"}


def _plant(store: Store) -> None:
    ctx = Context(store, current_user(store).id)
    c = customers.create_customer(ctx, values=PLANTED)
    contacts.add_contact(ctx, customer_id=c.id, values=CONTACT)


def _all_bytes(path: Path) -> bytes:
    found = b""
    for suffix in ("", "-wal", "-shm"):
        part = path.with_name(path.name + suffix)
        if part.exists():
            found += part.read_bytes()
    return found


def _needles() -> list[bytes]:
    """The planted customer as it would sit in the file: its name and short name (UTF-8),
    its pinyin and initials and its phone digits (the search index's terms)."""
    return [PLANTED["name"].encode(), PLANTED["short_name"].encode(), CONTACT["name"].encode(),
            b"lancang", b"feicui", b"lcfc", b"87654321"]


def _found(store: Store, query: str) -> list[str]:
    ctx = Context(store, current_user(store).id)
    return [r.name for r in search_customers(ctx, query=query).rows]


@pytest.fixture
def passphrase_only(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A laptop with no OS keyring, where encryption is asked for with a passphrase."""
    monkeypatch.setenv("WORKBENCH_NO_KEYRING", "1")
    monkeypatch.setenv("WORKBENCH_ENCRYPT", "1")
    monkeypatch.setenv("WORKBENCH_PASSPHRASE", "correct horse battery staple 马")
    keys.forget()
    yield
    keys.forget()


def test_the_file_holds_no_planted_name_and_search_still_finds_it(tmp_path: Path, memory_keyring: MemoryKeyring) -> None:
    path = tmp_path / "enc.sqlite"
    store = open_store(path)  # new: encrypted, the key made and kept in the keyring
    try:
        _plant(store)
        assert _found(store, "lcfc") == [PLANTED["name"]]  # FTS and prefix search work encrypted
        assert _found(store, "87654321") == [PLANTED["name"]]  # the contact's phone digits
        on_disk = _all_bytes(path)  # the -wal too: the rows are there before a checkpoint
    finally:
        store.close()
    assert is_encrypted(path) and not path.read_bytes().startswith(SQLITE_MAGIC)
    assert len(memory_keyring.secrets[(SERVICE, ACCOUNT)]) == 64  # a raw 256-bit key
    for needle in _needles():
        assert needle not in on_disk, needle
        assert needle not in path.read_bytes(), needle
    # The same test against a plain store finds them: the check can fail.
    plain = tmp_path / "plain.sqlite"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("WORKBENCH_ENCRYPT", "0")
        other = open_store(plain)
        _plant(other)
        other.close()
    assert all(n in _all_bytes(plain) for n in _needles())


def test_reopened_in_a_new_session_with_the_keyring_key(tmp_path: Path, memory_keyring: MemoryKeyring) -> None:
    path = tmp_path / "enc.sqlite"
    store = open_store(path)
    _plant(store)
    store.close()
    keys.forget()  # as a new process: the key comes from the keyring again
    again = open_existing(path)
    try:
        assert _found(again, "澜沧") == [PLANTED["name"]]
    finally:
        again.close()
    assert check_store(path) == (["ok"], 0)  # workbench check opens it the same way


def test_a_wrong_key_says_wrong_key(tmp_path: Path, memory_keyring: MemoryKeyring) -> None:
    path = tmp_path / "enc.sqlite"
    open_store(path).close()
    keys.forget()
    memory_keyring.secrets[(SERVICE, ACCOUNT)] = "ab" * 32  # another laptop's keyring
    for attempt in (open_existing, check_store):
        with pytest.raises(StoreError) as e:
            attempt(path)  # type: ignore[operator]
        assert e.value.problem is Problem.WRONG_KEY
        assert "wrong key" in e.value.en and "密钥错误" in e.value.zh
        assert "not a database" not in str(e.value) and "not a workbench store" not in str(e.value)


def test_no_keyring_new_stores_are_plain_unless_asked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WORKBENCH_NO_KEYRING", "1")
    monkeypatch.delenv("WORKBENCH_ENCRYPT", raising=False)
    keys.forget()
    store = open_store(tmp_path / "s.sqlite")
    store.close()
    assert (tmp_path / "s.sqlite").read_bytes().startswith(SQLITE_MAGIC)
    monkeypatch.setenv("WORKBENCH_ENCRYPT", "1")  # asked for, but neither keyring nor passphrase
    monkeypatch.delenv("WORKBENCH_PASSPHRASE", raising=False)
    with pytest.raises(StoreError) as e:
        open_store(tmp_path / "t.sqlite")
    assert e.value.problem is Problem.NO_KEY and "passphrase" in e.value.en


def test_passphrase_where_there_is_no_keyring(tmp_path: Path, passphrase_only: None, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "pp.sqlite"
    store = open_store(path)
    _plant(store)
    store.close()
    assert is_encrypted(path) and all(n not in _all_bytes(path) for n in _needles())
    keys.forget()
    again = open_existing(path)  # the passphrase from WORKBENCH_PASSPHRASE again
    assert _found(again, "feicui") == [PLANTED["name"]]
    again.close()
    # SQLCipher's own derivation from the passphrase opens it: the key is the standard one.
    import sqlcipher3.dbapi2 as cipher

    con = cipher.connect(str(path))
    con.execute("PRAGMA key = 'correct horse battery staple 马'")
    assert con.execute("SELECT count(*) FROM customers").fetchone() == (1,)
    con.close()
    keys.forget()
    monkeypatch.setenv("WORKBENCH_PASSPHRASE", "Correct horse battery staple 马")
    with pytest.raises(StoreError) as e:
        open_existing(path)
    assert e.value.problem is Problem.WRONG_KEY
    monkeypatch.delenv("WORKBENCH_PASSPHRASE")
    with pytest.raises(StoreError) as e:
        open_existing(path)
    assert e.value.problem is Problem.NO_KEY and "WORKBENCH_PASSPHRASE" in e.value.en


def test_a_prompt_gets_three_tries(tmp_path: Path, passphrase_only: None, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "pp.sqlite"
    open_store(path).close()
    keys.forget()
    monkeypatch.delenv("WORKBENCH_PASSPHRASE")
    asked: list[str] = []
    answers = iter(["nope", "still wrong", "correct horse battery staple 马"])
    keys.set_passphrase_source(lambda p, why: asked.append(why) or next(answers))
    try:
        open_existing(path).close()
    finally:
        keys.set_passphrase_source(None)
    assert asked == ["open", "retry", "retry"]


def test_a_keyring_store_on_a_laptop_without_keyring_needs_a_key(tmp_path: Path, memory_keyring: MemoryKeyring,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "enc.sqlite"
    open_store(path).close()
    keys.forget()
    monkeypatch.setenv("WORKBENCH_NO_KEYRING", "1")  # keyring gone (a headless Linux)
    with pytest.raises(StoreError) as e:
        open_existing(path)
    assert e.value.problem is Problem.NO_KEY
    with pytest.raises(sqlite3.DatabaseError):  # and the standard sqlite3 cannot read it at all
        sqlite3.connect(path).execute("SELECT count(*) FROM sqlite_master").fetchone()


def test_the_demo_loader_fills_an_encrypted_store(tmp_path: Path, memory_keyring: MemoryKeyring) -> None:
    path = tmp_path / "demo.sqlite"
    build_demo_store(path, customers=60)
    assert is_encrypted(path) and demo_complete(path)
    keys.forget()
    store = open_existing(path)
    try:
        ctx = Context(store, current_user(store).id)
        assert search_customers(ctx, query="").total == 60
    finally:
        store.close()
