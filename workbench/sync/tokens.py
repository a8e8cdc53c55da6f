"""Where a device keeps its sync token: the OS keyring, or a file only its owner can read.

``keyring`` raises ``NoKeyringError`` (or offers only its "fail" / plaintext backends) on a
headless Linux; then the token goes to ``<data dir>/tokens/<device>.token`` with mode 0600.
Which keyring is safe to use is decided in one place, ``workbench.keyring_access`` (the
store's encryption key uses it too): never the plaintext ``keyrings.alt``.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from workbench import config
from workbench.keyring_access import usable_keyring

log = logging.getLogger(__name__)

SERVICE = "workbench-sync"


def _file(device_id: str) -> Path:
    return config.paths().data / "tokens" / f"{device_id}.token"


def save_token(device_id: str, token: str) -> str:
    """Store ``token`` for ``device_id``; returns where it went (``keyring`` or a path)."""
    backend = usable_keyring()
    if backend is not None:
        try:
            backend.set_password(SERVICE, device_id, token)  # type: ignore[attr-defined]
            _file(device_id).unlink(missing_ok=True)
            return "keyring"
        except Exception as exc:  # a locked or broken keyring: fall back to the file
            log.warning("keyring refused the sync token (%s); using a 0600 file", exc)
    path = _file(device_id)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path.with_suffix(".tmp"), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        out.write(token)
    os.replace(path.with_suffix(".tmp"), path)
    os.chmod(path, 0o600)
    return str(path)


def load_token(device_id: str) -> str | None:
    backend = usable_keyring()
    if backend is not None:
        try:
            found = backend.get_password(SERVICE, device_id)  # type: ignore[attr-defined]
            if found:
                return str(found)
        except Exception as exc:
            log.warning("keyring could not be read (%s)", exc)
    path = _file(device_id)
    return path.read_text(encoding="utf-8").strip() if path.exists() else None


def move_token(old_device_id: str, new_device_id: str) -> None:
    """The device took a new identity: its token follows it."""
    token = load_token(old_device_id)
    if token:
        save_token(new_device_id, token)
