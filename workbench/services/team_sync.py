"""Sync with the team's server, for a front end: where this store stands, enrolment, one sync.

The engine (workbench.sync) does the work; this is what a window needs of it, with the store
kept out of sight. A store works unenrolled, offline for ever: enrolling is a choice.
"""

from __future__ import annotations

import platform
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from workbench.services.changes import Changes
from workbench.services.context import Context
from workbench.sync.client import SyncError

__all__ = ["SyncError", "SyncResult", "SyncStatus", "enrol_device", "status", "sync_now"]

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class SyncStatus:
    enrolled: bool
    server: str | None
    pending: int  # local changes the server has not answered yet
    refused: int  # entries the server refused (shown to the user, never retried alone)
    open_conflicts: int
    last_sync: datetime | None  # aware, UTC


@dataclass(frozen=True)
class SyncResult:
    pushed: int
    pulled: int
    conflicts: int
    refused: int
    pending: int
    changes: Changes  # what the pull changed here, for the screens


def status(ctx: Context) -> SyncStatus:
    from workbench.services.conflicts import open_count
    from workbench.sync.engine import last_sync, server_url
    from workbench.sync.outbox import pending_count, refused_count
    from workbench.sync.tokens import load_token

    url = server_url(ctx.store)
    enrolled = bool(url) and load_token(ctx.store.device_id) is not None
    last = last_sync(ctx.store)
    return SyncStatus(enrolled, url, pending_count(ctx.store), refused_count(ctx.store), open_count(ctx),
                      datetime.fromisoformat(last).astimezone(UTC) if last else None)


def enrol_device(ctx: Context, *, url: str, code: str, device_name: str | None = None) -> None:
    """Check the server answers, then exchange the one-time code for this device's token (kept
    in the OS keyring, or a 0600 file where there is none). SyncError says what failed."""
    from workbench.sync.client import ServerClient
    from workbench.sync.engine import enrol

    url = url.strip().rstrip("/")
    if not url.startswith(("http://", "https://")):
        raise SyncError("bad_url", "the server address starts with http:// or https://",
                        "服务器地址应以 http:// 或 https:// 开头", detail={"field": "url"})
    if not code.strip():
        raise SyncError("bad_code", "type the one-time code from your team lead or IT",
                        "请输入主管或信息部门提供的一次性登记码", detail={"field": "code"})
    with ServerClient(url, timeout=15) as client:
        client.health()
        enrol(ctx.store, url=url, code=code, device_name=device_name or platform.node() or "laptop",
              client=client)


def sync_now(ctx: Context, *, progress: Progress | None = None, page_size: int | None = None) -> SyncResult:
    """Push what was typed here, pull what the team did (``page_size`` rows per pulled page,
    the engine's default if None); SyncError when it cannot."""
    from workbench.sync.engine import connect, sync_once

    with connect(ctx.store) as client:
        if page_size is None:
            summary, applied = sync_once(ctx.store, client, progress=progress)
        else:
            summary, applied = sync_once(ctx.store, client, progress=progress, page_size=page_size)
    return SyncResult(summary.pushed, summary.pulled, summary.conflicts, summary.refused, summary.pending,
                      applied.changes(ctx.store))
