"""Fixtures of the sync tests: a team around a real server app, over SQLite or PostgreSQL."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.sync.team import URL, Team


@pytest.fixture(params=["sqlite", "postgresql"])
def server_db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'server.sqlite'}"
    return str(request.getfixturevalue("pg_db_url"))


@pytest.fixture
def make_team(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[str], Team]]:
    from fastapi.testclient import TestClient

    from workbench.server.admin import init_db
    from workbench.server.app import create_app

    monkeypatch.setenv("WORKBENCH_NO_KEYRING", "1")  # tokens in 0600 files under the test's home
    made: list[tuple[Team, Any]] = []

    def make(db_url: str) -> Team:
        init_db(db_url)
        client = TestClient(create_app(db_url), base_url=URL)
        home = tmp_path / f"team-{len(made)}"  # every team its own laptops' files
        home.mkdir()
        team = Team(db_url, client, home, [])
        made.append((team, client))
        return team

    yield make
    for team, client in made:
        for laptop in team.laptops:
            laptop.store.close()
        client.close()


@pytest.fixture
def team(make_team: Callable[[str], Team], server_db_url: str) -> Team:
    return make_team(server_db_url)
