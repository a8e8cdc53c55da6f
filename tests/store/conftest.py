"""Fixtures of the store's tests."""

from __future__ import annotations

from collections.abc import Iterator

import keyring
import pytest

from tests.store.keyring_memory import MemoryKeyring


@pytest.fixture
def memory_keyring(monkeypatch: pytest.MonkeyPatch) -> Iterator[MemoryKeyring]:
    """An OS keyring that works; new stores are encrypted by default with it."""
    from workbench.store import keys

    before = keyring.get_keyring()
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    monkeypatch.delenv("WORKBENCH_ENCRYPT", raising=False)  # the default: encrypted where a keyring works
    monkeypatch.delenv("WORKBENCH_NO_KEYRING", raising=False)
    monkeypatch.delenv("WORKBENCH_PASSPHRASE", raising=False)
    keys.forget()
    yield ring
    keys.forget()
    keyring.set_keyring(before)
