"""Fixtures of the sync tests: a team around a real server app, over SQLite or PostgreSQL, in
process or as a real `workbench-server serve --workers 2` process on loopback."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.sync.team import URL, Team


@pytest.fixture(params=["sqlite", "postgresql"])
def server_db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'server.sqlite'}"
    return str(request.getfixturevalue("pg_db_url"))


@pytest.fixture
def make_team(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[..., Team]]:
    """``make(db_url)``: a team around the app in process; ``make(db_url, workers=2)``: around a
    real server process with that many workers, reached over loopback HTTP."""
    from fastapi.testclient import TestClient

    from benchmarks.sync_setup import Served
    from workbench.server.admin import init_db
    from workbench.server.app import create_app

    monkeypatch.setenv("WORKBENCH_NO_KEYRING", "1")  # tokens in 0600 files under the test's home
    made: list[tuple[Team, Any, Served | None]] = []

    def make(db_url: str, *, workers: int = 0) -> Team:
        init_db(db_url)
        home = tmp_path / f"team-{len(made)}"  # every team its own laptops' files
        home.mkdir()
        server = None
        if workers:
            server = Served(db_url, home / "serve.log", workers=workers)
            client: Any = httpx.Client(base_url=server.url, timeout=30)
            team = Team(db_url, client, home, [], server.url, server)
        else:
            client = TestClient(create_app(db_url), base_url=URL)
            team = Team(db_url, client, home, [])
        made.append((team, client, server))
        return team

    yield make
    for team, client, server in made:
        for laptop in team.laptops:
            laptop.store.close()
        client.close()
        if server is not None:
            server.close()


@pytest.fixture
def team(make_team: Callable[[str], Team], server_db_url: str) -> Team:
    return make_team(server_db_url)
