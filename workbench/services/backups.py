"""Backups of the store: taken online (SQLite's backup API: the program keeps running and a
writer may write meanwhile), at most once a day when the program opens its store, kept by
rotation (7 daily, 4 weekly), in the data folder's ``backups`` or a folder the user chose
(a USB stick, a network share); listed with date, size and customer count; restored without
losing unsynced work unless forced, the replaced file kept beside the store.

A backup is one self-contained file (rollback-journal mode, no -wal beside it) named
``STEM-YYYYMMDD-HHMMSS.sqlite`` (the store's file name without its suffix, the local time it
was taken). The copies taken before a migration (``NAME.*.bak`` beside the store,
:func:`workbench.store.engine.backup_copy`) are listed too, and restorable the same way.

The chosen folder is kept in ``backups.json`` in the data folder, so that the command line
and the window use the same one (the window's settings are Qt's, which the CLI never loads).
"""

from __future__ import annotations

import json
import logging
import os
import re
import shutil
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from workbench.domain.errors import DomainError

log = logging.getLogger(__name__)

DAILY_KEPT, WEEKLY_KEPT = 7, 4
SETTINGS_FILE = "backups.json"
_STAMP = "%Y%m%d-%H%M%S"
Clock = Callable[[], datetime]


class BackupError(DomainError):
    """A backup or restore that cannot be done as asked; ``en``/``zh`` say why and what to do."""

    def __init__(self, en: str, zh: str) -> None:
        self.en, self.zh = en, zh
        super().__init__(f"{zh} / {en}")


class RestoreRefused(BackupError):
    """Restoring would throw away work the server has not got: ``lost`` journal entries."""

    def __init__(self, path: Path, lost: int | None) -> None:
        self.lost = lost
        if lost is None:
            super().__init__(f"{path} cannot be read, so whether it holds unsynced work is unknown: "
                             "restore with force to replace it anyway (it is kept beside)",
                             "无法读取当前数据文件, 不能确定其中是否有未同步的工作: 如确需恢复请强制恢复 (原文件会保留在旁边)")
        else:
            changes = "1 change" if lost == 1 else f"{lost} changes"
            super().__init__(f"{path} holds {changes} not synced and not in this backup: restoring "
                             f"would lose {'it' if lost == 1 else 'them'}. Sync first, or restore with force (the store is kept beside)",
                             f"当前数据文件中有 {lost} 项更改尚未同步, 且不在此备份中: 恢复会丢失它们。"
                             "请先同步, 或强制恢复 (原文件会保留在旁边)")


@dataclass(frozen=True, slots=True)
class BackupInfo:
    path: Path
    taken_at: datetime  # local wall-clock time
    size: int  # bytes
    customers: int | None  # live customers in it; None when the file cannot be read
    kind: str = "daily"  # daily | migration (the copy taken before a migration)


# --- where -------------------------------------------------------------------------------
def _settings_path() -> Path:
    from workbench.config import paths

    return paths().data / SETTINGS_FILE


def chosen_folder() -> Path | None:
    """The folder the user chose for backups, or None (the data folder's ``backups``)."""
    try:
        value = json.loads(_settings_path().read_text("utf-8")).get("folder")
    except (OSError, ValueError, AttributeError):
        return None
    return Path(value) if isinstance(value, str) and value else None


def choose_folder(folder: Path | None) -> None:
    """Keep ``folder`` as the backups' folder (None: back to the default). It must exist."""
    if folder is not None and not Path(folder).is_dir():
        raise BackupError(f"{folder} is not a folder that exists", f"{folder} 不是已存在的文件夹")
    target = _settings_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps({"folder": str(Path(folder).resolve()) if folder else None}, ensure_ascii=False)
    temp = target.with_name(target.name + ".tmp")
    temp.write_text(text, "utf-8")
    os.replace(temp, target)


def default_folder() -> Path:
    from workbench.config import paths

    return paths().data / "backups"


def backup_folder(folder: Path | None = None) -> Path:
    """Where backups go: ``folder`` if given, else the chosen one, else the default."""
    return Path(folder) if folder is not None else (chosen_folder() or default_folder())


def _usable_folder(folder: Path | None) -> Path:
    """The folder to write into. The default one is created; a folder someone named is not
    (a USB stick not plugged in must not become a folder on the laptop's own disk)."""
    target = backup_folder(folder)
    if folder is None and chosen_folder() is None:
        target.mkdir(parents=True, exist_ok=True)
    if not target.is_dir():
        raise BackupError(f"the backup folder {target} is not there (a USB stick or share not connected?)",
                          f"备份文件夹 {target} 不存在 (U 盘或网络共享未连接?)")
    return target


def _pattern(store: Path) -> re.Pattern[str]:
    return re.compile(rf"^{re.escape(store.stem)}-(\d{{8}}-\d{{6}})(?:-(\d{{1,5}}))?\.sqlite$")


# --- reading a backup ----------------------------------------------------------------------
def _read_only(path: Path) -> sqlite3.Connection:
    """A connection that never writes or creates anything beside the file (under its key,
    when it is an encrypted store's backup)."""
    from workbench.store.connect import connect

    return connect(path, uri=path.resolve().as_uri() + "?mode=ro&immutable=1")


def customer_count(path: Path) -> int | None:
    from workbench.store.connect import db_errors
    from workbench.store.opening import StoreError

    unreadable: tuple[type[BaseException], ...] = (StoreError, *db_errors())
    try:
        con = _read_only(path)
        try:
            return int(con.execute("SELECT count(*) FROM customers WHERE deleted = 0").fetchone()[0])
        finally:
            con.close()
    except unreadable:  # damaged, or encrypted under a key not at hand
        return None


def _info(path: Path, taken_at: datetime, kind: str) -> BackupInfo:
    return BackupInfo(path, taken_at, path.stat().st_size, customer_count(path), kind)


def _daily(store: Path, folder: Path) -> list[tuple[datetime, Path]]:
    pattern = _pattern(store)
    found = []
    try:
        entries = list(folder.iterdir())
    except OSError:
        return []
    for p in entries:
        match = pattern.match(p.name)
        if match and p.is_file():
            try:
                # A second one taken in the same second (NAME-STAMP-2) sorts after the first.
                taken = datetime.strptime(match.group(1), _STAMP).replace(microsecond=int(match.group(2) or 0))
                found.append((taken, p))
            except ValueError:
                continue
    return sorted(found, reverse=True)


def list_backups(store: Path, *, folder: Path | None = None) -> list[BackupInfo]:
    """The store's backups, newest first: the daily ones in the backup folder, and the copies
    taken before migrations beside the store."""
    out = []
    for taken, p in _daily(store, backup_folder(folder)):
        try:
            out.append(_info(p, taken, "daily"))
        except OSError:
            continue
    try:
        beside = [p for p in store.parent.glob(f"{store.name}.*.bak") if p.is_file()]
    except OSError:
        beside = []
    for p in beside:
        try:
            out.append(_info(p, datetime.fromtimestamp(p.stat().st_mtime), "migration"))
        except OSError:
            continue
    return sorted(out, key=lambda b: b.taken_at, reverse=True)


# --- taking one --------------------------------------------------------------------------
def _source(path: Path) -> sqlite3.Connection:
    """The connection the backup reads the store through (the store's one way in)."""
    from workbench.store.opening import connect_existing, inspect_file

    inspect_file(path)
    return connect_existing(path)


def _quick_check(con: sqlite3.Connection) -> list[str]:
    from workbench.store.connect import db_errors

    try:
        return [str(r[0]) for r in con.execute("PRAGMA quick_check")]
    except db_errors() as exc:  # a page it cannot even walk ("database disk image is malformed")
        return [str(exc)]


def _copy_failed(store: Path, src: sqlite3.Connection, found: list[str]) -> Exception:
    """The copy failed its check. It is the store's pages, one for one: the store is damaged
    (``DAMAGED``: the window offers a backup), unless the store checks fine itself (through
    ``src``, the backup's own connection to it), when the fault is the copy's (its disk)."""
    from workbench.store.opening import Problem, StoreError

    own = _quick_check(src)
    if own != ["ok"]:
        return StoreError(Problem.DAMAGED, store, f"quick check: {own[0][:200]}")
    return BackupError(f"the backup of {store} failed its check: {found[0][:200]}", "备份校验未通过")


def take_backup(store: Path, *, folder: Path | None = None, now: Clock = datetime.now) -> BackupInfo:
    """Back the store up now (online: writers go on meanwhile) and rotate the folder's
    backups. The copy is checked (``quick_check``) before it is given its name; a failed or
    interrupted one leaves no file that looks like a backup."""
    target_dir = _usable_folder(folder)
    taken = now().replace(microsecond=0)
    name = f"{store.stem}-{taken.strftime(_STAMP)}"
    target = target_dir / f"{name}.sqlite"
    n = 1
    while target.exists():
        n += 1
        target = target_dir / f"{name}-{n}.sqlite"
    partial = target.with_name(target.name + ".partial")
    from workbench.store.connect import connect_copy

    src = _source(store)
    try:
        dst = connect_copy(partial, store)  # an encrypted store's backup is encrypted alike
        try:
            src.backup(dst)  # one step: a consistent snapshot, never restarted by a writer (WAL)
            dst.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
            check = _quick_check(dst)
            if check != ["ok"]:
                raise _copy_failed(store, src, check)
        finally:
            dst.close()
        os.replace(partial, target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    finally:
        src.close()
    info = _info(target, taken, "daily")
    removed = rotate(store, target_dir, today=taken.date())
    log.info("backed %s up to %s (%d bytes, %s customers); rotation removed %d", store, target,
             info.size, info.customers, len(removed))
    return info


def due(store: Path, *, folder: Path | None = None, now: Clock = datetime.now) -> bool:
    """Whether no backup of the store was taken today (in the folder backups go to)."""
    found = _daily(store, backup_folder(folder))
    return not found or found[0][0].date() != now().date()


def backup_if_due(store: Path, *, folder: Path | None = None, now: Clock = datetime.now) -> BackupInfo | None:
    """The daily backup: taken unless one was taken today. None when not due."""
    if not store.exists() or not due(store, folder=folder, now=now):
        return None
    return take_backup(store, folder=folder, now=now)


# --- rotation ----------------------------------------------------------------------------
def kept(stamps: Iterable[datetime], *, daily: int = DAILY_KEPT, weekly: int = WEEKLY_KEPT) -> set[datetime]:
    """Which backups rotation keeps: the newest of each of the ``daily`` most recent days that
    have one, then, among the older ones, the newest of each of the ``weekly`` most recent ISO
    weeks. Pure, for a fixed clock in tests."""
    newest_first = sorted(set(stamps), reverse=True)
    keep: set[datetime] = set()
    days: set[date] = set()
    older: list[datetime] = []
    for stamp in newest_first:
        if stamp.date() in days:
            continue
        if len(days) < daily:
            days.add(stamp.date())
            keep.add(stamp)
        else:
            older.append(stamp)
    weeks: set[tuple[int, int]] = set()
    for stamp in older:
        week = stamp.isocalendar()[:2]
        if week not in weeks and len(weeks) < weekly:
            weeks.add(week)
            keep.add(stamp)
    return keep


def rotate(store: Path, folder: Path, *, today: date | None = None) -> list[Path]:
    """Delete the store's backups in ``folder`` that rotation does not keep (only files named
    as its backups are ever touched; one dated after ``today`` is kept: a clock set back must
    not cost the newest backups). Returns the files removed."""
    found = _daily(store, folder)
    future = {s for s, _ in found if today is not None and s.date() > today}
    keep = kept([s for s, _ in found if s not in future]) | future
    removed = []
    for stamp, p in found:
        if stamp not in keep:
            try:
                p.unlink()
                removed.append(p)
            except OSError as exc:
                log.warning("could not remove the old backup %s: %s", p, exc)
    for partial in folder.glob(f"{store.stem}-*.sqlite.partial"):  # left by a killed backup
        partial.unlink(missing_ok=True)
    return removed


# --- restoring ---------------------------------------------------------------------------
def check_backup(backup: Path) -> None:
    """Refuse a file that is not an intact workbench store."""
    from workbench.store.connect import db_errors
    from workbench.store.opening import StoreError, inspect_file

    try:
        inspect_file(backup)
        con = _read_only(backup)
        try:
            tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            check = [r[0] for r in con.execute("PRAGMA quick_check")]
        finally:
            con.close()
    except StoreError as exc:
        raise BackupError(f"{backup} cannot be restored: {exc.en}", f"无法恢复此备份: {exc.zh}") from exc
    except db_errors() as exc:
        raise BackupError(f"{backup} cannot be restored: {exc}", "无法恢复此备份: 文件无法读取") from exc
    if not {"customers", "journal", "meta"} <= tables:
        raise BackupError(f"{backup} is not a backup of a workbench store", "这不是工作台数据文件的备份")
    if check != ["ok"]:
        raise BackupError(f"{backup} is damaged ({check[0][:200]}): choose another backup",
                          "此备份已损坏: 请选择其他备份")


def unsynced_lost(store: Path, backup: Path) -> int:
    """How many of the store's pending journal entries (not yet answered by the server,
    ``workbench.sync.outbox``) the backup does not hold: the work a restore would lose. On a
    store never enrolled every entry is pending, so this is the work typed since the backup."""
    from workbench.store.connect import attach, connect, is_encrypted
    from workbench.store.opening import is_writable

    uri = store.resolve().as_uri() + ("?mode=rw" if is_writable(store) else "?mode=ro")
    con = connect(store, uri=uri, cipher=is_encrypted(store) or is_encrypted(backup))
    try:
        attach(con, backup, "backup", uri=backup.resolve().as_uri() + "?mode=ro&immutable=1")
        return int(con.execute(
            "SELECT count(*) FROM main.journal AS j WHERE j.pushed_at IS NULL AND NOT EXISTS ("
            "SELECT 1 FROM backup.journal AS b WHERE b.seq = j.seq AND b.tx_id = j.tx_id)").fetchone()[0])
    finally:
        con.close()


def restore(store: Path, backup: Path, *, force: bool = False, now: Clock = datetime.now) -> Path | None:
    """Put ``backup`` in the place of the store (which must not be open). Refused
    (:class:`RestoreRefused`) when the store holds unsynced work the backup lacks, unless
    ``force``. The store replaced is kept beside it as ``NAME.replaced-STAMP`` (with its
    -wal); returns that path, None when there was no store. The restored store is migrated
    when next opened; a sync afterwards finds it rewound (docs/sync-protocol.md: a reused
    sequence number makes the device take a new identity; the pull brings back what the
    server has)."""
    backup, store = Path(backup), Path(store)
    check_backup(backup)
    if store.exists() and not force:
        from workbench.store.connect import db_errors
        from workbench.store.opening import StoreError

        unreadable: tuple[type[BaseException], ...] = (StoreError, *db_errors())
        try:
            lost: int | None = unsynced_lost(store, backup)
        except unreadable:
            lost = None
        if lost is None or lost:
            raise RestoreRefused(store, lost)
    store.parent.mkdir(parents=True, exist_ok=True)  # a new laptop: the backup from the USB stick
    incoming = store.with_name(store.name + ".restoring")
    shutil.copyfile(backup, incoming)  # nothing is touched until the copy is whole
    aside = _move_aside(store, "replaced", now)
    os.replace(incoming, store)
    log.info("restored %s from %s; the replaced store is kept as %s", store, backup, aside)
    return aside


def _move_aside(store: Path, label: str, now: Clock = datetime.now) -> Path | None:
    """Rename the store and its -wal/-shm to ``NAME.LABEL-STAMP``; None if there is none."""
    aside = store.with_name(f"{store.name}.{label}-{now():{_STAMP}}")
    n = 1
    while aside.exists():
        n += 1
        aside = store.with_name(f"{store.name}.{label}-{now():{_STAMP}}-{n}")
    moved = None
    if store.exists():
        store.rename(aside)
        moved = aside
    for suffix in ("-wal", "-shm"):
        leftover = store.with_name(store.name + suffix)
        if leftover.exists():
            leftover.rename(aside.with_name(aside.name + suffix))
    return moved


def restore_damaged(store: Path, backup: Path) -> Path:
    """The store cannot be opened (damaged): put ``backup`` in its place without the unsynced
    check (it cannot be read); the damaged file is moved aside as ``NAME.damaged-STAMP``."""
    incoming = store.with_name(store.name + ".restoring")
    shutil.copyfile(backup, incoming)
    aside = _move_aside(store, "damaged") or store.with_name(f"{store.name}.damaged-none")
    os.replace(incoming, store)
    return aside
