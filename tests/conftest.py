"""Shared fixtures: a fresh store per test under tmp_path, an offscreen Qt, and a throwaway
PostgreSQL cluster (pg_url, pg_db_url)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# New stores are plain in the tests (and in the CLI subprocesses they start) even where an OS
# keyring would encrypt them; tests/store/test_encryption.py asks for encryption itself.
os.environ.setdefault("WORKBENCH_ENCRYPT", "0")

import pytest
from pgcluster import TEST_DATABASE, PgCluster, PgUnavailable

from workbench.services.context import Context
from workbench.services.users import current_user
from workbench.store.engine import Store, open_store


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Nothing a test does touches the real user's data, logs or caches."""
    monkeypatch.setenv("WORKBENCH_HOME", str(tmp_path / "home"))


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = open_store(tmp_path / "test.sqlite")
    yield s
    s.close()


@pytest.fixture
def ctx(store: Store) -> Context:
    return Context(store, current_user(store).id)


@pytest.fixture(scope="session")
def demo_store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small generated store shared (read-only) by the tests that only read."""
    from workbench.services.demo import generate

    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    s = open_store(path)
    generate(s, customers=400)
    s.close()
    return path


# -- PostgreSQL (the sync server's store): tests/pgcluster.py -------------------------------


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[PgCluster]:
    """A throwaway PostgreSQL cluster for the whole session, stopped and removed at its end.

    Skips the test when the server binaries are missing, unless WORKBENCH_REQUIRE_PG=1
    (CI sets it): then the test fails, so the PostgreSQL tests never go silently unrun.
    """
    try:
        cluster = PgCluster()
    except PgUnavailable as e:
        if os.environ.get("WORKBENCH_REQUIRE_PG") == "1":
            pytest.fail(f"WORKBENCH_REQUIRE_PG=1 but PostgreSQL is unavailable: {e}", pytrace=False)
        pytest.skip(f"PostgreSQL unavailable: {e}")
    try:
        cluster.start()
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture(scope="session")
def pg_url(pg_cluster: PgCluster) -> str:
    """SQLAlchemy URL of the session's database ``workbench_test`` (shared by every test)."""
    return pg_cluster.url(TEST_DATABASE)


@pytest.fixture
def pg_db_url(pg_cluster: PgCluster) -> Iterator[str]:
    """SQLAlchemy URL of a fresh, empty database for this test only, dropped afterwards
    (open connections to it are ended; dispose your engine anyway)."""
    name = pg_cluster.create_database()
    try:
        yield pg_cluster.url(name)
    finally:
        pg_cluster.drop_database(name)
