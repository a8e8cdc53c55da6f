"""`sync_window`: the real window (offscreen) running its initial sync of a SCALE-customer team
server, the GUI thread's longest stall and the p99 of its 5 ms timer's lateness against the same
window idle right before and right after (benchmarks/sync_window.py), target < 50 ms.

The server is seeded fast (benchmarks/sync_seed.py): SEED customers pushed through the real API
by a laptop, then their server rows copied by SQL to SCALE customers
(tests/sync/test_sync_seed.py checks the copies against copies pushed through the API).
`python -m benchmarks sync_window --scale 100000`; `--quick`: 120 customers.
"""

from __future__ import annotations

import sys
import time

from benchmarks.harness import Result, result
from benchmarks.sync_seed import replicate
from benchmarks.sync_setup import TeamDb, journal_everything, seeded_store, served, team_db

SEED = 1000


def _note(what: str, since: float) -> None:
    print(f"  sync_window bench: {what} at {time.perf_counter() - since:.1f} s", file=sys.stderr, flush=True)


def seed_server(team: TeamDb, url: str, *, seed: int, copies: int) -> int:
    """Push ``seed`` generated customers as the user's laptop, then copy them to
    ``seed * copies`` customers by SQL; returns the customer-scoped rows on the server."""
    from workbench.server.admin import new_code
    from workbench.services.users import user_context
    from workbench.sync.client import ServerClient
    from workbench.sync.engine import enrol, sync_once
    from workbench.sync.tokens import load_token

    laptop = seeded_store(team.tmp / "laptop.sqlite", customers=seed, user=team.user)
    try:
        enrol(laptop, url=url, code=new_code(team.db_url, team.user_id)[1], device_name="laptop")
        pushed = journal_everything(user_context(laptop))
        with ServerClient(url, load_token(laptop.device_id), timeout=300) as client:
            summary, _ = sync_once(laptop, client)
        if summary.refused or summary.pushed != pushed:
            raise RuntimeError(f"the seed push went wrong: {summary}")
    finally:
        laptop.close()
    added = replicate(team.db_url, copies)
    return added + added // max(copies - 1, 1) if copies > 1 else pushed


def run(*, scale: int, quick: bool) -> list[Result]:
    from benchmarks.sync_window import window_sync

    customers = 120 if quick else scale
    seed = 40 if quick else min(SEED, customers)
    copies = max(1, customers // seed)
    started = time.perf_counter()
    with team_db() as team, served(team.db_url, team.tmp / "serve.log", workers=1) as server:
        rows = seed_server(team, server.url, seed=seed, copies=copies)
        _note(f"server seeded: {seed * copies:,} customers, {rows:,} rows", started)
        got = window_sync(team.db_url, server.url, team.user_id)
        _note(f"window sync of {got.rows:,} rows in {got.seconds:.1f} s", started)
    what = f"{seed * copies:,} customers / {got.rows:,} rows, {got.seconds:.0f} s"
    print(f"  sync_window bench: stall {got.stall:.1f} ms, p99 {got.p99:.2f} ms; idle before "
          f"{got.idle_before:.1f} ms, after {got.idle_after:.1f} ms, p99 {got.idle_p99:.2f} ms",
          file=sys.stderr, flush=True)
    return [
        result("sync_window", f"longest GUI-thread stall during the window's initial sync ({what})", got.stall,
               "ms", "the same window idle (worse of before and after)", got.idle, "< 50 ms"),
        result("sync_window", "p99 of the GUI timer's lateness during that sync", got.p99, "ms",
               "the same, window idle", got.idle_p99, "reported"),
    ]
