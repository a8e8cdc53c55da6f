"""``workbench backup`` and ``workbench restore``: the store's backups from the command line
(services.backups), printing JSON.

Exit status: 0 done; 2 refused (no store, a backup folder that is not there, a file that is
not a backup, or unsynced work a restore would lose without ``--force``), with a message on
stderr in Chinese and English (cli_boundary).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any


def add_parser(sub: Any, add_store_options: Any = None) -> None:
    p = sub.add_parser(
        "backup", help="back the store up now (online: the program may keep running); prints JSON",
        description="Copy the store with SQLite's online backup into the backup folder (the data "
        "folder's backups, the folder chosen in the program, or --to DIR), checked, as one file, and "
        "rotate the folder (7 daily, 4 weekly kept). --list prints the backups instead.")
    _store_option(p, add_store_options)
    p.add_argument("--to", metavar="DIR", help="the folder to back up into (it must exist)")
    p.add_argument("--list", action="store_true", help="list the store's backups (date, size, customers)")
    p.set_defaults(func=cmd_backup)

    p = sub.add_parser(
        "restore", help="put a backup in the place of the store (the replaced store is kept beside)",
        description="Replace the store with BACKUP. Refused (exit 2) when the store holds changes not "
        "synced and not in the backup, unless --force. The replaced store is kept beside it as "
        "NAME.replaced-STAMP. Close the program first.")
    p.add_argument("backup", metavar="BACKUP", help="the backup file (see workbench backup --list)")
    _store_option(p, add_store_options)
    p.add_argument("--force", action="store_true", help="restore even over unsynced work (it is kept beside)")
    p.set_defaults(func=cmd_restore)


def _store_option(p: argparse.ArgumentParser, add_store_options: Any) -> None:
    if add_store_options is not None:
        add_store_options(p)
    else:
        p.add_argument("--db", metavar="PATH", help="the SQLite store")


def _store_path(args: argparse.Namespace) -> Path:
    if getattr(args, "db", None):
        return Path(args.db).expanduser()
    from workbench.cli import _store_path as default_path

    return default_path(args)


def _entry(info: Any) -> dict[str, Any]:
    return {"path": str(info.path), "taken_at": info.taken_at.isoformat(timespec="seconds"),
            "size": info.size, "customers": info.customers, "kind": info.kind}


def cmd_backup(args: argparse.Namespace) -> int:
    from workbench.services import backups
    from workbench.store.opening import inspect_file

    path = _store_path(args)
    folder = Path(args.to).expanduser() if args.to else None
    if args.list:
        listed = backups.list_backups(path, folder=folder)
        print(json.dumps({"db": str(path), "folder": str(backups.backup_folder(folder)),
                          "backups": [_entry(b) for b in listed]}, ensure_ascii=False))
        return 0
    inspect_file(path)  # no store there: said (exit 2), nothing created
    info = backups.take_backup(path, folder=folder)
    print(json.dumps({"db": str(path), "backup": _entry(info)}, ensure_ascii=False))
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from workbench.services import backups

    path = _store_path(args)
    backup = Path(args.backup).expanduser()
    aside = backups.restore(path, backup, force=args.force)
    print(json.dumps({"db": str(path), "restored": str(backup), "replaced_kept": str(aside) if aside else None},
                     ensure_ascii=False))
    return 0
