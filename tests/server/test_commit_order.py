"""Server sequence numbers are taken in commit order (PostgreSQL, real concurrency): a push
that holds its numbers uncommitted makes later pushes wait, so a pull cursor never passes a
row that commits later."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import Connection

from workbench.server import push

from .harness import customer_fields


@pytest.fixture
def hold() -> Iterator[tuple[threading.Event, threading.Event]]:
    """The next push to take numbers signals ``taken`` and waits for ``release``."""
    taken, release = threading.Event(), threading.Event()
    first = threading.Lock()

    def pause(_conn: Connection) -> None:
        if first.acquire(blocking=False):
            taken.set()
            assert release.wait(20)

    push.after_numbers = pause
    yield taken, release
    push.after_numbers = None
    release.set()


def test_a_cursor_never_skips_a_row_committed_later(pg_db_url: str, hold: tuple[threading.Event, threading.Event]) -> None:
    from fastapi.testclient import TestClient

    from workbench.server.app import create_app

    from .harness import Server

    taken, release = hold
    with TestClient(create_app(pg_db_url)) as http:
        server = Server(pg_db_url, http)
        slow, fast, reader = server.device("甲"), server.device("乙"), server.device("总部", role="hq", team=None)
        start = reader.pull_all()
        cursor0 = http.get("/v1/pull", headers=reader.auth).json()["cursor"]
        slow_id, fast_id = str(uuid.uuid4()), str(uuid.uuid4())
        results: dict[str, object] = {}

        def run(name: str, device: object, cid: str) -> None:
            results[name] = device.one("customers", cid, "insert", customer_fields(cid))  # type: ignore[attr-defined]

        t_slow = threading.Thread(target=run, args=("slow", slow, slow_id))
        t_slow.start()
        assert taken.wait(20)  # the slow push holds its numbers, uncommitted
        t_fast = threading.Thread(target=run, args=("fast", fast, fast_id))
        t_fast.start()
        t_fast.join(1.0)
        assert t_fast.is_alive()  # waits on the counter row: it cannot number itself first
        page = http.get("/v1/pull", headers=reader.auth, params={"after": cursor0}).json()
        assert page["rows"] == [] and page["cursor"] == cursor0  # nothing committed, no advance
        release.set()
        t_slow.join(20)
        t_fast.join(20)
        assert results["slow"]["status"] == results["fast"]["status"] == "applied"  # type: ignore[index]
        rows = reader.pull_all(after=cursor0)
        slow_seq, fast_seq = rows[("customers", slow_id)]["seq"], rows[("customers", fast_id)]["seq"]
        assert slow_seq < fast_seq  # numbered in commit order
        assert set(reader.pull_all()) == set(start) | {("customers", slow_id), ("customers", fast_id)}
