"""Fixtures of the store's tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.store.keyring_memory import MemoryKeyring, memory_keyring_installed


@pytest.fixture
def memory_keyring(monkeypatch: pytest.MonkeyPatch) -> Iterator[MemoryKeyring]:
    """An OS keyring that works; new stores are encrypted by default with it."""
    with memory_keyring_installed(monkeypatch) as ring:
        yield ring
