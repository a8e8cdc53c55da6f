"""Encrypting an existing plain store on request (``workbench encrypt --db PATH``).

A copy is taken first (``NAME.before-encrypt-STAMP.bak`` beside the store, listed and
restorable like the copies taken before a migration). The store is then exported into a new
SQLCipher file with ``ATTACH ... KEY`` and ``sqlcipher_export()`` (every table, the search
index's FTS5 tables included), checked (integrity, the same row count in every table) and
moved into the store's place. The key is the keyring's, or one derived from a passphrase
where there is no keyring (``store/keys.py``).

The program must not have the store open meanwhile: its lock (``STORE.lock``,
``ui/single_instance.py``) held by a running process refuses the conversion.

The copy taken first and the earlier backups are plain files: :class:`Encrypted` names
them, so that whoever asked can delete them once the encrypted store is known to open.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path

from workbench.services.backups import BackupError, list_backups

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Encrypted:
    path: Path
    backup: Path  # the plain copy taken first
    key_source: str  # keyring | passphrase
    tables: int  # tables copied, each with the same row count
    rows: int
    plain_backups: tuple[Path, ...]  # backups of the store that are not encrypted


class AlreadyEncrypted(BackupError):
    def __init__(self, path: Path) -> None:
        super().__init__(f"{path} is already encrypted", "该数据文件已经加密")


class StoreInUse(BackupError):
    def __init__(self, path: Path, pid: int) -> None:
        super().__init__(f"{path} is open in the program (process {pid}): quit it first, then encrypt",
                         f"该数据文件正在程序中打开 (进程 {pid}): 请先退出程序再加密")


def _holder(store: Path) -> int | None:
    """The live process holding the program's lock on ``store``, if any (a QLockFile's first
    line is its holder's pid; a lock left by a dead process does not count)."""
    lock = store.with_name(store.name + ".lock")
    try:
        pid = int(lock.read_text("utf-8", "replace").splitlines()[0])
    except (OSError, ValueError, IndexError):
        return None
    if pid == os.getpid():
        return pid
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return None
    except OSError:
        return pid  # alive, someone else's
    return pid


def _counts(con: object, schema: str) -> dict[str, int]:
    """The row count of every table (an FTS5 index counted by its shadow tables)."""
    execute = con.execute  # type: ignore[attr-defined]
    names = [r[0] for r in execute(f"SELECT name FROM {schema}.sqlite_master WHERE type = 'table' "
                                   "AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name")]
    return {n: int(execute(f'SELECT count(*) FROM {schema}."{n}"').fetchone()[0]) for n in names}


def encrypt_store(path: Path) -> Encrypted:
    """Encrypt the plain store at ``path`` in place (see the module's note). Raises
    :class:`AlreadyEncrypted`, :class:`StoreInUse`, or a ``StoreError`` (missing, damaged,
    no key to encrypt with)."""
    from workbench.store import keys
    from workbench.store.connect import connect, is_encrypted
    from workbench.store.engine import backup_copy
    from workbench.store.opening import (
        Problem,
        StoreError,
        inspect_file,
        is_writable,
        require_intact,
    )

    path = Path(path)
    inspect_file(path)
    if is_encrypted(path):
        raise AlreadyEncrypted(path)
    holder = _holder(path)
    if holder is not None:
        raise StoreInUse(path, holder)
    if not is_writable(path):
        raise StoreError(Problem.READ_ONLY, path, "it cannot be encrypted")
    require_intact(path)
    key = keys.new_key(path)  # before the copy: no key, nothing done
    backup = backup_copy(path, "before-encrypt")
    side = path.with_name(path.name + ".encrypting")
    for leftover in (side, side.with_name(side.name + "-wal"), side.with_name(side.name + "-shm")):
        leftover.unlink(missing_ok=True)
    con = connect(path, cipher=True, isolation_level=None)
    try:
        # The new file gets the key's salt: a key from a passphrase is derived with it.
        con.execute(f"ATTACH DATABASE ? AS enc KEY {key.pragma(with_salt=True)}", (str(side),))
        con.execute("BEGIN IMMEDIATE")  # no writer meanwhile (the CLI, a script)
        con.execute("SELECT sqlcipher_export('enc')")
        version = con.execute("PRAGMA main.user_version").fetchone()[0]
        con.execute(f"PRAGMA enc.user_version = {int(version)}")
        before, after = _counts(con, "main"), _counts(con, "enc")
        con.execute("COMMIT")
        con.execute("DETACH DATABASE enc")
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        con.close()
    if before != after:
        side.unlink(missing_ok=True)
        raise BackupError(f"encrypting {path} did not copy every row; the store is unchanged",
                          "加密时未能复制全部数据; 数据文件未改动")
    check = connect(side, isolation_level=None)
    try:
        check.execute("PRAGMA journal_mode=WAL")
        result = [r[0] for r in check.execute("PRAGMA integrity_check")]
    finally:
        check.close()
    if result != ["ok"]:
        side.unlink(missing_ok=True)
        raise BackupError(f"the encrypted copy of {path} failed its check; the store is unchanged",
                          "加密副本校验未通过; 数据文件未改动")
    for suffix in ("-wal", "-shm"):  # the plain store's own, never to be applied to the new file
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    os.replace(side, path)
    plain = tuple(b.path for b in list_backups(path) if b.path.exists() and not is_encrypted(b.path))
    log.info("encrypted %s (%s key, %d tables, %d rows); plain copy kept as %s", path, key.source,
             len(after), sum(after.values()), backup)
    return Encrypted(path, backup, key.source, len(after), sum(after.values()), plain)
