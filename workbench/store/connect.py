"""The one way to open a connection to a store file, plain or encrypted.

A plain store (its first bytes ``SQLite format 3``) opens with the standard ``sqlite3``, as
it always did; an encrypted one (SQLCipher 4: the file starts with its random salt) opens
with ``sqlcipher3`` under its key (``store/keys.py``). Both hand back the same DB-API
(typed here as ``sqlite3.Connection``); their exceptions are both in :func:`db_errors`.
The engines (``engine.py``), the migrations, the search, the backups, the demo loader and
``workbench check`` all connect through :func:`connect`, :func:`connect_copy` or
:func:`engine_for`.

Only the standard library is imported at module level (``sqlcipher3`` is imported the first
time an encrypted file is met).
"""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from workbench.store import keys
from workbench.store.keys import Key

if TYPE_CHECKING:
    from sqlalchemy import Engine

SQLITE_MAGIC = b"SQLite format 3\x00"
CIPHER_PAGE = 4096  # SQLCipher 4's page size: an encrypted file is a whole number of them


def _cipher() -> Any:
    import sqlcipher3.dbapi2

    return sqlcipher3.dbapi2


def db_errors() -> tuple[type[BaseException], ...]:
    """The driver errors a connection may raise: ``sqlite3.Error`` and, once an encrypted
    store was opened, ``sqlcipher3``'s (which is not a subclass of it)."""
    cipher = sys.modules.get("sqlcipher3.dbapi2")
    return (sqlite3.Error, cipher.Error) if cipher is not None else (sqlite3.Error,)


def looks_encrypted(head: bytes, size: int) -> bool:
    """Whether a file whose first bytes are ``head`` and size ``size`` may be an encrypted
    store: not SQLite's header, whole pages, and a first 16 bytes that are not text (the
    salt is random; a text file given by mistake is not taken for a store)."""
    if head.startswith(SQLITE_MAGIC) or size < CIPHER_PAGE or size % CIPHER_PAGE:
        return False
    salt = head[:16]
    return len(salt) == 16 and not all(32 <= b < 127 or b in (9, 10, 13) for b in salt)


def _head(path: Path) -> tuple[bytes, int]:
    try:
        with Path(path).open("rb") as f:
            return f.read(100), Path(path).stat().st_size
    except OSError:
        return b"", 0


def is_encrypted(path: Path) -> bool:
    """Whether ``path`` is an existing encrypted store (by its header; creates nothing)."""
    head, size = _head(path)
    return looks_encrypted(head, size)


def _keyed(target: str, key: Key, *, uri: bool, with_salt: bool = False, **kwargs: Any) -> sqlite3.Connection:
    con = _cipher().connect(target, uri=uri, **kwargs)
    try:
        con.execute("PRAGMA cipher_log_level = NONE")  # a wrong key is our message, not stderr's
        con.execute(f"PRAGMA key = {key.pragma(with_salt=with_salt)}")
    except BaseException:
        con.close()
        raise
    return cast(sqlite3.Connection, con)


def _opens(path: Path, key: Key) -> bool:
    cipher = _cipher()
    try:
        con = _keyed(Path(path).resolve().as_uri() + "?mode=ro", key, uri=True)
    except cipher.Error:
        return False
    try:
        con.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return True
    except cipher.DatabaseError:
        return False
    finally:
        con.close()


def key_of(path: Path) -> Key | None:
    """The key of the store at ``path``: None when it is plain (or not there); raises
    :class:`~workbench.store.opening.StoreError` (``WRONG_KEY``/``NO_KEY``) when it is
    encrypted and no key at hand opens it."""
    head, size = _head(path)
    if not looks_encrypted(head, size):
        return None
    return keys.key_for(Path(path), head[:16], lambda k: _opens(Path(path), k))


def connect(path: Path, *, uri: str | None = None, cipher: bool = False, **kwargs: Any) -> sqlite3.Connection:
    """A DB-API connection to the store at ``path`` (through the SQLite URI ``uri`` when
    given, e.g. read-only), under its key when it is encrypted. ``cipher`` opens even a
    plain store with ``sqlcipher3`` (to attach an encrypted one to it). ``kwargs`` go to the
    driver's ``connect`` (``isolation_level``, ``check_same_thread``)."""
    target = uri if uri is not None else str(path)
    key = key_of(Path(path))
    if key is None:
        if cipher:
            return cast(sqlite3.Connection, _cipher().connect(target, uri=uri is not None, **kwargs))
        return sqlite3.connect(target, uri=uri is not None, **kwargs)
    return _keyed(target, key, uri=uri is not None, **kwargs)


def attach(con: sqlite3.Connection, path: Path, alias: str, *, uri: str | None = None) -> None:
    """``ATTACH`` the store at ``path`` to ``con`` as ``alias``, under its own key (or none)
    when ``con`` is a SQLCipher connection (open it with ``cipher=True`` for that)."""
    target = uri if uri is not None else str(path)
    if isinstance(con, sqlite3.Connection):
        con.execute(f"ATTACH DATABASE ? AS {alias}", (target,))
        return
    key = key_of(Path(path))
    clause = key.pragma() if key is not None else "''"
    con.execute(f"ATTACH DATABASE ? AS {alias} KEY {clause}", (target,))


def connect_copy(target: Path, like: Path | Key | None, **kwargs: Any) -> sqlite3.Connection:
    """A connection creating ``target`` as a copy of the store ``like`` (a path, or the key
    itself): encrypted under the same key and salt when it is encrypted, plain when not.
    A backup of an encrypted store stays encrypted."""
    key = like if isinstance(like, Key) or like is None else key_of(like)
    if key is None:
        return sqlite3.connect(target, **kwargs)
    return _keyed(str(target), key, uri=False, with_salt=True, **kwargs)


def create_encrypted(path: Path, key: Key) -> None:
    """Make ``path`` an empty encrypted store in WAL mode (its salt is the key's)."""
    con = connect_copy(path, key, isolation_level=None)
    try:
        con.execute("PRAGMA journal_mode=WAL")
        con.execute("SELECT count(*) FROM sqlite_master").fetchone()
    finally:
        con.close()


def prepare_new(path: Path) -> Key | None:
    """Before a store is created at ``path`` (missing or empty): encrypt it when new stores
    are (``keys.encryption_wanted``). Returns its key, None for a plain one."""
    if path.exists() and path.stat().st_size > 0:
        return None
    key = keys.key_for_new(path)
    if key is not None:
        create_encrypted(path, key)
    return key


def engine_for(path: Path, *, uri: str | None = None, **kwargs: Any) -> Engine:
    """An SQLAlchemy engine over the store at ``path`` (``kwargs``: the pool's settings).
    A plain store uses the pysqlite dialect as is; an encrypted one the same dialect over
    ``sqlcipher3``, every pooled connection made by :func:`connect`."""
    from sqlalchemy import URL, create_engine

    if uri is None and not is_encrypted(path):
        return create_engine(URL.create("sqlite+pysqlite", database=str(path)), **kwargs)
    key = key_of(path)  # asked once, here, not on a pool's worker thread
    module = sqlite3 if key is None else _cipher()

    def creator() -> sqlite3.Connection:
        return connect(path, uri=uri, check_same_thread=False)

    return create_engine("sqlite+pysqlite://", module=module, creator=creator, **kwargs)
