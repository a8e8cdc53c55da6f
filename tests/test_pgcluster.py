"""The throwaway PostgreSQL cluster of tests/pgcluster.py, through its fixtures."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pgcluster import PgCluster
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url


def test_session_database_answers(pg_url: str) -> None:
    url = make_url(pg_url)
    assert url.drivername == "postgresql+psycopg"
    assert url.database == "workbench_test"
    engine = create_engine(pg_url)
    try:
        with engine.connect() as conn:
            version = conn.execute(text("SELECT version()")).scalar_one()
            encoding = conn.execute(text("SHOW server_encoding")).scalar_one()
            fsync = conn.execute(text("SHOW fsync")).scalar_one()
    finally:
        engine.dispose()
    assert version.startswith("PostgreSQL ")
    assert encoding == "UTF8"
    assert fsync == "off"


@pytest.fixture
def other_db_url(pg_db_url: str, pg_cluster: PgCluster) -> Iterator[str]:
    # A second per-test database, made the same way as pg_db_url's.
    name = pg_cluster.create_database()
    yield pg_cluster.url(name)
    pg_cluster.drop_database(name)


def test_per_test_databases_are_separate(pg_db_url: str, other_db_url: str, pg_url: str) -> None:
    assert len({pg_db_url, other_db_url, pg_url}) == 3
    a, b = create_engine(pg_db_url), create_engine(other_db_url)
    try:
        with a.begin() as conn:
            conn.execute(text("CREATE TABLE note (body text)"))
            conn.execute(text("INSERT INTO note VALUES ('只在 A 里')"))
        with b.connect() as conn:
            assert conn.execute(text("SELECT to_regclass('note')")).scalar() is None
        with a.connect() as conn:
            assert conn.execute(text("SELECT body FROM note")).scalar_one() == "只在 A 里"
    finally:
        a.dispose()
        b.dispose()


def test_a_per_test_database_starts_empty(pg_db_url: str) -> None:
    # Runs after the test above created a table in its own database: nothing leaks.
    engine = create_engine(pg_db_url)
    try:
        with engine.connect() as conn:
            n = conn.execute(
                text("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")
            ).scalar_one()
    finally:
        engine.dispose()
    assert n == 0
