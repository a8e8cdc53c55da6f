"""The client engine (no Qt): enrol a store with a team server, and sync it once.

``sync_once`` pushes every pending journal entry (in batches that never split a
transaction), writes each answer back, then pulls pages until the server has nothing more,
each page applied in one local transaction that also moves the cursor. Any step may be cut
short by a crash or a dropped connection: the next run resumes where the last committed
step left off, and the server's de-duplication makes a re-sent batch harmless. Nothing
unsynced is ever discarded to recover.
"""

from __future__ import annotations

import platform
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import func, select, update

from workbench.services.catalogue import POLICY_KEY
from workbench.services.users import user_context
from workbench.store import models as m
from workbench.store.engine import Store
from workbench.store.payload import SYNCED_TABLES, model_for
from workbench.sync.apply import Applied, apply_page, cursor, index_pending
from workbench.sync.client import ServerClient, SyncError
from workbench.sync.outbox import (
    Answer,
    next_batch,
    pending_count,
    record_answers,
    supersede_legacy,
    take_new_identity,
)
from workbench.sync.tokens import load_token, move_token, save_token

SERVER_KEY, REKEY_KEY, LAST_KEY = "sync_server", "sync_rekey_pending", "sync_last_at"
Progress = Callable[[int, int], None]  # (done, total) in server sequence numbers, pull pages
MAX_REKEYS = 3


@dataclass
class SyncSummary:
    pushed: int = 0
    applied: int = 0
    conflicts: int = 0
    refused: int = 0
    duplicates: int = 0
    pulled: int = 0
    kept_local: int = 0
    cursor: int = 0
    pending: int = 0
    rekeyed: bool = False

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _meta(store: Store, key: str) -> str | None:
    with store.read() as s:
        return s.scalar(select(m.Meta.value).where(m.Meta.key == key))


def _set_meta(store: Store, key: str, value: str | None) -> None:
    with store.write() as s:
        if value is None:
            row = s.get(m.Meta, key)
            if row is not None:
                s.delete(row)
        else:
            s.merge(m.Meta(key=key, value=value))


def server_url(store: Store) -> str | None:
    return _meta(store, SERVER_KEY)


def _user_columns() -> list[tuple[type[m.Base], str]]:
    out = []
    for table in SYNCED_TABLES:
        model = model_for(table)
        for column in ("owner_id", "by_user_id", "kept_by", "other_by", "resolved_by"):
            if hasattr(model, column):
                out.append((model, column))
    return out


def adopt_user(store: Store, *, old_user_id: str, user: dict[str, Any]) -> None:
    """From enrolment on, this device acts as the server's user: the provisional local
    user's rows, and the pending journal entries that name it, are re-owned in one
    transaction (ids are UUIDs, so a textual replacement inside the payloads is exact)."""
    new_id = str(user["id"])
    with store.write() as s:
        row = s.get(m.User, new_id)
        if row is None:
            row = m.User(id=new_id, name=user.get("name") or "", role=user.get("role") or "manager")
            s.add(row)
        row.name, row.role, row.team = user.get("name") or row.name, user.get("role") or row.role, user.get("team")
        s.flush()
        if old_user_id != new_id:
            for model, column in _user_columns():
                s.execute(update(model).where(getattr(model, column) == old_user_id).values({column: new_id}))
            pending = m.JournalEntry.pushed_at.is_(None)
            s.execute(update(m.JournalEntry).where(pending).values(
                fields=func.replace(m.JournalEntry.fields, old_user_id, new_id)))
            s.execute(update(m.JournalEntry).where(pending, m.JournalEntry.actor_id == old_user_id)
                      .values(actor_id=new_id))
            old = s.get(m.User, old_user_id)
            if old is not None:
                old.deleted = True
        s.merge(m.Meta(key="current_user", value=new_id))


def enrol(store: Store, *, url: str, code: str, device_name: str | None = None,
          client: ServerClient | None = None) -> dict[str, Any]:
    """Exchange a one-time code for this device's token; the store then acts as that user."""
    own = client is None
    http = client or ServerClient(url)
    try:
        answer = http.enrol(code=code.strip(), device_id=store.device_id,
                            device_name=device_name or platform.node() or "laptop")
    finally:
        if own:
            http.close()
    save_token(store.device_id, str(answer["token"]))
    adopt_user(store, old_user_id=user_context(store).user_id, user=dict(answer["user"]))
    _set_meta(store, SERVER_KEY, url.rstrip("/"))
    if answer.get("policy_key"):  # from now on, price only with books this server signed
        _set_meta(store, POLICY_KEY, str(answer["policy_key"]))
    return answer


def connect(store: Store, url: str | None = None, **kwargs: Any) -> ServerClient:
    """A client for the store's server with its token (SyncError when not enrolled)."""
    url = url or server_url(store)
    if not url:
        raise SyncError("not_enrolled", "this store is not enrolled with a team server",
                        "此数据库尚未登记到团队服务器")
    token = load_token(store.device_id)
    if not token:
        raise SyncError("not_enrolled", "no sync token for this device: enrol it with a code",
                        "本设备没有同步令牌:请用登记码登记")
    return ServerClient(url, token, **kwargs)


def _rekey(store: Store, client: ServerClient) -> None:
    """Finish taking a new identity: the server moves this token to the new device id."""
    client.rekey(new_device_id=store.device_id)
    _set_meta(store, REKEY_KEY, None)


def _push(store: Store, client: ServerClient, summary: SyncSummary) -> None:
    rekeys = 0
    while batch := next_batch(store):
        try:
            answer = client.push(device_id=store.device_id, entries=batch)
        except SyncError as exc:
            if exc.code != "device_clash" or rekeys >= MAX_REKEYS:
                raise
            rekeys += 1
            old = store.device_id
            _set_meta(store, REKEY_KEY, old)
            take_new_identity(store)
            move_token(old, store.device_id)
            summary.rekeyed = True
            _rekey(store, client)
            continue
        results = answer.get("results") or []
        sent = {e["seq"] for e in batch}
        answers = [Answer(int(r["seq"]), str(r["status"]), r.get("version"), r.get("reason"))
                   for r in results if r.get("seq") in sent]
        if {a.seq for a in answers} != sent:
            raise SyncError("protocol", "the server did not answer every pushed entry",
                            "服务器没有逐条答复上传的更改")
        record_answers(store, answers)
        for r in results:
            summary.pushed += 1
            summary.duplicates += bool(r.get("duplicate"))
            status = r.get("status")
            summary.applied += status == "applied"
            summary.conflicts += status == "conflict"
            summary.refused += status == "refused"


def _pull(store: Store, client: ServerClient, summary: SyncSummary, page_size: int,
          progress: Progress | None = None) -> Applied:
    """Pull pages until the server has no more, then index the customers they marked (also
    when the connection drops half-way: what arrived is searchable offline). ``progress`` hears
    after each page how far the cursor is from where it started to the server's head.

    The next page is asked for while this one is applied (its cursor is in this page's
    answer): the server's work and the network overlap the device's. A fetched page is used
    only once the one before it committed, so the stored cursor never runs ahead."""
    total = Applied(cursor=cursor(store))
    start = total.cursor
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="sync-pull") as fetcher:
        try:
            ahead: Future[dict[str, Any]] | None = fetcher.submit(client.pull, after=total.cursor, limit=page_size)
            while ahead is not None:
                page = ahead.result()
                rows = page.get("rows") or []
                next_cursor = int(page.get("cursor") or total.cursor)
                more = bool(page.get("more")) and bool(rows)
                ahead = fetcher.submit(client.pull, after=next_cursor, limit=page_size) if more else None
                applied = apply_page(store, rows, next_cursor, [str(c) for c in page.get("gone") or ()])
                total.merge(applied)
                if progress is not None:
                    head = max(int(page.get("head") or applied.cursor), applied.cursor)
                    progress(applied.cursor - start, max(head - start, 1))
                summary.pulled += len(rows)
                summary.kept_local += applied.kept_local
        except SyncError:
            index_pending(store)
            raise
    index_pending(store)
    return total


def last_sync(store: Store) -> str | None:
    """When this store last finished a sync (UTC, ISO 8601), None if never."""
    return _meta(store, LAST_KEY)


def sync_once(store: Store, client: ServerClient, *, page_size: int = 2000,
              progress: Progress | None = None) -> tuple[SyncSummary, Applied]:
    """Push, then pull. Returns the tally and what the pull changed locally."""
    summary = SyncSummary()
    index_pending(store)  # marks a crash left behind: search works before the network is tried
    if _meta(store, REKEY_KEY):
        _rekey(store, client)
    supersede_legacy(user_context(store))
    _push(store, client, summary)
    applied = _pull(store, client, summary, page_size, progress)
    summary.cursor = applied.cursor
    summary.pending = pending_count(store)
    _set_meta(store, LAST_KEY, m.utcnow().isoformat(timespec="seconds") + "+00:00")
    return summary, applied
