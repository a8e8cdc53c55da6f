"""The store's upkeep from the command line: ``migrate``, ``check`` and ``reindex``."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any


def add_parser(sub: Any, add_store_options: Any) -> None:
    p = sub.add_parser("migrate", help="bring a store to the current schema (a copy is taken first)",
                       description="Upgrade the store to this version's schema. A damaged store is refused; "
                       "a store already current is left alone; otherwise a copy is taken beside it first "
                       "(NAME.before-REVISION-STAMP.bak). Prints JSON: the revisions from and to, the copy.")
    add_store_options(p)
    p.set_defaults(func=cmd_migrate)

    p = sub.add_parser("check", help="SQLite integrity and foreign-key check of a store",
                       description="Run SQLite's integrity check and foreign-key check on the store, "
                       "read only (nothing is created or changed). Prints JSON; exit 0 when both are clean, "
                       "1 with the reason when not, or when the file is damaged or not a store.")
    add_store_options(p)
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("reindex", help="rebuild the customer search index of a store",
                       description="Drop the store's customer search index and compute it again from "
                       "every customer and contact (a repair when search misses what the list holds). "
                       "Prints JSON: the customers indexed.")
    add_store_options(p)
    p.set_defaults(func=cmd_reindex)


def cmd_migrate(args: argparse.Namespace) -> int:
    from workbench.cli import _store_path
    from workbench.store.engine import current_revision
    from workbench.store.opening import inspect_file, migrate_existing

    path = _store_path(args)
    inspect_file(path)
    before = current_revision(path)
    backup = migrate_existing(path)  # refuses a damaged or read-only store
    print(json.dumps({"db": str(path), "from": before, "to": current_revision(path), "backup": backup}))
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from workbench.cli import _store_path
    from workbench.store.opening import Problem, StoreError, check_store

    path = _store_path(args)
    try:
        integrity, fk = check_store(path)  # read only: creates nothing
    except StoreError as e:
        if e.problem is Problem.MISSING:
            raise
        print(json.dumps({"db": str(path), "ok": False, "problem": str(e.problem), "reason": e.en,
                          "reason_zh": e.zh}, ensure_ascii=False))
        print(e, file=sys.stderr)
        return 1
    ok = integrity == ["ok"] and not fk
    out: dict[str, Any] = {"db": str(path), "integrity": integrity, "foreign_key_errors": fk, "ok": ok}
    if not ok:
        out["reason"] = (f"integrity check: {integrity[0][:200]}" if integrity != ["ok"]
                         else f"{fk} foreign-key violations")
    print(json.dumps(out, ensure_ascii=False))
    return 0 if ok else 1


def cmd_reindex(args: argparse.Namespace) -> int:
    from workbench.cli import _open
    from workbench.store.search_index import rebuild_all

    store = _open(args)
    try:
        with store.write() as s:
            n = rebuild_all(s)
    finally:
        store.close()
    print(json.dumps({"db": str(store.path), "customers_indexed": n}))
    return 0
