"""``workbench sync``: enrol a store with a team server and sync it once, printing JSON."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any


def add_parser(sub: Any, add_store_options: Any) -> None:
    p = sub.add_parser(
        "sync", help="sync a store with its team server once (push, then pull); prints JSON",
        description="Push this store's pending changes to its team server, then pull what changed "
        "(docs/sync-protocol.md). --enrol CODE first exchanges a one-time enrolment code (from "
        "`workbench-server user add`) for this device's token; --server names the server the "
        "first time. Exit 2 with a message when the server cannot be reached or refuses.")
    add_store_options(p)
    p.add_argument("--server", metavar="URL", help="the team server (remembered after enrolment)")
    p.add_argument("--enrol", metavar="CODE", help="enrol this device with a one-time code first")
    p.add_argument("--device-name", metavar="NAME", help="how the server lists this device (default: host name)")
    p.add_argument("--page-size", type=int, default=1000, metavar="N", help="rows per pull page (default 1000)")
    p.set_defaults(func=cmd_sync)


def cmd_sync(args: argparse.Namespace) -> int:
    from workbench.cli import _store_path
    from workbench.store.opening import open_existing
    from workbench.sync.client import SyncError
    from workbench.sync.engine import connect, enrol, server_url, sync_once

    wrong = _server_problem(args.server)
    if wrong:
        print(f"--server: {wrong}", file=sys.stderr)
        return 2
    path: Path = _store_path(args)
    store = open_existing(path)  # never creates one; a damaged store is a StoreError (cli.main says it)
    try:
        if args.enrol:
            url = args.server or server_url(store)
            if not url:
                print("--enrol needs --server URL", file=sys.stderr)
                return 2
            enrol(store, url=url, code=args.enrol, device_name=args.device_name)
        with connect(store, args.server) as client:
            summary, _ = sync_once(store, client, page_size=max(1, min(args.page_size, 2000)))
        out = {**summary.as_dict(), "server": args.server or server_url(store), "device": store.device_id}
        print(json.dumps(out, ensure_ascii=False))
        return 0
    except SyncError as exc:
        print(f"sync failed ({exc.code}): {exc.message} / {exc.message_zh}", file=sys.stderr)
        return 2
    finally:
        store.close()


def _server_problem(url: str | None) -> str | None:
    """Why ``url`` cannot be a team server's address (None: it can, or none was given)."""
    from urllib.parse import urlsplit

    if url is None:
        return None
    shown = url if len(url) <= 80 else url[:80] + "…"
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018  # raises ValueError for a port that is not a number in range
    except ValueError as exc:
        return f"不是有效的网址 / not a valid URL ({exc}): {shown!r}"
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return f"应为 http(s)://主机[:端口] / must be http(s)://HOST[:PORT], not {shown!r}"
    return None
