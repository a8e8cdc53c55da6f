"""Fixtures of the server tests: a fresh server database (SQLite, or PostgreSQL through the
session's throwaway cluster) and an in-process server over it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from workbench.server import db
from workbench.server.app import create_app

from .harness import Device, Server


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'server.sqlite'}"


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'server.sqlite'}"
    else:
        url = str(request.getfixturevalue("pg_db_url"))
    yield url
    db.dispose(url)


def _server(url: str) -> Iterator[Server]:
    with TestClient(create_app(url), base_url="http://testserver") as http:
        yield Server(url, http)
    db.dispose(url)


@pytest.fixture
def server(db_url: str) -> Iterator[Server]:
    """A server over SQLite and over PostgreSQL (the merge and authorisation suites)."""
    yield from _server(db_url)


@pytest.fixture
def lite(sqlite_url: str) -> Iterator[Server]:
    """A server over SQLite only (HTTP details that do not depend on the database)."""
    yield from _server(sqlite_url)


@pytest.fixture
def a(server: Server) -> Device:
    return server.device("王经理")


@pytest.fixture
def b(server: Server) -> Device:
    return server.device("李经理")
