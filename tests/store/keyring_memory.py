"""An OS keyring for the tests: a real ``keyring`` backend (set with ``keyring.set_keyring``)
that keeps its secrets in memory. A headless Linux has no Secret Service; this stands in
for it so that the keyring path of the store's key (``workbench.store.keys``) runs through
the ``keyring`` package as it does on a desktop."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import keyring
import pytest
from keyring.backend import KeyringBackend


class MemoryKeyring(KeyringBackend):
    priority = 10  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.secrets.pop((service, username), None)


@contextmanager
def memory_keyring_installed(monkeypatch: pytest.MonkeyPatch) -> Iterator[MemoryKeyring]:
    """A working OS keyring for the block; new stores are encrypted by default with it
    (``WORKBENCH_ENCRYPT`` unset), and the session's known keys are forgotten around it."""
    from workbench.store import keys

    before = keyring.get_keyring()
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    monkeypatch.delenv("WORKBENCH_ENCRYPT", raising=False)
    monkeypatch.delenv("WORKBENCH_NO_KEYRING", raising=False)
    monkeypatch.delenv("WORKBENCH_PASSPHRASE", raising=False)
    keys.forget()
    try:
        yield ring
    finally:
        keys.forget()
        keyring.set_keyring(before)
