"""Shared fixtures: a fresh store per test under tmp_path, and an offscreen Qt."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

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
