"""Opening a store that must already exist: never creating one by accident.

Every way the file can be wrong (missing, a folder, empty, not SQLite, cut short, damaged,
unreadable, read-only) is reported as one typed error, :class:`StoreError`, saying what is
wrong and what to do, in English and Chinese. :func:`open_existing` is the one way the
command line opens a store; :func:`engine.open_store` stays the creating open of the GUI's
first start and of ``workbench demo``. A read-only store opens for reading: its writes are
refused with a :class:`StoreError`.

Only the standard library is imported at module level (the CLI imports this on its error
path; ``engine`` imports it too).
"""

from __future__ import annotations

import os
import sqlite3
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from workbench.store.engine import Store

SQLITE_MAGIC = b"SQLite format 3\x00"


class Problem(StrEnum):
    MISSING = "missing"
    NOT_A_FILE = "not_a_file"
    EMPTY = "empty"
    NOT_A_STORE = "not_a_store"
    TRUNCATED = "truncated"
    DAMAGED = "damaged"
    UNREADABLE = "unreadable"
    READ_ONLY = "read_only"
    WRONG_KEY = "wrong_key"  # encrypted, and the key or passphrase at hand does not open it
    NO_KEY = "no_key"  # encrypted, and no key for it is here
    FULL = "full"  # a write found no room: the disk (or SQLite's page limit) is full
    LOCKED = "locked"  # a write waited past the busy timeout: another program holds the store


def _restore_hint(path: Path) -> tuple[str, str]:
    try:
        backups = sorted(path.parent.glob(f"{path.name}.*.bak"), key=lambda p: p.stat().st_mtime)
    except OSError:
        backups = []
    if backups:
        newest = backups[-1]
        return (f"restore the copy {newest} (copy it over the store) or another backup",
                "请用上述副本恢复 (复制覆盖数据文件) 或使用其他备份")
    return ("restore it from a backup, or use another store",
            "请从备份恢复, 或使用其他数据文件")


def _texts(problem: Problem, p: Path, detail: str) -> tuple[str, str]:
    why = f" ({detail})" if detail else ""
    if problem is Problem.MISSING:
        return (f"no store at {p}: check the path (nothing was created)",
                "该路径没有数据文件: 请检查路径 (未新建任何文件)")
    if problem is Problem.NOT_A_FILE:
        return (f"{p} is a folder, not a store: give the path of the store file",
                "这是文件夹, 不是数据文件: 请指定数据文件的路径")
    if problem is Problem.EMPTY:
        return (f"{p} is an empty file (0 bytes), not a store: delete it or give another path",
                "这是空文件 (0 字节), 不是数据文件: 请删除它或指定其他路径")
    if problem is Problem.NOT_A_STORE:
        return (f"{p} is not a workbench store (not an SQLite database){why}: give another path",
                f"这不是工作台数据文件 (不是 SQLite 数据库){why}: 请指定其他路径")
    if problem is Problem.UNREADABLE:
        return (f"{p} cannot be read{why}: fix its permissions, or copy it to a place you can read",
                f"无法读取该数据文件{why}: 请修改其权限, 或将其复制到可读取的位置")
    if problem is Problem.READ_ONLY:
        return (f"{p} is read-only{why}: it can be read but not changed; make it and its folder "
                "writable, or copy it to a writable folder",
                "该数据文件是只读的: 只能查看, 不能修改; 请让文件及其文件夹可写, 或将其复制到可写的文件夹")
    if problem is Problem.WRONG_KEY:
        return (f"{p} is encrypted and the key or passphrase given does not open it: wrong key "
                "(give the passphrase it was encrypted with, or open it on the laptop whose keyring holds its key)",
                "该数据文件已加密, 所给的密钥或口令无法打开它: 密钥错误 (请输入加密时使用的口令, 或在保存其密钥的电脑上打开)")
    if problem is Problem.NO_KEY:
        return (f"{p} is encrypted and no key for it is here{why}: give its passphrase "
                "(WORKBENCH_PASSPHRASE on the command line), or open it on the laptop whose keyring holds its key",
                f"该数据文件已加密, 此处没有它的密钥{why}: 请输入其口令 (命令行中用 WORKBENCH_PASSPHRASE), "
                "或在保存其密钥的电脑上打开")
    if problem is Problem.FULL:
        return (f"the disk holding {p} is full: nothing was written; free some space and save again",
                "数据文件所在的磁盘已满: 未写入任何内容; 请释放一些空间后再保存")
    if problem is Problem.LOCKED:
        return (f"another program holds {p} (the workbench started twice, a backup or sync tool): "
                "nothing was written; close it and save again",
                "另一个程序正占用该数据文件 (工作台被打开了两次, 或备份、同步工具): 未写入任何内容; 请关闭它后再保存")
    en_do, zh_do = _restore_hint(p)
    if problem is Problem.TRUNCATED:
        return (f"{p} is damaged: the file is cut short{why}; {en_do}",
                f"该数据文件已损坏: 文件被截断; {zh_do}")
    return (f"{p} is damaged{why}; {en_do}", f"该数据文件已损坏; {zh_do}")


class StoreError(Exception):
    """A store that cannot be used as asked: ``problem`` says which way, ``en``/``zh`` what
    is wrong and what to do. The command line prints it on one line and exits 2."""

    exit_code = 2

    def __init__(self, problem: Problem, path: Path, detail: str = "") -> None:
        self.problem, self.path, self.detail = problem, path, detail
        self.en, self.zh = _texts(problem, path, detail)
        super().__init__(f"{self.en} / {self.zh}")


def inspect_file(path: Path) -> None:
    """Raise :class:`StoreError` unless ``path`` looks like an intact SQLite file or an
    encrypted store (reads its 100-byte header only; creates nothing). Whether an encrypted
    one's key is at hand is found when it is opened (``store/connect.py``)."""
    try:
        st = path.stat()
    except (FileNotFoundError, NotADirectoryError):
        raise StoreError(Problem.MISSING, path) from None
    except OSError as e:
        raise StoreError(Problem.UNREADABLE, path, e.strerror or str(e)) from None
    if stat.S_ISDIR(st.st_mode):
        raise StoreError(Problem.NOT_A_FILE, path)
    if not stat.S_ISREG(st.st_mode):
        raise StoreError(Problem.NOT_A_STORE, path, "not a regular file")
    if st.st_size == 0:
        raise StoreError(Problem.EMPTY, path)
    try:
        with path.open("rb") as f:
            head = f.read(100)
    except OSError as e:
        raise StoreError(Problem.UNREADABLE, path, e.strerror or str(e)) from None
    if not head.startswith(SQLITE_MAGIC):
        from workbench.store.connect import looks_encrypted

        if looks_encrypted(head, st.st_size):
            return
        if SQLITE_MAGIC.startswith(head):
            raise StoreError(Problem.TRUNCATED, path, f"{st.st_size} bytes")
        raise StoreError(Problem.NOT_A_STORE, path)
    if len(head) < 100:
        raise StoreError(Problem.TRUNCATED, path, f"{st.st_size} bytes")
    page_size = int.from_bytes(head[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        raise StoreError(Problem.DAMAGED, path, "its header is garbled")
    wal = path.with_name(path.name + "-wal")
    if wal.exists() and wal.stat().st_size > 0:
        return  # the header may lag behind the log until the next checkpoint
    pages = int.from_bytes(head[28:32], "big")
    size_valid = head[24:28] == head[92:96] and pages > 0
    if st.st_size % page_size or (size_valid and st.st_size < pages * page_size):
        wanted = f" of {pages * page_size:,}" if size_valid else ""
        raise StoreError(Problem.TRUNCATED, path, f"{st.st_size:,}{wanted} bytes")


def is_writable(path: Path) -> bool:
    """Whether SQLite can write the file (and create its -wal and -shm files beside it)."""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def read_only_uri(path: Path) -> str:
    """An SQLite URI that reads ``path`` without ever writing or creating it. In a folder
    that cannot be written (no -shm can be made) the file is opened as immutable."""
    uri = path.resolve().as_uri() + "?mode=ro"
    if not os.access(path.parent, os.W_OK) and not path.with_name(path.name + "-wal").exists():
        uri += "&immutable=1"
    return uri


def connect_existing(path: Path) -> sqlite3.Connection:
    """A connection to an existing store (plain or encrypted: ``store/connect.py``), never
    creating it: read-write when the file can be written (so SQLite tidies its -wal and -shm
    files on close), else read-only."""
    from workbench.store.connect import connect

    if is_writable(path):
        return connect(path, uri=path.resolve().as_uri() + "?mode=rw")
    return connect(path, uri=read_only_uri(path))


def _sqlite_error(exc: BaseException) -> BaseException | None:
    from workbench.store.connect import db_errors

    errors = db_errors()
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, errors):
            return current
        orig = getattr(current, "orig", None)  # SQLAlchemy's DBAPIError wraps the driver's
        if isinstance(orig, errors):
            return orig
        current = current.__cause__ or current.__context__
    return None


def classify(exc: BaseException, path: Path, *, writing: bool = False) -> StoreError | None:
    """The :class:`StoreError` an SQLite failure on ``path`` means, or None if it is not
    about the file (a bug; a locked store, unless ``writing``: a write that waited past the
    busy timeout is refused as ``LOCKED``). The one place SQLite's words are read."""
    if isinstance(exc, StoreError):
        return exc
    err = _sqlite_error(exc)
    if err is None:
        return None
    text = str(err)
    low = text.lower()
    if "not a database" in low or "encrypted" in low:
        return StoreError(Problem.NOT_A_STORE, path)
    if "malformed" in low or "corrupt" in low:
        return StoreError(Problem.DAMAGED, path, text)
    if "readonly" in low or "read-only" in low:
        return StoreError(Problem.READ_ONLY, path, "writes are refused")
    if "database or disk is full" in low or "no space left" in low:
        return StoreError(Problem.FULL, path)
    if writing and ("database is locked" in low or "database table is locked" in low or "busy" in low):
        return StoreError(Problem.LOCKED, path)
    if "unable to open" in low:
        if not path.exists():
            return StoreError(Problem.MISSING, path)
        return StoreError(Problem.UNREADABLE, path, "SQLite cannot open it or create its -wal/-shm files beside it")
    if "disk i/o error" in low:
        if writing and path.exists() and not is_writable(path):  # made read-only while open
            return StoreError(Problem.READ_ONLY, path, "writes are refused")
        return StoreError(Problem.UNREADABLE, path, text)
    return None


@contextmanager
def translated(path: Path, *, writing: bool = False) -> Iterator[None]:
    """Turn SQLite's failures on ``path`` inside the block into :class:`StoreError`
    (``writing``: a write transaction, where a lock held elsewhere is ``LOCKED``)."""
    try:
        yield
    except StoreError:
        raise
    except Exception as exc:
        err = classify(exc, path, writing=writing)
        if err is None:
            raise
        raise err from exc


def check_store(path: Path) -> tuple[list[str], int]:
    """SQLite's integrity check and the count of foreign-key violations, read only."""
    inspect_file(path)
    with translated(path):
        con = connect_existing(path)
        try:
            lines = [str(r[0]) for r in con.execute("PRAGMA integrity_check")]
            fk = len(con.execute("PRAGMA foreign_key_check").fetchall())
        finally:
            con.close()
    return lines, fk


def require_intact(path: Path) -> None:
    """Refuse (``DAMAGED``) a store whose integrity check finds anything wrong."""
    try:
        lines, _ = check_store(path)
    except StoreError as e:
        if e.problem is not Problem.DAMAGED:
            raise
        raise StoreError(Problem.DAMAGED, path, f"integrity check: {e.detail}") from e
    if lines != ["ok"]:
        more = f" and {len(lines) - 1} more" if len(lines) > 1 else ""
        raise StoreError(Problem.DAMAGED, path, f"integrity check: {lines[0][:200]}{more}")


def migrate_existing(path: Path) -> str | None:
    """Bring an existing, intact, writable store to the current schema (a copy is taken
    first); returns the copy's path, if one was taken."""
    from workbench.store.engine import current_revision, migrate
    from workbench.store.migrations import HEAD_REVISION

    require_intact(path)
    with translated(path):
        if current_revision(path) == HEAD_REVISION:
            return None  # nothing to do: a read-only store at head is fine
    if not is_writable(path):
        raise StoreError(Problem.READ_ONLY, path, "it cannot be migrated")
    with translated(path):
        return migrate(path)


def open_existing(path: str | Path, *, synchronous: str = "FULL") -> Store:
    """Open the store at ``path``, which must exist; it is never created. A store needing
    migration is checked for damage first; a read-only one opens for reading only."""
    from workbench.store.engine import current_revision, open_read_only, open_store
    from workbench.store.migrations import HEAD_REVISION

    path = Path(path)
    inspect_file(path)
    with translated(path):
        needs_migration = current_revision(path) != HEAD_REVISION
        if not is_writable(path):
            if needs_migration:
                raise StoreError(Problem.READ_ONLY, path, "it needs upgrading to this version's format")
            return open_read_only(path, read_only_uri(path))
        if needs_migration:
            require_intact(path)
        return open_store(path, synchronous=synchronous)
