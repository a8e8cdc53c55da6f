"""What the `sync` and `sync_window` benchmarks stand on: a throwaway PostgreSQL with the server
schema and one manager (``team_db``), a real `workbench-server serve` process over it
(``served``), and a laptop store full of generated work, journaled as if typed."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

import httpx
import psutil
from sqlalchemy import select, text

from tests.pgcluster import free_port
from workbench.services.context import Context, journal
from workbench.services.demo import generate
from workbench.store import models as m
from workbench.store.base import Base
from workbench.store.engine import Store, open_store
from workbench.store.payload import model_for, row_key, row_payload
from workbench.sync.engine import adopt_user

ROOT = Path(__file__).resolve().parents[1]
CUSTOMER_TABLES = ("customers", "contacts", "visits", "visit_contacts", "stage_events")


class Served:
    """A `workbench-server serve` process tree; ``peak_rss`` is sampled while it runs.
    ``kill()`` takes it down at once (SIGKILL, workers included), ``start()`` brings it back on
    the same port."""

    def __init__(self, db_url: str, log: Path, *, workers: int) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.db_url, self.workers = db_url, workers
        self._log = log.open("a")
        self._log_path = log
        self.peak_rss = 0
        self.start()

    def start(self) -> None:
        env = {**os.environ, "WORKBENCH_SERVER_DB": self.db_url, "PYTHONPATH": str(ROOT)}
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "workbench.server.cli", "serve", "--host", "127.0.0.1", "--port",
             str(self.port), "--workers", str(self.workers), "--log-level", "warning"],
            env=env, stdout=self._log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{self.url}/v1/health", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if self.proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"the server did not start: {self._log_path.read_text()[-2000:]}")
            time.sleep(0.2)
        self._stop = threading.Event()
        self._sampler = threading.Thread(target=self._sample, daemon=True)
        self._sampler.start()

    def _sample(self) -> None:
        root = psutil.Process(self.proc.pid)
        while not self._stop.wait(0.05):
            try:
                procs = [root, *root.children(recursive=True)]
                # the busiest worker's resident set: each worker is a process of its own
                self.peak_rss = max(self.peak_rss, *(p.memory_info().rss for p in procs))
            except psutil.Error:
                continue

    def reset_peak(self) -> None:
        self.peak_rss = 0

    def kill(self) -> None:
        """SIGKILL the whole tree, as a power cut would: no worker finishes what it holds."""
        self._stop.set()
        root = psutil.Process(self.proc.pid)
        for proc in [*root.children(recursive=True), root]:
            with suppress(psutil.NoSuchProcess):
                proc.kill()
        self.proc.wait(15)

    def close(self) -> None:
        self._stop.set()
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)
        self._log.close()


MANAGER = {"name": "王经理", "role": "manager", "team": "西湖"}


@dataclass(frozen=True)
class TeamDb:
    """A started throwaway PostgreSQL database with the server schema, a temporary folder and
    one manager (``MANAGER``) added as ``user_id``; ``user`` is that manager as a laptop's
    store names it."""

    db_url: str
    tmp: Path
    user_id: str

    @property
    def user(self) -> dict[str, str]:
        return {"id": self.user_id, **MANAGER}


@contextmanager
def team_db() -> Iterator[TeamDb]:
    """Start a PgCluster, create a database, run ``init_db`` and add ``MANAGER``; the cluster
    and the temporary folder go away on exit."""
    from tests.pgcluster import PgCluster
    from workbench.server.admin import add_user, init_db

    cluster = PgCluster().start()
    try:
        db_url = cluster.url(cluster.create_database())
        init_db(db_url)
        with tempfile.TemporaryDirectory() as tmpdir:
            user_id, _ = add_user(db_url, **MANAGER)
            yield TeamDb(db_url, Path(tmpdir), user_id)
    finally:
        cluster.stop()


@contextmanager
def served(db_url: str, log: Path, *, workers: int) -> Iterator[Served]:
    server = Served(db_url, log, workers=workers)
    try:
        yield server
    finally:
        server.close()


def journal_everything(ctx: Context, *, per_transaction: int = 50) -> int:
    """Journal every customer-scoped row of a generated store as an insert (the demo
    generator writes none), in transactions of ``per_transaction`` rows as if typed over
    time: the store then holds work to push."""
    keys: list[tuple[str, object]] = []
    with ctx.store.read() as s:
        for table in CUSTOMER_TABLES:
            model = model_for(table)
            if table == "visit_contacts":
                keys += [(table, (r.visit_id, r.contact_id)) for r in s.scalars(select(model))]  # type: ignore[attr-defined]
            else:
                keys += [(table, i) for i in s.scalars(select(model.id))]  # type: ignore[attr-defined]
    for start in range(0, len(keys), per_transaction):
        with ctx.store.write() as s:
            for table, key in keys[start:start + per_transaction]:
                model = model_for(table)
                row: Base | None
                if table == "customers":
                    row = s.scalar(select(m.Customer).where(m.Customer.id == key))
                else:
                    row = s.get(model, key)
                if row is None:
                    raise RuntimeError(f"{table} row {key!r} vanished while being journaled")
                fields = ({"visit_id": row.visit_id, "contact_id": row.contact_id}  # type: ignore[attr-defined]
                          if table == "visit_contacts" else row_payload(row))
                journal(s, ctx, table=table, row_id=row_key(table, row), op="insert",
                        new_version=getattr(row, "version", 1), fields=fields)
    return len(keys)


def seeded_store(path: Path, *, customers: int, user: dict[str, str]) -> Store:
    """A laptop's store with ``customers`` generated customers (3 contacts and 10 visits each
    on average), every row owned by ``user`` and journaled, ready to push."""
    store = open_store(path)
    generate(store, customers=customers)
    with store.read() as s:
        demo_users = list(s.scalars(select(m.User.id)))
    for old in demo_users:
        adopt_user(store, old_user_id=old, user=user)
    with store.write() as s:  # the demo's customers are private to several demo managers
        s.execute(text("UPDATE customers SET shared = 0"))
    return store
