"""``workbench-server``: init, user add / code, device list / revoke, serve.

The database is ``--db URL``, else env WORKBENCH_SERVER_DB, else a SQLite file under the user
data directory (WORKBENCH_HOME moves it). A refused request exits 2 with a one-line message.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from typing import Any

from sqlalchemy.exc import SQLAlchemyError

from workbench.server import admin
from workbench.server.config import DB_ENV, resolve_db_url


def _print(value: Any) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2))


def _init(args: argparse.Namespace) -> None:
    _print({"database": admin.init_db(args.db)})


def _user_add(args: argparse.Namespace) -> None:
    admin.init_db(args.db)
    user_id, code = admin.add_user(args.db, name=args.name, role=args.role, team=args.team,
                                   phone=args.phone, email=args.email)
    _print({"user_id": user_id, "name": args.name, "role": admin.ROLES[args.role],
            "team": args.team, "enrolment_code": code, "valid_days": 7})


def _user_code(args: argparse.Namespace) -> None:
    user_id, code = admin.new_code(args.db, args.user)
    _print({"user_id": user_id, "enrolment_code": code, "valid_days": 7})


def _device_list(args: argparse.Namespace) -> None:
    _print(admin.list_devices(args.db))


def _device_revoke(args: argparse.Namespace) -> None:
    admin.revoke_device(args.db, args.device_id)
    _print({"revoked": args.device_id})


def _serve(args: argparse.Namespace) -> None:
    import uvicorn

    url = resolve_db_url(args.db)
    admin.init_db(url)
    os.environ[DB_ENV] = url  # the workers read it (an app factory per worker process)
    uvicorn.run("workbench.server.app:app_from_env", factory=True, host=args.host,
                port=args.port, workers=args.workers, log_level=args.log_level,
                proxy_headers=True, forwarded_allow_ips=args.forwarded_allow_ips)


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="workbench-server", description="The team's sync server.")
    p.add_argument("--db", help=f"database URL (default: env {DB_ENV} or a SQLite file)")
    sub = p.add_subparsers(dest="command", required=True)

    sub.add_parser("init", help="create or upgrade the database").set_defaults(run=_init)

    user = sub.add_parser("user", help="server users").add_subparsers(dest="user_cmd", required=True)
    add = user.add_parser("add", help="add a user; prints their id and a one-time enrolment code")
    add.add_argument("name")
    add.add_argument("--role", required=True, choices=["manager", "lead", "hq"])
    add.add_argument("--team", help="the user's team (a lead sees the team's customers)")
    add.add_argument("--phone")
    add.add_argument("--email")
    add.set_defaults(run=_user_add)
    code = user.add_parser("code", help="a fresh enrolment code for a user (name or id)")
    code.add_argument("user", metavar="NAME|ID")
    code.set_defaults(run=_user_code)

    device = sub.add_parser("device", help="enrolled devices").add_subparsers(dest="device_cmd",
                                                                              required=True)
    device.add_parser("list", help="list devices (JSON)").set_defaults(run=_device_list)
    revoke = device.add_parser("revoke", help="refuse a device's token from now on")
    revoke.add_argument("device_id")
    revoke.set_defaults(run=_device_revoke)

    serve = sub.add_parser("serve", help="serve the sync protocol over HTTP (uvicorn)")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8765)
    serve.add_argument("--workers", type=int, default=1)
    serve.add_argument("--log-level", default="info",
                       choices=["critical", "error", "warning", "info", "debug"])
    serve.add_argument("--forwarded-allow-ips", default="127.0.0.1",
                       help="proxies whose X-Forwarded-* headers are trusted")
    serve.set_defaults(run=_serve)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        args.run(args)
    except admin.AdminError as exc:
        print(f"workbench-server: {exc}", file=sys.stderr)
        return 2
    except SQLAlchemyError as exc:
        print(f"workbench-server: database error: {str(exc).splitlines()[0]}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
