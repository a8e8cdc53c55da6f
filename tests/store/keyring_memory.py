"""An OS keyring for the tests: a real ``keyring`` backend (set with ``keyring.set_keyring``)
that keeps its secrets in memory. A headless Linux has no Secret Service; this stands in
for it so that the keyring path of the store's key (``workbench.store.keys``) runs through
the ``keyring`` package as it does on a desktop."""

from __future__ import annotations

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
